/// Every field of the information_schema rows the MariaDB inspector reads, and what becomes of
/// it: `model`, `verified` (compared through the engine's own definitions, failing closed), or
/// `ignored` with the reason. A test lists the server's columns and fails on any field missing here.
public enum MariaDBCatalogCoverage {
    static let identity = "ignored: identifies the row"
    public static let fields: [String: [String: String]] = [
        "COLUMNS": [
            "TABLE_CATALOG": identity, "TABLE_SCHEMA": identity, "TABLE_NAME": "model: table", "COLUMN_NAME": "model: column name",
            "ORDINAL_POSITION": "model: column order (not compared)", "COLUMN_DEFAULT": "model: default", "IS_NULLABLE": "model: nullability",
            "DATA_TYPE": "ignored: part of COLUMN_TYPE", "CHARACTER_MAXIMUM_LENGTH": "ignored: part of COLUMN_TYPE",
            "CHARACTER_OCTET_LENGTH": "ignored: derived", "NUMERIC_PRECISION": "ignored: part of COLUMN_TYPE", "NUMERIC_SCALE": "ignored: part of COLUMN_TYPE",
            "DATETIME_PRECISION": "ignored: part of COLUMN_TYPE", "CHARACTER_SET_NAME": "model: mariadb.charset attribute",
            "COLLATION_NAME": "model: mariadb.collation attribute", "COLUMN_TYPE": "model: type", "COLUMN_KEY": "ignored: derived from indexes",
            "EXTRA": "model: auto_increment, ON UPDATE, generated, INVISIBLE; verified: the rest", "PRIVILEGES": "ignored: privileges are not schema shape",
            "COLUMN_COMMENT": "model: comment", "IS_GENERATED": "model: generated", "GENERATION_EXPRESSION": "model: generated expression",
            "IS_SYSTEM_TIME_PERIOD_START": "ignored: system-versioning periods (MariaDB 11.x); the table shows as SYSTEM VERSIONED in TABLE_TYPE, which is verified",
            "IS_SYSTEM_TIME_PERIOD_END": "ignored: system-versioning periods (MariaDB 11.x); the table shows as SYSTEM VERSIONED in TABLE_TYPE, which is verified",
        ],
        "STATISTICS": [
            "TABLE_CATALOG": identity, "TABLE_SCHEMA": identity, "TABLE_NAME": "model: table", "NON_UNIQUE": "model: unique",
            "INDEX_SCHEMA": identity, "INDEX_NAME": "model: index name", "SEQ_IN_INDEX": "model: key order", "COLUMN_NAME": "model: key column",
            "COLLATION": "model: DESC", "CARDINALITY": "ignored: statistics", "SUB_PART": "model: prefix length", "PACKED": "ignored: storage",
            "NULLABLE": "ignored: derived from the column", "INDEX_TYPE": "model: method; verified: FULLTEXT/SPATIAL",
            "COMMENT": "ignored: disabled-key state, transient", "INDEX_COMMENT": "verified: index comment", "IGNORED": "verified: IGNORED indexes",
        ],
        "TABLES": [
            "TABLE_CATALOG": identity, "TABLE_SCHEMA": identity, "TABLE_NAME": "model: table name", "TABLE_TYPE": "model: table or view; verified: system-versioned",
            "ENGINE": "model: mariadb.engine attribute", "VERSION": "ignored: storage format", "ROW_FORMAT": "verified: row format",
            "TABLE_ROWS": "ignored: statistics", "AVG_ROW_LENGTH": "ignored: statistics", "DATA_LENGTH": "ignored: statistics",
            "MAX_DATA_LENGTH": "ignored: statistics", "INDEX_LENGTH": "ignored: statistics", "DATA_FREE": "ignored: statistics",
            "AUTO_INCREMENT": "ignored: the counter is data, not schema", "CREATE_TIME": "ignored: statistics", "UPDATE_TIME": "ignored: statistics",
            "CHECK_TIME": "ignored: statistics", "TABLE_COLLATION": "model: mariadb.collation attribute", "CHECKSUM": "ignored: statistics",
            "CREATE_OPTIONS": "verified: table options", "TABLE_COMMENT": "model: comment", "MAX_INDEX_LENGTH": "ignored: statistics",
            "TEMPORARY": "ignored: temporary tables are per session",
        ],
        "TABLE_CONSTRAINTS": [
            "CONSTRAINT_CATALOG": identity, "CONSTRAINT_SCHEMA": identity, "CONSTRAINT_NAME": "model: name", "TABLE_SCHEMA": identity,
            "TABLE_NAME": "model: table", "CONSTRAINT_TYPE": "model: primary key, unique, foreign key, check",
        ],
        "REFERENTIAL_CONSTRAINTS": [
            "CONSTRAINT_CATALOG": identity, "CONSTRAINT_SCHEMA": identity, "CONSTRAINT_NAME": "model: name",
            "UNIQUE_CONSTRAINT_CATALOG": identity, "UNIQUE_CONSTRAINT_SCHEMA": "verified: keys to other databases",
            "UNIQUE_CONSTRAINT_NAME": "ignored: derived from the referenced columns", "MATCH_OPTION": "ignored: always NONE on InnoDB",
            "UPDATE_RULE": "model: ON UPDATE", "DELETE_RULE": "model: ON DELETE", "TABLE_NAME": "model: table", "REFERENCED_TABLE_NAME": "model: referenced table",
        ],
        "KEY_COLUMN_USAGE": [
            "CONSTRAINT_CATALOG": identity, "CONSTRAINT_SCHEMA": identity, "CONSTRAINT_NAME": "model: name", "TABLE_CATALOG": identity,
            "TABLE_SCHEMA": identity, "TABLE_NAME": "model: table", "COLUMN_NAME": "model: column", "ORDINAL_POSITION": "model: column order",
            "POSITION_IN_UNIQUE_CONSTRAINT": "ignored: derived", "REFERENCED_TABLE_SCHEMA": "verified: keys to other databases",
            "REFERENCED_TABLE_NAME": "model: referenced table", "REFERENCED_COLUMN_NAME": "model: referenced column",
        ],
        "CHECK_CONSTRAINTS": [
            "CONSTRAINT_CATALOG": identity, "CONSTRAINT_SCHEMA": identity, "TABLE_NAME": "model: table", "CONSTRAINT_NAME": "model: name",
            "LEVEL": "ignored: a column-level check enforces the same as a table-level one; the level only records how it was written", "CHECK_CLAUSE": "model: expression",
        ],
        "VIEWS": [
            "TABLE_CATALOG": identity, "TABLE_SCHEMA": identity, "TABLE_NAME": "model: view name", "VIEW_DEFINITION": "model: definition",
            "CHECK_OPTION": "verified: WITH CHECK OPTION", "IS_UPDATABLE": "ignored: derived", "DEFINER": "ignored: the account that ran CREATE VIEW, not schema shape",
            "SECURITY_TYPE": "verified: SQL SECURITY", "CHARACTER_SET_CLIENT": "ignored: session setting at creation",
            "COLLATION_CONNECTION": "ignored: session setting at creation", "ALGORITHM": "verified: ALGORITHM",
        ],
    ]
}
