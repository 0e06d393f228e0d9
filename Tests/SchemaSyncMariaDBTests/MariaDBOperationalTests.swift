import Foundation
import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Locking, query counts, secrets and timeouts.
final class MariaDBOperationalTests: XCTestCase {
    func testConcurrentAppliesHaveOneWriterAndNoErrors() throws {
        let db = try MariaDBTestDatabase(prefix: "ss_conc")
        defer { db.drop() }
        let url = db.url
        let errors = LockedList()
        let executed = LockedList()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            do {
                let session = try MariaDBSession(url: url, options: ConnectionOptions(lockTimeout: 30))
                defer { session.close() }
                let report = try SyncEngine(session: session).apply(desired: ExampleSchema.schema, allowDestructive: false)
                executed.append("\(report.statements.count)")
            } catch {
                errors.append("\(error)")
            }
        }
        XCTAssertEqual(errors.items, [])
        // Exactly one apply did the work; the others found nothing to do.
        XCTAssertEqual(executed.items.filter { $0 != "0" }.count, 1, "\(executed.items)")
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '\(db.name)'").first?.first, "3")
    }

    func testWriterLockTimesOutWhileHeld() throws {
        let db = try MariaDBTestDatabase(prefix: "ss_lock")
        defer { db.drop() }
        let holder = try db.session()
        let waiter = try db.session(ConnectionOptions(lockTimeout: 1))
        try holder.withWriterLock {
            XCTAssertThrowsError(try waiter.withWriterLock { }) { error in
                XCTAssertEqual((error as? SchemaSyncError)?.code, .lockTimeout)
            }
        }
        XCTAssertNoThrow(try waiter.withWriterLock { }, "released after the holder's body")
    }

    func testInspectionCostsTheSameQueriesFor10And1000Tables() throws {
        func cost(tables: Int) throws -> (Int, Int) {
            let db = try MariaDBTestDatabase(prefix: "ss_count")
            defer { db.drop() }
            let setup = try db.session()
            for i in 0..<tables {
                try setup.execute(RenderedStatement("""
                    CREATE TABLE t\(i) (id int PRIMARY KEY, ref int, name varchar(20) DEFAULT 'x', KEY k\(i) (name),
                    CONSTRAINT c\(i) CHECK (id > 0)\(i > 0 ? ", CONSTRAINT f\(i) FOREIGN KEY (ref) REFERENCES t0 (id)" : ""))
                    """, changeIDs: []))
            }
            let session = try db.session()
            let before = session.queryCount
            let schema = try session.inspect()
            XCTAssertEqual(schema.tables.count, tables)
            return (session.queryCount - before, schema.tables.reduce(0) { $0 + $1.foreignKeys.count })
        }
        let small = try cost(tables: 10)
        let large = try cost(tables: 1000)
        XCTAssertEqual(small.1, 9)
        XCTAssertEqual(large.1, 999)
        XCTAssertEqual(small.0, large.0)
        XCTAssertLessThanOrEqual(large.0, 7)
    }

    func testPasswordNeverAppearsInErrors() throws {
        var url = try MariaDBTestDatabase.serverURL()
        url.password = "Sup3rS3cretPw"
        XCTAssertThrowsError(try MariaDBConnector().connect(to: url, options: .init())) { error in
            let text = "\(error) \(String(reflecting: error))"
            XCTAssertEqual((error as? SchemaSyncError)?.code, .connectionFailed)
            XCTAssertFalse(text.contains("Sup3rS3cretPw"), text)
            XCTAssertTrue(text.contains("***"), text)
        }
        let good = try MariaDBTestDatabase.serverURL()
        let session = try MariaDBSession(url: good)
        defer { session.close() }
        XCTAssertThrowsError(try session.execute(RenderedStatement("SELEC nonsense", changeIDs: []))) { error in
            if let password = good.password, !password.isEmpty {
                XCTAssertFalse("\(error)".contains(":\(password)@"), "\(error)")
            }
            XCTAssertEqual((error as? SchemaSyncError)?.code, .applyFailed)
        }
        var missing = good
        missing.path = "no_such_database_here"
        XCTAssertThrowsError(try MariaDBSession(url: missing)) { error in
            XCTAssertTrue("\(error)".contains("no_such_database_here"))
            if let password = good.password, !password.isEmpty { XCTAssertFalse("\(error)".contains(":\(password)@")) }
        }
    }

    func testSilentServerIsATimeoutNotAHang() throws {
        let server = try SilentServer()
        defer { server.close() }
        let port = server.port

        let url = try DatabaseURL(parsing: "mariadb://u:hush@127.0.0.1:\(port)/db")
        let started = Date()
        XCTAssertThrowsError(try MariaDBSession(url: url, options: ConnectionOptions(connectTimeout: 2, queryTimeout: 2))) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .timeout, "\(error)")
            XCTAssertFalse("\(error)".contains("hush"))
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
    }

    func testBothSchemesAndTLSOptionsReachLibmariadb() throws {
        XCTAssertEqual(MariaDBConnector().schemes, ["mariadb", "mysql"])
        var url = try MariaDBTestDatabase.serverURL()
        url.scheme = "mysql"
        let session = try MariaDBConnector().connect(to: url, options: .init())
        XCTAssertEqual(try session.query("SELECT @@character_set_client, @@character_set_connection").first, ["utf8mb4", "utf8mb4"])
        // MariaDB 11.4+ enables TLS with a self-signed certificate out of the box; 10.11 has none.
        let serverHasTLS = try session.query("SELECT @@have_ssl").first?.first == "YES"
        session.close()
        url.query = ["ssl-mode": "required"]
        if serverHasTLS {
            // Requiring TLS must give an encrypted session.
            let secure = try MariaDBConnector().connect(to: url, options: .init())
            defer { secure.close() }
            let cipher = try secure.query("SHOW SESSION STATUS LIKE 'Ssl_cipher'").first?.last ?? nil
            XCTAssertFalse((cipher ?? "").isEmpty, "ssl-mode=required connected without TLS")
        } else {
            // Requiring TLS from a server without it must fail instead of silently connecting in clear text.
            XCTAssertThrowsError(try MariaDBConnector().connect(to: url, options: .init())) { error in
                XCTAssertEqual((error as? SchemaSyncError)?.code, .connectionFailed, "\(error)")
                if let password = url.password { XCTAssertFalse("\(error)".contains(":\(password)@")) }
            }
        }
    }

    func testSlowQueryIsATimeout() throws {
        let url = try MariaDBTestDatabase.serverURL()
        let session = try MariaDBSession(url: url, options: ConnectionOptions(queryTimeout: 1))
        defer { session.close() }
        let started = Date()
        XCTAssertThrowsError(try session.query("SELECT SLEEP(5)")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .timeout, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 4.5)
    }

    func testSchemaFromSQLReportsBadSQLAndLeavesNoScratchDatabase() throws {
        let db = try MariaDBTestDatabase(prefix: "ss_sql")
        defer { db.drop() }
        let session = try db.session()
        XCTAssertThrowsError(try session.schema(fromSQL: "CREATE TABLE t (id int PRIMARY KEY); CREATE TABLE broken (", source: "bad.sql")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
            XCTAssertTrue("\(error)".contains("bad.sql"))
        }
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'schemasync\\_scratch\\_%'").first?.first, "0")
    }
}

/// A thread-safe list of strings for collecting results from concurrent work.
final class LockedList: @unchecked Sendable {
    private var storage: [String] = []
    private let lock = NSLock()
    func append(_ item: String) { lock.lock(); storage.append(item); lock.unlock() }
    var items: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// A user who may only use its own database cannot make scratch databases: `.sql` schemas then
/// fail with a clear error, and a dev URL is the way out.
final class MariaDBPrivilegeTests: XCTestCase {
    func testScratchDatabaseNeedsCreatePrivilegeOrDevURL() throws {
        let db = try MariaDBTestDatabase(prefix: "ss_priv")
        let dev = try MariaDBTestDatabase(prefix: "ss_dev")
        let user = "ss_limited_" + String(UInt16.random(in: 0...UInt16.max), radix: 16)
        let admin = try MariaDBSession(url: db.serverURL)
        defer {
            _ = try? admin.query("DROP USER IF EXISTS '\(user)'@'127.0.0.1'")
            admin.close()
            db.drop()
            dev.drop()
        }
        _ = try admin.query("CREATE USER '\(user)'@'127.0.0.1' IDENTIFIED BY 'limited-pw'")
        _ = try admin.query("GRANT ALL ON `\(db.name)`.* TO '\(user)'@'127.0.0.1'")
        _ = try admin.query("GRANT ALL ON `\(dev.name)`.* TO '\(user)'@'127.0.0.1'")
        var url = db.url
        url.user = user
        url.password = "limited-pw"
        let session = try MariaDBSession(url: url)
        defer { session.close() }
        XCTAssertThrowsError(try session.schema(fromSQL: "CREATE TABLE t (id int PRIMARY KEY)", source: "s.sql")) { error in
            let e = error as? SchemaSyncError
            XCTAssertEqual(e?.code, .inspectionFailed)
            XCTAssertTrue(e?.hint?.contains("--dev-url") ?? false, "\(error)")
            XCTAssertFalse("\(error)".contains("limited-pw"))
        }

        // Without a scratch database, checks still compare (normalised text); views are refused clearly.
        var noViews = ExampleSchema.schema
        noViews.views = []
        try SyncEngine(session: session).apply(desired: noViews, allowDestructive: false)
        XCTAssertEqual(try SyncEngine(session: session).plan(desired: noViews, allowDestructive: false).plan.changes.map { "\($0.change.objectPath) \($0.change)" }, [])
        XCTAssertThrowsError(try SyncEngine(session: session).plan(desired: ExampleSchema.schema, allowDestructive: false)) { error in
            XCTAssertTrue((error as? SchemaSyncError)?.hint?.contains("--dev-url") ?? false, "\(error)")
        }

        var devURL = dev.url
        devURL.user = user
        devURL.password = "limited-pw"
        let withDev = try MariaDBSession(url: url, options: ConnectionOptions(devURL: devURL))
        defer { withDev.close() }
        let schema = try withDev.schema(fromSQL: "CREATE TABLE t (id int PRIMARY KEY, n int CHECK (n > 0)); CREATE VIEW v AS SELECT id FROM t", source: "s.sql")
        XCTAssertEqual(schema.tables.map(\.name), ["t"])
        XCTAssertEqual(schema.views.map(\.name), ["v"])
        XCTAssertEqual(try dev.sql("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '\(dev.name)'").first?.first, "0",
                       "the dev database is emptied again")
        // With the dev URL, expressions compare through the server and the schema converges.
        try SyncEngine(session: withDev).apply(desired: schema, allowDestructive: false)
        XCTAssertEqual(try SyncEngine(session: withDev).plan(desired: schema, allowDestructive: false).plan.applicable.count, 0)
    }
}
