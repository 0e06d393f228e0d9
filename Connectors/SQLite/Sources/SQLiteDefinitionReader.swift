import SchemaSyncCore

/// Reads SQLite's own definition of every managed object — the pragma rows (`table_xinfo`,
/// `index_list`, `index_xinfo`, `foreign_key_list`) and, for what no pragma reports (checks,
/// collations, generated expressions, AUTOINCREMENT, index and view text, table options), the
/// stored `sqlite_schema.sql` reduced to normalised tokens — for verification that does not go
/// through the neutral model. Reads ``SQLiteCatalogRows`` (five queries whatever the number of
/// tables, none when the inspector just read the same catalog), and one more when there are views.
///
/// Names SQLite does not keep (foreign keys, checks) are not compared: objects are matched by
/// definition.
struct SQLiteDefinitionReader {
    typealias T = SQLiteTokenizer
    let database: SQLiteDatabase

    func read() throws -> [EngineDefinition] {
        do {
            // SQLite ignores the case of names (ASCII letters only): compare them folded as it
            // does (texts with values keep theirs).
            return try readRows().map { definition in
                var folded = definition
                folded.table = definition.table.map(IdentifierRules.asciiLowercased)
                folded.name = IdentifierRules.asciiLowercased(definition.name)
                if ["index", "foreign key", EngineDefinition.columnOrderKind].contains(definition.kind) {
                    folded.text = definition.text.lowercased()
                }
                return folded
            }
        } catch let failure as SQLiteFailure {
            throw SchemaSyncError(.inspectionFailed, "cannot read SQLite's definitions in '\(database.location)'", cause: failure.message)
        }
    }

    private func readRows() throws -> [EngineDefinition] {
        var result: [EngineDefinition] = []
        let rows = try SQLiteCatalogRows.current(database, for: .definitions)
        var details: [String: ColumnDetails] = [:]
        var hasViews = false
        for row in rows.objects {
            guard let type = row[0], let name = row[1], let sql = row[3], !Self.isVirtual(sql) else { continue }
            switch type {
            case "table":
                let parsed = Self.tableDetails(sql)
                details[name.lowercased()] = parsed
                result.append(EngineDefinition(kind: "table", table: nil, name: name, text: parsed.options.joined(separator: " ")))
                for check in parsed.checks {
                    result.append(EngineDefinition(kind: "check", table: name, name: check, text: "CHECK (\(check))"))
                }
            case "index":
                result.append(EngineDefinition(kind: "index sql", table: row[2], name: name, text: Self.statementText(sql)))
            case "view":
                hasViews = true
                result.append(EngineDefinition(kind: "view", table: nil, name: name, text: Self.statementText(sql)))
            default:
                continue
            }
        }
        var order: [String: [String]] = [:]
        for row in rows.tableColumns {
            // Virtual tables have no details and are not compared.
            guard let table = row[0], let column = row[1], let tableDetails = details[table.lowercased()] else { continue }
            order[table, default: []].append(column)
            let extra = tableDetails.columns[column.lowercased()] ?? []
            var parts = ["type=" + Self.normalized(row[2] ?? "").uppercased()]
            parts.append("notnull=" + (row[3] ?? ""))
            if let value = row[4] { parts.append("default=" + Self.defaultText(value)) }
            parts.append("pk=" + (row[5] ?? "") + " hidden=" + (row[6] ?? ""))
            result.append(EngineDefinition(kind: "column", table: table, name: column, text: (parts + extra).joined(separator: " ")))
        }
        // A view's column types follow its tables (compared themselves); its names are in the order row.
        if hasViews {
            for row in try database.query("""
                SELECT m.name, p.name FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS p
                WHERE m.type = 'view' ORDER BY m.name, p.cid
                """) {
                guard let view = row[0], let column = row[1] else { continue }
                order[view, default: []].append(column)
            }
        }
        // SQLite keeps the order and SchemaSync places columns (by rebuild): the order is compared.
        for (table, names) in order {
            result.append(EngineDefinition(kind: EngineDefinition.columnOrderKind, table: table, name: "columns",
                                           text: names.joined(separator: ", ")))
        }
        result += Self.indexDefinitions(rows.indexColumns, of: details)
        result += Self.foreignKeyDefinitions(rows.foreignKeys, of: details)
        return result
    }

    /// `CREATE VIRTUAL TABLE ...` (as SQLite's `LIKE`, ignoring the case of ASCII letters).
    private static func isVirtual(_ sql: String) -> Bool {
        sql.utf8.prefix(14).elementsEqual("CREATE VIRTUAL".utf8) { a, b in a | 0x20 == b | 0x20 }
    }

    /// One definition per index of a table in `details`: its flags and key parts.
    private static func indexDefinitions(_ rows: [[String?]], of details: [String: ColumnDetails]) -> [EngineDefinition] {
        var result: [EngineDefinition] = []
        var k = 0
        while k < rows.count {
            let first = rows[k]
            var parts: [String] = []
            while k < rows.count, rows[k][0] == first[0], rows[k][1] == first[1] {
                parts.append("\(rows[k][7] ?? "<expr>") \(rows[k][8] ?? "") \(rows[k][9] ?? "")")
                k += 1
            }
            guard let table = first[0], let name = first[1], details[table.lowercased()] != nil else { continue }
            let keyParts = parts.joined(separator: ", ")
            let text = "unique=\(first[2] ?? "") origin=\(first[3] ?? "") partial=\(first[4] ?? "") (\(keyParts))"
            // Indexes SQLite creates for UNIQUE / PRIMARY KEY are named by position: match them by columns.
            let automatic = name.hasPrefix("sqlite_autoindex_")
            result.append(EngineDefinition(kind: "index", table: table, name: automatic ? "\(first[3] ?? "")(\(keyParts))" : name, text: text))
        }
        return result
    }

    /// One definition per foreign key of a table in `details`: its columns, target and actions.
    private static func foreignKeyDefinitions(_ rows: [[String?]], of details: [String: ColumnDetails]) -> [EngineDefinition] {
        var result: [EngineDefinition] = []
        var k = 0
        while k < rows.count {
            let first = rows[k]
            var from: [String] = [], to: [String] = []
            while k < rows.count, rows[k][0] == first[0], rows[k][1] == first[1] {
                from.append(rows[k][4] ?? "")
                to.append(rows[k][5] ?? "")
                k += 1
            }
            guard let table = first[0], details[table.lowercased()] != nil else { continue }
            let name = "(\(from.joined(separator: ","))) → \((first[3] ?? "").lowercased())(\(to.joined(separator: ",")))"
            result.append(EngineDefinition(kind: "foreign key", table: table, name: name,
                                           text: "on update \(first[6] ?? "") on delete \(first[7] ?? "") match \(first[8] ?? "")"))
        }
        return result
    }

    /// What a `CREATE TABLE` holds that no pragma reports, per column (lower-cased name) and for the table.
    struct ColumnDetails {
        var columns: [String: [String]] = [:]
        var checks: [String] = []
        var options: [String] = []
    }

    static func tableDetails(_ sql: String) -> ColumnDetails {
        var details = ColumnDetails()
        let tokens = T.tokenize(sql)
        guard let open = tokens.firstIndex(where: { $0.kind == .symbol && $0.value == "(" }),
              let close = T.matchingParen(tokens, from: open) else { return details }
        // Table options (`WITHOUT ROWID`, `STRICT`) in any order: SQLite gives the order no meaning.
        details.options = T.splitTopLevel(tokens, (close + 1)..<tokens.count)
            .map { tokens[$0].filter { $0.kind == .word }.map(\.folded).joined(separator: " ") }
            .filter { !$0.isEmpty }.sorted()
        for part in T.splitTopLevel(tokens, (open + 1)..<close) where !part.isEmpty {
            let first = tokens[part.lowerBound]
            let isConstraint = ["constraint", "primary", "unique", "check", "foreign"].contains { first.isKeyword($0) }
            var extra: [String] = []
            var k = isConstraint ? part.lowerBound : part.lowerBound + 1
            while k < part.upperBound {
                let token = tokens[k]
                let nextIsParen = k + 1 < part.upperBound && tokens[k + 1].value == "(" && tokens[k + 1].kind == .symbol
                if token.isKeyword("check"), nextIsParen, let end = T.matchingParen(tokens, from: k + 1) {
                    details.checks.append(normalized(tokens[(k + 2)..<end]))
                    k = end + 1
                } else if token.isKeyword("as"), nextIsParen, let end = T.matchingParen(tokens, from: k + 1) {
                    let stored = end + 1 < part.upperBound && tokens[end + 1].isKeyword("stored")
                    extra.append("generated=(\(normalized(tokens[(k + 2)..<end]))) \(stored ? "stored" : "virtual")")
                    k = end + 1
                } else if token.isKeyword("collate"), k + 1 < part.upperBound {
                    extra.append("collate=" + tokens[k + 1].value.lowercased())
                    k += 2
                } else if token.isKeyword("autoincrement") {
                    extra.append("autoincrement")
                    k += 1
                } else if token.isKeyword("default") || token.isKeyword("references") {
                    k = skipClause(tokens, from: k + 1, end: part.upperBound)
                } else {
                    k += 1
                }
            }
            if !isConstraint { details.columns[first.value.lowercased()] = extra }
        }
        return details
    }

    /// Skips a DEFAULT value or REFERENCES target (a parenthesised group or one token, then its parenthesised list).
    private static func skipClause(_ tokens: [T.Token], from start: Int, end: Int) -> Int {
        var k = start
        while k < end {
            if tokens[k].kind == .symbol, tokens[k].value == "(", let close = T.matchingParen(tokens, from: k) {
                k = close + 1
                continue
            }
            if tokens[k].kind == .word, ["not", "null", "primary", "unique", "check", "collate", "generated", "as",
                                         "constraint", "references", "default"].contains(tokens[k].folded), k > start {
                return k
            }
            k += 1
        }
        return k
    }

    /// A stored `CREATE ...` statement as normalised tokens, without `IF NOT EXISTS` (how it was
    /// created, not what it is).
    static func statementText(_ sql: String) -> String {
        var tokens = T.tokenize(sql)
        if let k = (0..<max(0, tokens.count - 2)).first(where: {
            tokens[$0].isKeyword("if") && tokens[$0 + 1].isKeyword("not") && tokens[$0 + 2].isKeyword("exists")
        }), k <= 4 {
            tokens.removeSubrange(k...(k + 2))
        }
        return normalized(tokens[...])
    }

    /// A default as stored (`'x'`, `(1)`, `CURRENT_TIMESTAMP`) in one spelling: outer parentheses removed.
    static func defaultText(_ value: String) -> String {
        var tokens = T.tokenize(value)
        while tokens.count >= 2, tokens.first?.value == "(", tokens.first?.kind == .symbol,
              T.matchingParen(tokens, from: 0) == tokens.count - 1 {
            tokens = Array(tokens[1..<(tokens.count - 1)])
        }
        return normalized(tokens[...])
    }

    static func normalized(_ sql: String) -> String {
        normalized(T.tokenize(sql)[...])
    }

    /// Tokens in one spelling: keywords and identifiers lower-cased and unquoted, strings quoted, one space apart.
    static func normalized(_ tokens: ArraySlice<T.Token>) -> String {
        tokens.map { token -> String in
            switch token.kind {
            case .word: return token.folded
            case .quotedIdentifier: return token.value.lowercased()
            case .string: return SQLQuoting.enclosing(token.value, in: "'")
            case .symbol: return token.value
            }
        }.joined(separator: " ")
    }
}
