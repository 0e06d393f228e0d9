import SchemaSyncCore

/// Reads MariaDB's own definition of every managed object of one database from
/// information_schema — column types, defaults, EXTRA (auto_increment, ON UPDATE, generated),
/// character sets and collations, index rows, foreign key rules, check clauses, table options,
/// view bodies and options — for verification that does not go through the neutral model.
///
/// Six queries whatever the number of tables. The database's own name is removed from view
/// bodies; AUTO_INCREMENT counters, row counts and view DEFINERs are not compared.
struct MariaDBDefinitionReader {
    let database: String
    let run: (String) throws -> [[String?]]

    func read() throws -> [EngineDefinition] {
        let db = MariaDBDialect().quoteString(database)
        var result: [EngineDefinition] = []
        for sql in [tables(db), columns(db), columnOrder(db), indexes(db), constraints(db), views(db)] {
            for row in try run(sql) {
                guard row.count == 4, let kind = row[0], let name = row[2] else { continue }
                result.append(EngineDefinition(kind: kind, table: row[1], name: name, text: strip(row[3] ?? "")))
            }
        }
        return result
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
        JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
        WHERE c.TABLE_SCHEMA = \(db) AND t.TABLE_TYPE <> 'VIEW'
        """
    }

    /// Each table's columns in order: MariaDB keeps the order and SchemaSync places columns (AFTER / FIRST).
    private func columnOrder(_ db: String) -> String {
        """
        SELECT '\(EngineDefinition.columnOrderKind)', c.TABLE_NAME, 'columns',
               GROUP_CONCAT(c.COLUMN_NAME ORDER BY c.ORDINAL_POSITION SEPARATOR ', ')
        FROM information_schema.COLUMNS c
        JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
        WHERE c.TABLE_SCHEMA = \(db) AND t.TABLE_TYPE <> 'VIEW'
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

    /// Foreign keys (columns, referenced columns, rules) and checks (clause).
    private func constraints(_ db: String) -> String {
        """
        SELECT 'constraint', tc.TABLE_NAME, tc.CONSTRAINT_NAME,
               CASE tc.CONSTRAINT_TYPE
               WHEN 'FOREIGN KEY' THEN (
                   SELECT CONCAT('FOREIGN KEY (', GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),
                                 ') REFERENCES ', MAX(k.REFERENCED_TABLE_NAME), ' (',
                                 GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION SEPARATOR ', '),
                                 ') ON UPDATE ', MAX(r.UPDATE_RULE), ' ON DELETE ', MAX(r.DELETE_RULE),
                                 IF(MAX(k.REFERENCED_TABLE_SCHEMA) <> tc.TABLE_SCHEMA, ' (other database)', ''))
                   FROM information_schema.KEY_COLUMN_USAGE k
                   JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                     ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
                   WHERE k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME
                     AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME)
               WHEN 'CHECK' THEN (
                   SELECT CONCAT('CHECK (', MAX(cc.CHECK_CLAUSE), ')') FROM information_schema.CHECK_CONSTRAINTS cc
                   WHERE cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.TABLE_NAME = tc.TABLE_NAME
                     AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME)
               END
        FROM information_schema.TABLE_CONSTRAINTS tc
        WHERE tc.CONSTRAINT_SCHEMA = \(db) AND tc.CONSTRAINT_TYPE IN ('FOREIGN KEY', 'CHECK')
        """
    }

    private func views(_ db: String) -> String {
        """
        SELECT 'view', NULL, TABLE_NAME, CONCAT_WS(' ', VIEW_DEFINITION, CONCAT('check_option=', CHECK_OPTION),
               CONCAT('security=', SECURITY_TYPE), CONCAT('algorithm=', ALGORITHM))
        FROM information_schema.VIEWS WHERE TABLE_SCHEMA = \(db)
        """
    }
}
