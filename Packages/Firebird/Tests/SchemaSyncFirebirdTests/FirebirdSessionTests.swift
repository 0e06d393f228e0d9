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

    private func shop() -> Schema {
        let items = Table(name: "items", columns: [Column(name: "id", type: .bigint, nullable: false, identity: .byDefault),
                                                   Column(name: "code", type: .varchar(length: 10))],
                          primaryKey: PrimaryKey(columns: ["id"]),
                          indexes: [Index(name: "items_code_idx", columns: ["code"])],
                          checks: [CheckConstraint(name: "items_code_nonempty", expression: "code <> ''")])
        let child = Table(name: "child", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "item_id", type: .bigint)],
                          primaryKey: PrimaryKey(columns: ["id"]),
                          foreignKeys: [ForeignKey(name: "child_item_fkey", columns: ["item_id"], referencedTable: "items", referencedColumns: ["id"])])
        return Schema(tables: [items, child])
    }

    private func renamed(_ schema: Schema) -> Schema {
        var copy = schema
        copy.tables[0].name = "products"
        copy.tables[0].renamedFrom = "items"
        copy.tables[1].foreignKeys[0].referencedTable = "products"
        return copy
    }

    func testTableRenameCopiesRowsKeysAndIdentity() throws {
        let (_, db) = try session("rename")
        defer { db.close() }
        try SyncEngine(session: db).apply(desired: shop(), allowDestructive: false)
        try db.execute(RenderedStatement("INSERT INTO \"items\" (\"code\") VALUES ('a')", changeIDs: []))
        try db.execute(RenderedStatement("INSERT INTO \"items\" (\"code\") VALUES ('b')", changeIDs: []))
        try db.execute(RenderedStatement("INSERT INTO \"child\" VALUES (1, 2)", changeIDs: []))
        let report = try SyncEngine(session: db).apply(desired: renamed(shop()), allowDestructive: false)
        XCTAssertTrue(report.statements.contains { $0.sql == "COMMIT" })
        XCTAssertEqual(try db.inspect().tables.map(\.name).sorted(), ["child", "products"])
        XCTAssertEqual(try SyncEngine(session: db).plan(desired: renamed(shop()), allowDestructive: false).plan.changes.count, 0)
        try db.execute(RenderedStatement("INSERT INTO \"products\" (\"code\") VALUES ('c')", changeIDs: []))
        XCTAssertEqual(try db.query("SELECT \"id\", \"code\" FROM \"products\" ORDER BY \"id\""), [["1", "a"], ["2", "b"], ["3", "c"]])
        XCTAssertEqual(try db.inspect().table(named: "child")?.foreignKeys.first?.referencedTable, "products")
        XCTAssertThrowsError(try db.execute(RenderedStatement("INSERT INTO \"child\" VALUES (2, 99)", changeIDs: [])), "the foreign key is gone")
    }

    /// The core drops keys whose names change before the rename, naming the new table.
    func testRenameWithKeysRenamedAtTheSameTime() throws {
        let (_, db) = try session("renamekeys")
        defer { db.close() }
        try SyncEngine(session: db).apply(desired: shop(), allowDestructive: false)
        try db.execute(RenderedStatement("INSERT INTO \"items\" (\"code\") VALUES ('a')", changeIDs: []))
        try db.execute(RenderedStatement("INSERT INTO \"child\" VALUES (1, 1)", changeIDs: []))
        var desired = renamed(shop())
        desired.tables[0].checks[0].name = "products_code_nonempty"
        desired.tables[0].indexes[0].name = "products_code_idx"
        desired.tables[1].foreignKeys[0].name = "child_product_fkey"
        try SyncEngine(session: db).apply(desired: desired, allowDestructive: false)
        let products = try XCTUnwrap(try db.inspect().table(named: "products"))
        XCTAssertEqual(products.checks.map(\.name), ["products_code_nonempty"])
        XCTAssertEqual(products.indexes.map(\.name), ["products_code_idx"])
        XCTAssertEqual(try db.inspect().table(named: "child")?.foreignKeys.map(\.name), ["child_product_fkey"])
        XCTAssertEqual(try db.query("SELECT \"code\" FROM \"products\""), [["a"]])
    }

    func testAnUnfinishedRenameCopyIsHiddenAndReplaced() throws {
        let (_, db) = try session("renamecopy")
        defer { db.close() }
        try SyncEngine(session: db).apply(desired: shop(), allowDestructive: false)
        try db.execute(RenderedStatement("INSERT INTO \"items\" (\"code\") VALUES ('a')", changeIDs: []))
        // What a failed second transaction leaves: the empty, marked copy.
        try db.execute(RenderedStatement("CREATE TABLE \"products\" (\"x\" INTEGER)", changeIDs: []))
        try db.execute(RenderedStatement("COMMENT ON TABLE \"products\" IS 'schemasync: rename target of items'", changeIDs: []))
        let inspected = try db.inspect()
        XCTAssertNil(inspected.table(named: "products"))
        XCTAssertTrue(inspected.unmanaged.contains { $0.name == "products" })
        try SyncEngine(session: db).apply(desired: renamed(shop()), allowDestructive: false)
        XCTAssertEqual(try db.query("SELECT \"id\", \"code\" FROM \"products\""), [["1", "a"]])
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
