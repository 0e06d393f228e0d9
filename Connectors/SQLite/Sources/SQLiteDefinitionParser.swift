/// Reads what SQLite's pragmas do not report from stored `CREATE` statements: CHECK
/// constraints, AUTOINCREMENT, generated column expressions, foreign key names, index
/// expressions and predicates, and view bodies.
struct SQLiteDefinitionParser {
    typealias T = SQLiteTokenizer

    /// What a `CREATE TABLE` statement declares beyond the pragmas.
    struct TableInfo {
        var checks: [(name: String?, expression: String)] = []
        var autoincrementColumn: String?
        var generated: [String: (expression: String, stored: Bool)] = [:]
        /// Constraint names of foreign keys, keyed by their local columns.
        var foreignKeyNames: [[String]: String] = [:]
        var primaryKeyName: String?
        /// Names of table-level `CONSTRAINT name UNIQUE (...)`, keyed by their columns.
        var uniqueNames: [[String]: String] = [:]
        /// Column collations (`COLLATE NOCASE`).
        var collations: [String: String] = [:]
        var withoutRowID = false
        var strict = false
    }

    static func table(_ sql: String) -> TableInfo {
        var info = TableInfo()
        let tokens = T.tokenize(sql)
        guard let open = tokens.firstIndex(where: { $0.kind == .symbol && $0.value == "(" }),
              let close = T.matchingParen(tokens, from: open) else { return info }
        let trailing = tokens[(close + 1)...]
        info.withoutRowID = trailing.contains { $0.isKeyword("rowid") }
        info.strict = trailing.contains { $0.isKeyword("strict") }
        for part in T.splitTopLevel(tokens, (open + 1)..<close) where !part.isEmpty {
            let first = tokens[part.lowerBound]
            let tableConstraint = ["constraint", "primary", "unique", "check", "foreign"].contains { first.isKeyword($0) }
            if tableConstraint {
                readConstraints(sql, tokens, part, column: nil, into: &info)
            } else {
                let column = first.value
                readConstraints(sql, tokens, (part.lowerBound + 1)..<part.upperBound, column: column, into: &info)
            }
        }
        return info
    }

    private static func readConstraints(_ sql: String, _ tokens: [T.Token], _ range: Range<Int>, column: String?, into info: inout TableInfo) {
        var k = range.lowerBound
        var pendingName: String?
        while k < range.upperBound {
            let token = tokens[k]
            if token.isKeyword("constraint"), k + 1 < range.upperBound {
                pendingName = tokens[k + 1].value
                k += 2
                continue
            }
            if token.isKeyword("check"), k + 1 < range.upperBound, tokens[k + 1].value == "(",
               let end = T.matchingParen(tokens, from: k + 1) {
                info.checks.append((pendingName, T.text(sql, tokens, (k + 2)..<end)))
                pendingName = nil
                k = end + 1
                continue
            }
            if token.isKeyword("as"), k + 1 < range.upperBound, tokens[k + 1].value == "(", let column,
               let end = T.matchingParen(tokens, from: k + 1) {
                let stored = end + 1 < range.upperBound && tokens[end + 1].isKeyword("stored")
                info.generated[column] = (T.text(sql, tokens, (k + 2)..<end), stored)
                k = end + 1
                continue
            }
            if token.isKeyword("primary") {
                if pendingName != nil { info.primaryKeyName = pendingName }
                pendingName = nil
            }
            if token.isKeyword("autoincrement"), let column { info.autoincrementColumn = column }
            if token.isKeyword("collate"), let column, k + 1 < range.upperBound {
                info.collations[column] = tokens[k + 1].value
                k += 2
                continue
            }
            if token.isKeyword("unique"), column == nil,
               let open = (k..<range.upperBound).first(where: { tokens[$0].value == "(" }),
               let end = T.matchingParen(tokens, from: open) {
                let columns = T.splitTopLevel(tokens, (open + 1)..<end).map { tokens[$0.lowerBound].value }
                if let name = pendingName { info.uniqueNames[columns] = name }
                pendingName = nil
                k = end + 1
                continue
            }
            if token.isKeyword("foreign"), let open = (k..<range.upperBound).first(where: { tokens[$0].value == "(" }),
               let end = T.matchingParen(tokens, from: open) {
                let columns = T.splitTopLevel(tokens, (open + 1)..<end).map { tokens[$0.lowerBound].value }
                if let name = pendingName { info.foreignKeyNames[columns] = name }
                pendingName = nil
                k = end + 1
                continue
            }
            if token.isKeyword("references"), let column {
                if let name = pendingName { info.foreignKeyNames[[column]] = name }
                pendingName = nil
            }
            if token.kind == .symbol, token.value == "(", let end = T.matchingParen(tokens, from: k) {
                k = end + 1
                continue
            }
            k += 1
        }
    }

    /// Key parts (verbatim text, descending) and the WHERE predicate of a `CREATE INDEX`.
    struct IndexInfo {
        /// Key parts: the column name or expression text, and the `COLLATE` name written for it.
        var parts: [(text: String, isColumn: Bool, descending: Bool, collation: String?)] = []
        var predicate: String?
    }

    static func index(_ sql: String) -> IndexInfo {
        var info = IndexInfo()
        let tokens = T.tokenize(sql)
        guard let on = tokens.firstIndex(where: { $0.isKeyword("on") }),
              let open = tokens[on...].firstIndex(where: { $0.kind == .symbol && $0.value == "(" }),
              let close = T.matchingParen(tokens, from: open) else { return info }
        for part in T.splitTopLevel(tokens, (open + 1)..<close) where !part.isEmpty {
            var end = part.upperBound
            var descending = false
            if tokens[end - 1].isKeyword("desc") { descending = true; end -= 1 } else if tokens[end - 1].isKeyword("asc") { end -= 1 }
            var collation: String?
            if end - 2 >= part.lowerBound, tokens[end - 2].isKeyword("collate") { collation = tokens[end - 1].value; end -= 2 }
            let isColumn = end - part.lowerBound == 1 && tokens[part.lowerBound].isIdentifier
            let text = isColumn ? tokens[part.lowerBound].value : T.text(sql, tokens, part.lowerBound..<end)
            info.parts.append((text, isColumn, descending, collation))
        }
        if let whereIndex = tokens[(close + 1)...].firstIndex(where: { $0.isKeyword("where") }), whereIndex + 1 < tokens.count {
            info.predicate = T.text(sql, tokens, (whereIndex + 1)..<tokens.count)
        }
        return info
    }

    /// The SELECT of a `CREATE VIEW ... AS SELECT ...`. A view declared with a column list,
    /// `CREATE VIEW v(a, b) AS SELECT ...`, keeps its column names through an equivalent
    /// `WITH v(a, b) AS (SELECT ...) SELECT * FROM v`, since the model holds only the query.
    static func viewDefinition(_ sql: String) -> String {
        let tokens = T.tokenize(sql)
        var depth = 0
        var columnList: Range<Int>?
        for (k, token) in tokens.enumerated() {
            if token.kind == .symbol, token.value == "(" {
                if depth == 0, columnList == nil, k > 0, tokens[k - 1].isIdentifier, let close = T.matchingParen(tokens, from: k) {
                    columnList = (k + 1)..<close
                }
                depth += 1
            }
            if token.kind == .symbol, token.value == ")" { depth -= 1 }
            if depth == 0, token.isKeyword("as"), k + 1 < tokens.count {
                var text = T.text(sql, tokens, (k + 1)..<tokens.count)
                while text.hasSuffix(";") { text.removeLast() }
                guard let columnList, k > 0, tokens[k - 1].value == ")" else { return text }
                let names = T.splitTopLevel(tokens, columnList).map { T.text(sql, tokens, $0) }.joined(separator: ", ")
                return "WITH \"schemasync_view\"(\(names)) AS (\(text)) SELECT * FROM \"schemasync_view\""
            }
        }
        return sql
    }
}
