/// What SQLite reports about its catalog, as rows: `sqlite_schema` and the pragma table-valued
/// functions joined over it (columns, index key columns, foreign keys). Read in five queries
/// whatever the number of tables, and shared by the inspector and the definition reader, which
/// interpret the same rows independently: a plan reads them once instead of twice.
///
/// Kept per connection for the other reader while SQLite's schema version stays the same and
/// this connection runs no statement (another connection's change moves the version; a
/// rolled-back change of this one runs ROLLBACK, which drops them).
struct SQLiteCatalogRows {
    /// type, name, tbl_name, sql — every object but SQLite's own, by name.
    var objects: [[String?]]
    /// table, column, type, notnull, dflt_value, pk, hidden — by table, then column position.
    var tableColumns: [[String?]]
    /// table, index, unique, origin, partial, seqno, cid, column, desc, coll — key columns only,
    /// by table, index and position.
    var indexColumns: [[String?]]
    /// table, id, seq, referenced table, from, to, on_update, on_delete, match — by table, id, seq.
    var foreignKeys: [[String?]]

    /// Queries a read issues (the schema version, then the four row sets).
    static let queryCount = 5

    private static let userTables = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"

    /// Who reads the rows: each reads them once per catalog state.
    enum Reader { case inspector, definitions }

    /// The rows for the catalog as it is now: kept ones while still current and not yet read by
    /// `reader`, else read afresh. Kept until the other reader has had them too (they are as
    /// large as the catalog), so a plan reads the catalog once.
    static func current(_ database: SQLiteDatabase, for reader: Reader) throws -> SQLiteCatalogRows {
        let version = try database.query("PRAGMA schema_version").first?.first ?? nil
        if let kept = database.keptCatalogRows, let version, kept.version == version, kept.readBy != reader {
            database.keptCatalogRows = nil
            return kept.rows
        }
        let rows = try read(database)
        if let version { database.keptCatalogRows = (version, reader, rows) }
        return rows
    }

    private static func read(_ database: SQLiteDatabase) throws -> SQLiteCatalogRows {
        SQLiteCatalogRows(
            objects: try database.query(
                "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"),
            tableColumns: try database.query("""
                SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
                FROM sqlite_schema AS m JOIN pragma_table_xinfo(m.name) AS p
                WHERE \(userTables) ORDER BY m.name, p.cid
                """),
            indexColumns: try database.query("""
                SELECT m.name, il.name, il."unique", il.origin, il.partial, ii.seqno, ii.cid, ii.name, ii."desc", ii.coll
                FROM sqlite_schema AS m JOIN pragma_index_list(m.name) AS il JOIN pragma_index_xinfo(il.name) AS ii
                WHERE \(userTables) AND ii.key = 1 ORDER BY m.name, il.name, ii.seqno
                """),
            foreignKeys: try database.query("""
                SELECT m.name, fk.id, fk.seq, fk."table", fk."from", fk."to", fk.on_update, fk.on_delete, fk."match"
                FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS fk
                WHERE \(userTables) ORDER BY m.name, fk.id, fk.seq
                """))
    }
}
