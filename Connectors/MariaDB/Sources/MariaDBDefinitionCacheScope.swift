import SchemaSyncCore

extension MariaDBSession {
    /// The server version, SQL mode, the database's character set and collation, name case
    /// rules, the default row format and the user (a view's definer), not the database name (its
    /// definitions are read without it): what besides the desired schema decides
    /// a scratch copy's definitions. One query. No caching with a dev database (its server could
    /// change behind the same URL).
    public func definitionCacheScope() throws -> String? {
        guard options.devURL == nil else { return nil }
        let rows = try connection.query("""
            SELECT CONCAT_WS('|', VERSION(), @@sql_mode, @@character_set_database, @@collation_database,
                   @@lower_case_table_names, @@innodb_default_row_format, @@explicit_defaults_for_timestamp,
                   @@default_storage_engine, CURRENT_USER())
            """)
        guard let scope = rows.first?.first ?? nil else { return nil }
        return "mariadb|\(scope)"
    }
}
