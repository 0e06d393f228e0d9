import CLibPQ
import Foundation
import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// The environment variable naming the test server, e.g. `postgres://postgres@127.0.0.1:54329/postgres`.
let postgresURLVariable = "SCHEMASYNC_POSTGRES_URL"

/// The server URL from the environment; skips the test (fails it under CI, see ``CIEnvironment``) when unset.
func postgresServerURL(file: StaticString = #filePath, line: UInt = #line) throws -> DatabaseURL {
    guard let text = ProcessInfo.processInfo.environment[postgresURLVariable], !text.isEmpty else {
        let message = "\(postgresURLVariable) is not set; start a server with integration/start-postgres.sh"
        if CIEnvironment.isCI {
            XCTFail(message, file: file, line: line)
            throw SchemaSyncError(.usage, message)
        }
        throw XCTSkip(message)
    }
    return try DatabaseURL(parsing: text)
}

/// An independent libpq connection used to set up data and read results back, bypassing the connector.
final class RawPG {
    private var conn: OpaquePointer?

    init(_ url: DatabaseURL) throws {
        var parts: [String] = []
        func add(_ key: String, _ value: String?) {
            guard let value else { return }
            parts.append("\(key)='\(value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'")
        }
        add("host", url.host)
        add("port", url.port.map(String.init))
        add("user", url.user)
        add("password", url.password)
        add("dbname", url.databaseName.isEmpty ? nil : url.databaseName)
        conn = PQconnectdb(parts.joined(separator: " "))
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(conn))
            PQfinish(conn)
            conn = nil
            throw SchemaSyncError(.connectionFailed, "test connection failed", cause: message)
        }
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
    }

    deinit { if let conn { PQfinish(conn) } }

    /// Runs `sql` and returns its rows as text.
    @discardableResult
    func query(_ sql: String) throws -> [[String?]] {
        guard let result = PQexec(conn, sql) else { throw SchemaSyncError(.internalError, "no result") }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw SchemaSyncError(.applyFailed, "test query failed: \(sql)", cause: String(cString: PQresultErrorMessage(result)))
        }
        var rows: [[String?]] = []
        for r in 0..<PQntuples(result) {
            rows.append((0..<PQnfields(result)).map { c in
                PQgetisnull(result, r, c) == 1 ? nil : String(cString: PQgetvalue(result, r, c))
            })
        }
        return rows
    }

    /// The single value of a one-row, one-column query.
    func value(_ sql: String) throws -> String? {
        try query(sql).first?.first ?? nil
    }
}

/// A fresh database with a unique name, dropped when the test ends.
final class TestDatabase {
    let name: String
    let url: DatabaseURL
    let raw: RawPG
    private let server: DatabaseURL

    init(file: StaticString = #filePath, line: UInt = #line) throws {
        server = try postgresServerURL(file: file, line: line)
        name = "schemasync_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let admin = try RawPG(server)
        try admin.query("CREATE DATABASE \(name)")
        var url = server
        url.path = name
        url.query = [:]
        self.url = url
        raw = try RawPG(url)
    }

    /// The database URL, optionally managing another schema.
    func url(schema: String?) -> DatabaseURL {
        var copy = url
        if let schema { copy.query["schema"] = schema }
        return copy
    }

    /// A connector session on this database.
    func session(schema: String? = nil, options: ConnectionOptions = .init()) throws -> PostgreSQLSession {
        try PostgreSQLConnector().connect(to: url(schema: schema), options: options) as! PostgreSQLSession
    }

    /// Drops the database, closing any connection still using it.
    func drop() {
        guard let admin = try? RawPG(server) else { return }
        _ = try? admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

/// A base class creating one fresh database per test.
class PostgreSQLTestCase: XCTestCase {
    var db: TestDatabase!

    override func setUpWithError() throws {
        db = try TestDatabase()
    }

    override func tearDown() {
        db?.drop()
        db = nil
    }

    /// Applies `schema` through the sync engine on a new session and returns the report.
    @discardableResult
    func apply(_ schema: Schema, schemaName: String? = nil, allowDestructive: Bool = false) throws -> SyncReport {
        let session = try db.session(schema: schemaName)
        defer { session.close() }
        return try SyncEngine(session: session).apply(desired: schema, allowDestructive: allowDestructive)
    }

    /// The plan's applicable changes against the current database.
    func pendingChanges(_ schema: Schema, schemaName: String? = nil) throws -> [PlannedChange] {
        let session = try db.session(schema: schemaName)
        defer { session.close() }
        return try SyncEngine(session: session).plan(desired: schema, allowDestructive: true).plan.changes
    }
}

/// An example-like schema: users, orders with a foreign key, checks, indexes and a view.
func exampleSchema() -> Schema {
    let users = Table(
        name: "users",
        columns: [
            Column(name: "id", type: .bigint, identity: .byDefault),
            Column(name: "email", type: .varchar(length: 320), nullable: false),
            Column(name: "created_at", type: .timestamptz, nullable: false, defaultValue: .function(.currentTimestamp)),
            Column(name: "display_name", type: .text, comment: "shown in the UI"),
            Column(name: "active", type: .boolean, nullable: false, defaultValue: .boolean(true)),
            Column(name: "settings", type: .json, nativeTypes: ["postgresql": "jsonb"], nullable: false, defaultValue: .string("{}")),
        ],
        primaryKey: PrimaryKey(columns: ["id"]),
        uniqueConstraints: [UniqueConstraint(name: "users_email_key", columns: ["email"])],
        indexes: [Index(name: "users_created_idx", parts: [Index.Part(column: "created_at", descending: true)])],
        checks: [CheckConstraint(name: "users_email_nonempty", expression: "email <> ''")],
        comment: "people who sign in")
    let orders = Table(
        name: "orders",
        columns: [
            Column(name: "id", type: .bigint, identity: .always),
            Column(name: "user_id", type: .bigint, nullable: false),
            Column(name: "total", type: .decimal(precision: 12, scale: 2), nullable: false, defaultValue: .number("0")),
            Column(name: "status", type: .varchar(length: 20), nullable: false, defaultValue: .string("draft")),
            Column(name: "placed_on", type: .date),
            Column(name: "code", type: .uuid),
            Column(name: "note", type: .char(length: 3)),
            Column(name: "ratio", type: .double, defaultValue: .number("-1.5")),
        ],
        primaryKey: PrimaryKey(columns: ["id"]),
        indexes: [
            Index(name: "orders_user_idx", columns: ["user_id"]),
            Index(name: "orders_open_idx", columns: ["user_id"], predicate: "status <> 'done'"),
        ],
        foreignKeys: [ForeignKey(name: "orders_user_fk", columns: ["user_id"], referencedTable: "users",
                                 referencedColumns: ["id"], onDelete: .cascade)],
        checks: [CheckConstraint(name: "orders_total_positive", expression: "total >= 0")])
    let view = View(name: "open_orders", definition: "SELECT o.id, o.user_id, u.email FROM orders o JOIN users u ON u.id = o.user_id WHERE o.status <> 'done'")
    return Schema(tables: [users, orders], views: [view])
}
