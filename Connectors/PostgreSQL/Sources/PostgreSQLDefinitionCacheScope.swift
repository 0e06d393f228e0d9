import SchemaSyncCore

extension PostgreSQLSession {
    /// The server version, the database's encoding and locale, the settings that change how
    /// PostgreSQL prints expressions back, the installed extensions and the managed schema (not
    /// the database name, so the databases of a fleet share entries): what
    /// besides the desired schema decides a scratch copy's definitions. One query. No caching
    /// with a dev database (its server could change behind the same URL).
    public func definitionCacheScope() throws -> String? {
        guard options.devURL == nil else { return nil }
        let rows = try connection.run("""
            SELECT concat_ws('|', current_setting('server_version_num'), current_setting('server_encoding'),
                   d.datcollate, d.datctype, current_setting('search_path'), current_setting('standard_conforming_strings'),
                   current_setting('DateStyle'), current_setting('IntervalStyle'),
                   (SELECT string_agg(extname || ' ' || extversion, ',' ORDER BY extname) FROM pg_extension))
            FROM pg_database d WHERE d.datname = current_database()
            """)
        guard let scope = rows.first?.first ?? nil else { return nil }
        return "postgresql|\(postgresDialect.schema)|\(scope)"
    }
}
