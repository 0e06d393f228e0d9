import SchemaSyncCore

extension SQLiteSession {
    /// The library's version and source id: SQLite's definitions of a scratch copy (the stored
    /// `CREATE` text and the pragma rows of an in-memory database) depend on nothing else. One query.
    public func definitionCacheScope() throws -> String? {
        guard let scope = try query("SELECT sqlite_version() || '|' || sqlite_source_id()").first?.first ?? nil else { return nil }
        return "sqlite|\(scope)"
    }
}
