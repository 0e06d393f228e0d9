import SchemaSyncCore

/// Reads a SQLite database's schema from ``SQLiteCatalogRows``: five queries whatever the
/// number of tables (none when the definition reader just read the same catalog).
struct SQLiteCatalogInspector {
    let database: SQLiteDatabase
    /// Renders defaults, to tell which stored spellings to keep.
    var dialect = SQLiteDialect(libraryVersion: SQLiteDatabase.libraryVersion)

    /// The number of queries ``inspect()`` issues.
    static let queryCount = SQLiteCatalogRows.queryCount

    func inspect() throws -> Schema {
        do {
            return try read()
        } catch let error as SQLiteFailure {
            throw SchemaSyncError(.inspectionFailed, "cannot read the schema of SQLite database '\(database.location)'", cause: error.message)
        }
    }

    private func read() throws -> Schema {
        let rows = try SQLiteCatalogRows.current(database, for: .inspector)
        let objects = rows.objects, columnRows = rows.tableColumns, foreignKeyRows = rows.foreignKeys
        var indexRows: [[String?]] = [] // table, index, unique, origin, partial: one per index
        for row in rows.indexColumns where indexRows.last.map({ $0[0] != row[0] || $0[1] != row[1] }) ?? true {
            indexRows.append(Array(row[0..<5]))
        }

        var tables: [String: Table] = [:]
        var tableOrder: [String] = []
        var tableSQL: [String: SQLiteDefinitionParser.TableInfo] = [:]
        var indexSQL: [String: String] = [:]
        var views: [View] = []
        var unmanaged: [UnmanagedObject] = []
        for row in objects {
            guard let type = row[0], let name = row[1] else { continue }
            let sql = row[3] ?? ""
            switch type {
            case "table":
                if sql.uppercased().hasPrefix("CREATE VIRTUAL") {
                    unmanaged.append(UnmanagedObject(kind: "virtual table", name: name, definition: sql))
                    continue
                }
                tables[name] = Table(name: name)
                tableOrder.append(name)
                let info = SQLiteDefinitionParser.table(sql)
                tableSQL[name] = info
                if info.withoutRowID { tables[name]!.attributes["sqlite.without_rowid"] = "true" }
                if info.strict { tables[name]!.attributes["sqlite.strict"] = "true" }
            case "index": indexSQL[name] = sql
            case "view": views.append(View(name: name, definition: SQLiteDefinitionParser.viewDefinition(sql)))
            case "trigger": unmanaged.append(UnmanagedObject(kind: "trigger", name: name, table: row[2], definition: sql))
            default: unmanaged.append(UnmanagedObject(kind: type, name: name, table: row[2], definition: sql))
            }
        }

        var primaryKeys: [String: [(Int, String)]] = [:]
        // Each table's columns in an array of their exact number (appending one by one leaves
        // up to half of the capacity unused, which at 1,000 tables is megabytes).
        var columnCounts: [String: Int] = [:]
        for row in columnRows { if let tableName = row[0] { columnCounts[tableName, default: 0] += 1 } }
        for (tableName, count) in columnCounts where tables[tableName] != nil { tables[tableName]!.columns.reserveCapacity(count) }
        for row in columnRows {
            guard let tableName = row[0], let name = row[1], tables[tableName] != nil else { continue }
            let info = tableSQL[tableName]!
            let hidden = Int(row[6] ?? "0") ?? 0
            if hidden == 1 { continue } // hidden columns of virtual tables
            var column = Column(name: name, type: SQLiteTypeMapping.dataType(declared: row[2] ?? ""),
                                nullable: row[3] != "1", defaultValue: SQLiteDefaultValue.parse(row[4]))
            if let spelling = SQLiteTypeMapping.spellingToKeep(declared: row[2] ?? "") { column.nativeTypes["sqlite"] = spelling }
            if let collation = info.collations[name] { column.attributes[SQLiteDialect.collationAttribute] = collation }
            if let spelling = SQLiteDefaultValue.spellingToKeep(row[4], value: column.defaultValue, dialect: dialect) {
                column.attributes[SQLiteDefaultValue.spellingAttribute] = spelling
            }
            if let generated = info.generated[name], hidden >= 2 {
                column.generated = Column.Generated(expression: generated.expression, stored: hidden == 3)
                column.defaultValue = nil
            }
            if let position = Int(row[5] ?? "0"), position > 0 {
                primaryKeys[tableName, default: []].append((position, name))
                if info.autoincrementColumn == name { column.identity = .byDefault } // NOT NULL kept as written
            }
            tables[tableName]!.columns.append(column)
        }
        for (name, key) in primaryKeys {
            let columns = key.sorted { $0.0 < $1.0 }.map(\.1)
            // An INTEGER PRIMARY KEY (the rowid) never holds NULL, but its nullability is read as
            // the catalog has it (whether NOT NULL was written), so a recreated table reads as declared.
            tables[name]!.primaryKey = PrimaryKey(name: tableSQL[name]?.primaryKeyName, columns: columns)
        }

        // index -> (column name or nil for expression, desc, collation when not the column's own)
        var indexParts: [String: [(String?, Bool, String?)]] = [:]
        for row in rows.indexColumns { // table, index, unique, origin, partial, seqno, cid, column, desc, coll
            guard let index = row[1], let tableName = row[0] else { continue }
            let column = row[6] == "-2" ? nil : row[7]
            var collation: String?
            if let column, let coll = row[9] {
                let own = tables[tableName]?.column(named: column)?.attributes[SQLiteDialect.collationAttribute] ?? "BINARY"
                if coll.caseInsensitiveCompare(own) != .orderedSame { collation = coll }
            }
            indexParts[index, default: []].append((column, row[8] == "1", collation))
        }
        for row in indexRows {
            guard let tableName = row[0], let name = row[1], tables[tableName] != nil else { continue }
            let origin = row[3] ?? "c"
            if origin == "pk" { continue }
            let unique = row[2] == "1"
            if origin == "u" {
                // An inline UNIQUE constraint: SQLite names its index sqlite_autoindex_*, which no one may create.
                let columns = (indexParts[name] ?? []).compactMap(\.0)
                let constraintName = tableSQL[tableName]?.uniqueNames[columns] ?? GeneratedName.make(tableName, columns, "key")
                tables[tableName]!.uniqueConstraints.append(UniqueConstraint(name: constraintName, columns: columns))
                continue
            }
            let parsed = indexSQL[name].map(SQLiteDefinitionParser.index)
            var parts: [Index.Part] = []
            for (position, part) in (indexParts[name] ?? []).enumerated() {
                let written = parsed.flatMap { position < $0.parts.count ? $0.parts[position] : nil }
                // A COLLATE written in the index is kept as written, even when it is the column's own.
                let collation = written?.collation ?? part.2
                if let column = part.0 {
                    parts.append(Index.Part(column: column, descending: part.1, collation: collation))
                } else {
                    let text = written?.text ?? "?"
                    parts.append(Index.Part(expression: ExpressionText.stripOuterParentheses(text), descending: part.1, collation: collation))
                }
            }
            tables[tableName]!.indexes.append(Index(name: name, parts: parts, unique: unique,
                                                    predicate: row[4] == "1" ? parsed?.predicate : nil))
        }

        var foreignKeys: [String: [Int: ForeignKey]] = [:]
        for row in foreignKeyRows {
            guard let tableName = row[0], let id = Int(row[1] ?? ""), let refTable = row[3], let from = row[4],
                  tables[tableName] != nil else { continue }
            var key = foreignKeys[tableName]?[id] ?? ForeignKey(
                name: "", columns: [], referencedTable: refTable, referencedColumns: [],
                onDelete: Self.action(row[7]), onUpdate: Self.action(row[6]))
            key.columns.append(from)
            if let to = row[5] { key.referencedColumns.append(to) }
            foreignKeys[tableName, default: [:]][id] = key
        }
        for (tableName, keys) in foreignKeys {
            let info = tableSQL[tableName]!
            for id in keys.keys.sorted(by: >) { // SQLite numbers foreign keys in reverse declaration order
                var key = keys[id]!
                if key.referencedColumns.isEmpty { // REFERENCES t without columns: t's primary key
                    key.referencedColumns = tables[key.referencedTable]?.primaryKey?.columns ?? []
                }
                key.name = info.foreignKeyNames[key.columns] ?? GeneratedName.make(tableName, key.columns, "fkey")
                tables[tableName]!.foreignKeys.append(key)
            }
        }

        for name in tableOrder {
            var checkNumber = 0
            for check in tableSQL[name]!.checks {
                checkNumber += 1
                let generated = checkNumber == 1 ? "\(name)_check" : "\(name)_check\(checkNumber)"
                tables[name]!.checks.append(CheckConstraint(name: check.name ?? generated, expression: check.expression))
            }
        }
        return Schema(tables: tableOrder.map { tables[$0]! }, views: views, unmanaged: unmanaged).sorted()
    }

    private static func action(_ text: String?) -> ForeignKey.Action {
        switch text?.uppercased() {
        case "CASCADE": return .cascade
        case "SET NULL": return .setNull
        case "SET DEFAULT": return .setDefault
        case "RESTRICT": return .restrict
        default: return .noAction
        }
    }
}
