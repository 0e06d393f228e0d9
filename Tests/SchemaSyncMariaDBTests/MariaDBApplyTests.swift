import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// The example schema applied through the engine, checked with separate information_schema queries.
final class MariaDBApplyTests: XCTestCase {
    var db: MariaDBTestDatabase!

    override func setUpWithError() throws { db = try MariaDBTestDatabase() }
    override func tearDown() { db?.drop() }

    func testExampleSchemaAppliesAndSecondPlanIsEmpty() throws {
        let session = try db.session()
        let engine = SyncEngine(session: session)
        let report = try engine.apply(desired: ExampleSchema.schema, allowDestructive: false)
        XCTAssertGreaterThan(report.statements.count, 0)

        // Read back independently.
        let types = try db.columnInfo("users", "COLUMN_TYPE")
        XCTAssertEqual(types["id"], "bigint(20)")
        XCTAssertEqual(types["email"], "varchar(320)")
        XCTAssertEqual(types["created_at"], "datetime(6)")
        XCTAssertEqual(types["active"], "tinyint(1)")
        XCTAssertEqual(try db.columnInfo("users", "EXTRA")["id"], "auto_increment")
        XCTAssertEqual(try db.columnInfo("orders", "COLUMN_DEFAULT")["total"], "0.00")
        let fk = try db.sql("SELECT DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '\(db.name)' AND CONSTRAINT_NAME = 'orders_user_id_fkey'")
        XCTAssertEqual(fk.first?.first, "CASCADE")
        let checks = try db.sql("SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '\(db.name)' ORDER BY 1")
        XCTAssertEqual(checks.map { $0[0] }, ["orders_total_positive", "users_email_nonempty"])
        let unique = try db.sql("SELECT NON_UNIQUE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '\(db.name)' AND INDEX_NAME = 'users_email_key'")
        XCTAssertEqual(unique.first?.first, "0")
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '\(db.name)'").first?.first, "1")

        // Rows behave as declared.
        try db.sql("INSERT INTO users (email) VALUES ('a@example.com')")
        try db.sql("INSERT INTO orders (user_id, total) VALUES (1, 12.5)")
        XCTAssertEqual(try db.sql("SELECT total_cents, active, status FROM orders JOIN users ON users.id = orders.user_id").first,
                       ["1250", "1", "new"])

        // A second run changes nothing, on a fresh session too.
        let again = try SyncEngine(session: db.session()).plan(desired: ExampleSchema.schema, allowDestructive: true)
        XCTAssertEqual(again.plan.changes.map { "\($0.change.objectPath): \($0.change.summary)" }, [])
        let second = try engine.apply(desired: ExampleSchema.schema, allowDestructive: false)
        XCTAssertEqual(second.statements.count, 0)
    }

    func testInspectRoundTripsThroughAnotherDatabase() throws {
        let session = try db.session()
        try SyncEngine(session: session).apply(desired: ExampleSchema.schema, allowDestructive: false)
        let inspected = try session.inspect()
        XCTAssertEqual(inspected.tables.map(\.name), ["orders", "users"])
        let orders = try XCTUnwrap(inspected.table(named: "orders"))
        XCTAssertEqual(orders.indexes.map(\.name), ["orders_placed_on_idx"], "the index MariaDB adds for the FK is implied")
        XCTAssertEqual(orders.column(named: "total_cents")?.generated?.stored, true)

        let copy = try MariaDBTestDatabase(prefix: "ss_copy")
        defer { copy.drop() }
        let target = try copy.session()
        try SyncEngine(session: target).apply(desired: inspected, allowDestructive: false)
        XCTAssertEqual(try target.inspect(), inspected)
    }

    func testDataChecksRefuseWithCounts() throws {
        let session = try db.session()
        let engine = SyncEngine(session: session)
        var schema = Schema(tables: [Table(name: "t", columns: [
            Column(name: "id", type: .integer, nullable: false), Column(name: "code", type: .varchar(length: 10)),
        ], primaryKey: PrimaryKey(columns: ["id"]))])
        try engine.apply(desired: schema, allowDestructive: false)
        try db.sql("INSERT INTO t VALUES (1, NULL), (2, 'x'), (3, 'x'), (4, 'x')")
        schema.tables[0].columns[1].nullable = false
        schema.tables[0].indexes = [Index(name: "t_code_key", columns: ["code"], unique: true)]
        XCTAssertThrowsError(try engine.apply(desired: schema, allowDestructive: false)) { error in
            let e = error as? SchemaSyncError
            XCTAssertEqual(e?.code, .dataCheckFailed)
            XCTAssertTrue(e?.message.contains("1 rows in t with code NULL") ?? false, e?.message ?? "")
            XCTAssertTrue(e?.message.contains("3 rows in t with duplicate (code)") ?? false, e?.message ?? "")
        }
        XCTAssertEqual(try db.columnInfo("t", "IS_NULLABLE")["code"], "YES", "nothing changed")
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '\(db.name)' AND INDEX_NAME = 't_code_key'").first?.first, "0")
    }
}
