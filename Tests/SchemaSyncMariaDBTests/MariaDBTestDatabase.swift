import Foundation
import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// A fresh, uniquely named database on the test server, dropped by ``drop()``.
///
/// The server comes from `SCHEMASYNC_MARIADB_URL` (see `integration/start-mariadb.sh`). When it
/// is unset the test is skipped, or fails under CI (see `CIEnvironment`).
final class MariaDBTestDatabase {
    static let variable = "SCHEMASYNC_MARIADB_URL"
    let name: String
    let url: DatabaseURL
    let serverURL: DatabaseURL
    private var sessions: [MariaDBSession] = []

    struct MissingServer: Error, CustomStringConvertible {
        var description: String { "\(MariaDBTestDatabase.variable) is not set; run integration/start-mariadb.sh" }
    }

    static func serverURL() throws -> DatabaseURL {
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else {
            if CIEnvironment.isCI {
                XCTFail("\(variable) is not set (CI is set): start the server with integration/start-mariadb.sh")
                throw MissingServer()
            }
            throw XCTSkip("\(variable) is not set; run: export \(variable)=$(integration/start-mariadb.sh)")
        }
        return try DatabaseURL(parsing: text)
    }

    init(prefix: String = "ss_test") throws {
        serverURL = try Self.serverURL()
        name = prefix + "_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        var url = serverURL
        url.path = name
        self.url = url
        let admin = try MariaDBSession(url: serverURL)
        defer { admin.close() }
        try admin.execute(RenderedStatement("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", changeIDs: []))
    }

    /// A new session on this database (closed by ``drop()``).
    func session(_ options: ConnectionOptions = .init()) throws -> MariaDBSession {
        let session = try MariaDBSession(url: url, options: options)
        sessions.append(session)
        return session
    }

    /// Runs SQL on a separate connection (independent of the session under test).
    @discardableResult
    func sql(_ text: String) throws -> [[String?]] {
        let session = try MariaDBSession(url: url)
        defer { session.close() }
        return try session.query(text)
    }

    /// Reads one information_schema column per row for this database, e.g. `columns("COLUMN_TYPE", table: "t")`.
    func columnInfo(_ table: String, _ field: String) throws -> [String: String?] {
        var result: [String: String?] = [:]
        for row in try sql("SELECT COLUMN_NAME, \(field) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '\(name)' AND TABLE_NAME = '\(table.replacingOccurrences(of: "'", with: "''"))'") {
            result[row[0]!] = row[1]
        }
        return result
    }

    func drop() {
        for session in sessions { session.close() }
        sessions = []
        if let admin = try? MariaDBSession(url: serverURL) {
            _ = try? admin.query("DROP DATABASE IF EXISTS `\(name)`")
            admin.close()
        }
    }
}

/// The example schema of the spec, plus a view: users, orders (FK with cascade), checks, a unique index.
enum ExampleSchema {
    static var schema: Schema {
        let users = Table(
            name: "users",
            columns: [
                Column(name: "id", type: .bigint, nullable: false, identity: .byDefault),
                Column(name: "email", type: .varchar(length: 320), nullable: false),
                Column(name: "created_at", type: .timestamptz, nullable: false, defaultValue: .function(.currentTimestamp)),
                Column(name: "display_name", type: .text),
                Column(name: "active", type: .boolean, nullable: false, defaultValue: .boolean(true)),
                Column(name: "status", type: .varchar(length: 20), nullable: false, defaultValue: .string("new")),
            ],
            primaryKey: PrimaryKey(columns: ["id"]),
            indexes: [Index(name: "users_email_key", columns: ["email"], unique: true)],
            checks: [CheckConstraint(name: "users_email_nonempty", expression: "email <> ''")])
        let orders = Table(
            name: "orders",
            columns: [
                Column(name: "id", type: .bigint, nullable: false, identity: .byDefault),
                Column(name: "user_id", type: .bigint, nullable: false),
                Column(name: "total", type: .decimal(precision: 12, scale: 2), nullable: false, defaultValue: .number("0")),
                Column(name: "placed_on", type: .date, defaultValue: .function(.currentDate)),
                Column(name: "total_cents", type: .bigint, generated: .init(expression: "total*100", stored: true)),
            ],
            primaryKey: PrimaryKey(columns: ["id"]),
            indexes: [Index(name: "orders_placed_on_idx", columns: ["placed_on"])],
            foreignKeys: [ForeignKey(name: "orders_user_id_fkey", columns: ["user_id"], referencedTable: "users",
                                     referencedColumns: ["id"], onDelete: .cascade)],
            checks: [CheckConstraint(name: "orders_total_positive", expression: "total >= 0")])
        let view = View(name: "order_totals",
                        definition: "SELECT u.id AS user_id, SUM(o.total) AS total FROM users u JOIN orders o ON o.user_id = u.id GROUP BY u.id")
        return Schema(tables: [users, orders], views: [view])
    }
}
