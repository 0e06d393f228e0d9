import Foundation
import SchemaSyncCore

/// A throwaway database for letting the server parse SQL: `.sql` desired schemas, and
/// expressions MariaDB rewrites (checks, generated columns, defaults, views).
///
/// Without a dev URL it is `schemasync_scratch_<random>` on the same server, created with the
/// target database's character set and collation and dropped afterwards (the user needs the
/// CREATE and DROP privileges). With a dev URL, that database is used; it must be empty and is
/// emptied again afterwards.
struct MariaDBScratchDatabase {
    let settings: MariaDBConnectionSettings
    let options: ConnectionOptions
    let displayURL: String
    /// Character set and collation to create the scratch database with.
    let charset: String?
    let collation: String?

    /// Whether `error` says no scratch database could be made (missing privilege, no dev URL).
    static func isUnavailable(_ error: SchemaSyncError) -> Bool {
        error.code == .inspectionFailed && error.message.hasPrefix(unavailableMessage)
    }

    private static let unavailableMessage = "cannot create a scratch database"

    /// Runs `body` with a multi-statement connection whose current database is the scratch one.
    func run<T>(purpose: String, _ body: (MariaDBConnection, String) throws -> T) throws -> T {
        if let dev = options.devURL {
            return try runInDevDatabase(dev, purpose: purpose, body)
        }
        let connection = try MariaDBConnection(settings: settings, options: options, displayURL: displayURL,
                                               database: nil, multiStatements: true)
        defer { connection.close() }
        let name = "schemasync_scratch_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let quoted = "`\(name)`"
        var create = "CREATE DATABASE \(quoted)"
        if let charset { create += " CHARACTER SET \(charset)" }
        if let collation { create += " COLLATE \(collation)" }
        do {
            try connection.execute(create)
        } catch let error as SchemaSyncError {
            throw SchemaSyncError(.inspectionFailed, "\(Self.unavailableMessage) on '\(displayURL)' for \(purpose)",
                                  hint: "grant the user CREATE and DROP on schemasync_scratch_% databases, or pass --dev-url with an empty database",
                                  cause: error.cause ?? error.message)
        }
        defer { try? connection.execute("DROP DATABASE IF EXISTS \(quoted)") }
        try connection.execute("USE \(quoted)")
        return try body(connection, name)
    }

    private func runInDevDatabase<T>(_ dev: DatabaseURL, purpose: String, _ body: (MariaDBConnection, String) throws -> T) throws -> T {
        let devSettings = try MariaDBConnectionSettings(url: dev)
        var devOptions = options
        devOptions.devURL = nil
        let connection = try MariaDBConnection(settings: devSettings, options: devOptions, displayURL: dev.description,
                                               database: devSettings.database, multiStatements: true)
        defer { connection.close() }
        let db = MariaDBDialect().quoteString(devSettings.database)
        let existing = try connection.query("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = \(db)")
        if let count = existing.first?.first ?? nil, count != "0" {
            throw SchemaSyncError(.usage, "the dev database '\(dev)' is not empty (\(count) tables or views)",
                                  hint: "point --dev-url at an empty database used only by SchemaSync")
        }
        defer { try? empty(connection, database: devSettings.database) }
        return try body(connection, devSettings.database)
    }

    private func empty(_ connection: MariaDBConnection, database: String) throws {
        let dialect = MariaDBDialect()
        let rows = try connection.query("""
            SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = \(dialect.quoteString(database))
            """)
        var sql = "SET FOREIGN_KEY_CHECKS = 0;"
        for row in rows {
            guard let name = row[0] else { continue }
            sql += row[1] == "VIEW" ? " DROP VIEW IF EXISTS \(dialect.quoteIdentifier(name));"
                : " DROP TABLE IF EXISTS \(dialect.quoteIdentifier(name));"
        }
        sql += " SET FOREIGN_KEY_CHECKS = 1"
        try connection.execute(sql)
    }
}
