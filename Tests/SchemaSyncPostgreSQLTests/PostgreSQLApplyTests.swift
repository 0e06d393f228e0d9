import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Applying a whole schema, re-planning, inspecting, and rolling back on failure.
final class PostgreSQLApplyTests: PostgreSQLTestCase {
    func testExampleSchemaAppliesAndReplanIsEmpty() throws {
        let report = try apply(exampleSchema())
        XCTAssertGreaterThan(report.executed, 0)

        // Read back independently of the connector.
        let tables = try db.raw.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
        XCTAssertEqual(tables.map { $0[0] }, ["open_orders", "orders", "users"])
        let email = try db.raw.query("SELECT data_type, character_maximum_length, is_nullable FROM information_schema.columns "
            + "WHERE table_name = 'users' AND column_name = 'email'")
        XCTAssertEqual(email.first, ["character varying", "320", "NO"])
        XCTAssertEqual(try db.raw.value("SELECT identity_generation FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'id'"), "ALWAYS")
        XCTAssertEqual(try db.raw.value("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'users'::regclass AND attname = 'settings'"), "jsonb")
        XCTAssertEqual(try db.raw.value("SELECT confdeltype FROM pg_constraint WHERE conname = 'orders_user_fk'"), "c")
        XCTAssertEqual(try db.raw.value("SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'orders_open_idx'::regclass"),
                       "((status)::text <> 'done'::text)")
        XCTAssertEqual(try db.raw.value("SELECT col_description('users'::regclass, 4)"), "shown in the UI")
        try db.raw.query("INSERT INTO users (email) VALUES ('a@example.com')")
        XCTAssertEqual(try db.raw.value("SELECT settings::text || active::text FROM users"), "{}true")

        XCTAssertEqual(try pendingChanges(exampleSchema()).map(\.change.summary), [])
        let second = try apply(exampleSchema())
        XCTAssertEqual(second.statements.count, 0)
    }

    func testInspectRoundTripsIntoAnotherDatabase() throws {
        try apply(exampleSchema())
        let session = try db.session()
        let inspected = try session.inspect()
        session.close()
        XCTAssertEqual(inspected.tables.map(\.name), ["orders", "users"])
        let users = try XCTUnwrap(inspected.table(named: "users"))
        XCTAssertEqual(users.column(named: "id")?.identity, .byDefault)
        XCTAssertEqual(users.column(named: "email")?.type, .varchar(length: 320))
        XCTAssertEqual(users.column(named: "created_at")?.defaultValue, .function(.currentTimestamp))
        XCTAssertEqual(users.column(named: "settings")?.type, .native("jsonb"))
        XCTAssertEqual(users.column(named: "settings")?.defaultValue, .string("{}"))
        XCTAssertEqual(users.uniqueConstraints.map(\.name), ["users_email_key"])
        XCTAssertEqual(users.indexes.map(\.name), ["users_created_idx"], "constraint-backed indexes are not listed as indexes")
        XCTAssertEqual(users.indexes.first?.parts.first?.descending, true)
        XCTAssertEqual(users.comment, "people who sign in")
        let orders = try XCTUnwrap(inspected.table(named: "orders"))
        XCTAssertEqual(orders.column(named: "total")?.type, .decimal(precision: 12, scale: 2))
        XCTAssertEqual(orders.column(named: "total")?.defaultValue, .number("0"))
        XCTAssertEqual(orders.column(named: "ratio")?.defaultValue, .number("-1.5"))
        XCTAssertEqual(orders.column(named: "status")?.defaultValue, .string("draft"))
        XCTAssertEqual(orders.column(named: "note")?.type, .char(length: 3))
        XCTAssertEqual(orders.foreignKeys.first?.onDelete, .cascade)
        XCTAssertEqual(inspected.views.map(\.name), ["open_orders"])
        XCTAssertEqual(Set(inspected.views.first?.dependsOn ?? []), ["orders", "users"])

        // The inspected schema, applied to a fresh database, produces the same catalog.
        let other = try TestDatabase()
        defer { other.drop() }
        let otherSession = try other.session()
        defer { otherSession.close() }
        try SyncEngine(session: otherSession).apply(desired: inspected, allowDestructive: false)
        let again = try otherSession.inspect()
        XCTAssertEqual(again.sorted(), inspected.sorted())
    }

    /// What the capabilities rule out is refused by the core before any scratch copy is built,
    /// with the capability's message rather than the server's syntax error; nothing is created.
    func testCapabilityRefusalComesBeforeTheScratchCopy() throws {
        let table = Table(name: "notes", columns: [Column(name: "body", type: .text)],
                          indexes: [Index(name: "notes_body_idx", parts: [.init(column: "body", prefixLength: 10)])],
                          // A check sends the table to the scratch copy, where the index would fail first.
                          checks: [CheckConstraint(name: "notes_body_check", expression: "body <> ''")])
        XCTAssertThrowsError(try apply(Schema(tables: [table]))) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
            XCTAssertTrue("\(error)".contains("notes_body_idx") && "\(error)".contains("prefix lengths"), "\(error)")
        }
        XCTAssertNil(try db.raw.value("SELECT to_regclass('public.notes')::text"))
    }

    func testFailingStatementMidApplyRollsEverythingBack() throws {
        try apply(Schema(tables: [Table(name: "codes", columns: [Column(name: "value", type: .text)])]))
        try db.raw.query("INSERT INTO codes VALUES ('12'), ('not a number')")
        // A new table first, then a type change that fails on the second row.
        let desired = Schema(tables: [
            Table(name: "aaa_new", columns: [Column(name: "id", type: .integer)]),
            Table(name: "codes", columns: [Column(name: "value", type: .integer)]),
        ])
        XCTAssertThrowsError(try apply(desired, allowDestructive: true)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .applyFailed, "\(error)")
        }
        XCTAssertNil(try db.raw.value("SELECT to_regclass('public.aaa_new')::text"), "the new table was rolled back")
        XCTAssertEqual(try db.raw.value("SELECT data_type FROM information_schema.columns WHERE table_name = 'codes'"), "text")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM codes"), "2")
    }

    func testInterruptedApplyLeavesDatabaseAsBefore() throws {
        let session = try db.session()
        defer { session.close() }
        XCTAssertThrowsError(try SyncEngine(session: session).apply(
            desired: exampleSchema(), allowDestructive: false, options: .init(interruptAfterStatements: 3)))
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"), "0")
        // A re-run converges.
        try SyncEngine(session: session).apply(desired: exampleSchema(), allowDestructive: false)
        XCTAssertEqual(try pendingChanges(exampleSchema()).count, 0)
    }
}
