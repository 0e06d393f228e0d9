import SchemaSyncCore

/// Reads MariaDB's own definition of every managed object of one database from
/// information_schema — column types, defaults, EXTRA (auto_increment, ON UPDATE, generated),
/// character sets and collations, index rows, foreign key rules, check clauses, table options,
/// view bodies and options — for verification that does not go through the neutral model.
///
/// Nine queries whatever the number of tables. The database's own name is removed from view
/// bodies; AUTO_INCREMENT counters, row counts and view DEFINERs are not compared.
struct MariaDBDefinitionReader {
    let database: String
    let run: (String) throws -> [[String?]]

    func read() throws -> [EngineDefinition] {
        let db = MariaDBDialect().quoteString(database)
        var result: [EngineDefinition] = []
        // Every query filters on the constant database name: MariaDB's information_schema scans
        // every database of the server otherwise, and joins between its views do.
        let tableRows = try run(tables(db))
        let views = Set(try run("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = \(db)").compactMap { $0[0] })
        for sql in [tableRows, try run(columns(db)), try run(columnOrder(db)), try run(indexes(db)), try run(checks(db)), try run(viewRows(db))] {
            for row in sql {
                guard row.count == 4, let kind = row[0], let name = row[2] else { continue }
                if kind != "view", views.contains(row[1] ?? name) { continue }
                result.append(EngineDefinition(kind: kind, table: row[1], name: name, text: strip(row[3] ?? "")))
            }
        }
        result += try foreignKeys(db)
        return result
    }

    /// Foreign keys: columns and referenced columns from KEY_COLUMN_USAGE, rules from REFERENTIAL_CONSTRAINTS.
    private func foreignKeys(_ db: String) throws -> [EngineDefinition] {
        var rules: [String: String] = [:]
        for row in try run("""
            SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA = \(db)
            """) {
            rules["\(row[0] ?? "")\u{1F}\(row[1] ?? "")"] = "ON UPDATE \(row[2] ?? "") ON DELETE \(row[3] ?? "")"
        }
        return try run("""
            SELECT TABLE_NAME, CONSTRAINT_NAME,
                   GROUP_CONCAT(COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR ', '), MAX(REFERENCED_TABLE_NAME),
                   GROUP_CONCAT(REFERENCED_COLUMN_NAME ORDER BY ORDINAL_POSITION SEPARATOR ', '),
                   IF(MAX(REFERENCED_TABLE_SCHEMA) <> \(db), ' (other database)', '')
            FROM information_schema.KEY_COLUMN_USAGE
            WHERE TABLE_SCHEMA = \(db) AND REFERENCED_TABLE_NAME IS NOT NULL
            GROUP BY TABLE_NAME, CONSTRAINT_NAME
            """).compactMap { row in
            guard let table = row[0], let name = row[1] else { return nil }
            let text = "FOREIGN KEY (\(row[2] ?? "")) REFERENCES \(row[3] ?? "") (\(row[4] ?? "")) "
                + (rules["\(table)\u{1F}\(name)"] ?? "") + (row[5] ?? "")
            return EngineDefinition(kind: "constraint", table: table, name: name, text: text)
        }
    }

    /// Removes `` `database`. `` qualifiers from view bodies.
    func strip(_ text: String) -> String {
        text.replacingOccurrences(of: MariaDBDialect().quoteIdentifier(database) + ".", with: "")
    }

    private func tables(_ db: String) -> String {
        """
        SELECT 'table', NULL, TABLE_NAME, CONCAT_WS(' ', CONCAT('type=', TABLE_TYPE), CONCAT('engine=', ENGINE),
               CONCAT('row_format=', ROW_FORMAT), CONCAT('collation=', TABLE_COLLATION),
               CONCAT('options=', NULLIF(CREATE_OPTIONS, '')), CONCAT('comment=', NULLIF(TABLE_COMMENT, '')))
        FROM information_schema.TABLES WHERE TABLE_SCHEMA = \(db) AND TABLE_TYPE <> 'VIEW'
        """
    }

    private func columns(_ db: String) -> String {
        """
        SELECT 'column', c.TABLE_NAME, c.COLUMN_NAME, CONCAT_WS(' ', c.COLUMN_TYPE,
               IF(c.IS_NULLABLE = 'NO', 'NOT NULL', 'NULL'), CONCAT('DEFAULT ', c.COLUMN_DEFAULT),
               NULLIF(c.EXTRA, ''), CONCAT('charset=', c.CHARACTER_SET_NAME), CONCAT('collation=', c.COLLATION_NAME),
               CONCAT('AS (', c.GENERATION_EXPRESSION, ')'), CONCAT('comment=', NULLIF(c.COLUMN_COMMENT, '')))
        FROM information_schema.COLUMNS c
        WHERE c.TABLE_SCHEMA = \(db)
        """
    }

    /// Each table's columns in order: MariaDB keeps the order and SchemaSync places columns (AFTER / FIRST).
    private func columnOrder(_ db: String) -> String {
        """
        SELECT '\(EngineDefinition.columnOrderKind)', c.TABLE_NAME, 'columns',
               GROUP_CONCAT(c.COLUMN_NAME ORDER BY c.ORDINAL_POSITION SEPARATOR ', ')
        FROM information_schema.COLUMNS c
        WHERE c.TABLE_SCHEMA = \(db)
        GROUP BY c.TABLE_NAME
        """
    }

    private func indexes(_ db: String) -> String {
        """
        SELECT 'index', TABLE_NAME, INDEX_NAME, CONCAT_WS(' ', IF(MAX(NON_UNIQUE) = 0, 'UNIQUE', NULL), MAX(INDEX_TYPE),
               CONCAT('(', GROUP_CONCAT(CONCAT_WS(' ', COALESCE(COLUMN_NAME, '<expr>'), CONCAT('(', SUB_PART, ')'),
                                                  IF(COLLATION = 'D', 'DESC', NULL)) ORDER BY SEQ_IN_INDEX SEPARATOR ', '), ')'),
               CONCAT('comment=', NULLIF(MAX(INDEX_COMMENT), '')), IF(MAX(IGNORED) = 'YES', 'IGNORED', NULL))
        FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = \(db)
        GROUP BY TABLE_NAME, INDEX_NAME
        """
    }

    private func checks(_ db: String) -> String {
        """
        SELECT 'constraint', TABLE_NAME, CONSTRAINT_NAME, CONCAT('CHECK (', CHECK_CLAUSE, ')')
        FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = \(db)
        """
    }

    private func viewRows(_ db: String) -> String {
        """
        SELECT 'view', NULL, TABLE_NAME, CONCAT_WS(' ', VIEW_DEFINITION, CONCAT('check_option=', CHECK_OPTION),
               CONCAT('security=', SECURITY_TYPE), CONCAT('algorithm=', ALGORITHM))
        FROM information_schema.VIEWS WHERE TABLE_SCHEMA = \(db)
        """
    }
}
