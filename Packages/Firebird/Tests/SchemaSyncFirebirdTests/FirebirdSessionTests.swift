import Foundation
import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncFirebird
import XCTest

/// What the conformance suite does not cover: the writer lock between two sessions, errors that
/// keep the password out, and refused changes that leave the database as it was.
final class FirebirdSessionTests: XCTestCase {
    private var urls: [DatabaseURL] = []

    override func tearDown() {
        for url in urls { FirebirdTestServer.drop(url) }
        urls = []
    }

    private func session(_ label: String, lockTimeout: Int = 5) throws -> (DatabaseURL, any DatabaseSession) {
        let url = try FirebirdTestServer.freshDatabaseURL(label)
        urls.append(url)
        return (url, try FirebirdConnector().connect(to: url, options: .init(lockTimeout: lockTimeout)))
    }

    func testASecondWriterWaitsAndTimesOut() throws {
        let (url, first) = try session("lock")
        defer { first.close() }
        let second = try FirebirdConnector().connect(to: url, options: .init(lockTimeout: 1))
        defer { second.close() }
        try first.withWriterLock {
            XCTAssertThrowsError(try second.withWriterLock {}) { error in
                XCTAssertEqual((error as? SchemaSyncError)?.code, .lockTimeout, "\(error)")
            }
        }
        try second.withWriterLock {}   // free again once the first committed
        XCTAssertNil(try first.inspect().table(named: "SCHEMASYNC$LOCK"), "the lock table is reported")
    }

    func testTableRenameIsRefusedBeforeAnythingRuns() throws {
        let (_, db) = try session("rename")
        defer { db.close() }
        let items = Table(name: "items", columns: [Column(name: "id", type: .integer, nullable: false)],
                          primaryKey: PrimaryKey(columns: ["id"]))
        try SyncEngine(session: db).apply(desired: Schema(tables: [items]), allowDestructive: false)
        var renamed = items
        renamed.name = "products"
        renamed.renamedFrom = "items"
        renamed.columns.append(Column(name: "note", type: .text))
        XCTAssertThrowsError(try SyncEngine(session: db).apply(desired: Schema(tables: [renamed]), allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .unsupportedChange, "\(error)")
        }
        XCTAssertEqual(try db.inspect().tables.map(\.name), ["items"])
    }

    func testWrongPasswordNamesTheURLWithoutIt() throws {
        var url = try FirebirdTestServer.freshDatabaseURL("password")
        url.password = "not-the-password-7x"
        XCTAssertThrowsError(try FirebirdConnector().connect(to: url, options: .init())) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .connectionFailed)
            XCTAssertFalse("\(error)".contains("not-the-password-7x"), "\(error)")
        }
    }

    func testIdentifiersLongerThan31BytesAreRefused() throws {
        let (_, db) = try session("limit")
        defer { db.close() }
        let long = Table(name: String(repeating: "é", count: 16), columns: [Column(name: "id", type: .integer)])
        XCTAssertThrowsError(try SyncEngine(session: db).apply(desired: Schema(tables: [long]), allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema, "\(error)")
        }
    }
}

/// A server that accepts the connection and never answers is a timeout, not a hang.
final class FirebirdSilentServerTests: XCTestCase {
    func testSilentServerTimesOut() throws {
        let server = try SilentServer()
        defer { server.close() }
        let url = try DatabaseURL(parsing: "firebird://SYSDBA:x@127.0.0.1:\(server.port)//tmp/none.fdb")
        let started = Date()
        XCTAssertThrowsError(try FirebirdConnector().connect(to: url, options: .init(connectTimeout: 2))) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .timeout, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }
}

/// A query that runs longer than the query timeout is cancelled on the server: a timeout error.
final class FirebirdQueryTimeoutTests: XCTestCase {
    func testLongQueryIsCancelled() throws {
        let url = try FirebirdTestServer.freshDatabaseURL("timeout")
        defer { FirebirdTestServer.drop(url) }
        let db = try FirebirdConnector().connect(to: url, options: .init(queryTimeout: 1))
        defer { db.close() }
        let started = Date()
        XCTAssertThrowsError(try db.query("SELECT COUNT(*) FROM RDB$FIELDS a, RDB$FIELDS b, RDB$FIELDS c, RDB$FIELDS d")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .timeout, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(try db.query("SELECT 1 FROM RDB$DATABASE"), [["1"]], "the session is usable after a cancelled query")
    }
}
