import Foundation
import SchemaSyncCore

/// A throwaway database on the target's server where desired SQL is loaded, so the SQL never
/// runs in the target database at all (no locks there, nothing it does can reach the target's
/// objects). Created from `template0` with the target's encoding and collation, so PostgreSQL
/// spells everything as it would in the target, and dropped afterwards.
///
/// Used when the user may create databases (CREATEDB or superuser); otherwise, or when the SQL
/// needs something only the target has (a type it does not declare), the SQL loads into a scratch
/// schema of the target inside a transaction that is rolled back.
struct PostgreSQLScratchDatabase {
    let session: PostgreSQLSession

    /// Whether the connected user may create databases.
    func isAvailable() -> Bool {
        let row = try? session.connection.run("SELECT rolcreatedb OR rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user").first
        return (row?.first ?? nil) == "t"
    }

    /// Runs `body` with a session on a new empty database, dropped afterwards (also when `body` throws).
    func run<T>(_ body: (PostgreSQLSession) throws -> T) throws -> T {
        let name = "schemasync_scratch_\(ProcessInfo.processInfo.processIdentifier)_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let dialect = session.postgresDialect
        let settings = try session.connection.run("""
            SELECT pg_catalog.pg_encoding_to_char(encoding), datcollate, datctype FROM pg_catalog.pg_database
            WHERE datname = pg_catalog.current_database()
            """).first
        var create = "CREATE DATABASE \(dialect.quoteIdentifier(name)) TEMPLATE template0"
        if let encoding = settings?[0] { create += " ENCODING \(dialect.quoteString(encoding))" }
        if let collate = settings?[1], let ctype = settings?[2] {
            create += " LC_COLLATE \(dialect.quoteString(collate)) LC_CTYPE \(dialect.quoteString(ctype))"
        }
        do {
            _ = try session.connection.run(create)
        } catch {
            throw session.fail(error, .inspectionFailed, "cannot create a scratch database on '\(session.url)'")
        }
        defer { _ = try? session.connection.run("DROP DATABASE IF EXISTS \(dialect.quoteIdentifier(name))") }
        var url = session.url
        url.path = "/" + name
        var options = session.options
        options.devURL = nil
        let scratch = try PostgreSQLSession(url: url, options: options)
        defer { scratch.close() }
        return try body(scratch)
    }
}
