import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// `--online` on MariaDB: changes to an existing table carry ALGORITHM=INPLACE, LOCK=NONE, so the
/// server refuses rather than copies; a change that would copy is refused before anything runs.
/// Read back from information_schema.
final class MariaDBOnlineTests: XCTestCase {
    var db: MariaDBTestDatabase!

    override func setUpWithError() throws { db = try MariaDBTestDatabase() }
    override func tearDown() { db?.drop() }

    private func table(_ columns: [Column], indexes: [Index] = [], checks: [CheckConstraint] = []) -> Schema {
        Schema(tables: [Table(name: "t", columns: [Column(name: "id", type: .integer, nullable: false)] + columns,
                              primaryKey: PrimaryKey(columns: ["id"]), indexes: indexes, checks: checks)])
    }

    func testOnlineChangesAreGuardedAndCopiesAreRefusedUpFront() throws {
        try db.sql("CREATE TABLE t (id int PRIMARY KEY, a int NULL, b varchar(20))")
        try db.sql("INSERT INTO t SELECT seq, seq, 'x' FROM seq_1_to_500")
        let online = SyncEngine(session: try db.session(ConnectionOptions(online: true)))

        let inPlace = table([Column(name: "a", type: .integer, nullable: false), Column(name: "b", type: .varchar(length: 40)),
                             Column(name: "c", type: .integer)],
                            indexes: [Index(name: "t_a", columns: ["a"])])
        let report = try online.apply(desired: inPlace, allowDestructive: false)
        XCTAssertFalse(report.statements.isEmpty)
        for statement in report.statements {
            XCTAssertTrue(statement.sql.hasSuffix("ALGORITHM=INPLACE, LOCK=NONE") || statement.sql.hasSuffix("ALGORITHM=INPLACE LOCK=NONE"), statement.sql)
        }
        XCTAssertEqual(try db.columnInfo("t", "IS_NULLABLE")["a"], "NO")
        XCTAssertEqual(try db.columnInfo("t", "COLUMN_TYPE")["b"], "varchar(40)")
        XCTAssertEqual(try db.columnInfo("t", "COLUMN_TYPE")["c"], "int(11)")
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '\(db.name)' AND INDEX_NAME = 't_a'").first?.first, "1")

        // A type change and a check copy the table: refused with --online, nothing changed.
        var copying = inPlace
        copying.tables[0].columns[1].type = .bigint
        copying.tables[0].checks = [CheckConstraint(name: "t_a_pos", expression: "a > 0")]
        XCTAssertThrowsError(try online.apply(desired: copying, allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .unsupportedChange, "\(error)")
            XCTAssertTrue("\(error)".contains("t.a") && "\(error)".contains("t.t_a_pos"), "\(error)")
        }
        XCTAssertEqual(try db.columnInfo("t", "COLUMN_TYPE")["a"], "int(11)")
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '\(db.name)'").first?.first, "0")

        // Without --online the copy is allowed.
        try SyncEngine(session: try db.session()).apply(desired: copying, allowDestructive: false)
        XCTAssertEqual(try db.columnInfo("t", "COLUMN_TYPE")["a"], "bigint(20)")
    }

    /// Widening a key column suspends its foreign key, and MariaDB adds a key back only by copying:
    /// refused up front with --online, so the key is never left dropped.
    func testATypeChangeThatSuspendsAForeignKeyIsRefusedOnline() throws {
        try db.sql("CREATE TABLE p (id varchar(10) PRIMARY KEY)")
        try db.sql("CREATE TABLE c (id int PRIMARY KEY, p_id varchar(10), CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id))")
        let desired = Schema(tables: [
            Table(name: "p", columns: [Column(name: "id", type: .varchar(length: 20), nullable: false)], primaryKey: PrimaryKey(columns: ["id"])),
            Table(name: "c", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "p_id", type: .varchar(length: 20))],
                  primaryKey: PrimaryKey(columns: ["id"]),
                  foreignKeys: [ForeignKey(name: "c_p", columns: ["p_id"], referencedTable: "p", referencedColumns: ["id"])]),
        ])
        XCTAssertThrowsError(try SyncEngine(session: try db.session(ConnectionOptions(online: true))).apply(desired: desired, allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .unsupportedChange, "\(error)")
        }
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '\(db.name)' AND CONSTRAINT_NAME = 'c_p'").first?.first, "1")
        XCTAssertEqual(try db.columnInfo("p", "COLUMN_TYPE")["id"], "varchar(10)")
    }
}
