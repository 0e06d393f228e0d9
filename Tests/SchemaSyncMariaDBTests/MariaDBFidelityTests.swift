import Foundation
import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// A current → desired apply ends exactly as declared: after apply, the target's own definitions
/// (SHOW CREATE TABLE, information_schema.VIEWS, read on a separate connection) equal those of a
/// reference database where the desired SQL was run by hand.
final class MariaDBFidelityTests: XCTestCase {
    var target: MariaDBTestDatabase!
    var reference: MariaDBTestDatabase!

    override func setUpWithError() throws {
        target = try MariaDBTestDatabase(prefix: "ss_fid")
        reference = try MariaDBTestDatabase(prefix: "ss_ref")
    }

    override func tearDown() {
        target?.drop()
        reference?.drop()
    }

    private func run(_ sql: String, in db: MariaDBTestDatabase) throws {
        for statement in sql.components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try db.sql(statement)
        }
    }

    /// Every table's SHOW CREATE TABLE (AUTO_INCREMENT counters removed) and every view's options.
    func definitions(_ db: MariaDBTestDatabase) throws -> [String] {
        var out: [String] = []
        for row in try db.sql("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '\(db.name)' ORDER BY TABLE_NAME") {
            let name = row[0]!
            if row[1] == "VIEW" {
                let v = try db.sql("SELECT VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, ALGORITHM FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '\(db.name)' AND TABLE_NAME = '\(name)'")[0]
                out.append("view \(name): " + v.map { ($0 ?? "NULL").replacingOccurrences(of: "`\(db.name)`.", with: "") }.joined(separator: " | "))
            } else {
                let text = try db.sql("SHOW CREATE TABLE `\(name)`")[0][1]!
                out.append(text.replacingOccurrences(of: #" AUTO_INCREMENT=\d+"#, with: "", options: .regularExpression))
            }
        }
        return out
    }

    /// Applies `desired` (SQL) over `current` and checks the result against the reference.
    func assertAppliesExactly(current: String, desired: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try run(current, in: target)
        try run(desired, in: reference)
        let session = try target.session()
        let schema = try session.schema(fromSQL: desired, source: "desired.sql")
        try SyncEngine(session: session).apply(desired: schema, allowDestructive: true)
        XCTAssertEqual(try definitions(target), try definitions(reference), file: file, line: line)
        let again = try SyncEngine(session: try target.session()).plan(desired: schema, allowDestructive: true)
        XCTAssertEqual(again.plan.changes.map(\.change.summary), [], file: file, line: line)
    }

    func testColumnsArePlacedInDeclaredOrder() throws {
        try assertAppliesExactly(current: """
            CREATE TABLE users (id int NOT NULL, email varchar(100) NOT NULL, PRIMARY KEY (id));
            CREATE TABLE t (b int DEFAULT NULL, a int DEFAULT NULL, z int DEFAULT NULL);
            INSERT INTO t VALUES (2, 1, 3)
            """, desired: """
            CREATE TABLE users (id int NOT NULL, name varchar(50) DEFAULT NULL, email varchar(100) NOT NULL, PRIMARY KEY (id));
            CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, a int DEFAULT NULL, b bigint DEFAULT NULL, y int DEFAULT NULL, z int DEFAULT NULL, PRIMARY KEY (id))
            """)
        XCTAssertEqual(try target.sql("SELECT a, b, z FROM t"), [["1", "2", "3"]])
    }
}

extension MariaDBFidelityTests {
    /// Engine, character set, row format, key block size and comments are detected and set; an
    /// option the desired schema does not name goes back to its default; ON UPDATE is added and removed.
    func testTableOptionsAndOnUpdateConverge() throws {
        try assertAppliesExactly(current: """
            CREATE TABLE legacy (id int NOT NULL, name varchar(20) DEFAULT NULL, PRIMARY KEY (id)) ENGINE=MyISAM DEFAULT CHARSET=latin1;
            INSERT INTO legacy VALUES (1, 'caf\u{e9}');
            CREATE TABLE logs (id int NOT NULL, msg text, PRIMARY KEY (id)) ENGINE=InnoDB;
            CREATE TABLE packed (id int NOT NULL, PRIMARY KEY (id)) ROW_FORMAT=REDUNDANT STATS_PERSISTENT=1;
            CREATE TABLE stamps (id int NOT NULL, a timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(), b datetime DEFAULT NULL, PRIMARY KEY (id))
            """, desired: """
            CREATE TABLE legacy (id int NOT NULL, name varchar(20) DEFAULT NULL, PRIMARY KEY (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
            CREATE TABLE logs (id int NOT NULL, msg text, PRIMARY KEY (id)) ENGINE=InnoDB ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 COMMENT='app logs';
            CREATE TABLE packed (id int NOT NULL, PRIMARY KEY (id));
            CREATE TABLE stamps (id int NOT NULL, a timestamp NOT NULL DEFAULT current_timestamp(), b datetime DEFAULT NULL ON UPDATE current_timestamp(), PRIMARY KEY (id))
            """)
        XCTAssertEqual(try target.sql("SELECT name FROM legacy"), [["caf\u{e9}"]])
    }
}

extension MariaDBFidelityTests {
    /// ALGORITHM, SQL SECURITY, DEFINER and CHECK OPTION are part of a view: created as declared,
    /// changed when they differ, and a second plan is empty (no drop and re-create every run).
    func testViewOptionsConverge() throws {
        try assertAppliesExactly(current: """
            CREATE TABLE t (id int NOT NULL, v int DEFAULT NULL, PRIMARY KEY (id));
            CREATE DEFINER=`mysql`@`localhost` SQL SECURITY INVOKER VIEW kept AS SELECT id, v FROM t;
            CREATE VIEW changed AS SELECT id FROM t
            """, desired: """
            CREATE TABLE t (id int NOT NULL, v int DEFAULT NULL, PRIMARY KEY (id));
            CREATE DEFINER=`mysql`@`localhost` SQL SECURITY INVOKER VIEW kept AS SELECT id, v FROM t;
            CREATE ALGORITHM=MERGE VIEW changed AS SELECT id FROM t WHERE v > 0 WITH LOCAL CHECK OPTION;
            CREATE ALGORITHM=TEMPTABLE VIEW counted AS SELECT COUNT(*) AS n FROM t
            """)
        XCTAssertEqual(try target.sql("SELECT DEFINER, SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '\(target.name)' AND TABLE_NAME = 'kept'"),
                       [["mysql@localhost", "INVOKER"]])
    }
}

extension MariaDBFidelityTests {
    /// ENUM / SET members keep their spelling and case; SPATIAL indexes are created as declared.
    func testEnumSpellingAndSpatialIndexes() throws {
        try assertAppliesExactly(current: """
            CREATE TABLE t (id int NOT NULL, s enum('a','b') NOT NULL DEFAULT 'a', PRIMARY KEY (id));
            CREATE TABLE places (id int NOT NULL, PRIMARY KEY (id))
            """, desired: """
            CREATE TABLE t (id int NOT NULL, s enum('A','b','c') NOT NULL DEFAULT 'A', tags set('x','Y') DEFAULT NULL, PRIMARY KEY (id));
            CREATE TABLE places (id int NOT NULL, loc point NOT NULL, area polygon NOT NULL, PRIMARY KEY (id), SPATIAL KEY places_loc (loc));
            CREATE TABLE regions (id int NOT NULL, shape geometry NOT NULL, PRIMARY KEY (id), SPATIAL KEY regions_shape (shape))
            """)
    }
}
