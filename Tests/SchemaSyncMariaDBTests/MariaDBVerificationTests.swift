import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// Verification by MariaDB's own definitions: what the model cannot see is reported (exit 4).
final class MariaDBVerificationTests: XCTestCase {
    var db: MariaDBTestDatabase!
    override func setUpWithError() throws { db = try MariaDBTestDatabase() }
    override func tearDown() { db?.drop() }

    func testEveryCatalogFieldIsAccountedFor() throws {
        for (table, fields) in MariaDBCatalogCoverage.fields {
            let columns = try db.sql("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'information_schema' AND TABLE_NAME = '\(table)'")
                .compactMap { $0[0] }
            XCTAssertFalse(columns.isEmpty, table)
            XCTAssertEqual(columns.filter { fields[$0] == nil }, [],
                           "information_schema.\(table) has fields neither mapped nor listed as ignored in MariaDBCatalogCoverage")
        }
    }

    /// A default hidden from a blinded inspector: plan and apply cannot call the column equal.
    func testBlindedInspectorCannotHideAColumnDefault() throws {
        _ = try db.sql("CREATE TABLE t (id int NOT NULL PRIMARY KEY, n int DEFAULT 5)")
        let desired = Schema(tables: [Table(name: "t", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "n", type: .integer)],
                                            primaryKey: PrimaryKey(columns: ["id"]))])
        let blinded = BlindedSession(base: try db.session(), blind: BlindedSession.withoutDefaults)
        let engine = SyncEngine(session: blinded)
        let plan = try engine.plan(desired: desired, allowDestructive: false)
        XCTAssertTrue(plan.plan.applicable.isEmpty)
        XCTAssertEqual(plan.engineMismatches.map(\.objectPath), ["t.n"])
        XCTAssertThrowsError(try engine.apply(desired: desired, allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .notConverged, "\(error)")
        }
        XCTAssertEqual(try db.columnInfo("t", "COLUMN_DEFAULT")["n"], "5", "read back with a raw query: the default is still there")
    }
}
