import Foundation
import SchemaSyncCore
@testable import SchemaSyncPostgreSQL
import XCTest

/// `--online` on a real server: writers on another connection go on while apply builds an index
/// and validates a foreign key and NOT NULL on a table with rows; an interrupted build is
/// finished by the next run. Read back from pg_index / pg_constraint / pg_attribute.
final class PostgreSQLOnlineTests: PostgreSQLTestCase {
    private func schema(online extras: Bool) -> Schema {
        let accounts = Table(name: "accounts", columns: [Column(name: "id", type: .integer, nullable: false)],
                             primaryKey: PrimaryKey(columns: ["id"]))
        var events = Table(name: "events", columns: [
            Column(name: "id", type: .bigint, nullable: false, identity: .byDefault),
            Column(name: "account_id", type: .integer, nullable: false),
            Column(name: "payload", type: .text, nullable: !extras),
        ], primaryKey: PrimaryKey(columns: ["id"]))
        if extras {
            events.indexes = [Index(name: "events_account_payload", columns: ["account_id", "payload"])]
            events.foreignKeys = [ForeignKey(name: "events_account_fk", columns: ["account_id"], referencedTable: "accounts", referencedColumns: ["id"])]
        }
        return Schema(tables: [accounts, events])
    }

    func testWritersGoOnWhileAnOnlineApplyBuildsAnIndexAndValidates() throws {
        try apply(schema(online: false))
        try db.raw.query("INSERT INTO accounts SELECT g FROM generate_series(1, 100) g")
        try db.raw.query("INSERT INTO events (account_id, payload) SELECT 1 + g % 100, md5(g::text) FROM generate_series(1, 600000) g")

        // A writer loop on its own connection, timing every insert.
        let writer = try RawPG(db.url)
        let log = Log()
        let stop = Flag()
        let thread = Thread {
            while !stop.isSet {
                let start = Date()
                do { try writer.query("INSERT INTO events (account_id, payload) VALUES (1, 'live')") } catch { log.fail("\(error)"); return }
                log.insert(start, Date())
            }
        }
        thread.start()

        let session = try db.session(options: ConnectionOptions(lockTimeout: 2, online: true))
        defer { session.close() }
        var options = SyncEngine.ApplyOptions()
        options.onStatementStart = { _, statement in log.begin(statement.sql) }
        options.onStatement = { _, statement in log.end(statement.sql) }
        let report = try SyncEngine(session: session).apply(desired: schema(online: true), allowDestructive: false, options: options)
        stop.set()
        while !thread.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertNil(log.failure)

        let sql = report.statements.map(\.sql)
        XCTAssertTrue(sql.contains { $0.hasPrefix("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"events_account_payload\"") }, "\(sql)")
        XCTAssertTrue(sql.contains { $0.contains("VALIDATE CONSTRAINT \"events_account_fk\"") }, "\(sql)")
        XCTAssertTrue(sql.contains { $0.contains("ALTER COLUMN \"payload\" SET NOT NULL") }, "\(sql)")
        // Never blocked longer than the lock timeout, and writes completed while the index was built and the key validated.
        XCTAssertLessThan(log.longestInsert, 2.0, "a writer waited \(log.longestInsert) s")
        // A writer the build held up would have waited about as long as the build itself.
        let build = try XCTUnwrap(log.window(of: "CREATE INDEX CONCURRENTLY"))
        let buildSeconds = build.1.timeIntervalSince(build.0)
        if buildSeconds > 0.2 {
            XCTAssertLessThan(log.longestInsert, buildSeconds / 2, "a writer waited \(log.longestInsert) s during a \(buildSeconds) s build")
        }
        for step in ["CREATE INDEX CONCURRENTLY", "VALIDATE CONSTRAINT \"events_account_fk\""] {
            let window = try XCTUnwrap(log.window(of: step), step)
            XCTAssertGreaterThan(log.insertsWithin(window), 0, "no insert completed while \(step) ran (\(window.1.timeIntervalSince(window.0)) s)")
        }
        XCTAssertEqual(try db.raw.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'events_account_payload'::regclass"), "t")
        XCTAssertEqual(try db.raw.value("SELECT convalidated FROM pg_constraint WHERE conname = 'events_account_fk'"), "t")
        XCTAssertEqual(try db.raw.value("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'events'::regclass AND attname = 'payload'"), "t")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_constraint WHERE conname LIKE 'schemasync_nn_%'"), "0")
    }

    /// A saved plan names its schema: applied through a URL managing another schema it is refused.
    func testASavedPlanIsRefusedForAnotherSchema() throws {
        try apply(schema(online: false), schemaName: "staging")
        try apply(schema(online: false), schemaName: "prod")
        let staging = try db.session(schema: "staging")
        defer { staging.close() }
        let engine = SyncEngine(session: staging)
        let report = try engine.plan(desired: schema(online: true), allowDestructive: false)
        let saved = try engine.savedPlan(of: report, desired: schema(online: true), tool: "test", database: "x", createdAt: "2026-01-01T00:00:00Z")
        let prod = try db.session(schema: "prod")
        defer { prod.close() }
        XCTAssertThrowsError(try SyncEngine(session: prod).apply(saved: saved)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .planStale, "\(error)")
        }
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_indexes WHERE indexname = 'events_account_payload'"), "0")
        try SyncEngine(session: staging).apply(saved: saved)
        XCTAssertEqual(try db.raw.value("SELECT schemaname FROM pg_indexes WHERE indexname = 'events_account_payload'"), "staging")
    }

    /// An index left invalid (as an interrupted CREATE INDEX CONCURRENTLY leaves it) is dropped
    /// and built again concurrently, and the printed plan puts those steps after COMMIT.
    func testAnInvalidIndexIsRebuiltConcurrently() throws {
        try apply(schema(online: true))
        try db.raw.query("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'events_account_payload'::regclass")
        let session = try db.session(options: ConnectionOptions(online: true))
        defer { session.close() }
        let engine = SyncEngine(session: session)
        let plan = try engine.plan(desired: schema(online: true), allowDestructive: false)
        let after = plan.statements.filter { $0.phase == .afterTransaction }.map(\.sql)
        XCTAssertEqual(after, [#"DROP INDEX CONCURRENTLY IF EXISTS "public"."events_account_payload""#,
                               #"CREATE INDEX CONCURRENTLY IF NOT EXISTS "events_account_payload" ON "public"."events" ("account_id", "payload")"#])
        let hazards = plan.hazards.values.flatMap { $0 }.map(\.kind)
        XCTAssertTrue(hazards.contains(.notTransactional) && !hazards.contains(.blocksWrites), "\(plan.hazards)")
        try engine.apply(desired: schema(online: true), allowDestructive: false)
        XCTAssertEqual(try db.raw.value("SELECT indisvalid FROM pg_index WHERE indexrelid = 'events_account_payload'::regclass"), "t")
        XCTAssertTrue(try engine.plan(desired: schema(online: true), allowDestructive: false).plan.isEmpty)
    }
}

extension RawPG: @unchecked Sendable {}

/// What the writer loop and the apply did, and when.
private final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var inserts: [(Date, Date)] = []
    private var started: [String: Date] = [:]
    private var windows: [(String, Date, Date)] = []
    private(set) var failure: String?

    func insert(_ start: Date, _ end: Date) { lock.lock(); inserts.append((start, end)); lock.unlock() }
    func fail(_ message: String) { lock.lock(); failure = message; lock.unlock() }
    func begin(_ sql: String) { lock.lock(); started[sql] = Date(); lock.unlock() }
    func end(_ sql: String) {
        lock.lock(); defer { lock.unlock() }
        if let start = started[sql] { windows.append((sql, start, Date())) }
    }
    var longestInsert: TimeInterval {
        lock.lock(); defer { lock.unlock() }
        return inserts.map { $0.1.timeIntervalSince($0.0) }.max() ?? 0
    }
    func window(of text: String) -> (Date, Date)? {
        lock.lock(); defer { lock.unlock() }
        return windows.first { $0.0.contains(text) }.map { ($0.1, $0.2) }
    }
    func insertsWithin(_ window: (Date, Date)) -> Int {
        lock.lock(); defer { lock.unlock() }
        return inserts.filter { $0.0 >= window.0 && $0.1 <= window.1 }.count
    }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
