/// Every field of the pragma rows the SQLite inspector reads, and what becomes of it: `model`,
/// `verified` (compared through the engine's own definitions, failing closed), or `ignored` with
/// the reason. A test lists each pragma's columns and fails on any field missing here.
public enum SQLiteCatalogCoverage {
    public static let fields: [String: [String: String]] = [
        "table_xinfo": [
            "cid": "model: column order (not compared)", "name": "model: column name", "type": "model: declared type",
            "notnull": "model: nullability", "dflt_value": "model: default, and its spelling where it differs from the rendering", "pk": "model: primary key",
            "hidden": "model: generated columns (2, 3); 1 marks virtual-table columns (unmanaged)",
        ],
        "index_list": [
            "seq": "ignored: position", "name": "model: index name", "unique": "model: unique",
            "origin": "model: UNIQUE/PRIMARY KEY constraints vs CREATE INDEX", "partial": "model: predicate",
        ],
        "index_xinfo": [
            "seqno": "model: key order", "cid": "model: column, or -2 for an expression", "name": "model: column name",
            "desc": "model: DESC", "coll": "model: a key column's collation when not the column's own; verified: expression parts", "key": "model: key columns; auxiliary ones ignored",
        ],
        "foreign_key_list": [
            "id": "ignored: position", "seq": "model: column order", "table": "model: referenced table", "from": "model: column",
            "to": "model: referenced column", "on_update": "model: ON UPDATE", "on_delete": "model: ON DELETE",
            "match": "verified: MATCH (SQLite parses, never enforces)",
        ],
    ]
}
