import SchemaSyncCore

/// Reads one database's schema from `information_schema` in a fixed number of queries — one
/// per object kind, whatever the number of tables:
/// tables, columns, index columns, foreign key columns, check constraints, views, and
/// unmanaged objects (triggers, procedures, functions, events, sequences).
///
/// MariaDB details handled here:
/// - `json` columns are `longtext` plus an automatic column-level `json_valid` check; the check
///   is folded into the type and not reported as a check constraint.
/// - MariaDB adds an index named after a foreign key when no index serves it; such an index
///   (same name, same columns, not unique) is implied by the key and not reported.
/// - View bodies lose their `` `database`. `` qualifiers.
struct MariaDBCatalogInspector {
    let connection: MariaDBConnection
    let database: String
    let dialect: MariaDBDialect

    /// How many queries ``inspect()`` sends.
    static let queryCount = 7

    func inspect() throws -> Schema {
        do {
            return try inspectUnchecked()
        } catch let error as SchemaSyncError where error.code == .applyFailed {
            throw SchemaSyncError(.inspectionFailed, "cannot read the catalog of '\(connection.displayURL)'",
                                  hint: error.hint, cause: error.message + (error.cause.map { ": " + $0 } ?? ""))
        }
    }

    private var db: String { dialect.quoteString(database) }

    private func inspectUnchecked() throws -> Schema {
        let tableRows = try connection.query("""
            SELECT s.DEFAULT_COLLATION_NAME, t.TABLE_NAME, t.TABLE_TYPE, t.ENGINE, t.TABLE_COLLATION, t.TABLE_COMMENT, t.CREATE_OPTIONS
            FROM information_schema.SCHEMATA s
            LEFT JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = s.SCHEMA_NAME
            WHERE s.SCHEMA_NAME = \(db) ORDER BY t.TABLE_NAME
            """)
        guard let first = tableRows.first else {
            throw SchemaSyncError(.inspectionFailed, "database '\(database)' does not exist on '\(connection.displayURL)'",
                                  hint: "create it first: CREATE DATABASE \(dialect.quoteIdentifier(database))")
        }
        let databaseCollation = first[0] ?? ""
        var tables: [String: Table] = [:]
        var order: [String] = []
        var viewNames = Set<String>()
        var unmanaged: [UnmanagedObject] = []
        for row in tableRows {
            guard let name = row[1], let type = row[2] else { continue }
            switch type {
            case "BASE TABLE", "SYSTEM VERSIONED":
                var table = Table(name: name)
                if let engine = row[3], engine.lowercased() != "innodb" { table.attributes[MariaDBDialect.Attribute.engine] = engine }
                if let collation = row[4], collation != databaseCollation {
                    table.attributes[MariaDBDialect.Attribute.collation] = collation
                    table.attributes[MariaDBDialect.Attribute.charset] = String(collation.prefix { $0 != "_" })
                }
                if let comment = row[5], !comment.isEmpty { table.comment = comment }
                table.attributes.merge(Self.createOptions(row[6] ?? "")) { a, _ in a }
                tables[name] = table
                order.append(name)
            case "VIEW": viewNames.insert(name)
            case "SEQUENCE": unmanaged.append(UnmanagedObject(kind: "sequence", name: name))
            default: unmanaged.append(UnmanagedObject(kind: type.lowercased(), name: name))
            }
        }

        let jsonColumns = try readChecks(into: &tables)
        try readColumns(into: &tables, jsonColumns: jsonColumns, databaseCollation: databaseCollation)
        try readIndexes(into: &tables)
        try readForeignKeys(into: &tables)
        let views = try readViews().filter { viewNames.contains($0.name) }
        unmanaged += try readUnmanaged()

        for name in order {
            guard var table = tables[name] else { continue }
            table.indexes.removeAll { index in
                table.foreignKeys.contains { fk in
                    fk.name == index.name && !index.unique && index.columnNames == fk.columns
                        && index.parts.allSatisfy { $0.prefixLength == nil && !$0.descending }
                }
            }
            tables[name] = table
        }
        return Schema(tables: order.compactMap { tables[$0] }, views: views, unmanaged: unmanaged).sorted()
    }

    /// Declared table options from `CREATE_OPTIONS` (`row_format=COMPRESSED key_block_size=8 ...`):
    /// row format and key block size as their own attributes, the rest verbatim in `mariadb.options`
    /// (a `partitioned` table lands there too, and is refused as a desired schema: not modelled).
    static func createOptions(_ text: String) -> [String: String] {
        var attributes: [String: String] = [:]
        var rest: [String] = []
        for word in text.split(separator: " ").map(String.init) {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            switch parts[0].lowercased() {
            case "row_format" where parts.count == 2: attributes[MariaDBDialect.Attribute.rowFormat] = parts[1].uppercased()
            case "key_block_size" where parts.count == 2: attributes[MariaDBDialect.Attribute.keyBlockSize] = parts[1]
            default: rest.append(word)
            }
        }
        if !rest.isEmpty { attributes[MariaDBDialect.Attribute.options] = rest.joined(separator: " ") }
        return attributes
    }

    /// Reads check constraints; returns the `table.column` keys of json columns.
    private func readChecks(into tables: inout [String: Table]) throws -> Set<String> {
        let rows = try connection.query("""
            SELECT TABLE_NAME, CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = \(db) ORDER BY TABLE_NAME, CONSTRAINT_NAME
            """)
        var json = Set<String>()
        for row in rows {
            guard let table = row[0], let name = row[1], let clause = row[3], tables[table] != nil else { continue }
            if row[2] == "Column", clause == "json_valid(\(dialect.quoteIdentifier(name)))" {
                json.insert(table + "\u{0}" + name)
                continue
            }
            tables[table]!.checks.append(CheckConstraint(name: name, expression: clause))
        }
        return json
    }

    private func readColumns(into tables: inout [String: Table], jsonColumns: Set<String>, databaseCollation: String) throws {
        let rows = try connection.query("""
            SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, GENERATION_EXPRESSION,
                   CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_COMMENT
            FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = \(db) ORDER BY TABLE_NAME, ORDINAL_POSITION
            """)
        for row in rows {
            guard let tableName = row[0], let name = row[1], let columnType = row[2], tables[tableName] != nil else { continue }
            let isJSON = jsonColumns.contains(tableName + "\u{0}" + name)
            let (type, native) = MariaDBTypeMapping.inspected(columnType: columnType, isJSON: isJSON)
            var column = Column(name: name, type: type, nullable: row[3] == "YES")
            if let native { column.nativeTypes[MariaDBDialect.dialectName] = native }
            let extra = (row[5] ?? "").lowercased()
            if extra.contains("auto_increment") { column.identity = .byDefault }
            if extra.contains("virtual generated") || extra.contains("stored generated") || extra.contains("persistent") {
                column.generated = .init(expression: row[6] ?? "", stored: !extra.contains("virtual"))
            } else {
                column.defaultValue = MariaDBDefaultValue.parse(row[4])
                if type == .boolean, case let .number(n)? = column.defaultValue, n == "0" || n == "1" {
                    column.defaultValue = .boolean(n == "1")
                }
            }
            if let range = extra.range(of: "on update ") {
                column.attributes[MariaDBDialect.Attribute.onUpdate] =
                    MariaDBDefaultValue.portableFunction(String(extra[range.upperBound...])).map(\.rawValue)
                    ?? String(extra[range.upperBound...])
            }
            if extra.split(separator: " ").contains("invisible") { column.attributes[MariaDBDialect.Attribute.invisible] = "true" }
            let tableCollation = tables[tableName]!.attributes[MariaDBDialect.Attribute.collation] ?? databaseCollation
            if !isJSON, let collation = row[8], collation != tableCollation {
                column.attributes[MariaDBDialect.Attribute.collation] = collation
                if let charset = row[7] { column.attributes[MariaDBDialect.Attribute.charset] = charset }
            }
            if let comment = row[9], !comment.isEmpty { column.comment = comment }
            tables[tableName]!.columns.append(column)
        }
    }

    private func readIndexes(into tables: inout [String: Table]) throws {
        let rows = try connection.query("""
            SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, COLLATION, SUB_PART, INDEX_TYPE
            FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = \(db) ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
            """)
        for row in rows {
            guard let tableName = row[0], let name = row[1], let column = row[3], tables[tableName] != nil else { continue }
            if name == "PRIMARY" {
                if tables[tableName]!.primaryKey == nil { tables[tableName]!.primaryKey = PrimaryKey(columns: []) }
                tables[tableName]!.primaryKey!.columns.append(column)
                continue
            }
            // MariaDB reports a SUB_PART (32) for SPATIAL key parts that no one declares or may declare.
            let spatial = (row[6] ?? "").uppercased() == "SPATIAL"
            let part = Index.Part(column: column, descending: row[4] == "D", prefixLength: spatial ? nil : row[5].flatMap { Int($0) })
            if let i = tables[tableName]!.indexes.firstIndex(where: { $0.name == name }) {
                tables[tableName]!.indexes[i].parts.append(part)
            } else {
                let type = (row[6] ?? "BTREE").lowercased()
                tables[tableName]!.indexes.append(Index(name: name, parts: [part], unique: row[2] == "0",
                                                        method: type == "btree" ? nil : type))
            }
        }
    }

    private func readForeignKeys(into tables: inout [String: Table]) throws {
        let rows = try connection.query("""
            SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
                   r.DELETE_RULE, r.UPDATE_RULE
            FROM information_schema.KEY_COLUMN_USAGE k
            JOIN information_schema.REFERENTIAL_CONSTRAINTS r
              ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
            WHERE k.TABLE_SCHEMA = \(db) AND k.REFERENCED_TABLE_NAME IS NOT NULL
            ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
            """)
        // InnoDB checks immediately, so RESTRICT (MariaDB's default) and NO ACTION are the same: report NO ACTION.
        func action(_ rule: String?) -> ForeignKey.Action {
            let parsed = ForeignKey.Action(rawValue: (rule ?? "").lowercased()) ?? .noAction
            return parsed == .restrict ? .noAction : parsed
        }
        for row in rows {
            guard let tableName = row[0], let name = row[1], let column = row[2], let refTable = row[3],
                  let refColumn = row[4], tables[tableName] != nil else { continue }
            if let i = tables[tableName]!.foreignKeys.firstIndex(where: { $0.name == name }) {
                tables[tableName]!.foreignKeys[i].columns.append(column)
                tables[tableName]!.foreignKeys[i].referencedColumns.append(refColumn)
            } else {
                tables[tableName]!.foreignKeys.append(ForeignKey(
                    name: name, columns: [column], referencedTable: refTable, referencedColumns: [refColumn],
                    onDelete: action(row[5]), onUpdate: action(row[6])))
            }
        }
    }

    private func readViews() throws -> [View] {
        let rows = try connection.query("""
            SELECT TABLE_NAME, VIEW_DEFINITION, ALGORITHM, SECURITY_TYPE, CHECK_OPTION, DEFINER
            FROM information_schema.VIEWS WHERE TABLE_SCHEMA = \(db) ORDER BY TABLE_NAME
            """)
        return rows.compactMap { row in
            guard let name = row[0] else { return nil }
            var view = View(name: name, definition: MariaDBExpression.strippingDatabase(row[1] ?? "", database: database))
            // Defaults are left out: UNDEFINED, SQL SECURITY DEFINER, no check option, the applying user as definer.
            typealias A = MariaDBDialect.Attribute
            if let algorithm = row[2], algorithm.uppercased() != "UNDEFINED" { view.attributes[A.algorithm] = algorithm.uppercased() }
            if let security = row[3], security.uppercased() != "DEFINER" { view.attributes[A.sqlSecurity] = security.uppercased() }
            if let check = row[4], check.uppercased() != "NONE" { view.attributes[A.checkOption] = check.uppercased() }
            if let definer = row[5], definer != dialect.currentUser { view.attributes[A.definer] = definer }
            return view
        }
    }

    private func readUnmanaged() throws -> [UnmanagedObject] {
        let rows = try connection.query("""
            SELECT 'trigger', TRIGGER_NAME, EVENT_OBJECT_TABLE,
                   CONCAT('CREATE TRIGGER `', REPLACE(TRIGGER_NAME, '`', '``'), '` ', ACTION_TIMING, ' ', EVENT_MANIPULATION,
                          ' ON `', REPLACE(EVENT_OBJECT_TABLE, '`', '``'), '` FOR EACH ROW ', ACTION_STATEMENT)
              FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = \(db)
            UNION ALL
            SELECT LOWER(ROUTINE_TYPE), ROUTINE_NAME, NULL, NULL FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = \(db)
            UNION ALL
            SELECT 'event', EVENT_NAME, NULL, NULL FROM information_schema.EVENTS WHERE EVENT_SCHEMA = \(db)
            """)
        return rows.compactMap { row in
            guard let kind = row[0], let name = row[1] else { return nil }
            return UnmanagedObject(kind: kind, name: name, table: row[2], definition: row[3])
        }
    }
}
