import Foundation
import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// The shipped example schema file, and `inspect` output fed back as a desired schema.
final class MariaDBSchemaFileTests: XCTestCase {
    var db: MariaDBTestDatabase!

    override func setUpWithError() throws { db = try MariaDBTestDatabase() }
    override func tearDown() { db?.drop() }

    static var examplePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/shop.yaml").path
    }

    func testShopExampleAppliesAndSecondRunChangesNothing() throws {
        let desired = try SchemaFileReader.read(path: Self.examplePath)
        let session = try db.session()
        let engine = SyncEngine(session: session)
        try engine.apply(desired: desired, allowDestructive: false)
        let tables = try db.sql("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '\(db.name)' ").compactMap { $0[0] }.sorted()
        XCTAssertEqual(tables, ["order_items", "order_totals", "orders", "products", "users"])
        let plan = try SyncEngine(session: db.session()).plan(desired: desired, allowDestructive: true)
        XCTAssertEqual(plan.plan.changes.map { "\($0.change.objectPath): \($0.change.summary)" }, [])
        XCTAssertEqual(plan.statements.count, 0)
    }

    func testInspectedYAMLIsAValidDesiredSchema() throws {
        let session = try db.session()
        try SyncEngine(session: session).apply(desired: SchemaFileReader.read(path: Self.examplePath), allowDestructive: false)
        try db.sql("CREATE TABLE extras (id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, kind enum('x','y') NOT NULL DEFAULT 'x', "
                   + "touched timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(), doc json, "
                   + "title varchar(300) COLLATE utf8mb4_bin, KEY title_prefix (title(12))) ENGINE=InnoDB COMMENT='extra''s'")
        let inspected = try session.inspect()
        let yaml = try SchemaFileWriter(dialectName: "mariadb").document(inspected).yaml()
        let reread = try SchemaFileReader(source: "inspected.yaml").parse(yaml)

        let copy = try MariaDBTestDatabase(prefix: "ss_yaml")
        defer { copy.drop() }
        let target = try copy.session()
        try SyncEngine(session: target).apply(desired: reread, allowDestructive: false)
        XCTAssertEqual(try target.inspect().tables, inspected.tables, yaml)
        XCTAssertEqual(try copy.columnInfo("extras", "COLUMN_TYPE")["kind"], "enum('x','y')")
        XCTAssertEqual(try copy.columnInfo("extras", "COLLATION_NAME")["title"], "utf8mb4_bin")
        XCTAssertEqual(try SyncEngine(session: session).plan(desired: reread, allowDestructive: true).plan.changes.count, 0)
    }

    /// A script as the mariadb client reads it: CRLF line breaks after comments, a `DELIMITER`
    /// block, and names qualified with the target's database, which must stay untouched.
    func testSQLScriptIsSplitAsTheClientSplitsItAndLeavesTheTargetAlone() throws {
        try db.sql("CREATE TABLE t (a int)")
        let script = "-- tables\r\nCREATE TABLE `\(db.name)`.t (a int);\r\n# and a routine\r\nDELIMITER //\r\n"
            + "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';'; END//\r\nDELIMITER ;\r\n"
            + "CREATE UNIQUE INDEX i ON `\(db.name)`.t (a); -- last\r\nCREATE TABLE u (b int);\r\n"
        let schema = try db.session().schema(fromSQL: script, source: "crlf.sql")
        XCTAssertEqual(schema.tables.map(\.name).sorted(), ["t", "u"])
        let t = try XCTUnwrap(schema.table(named: "t"))
        XCTAssertEqual(t.indexes.map(\.name) + t.uniqueConstraints.map(\.name), ["i"])
        XCTAssertEqual(try db.sql("SELECT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '\(db.name)'").count, 0,
                       "the target's table got no index")
    }
}
