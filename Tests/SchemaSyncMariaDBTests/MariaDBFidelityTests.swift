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
    /// `reference` (default: `desired`) is what is run by hand for the comparison.
    func assertAppliesExactly(current: String, desired: String, reference referenceSQL: String? = nil,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        try run(current, in: target)
        try run(referenceSQL ?? desired, in: reference)
        let session = try target.session()
        let schema = try session.schema(fromSQL: desired, source: "desired.sql")
        try SyncEngine(session: session).apply(desired: schema, allowDestructive: true)
        XCTAssertEqual(try definitions(target), try definitions(reference), file: file, line: line)
        let again = try SyncEngine(session: try target.session()).plan(desired: schema, allowDestructive: true)
        XCTAssertEqual(again.plan.changes.map(\.change.summary), [], file: file, line: line)
    }

    /// A unique key over a whole TEXT column is one MariaDB builds USING HASH: declared in YAML
    /// as a unique index or a unique constraint, it converges instead of being rebuilt forever.
    func testUniqueKeysOverTextColumnsConverge() throws {
        let yaml = """
            tables:
              - name: tags
                columns:
                  - { name: id, type: integer, nullable: false }
                  - { name: name, type: text, nullable: false }
                  - { name: slug, type: text }
                primaryKey: [id]
                indexes:
                  - { name: tags_name, columns: [name], unique: true }
                uniqueConstraints:
                  - { name: tags_slug_key, columns: [slug] }
            """
        let desired = try SchemaFileReader(source: "t.yaml").parse(yaml)
        try SyncEngine(session: try target.session()).apply(desired: desired, allowDestructive: false)
        let text = try target.sql("SHOW CREATE TABLE `tags`")[0][1]!
        XCTAssertTrue(text.contains("UNIQUE KEY `tags_name` (`name`) USING HASH"), text)
        XCTAssertTrue(text.contains("UNIQUE KEY `tags_slug_key` (`slug`) USING HASH"), text)
        let again = try SyncEngine(session: try target.session()).plan(desired: desired, allowDestructive: false)
        XCTAssertFalse(again.hasPendingChanges, "\(again.plan.changes.map(\.change.summary))")
    }

    /// Expressions already spelled as the target's catalog spells them (a schema written by
    /// `inspect`) need no scratch database; a different spelling still gets the server's.
    func testExpressionsInCatalogSpellingNeedNoScratchDatabase() throws {
        try run("""
            CREATE TABLE items (id INT PRIMARY KEY, qty INT NOT NULL DEFAULT (1 + 1), price DECIMAL(10,2),
              total DECIMAL(12,2) AS (qty * price) VIRTUAL, CONSTRAINT items_qty CHECK (qty >= 0))
            """, in: target)
        let session = try target.session()
        let inspected = try session.inspect()
        let before = session.queryCount
        let canonical = try session.canonicalize(inspected)
        XCTAssertEqual(session.queryCount, before, "no scratch database for a schema in catalog spelling")
        XCTAssertEqual(canonical.tables, inspected.tables)

        var respelled = inspected
        respelled.tables[0].checks[0].expression = "qty>=0"
        let catalogSpelling = inspected.tables[0].checks[0].expression
        XCTAssertNotEqual(catalogSpelling, "qty>=0")
        let server = try session.canonicalize(respelled)
        XCTAssertGreaterThan(session.queryCount, before, "another spelling is sent to the server")
        XCTAssertEqual(server.tables[0].checks[0].expression, catalogSpelling)
        XCTAssertTrue(try SyncEngine(session: session).plan(desired: respelled, allowDestructive: false).plan.changes.isEmpty)
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

extension MariaDBFidelityTests {
    /// Desired SQL in any order (a foreign key and a view before their tables, across the files
    /// of a directory), with names qualified by a database that is not the scratch one.
    func testDesiredSQLInAnyOrderAndQualified() throws {
        let desired = """
            CREATE TABLE mydb.orders (id int NOT NULL, customer_id int DEFAULT NULL, PRIMARY KEY (id), KEY customer_id (customer_id), CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES mydb.customers (id));
            CREATE VIEW mydb.order_names AS SELECT o.id, c.name FROM mydb.orders o JOIN customers c ON c.id = o.customer_id;
            CREATE TABLE `mydb`.`customers` (id int NOT NULL, name varchar(40) DEFAULT NULL, PRIMARY KEY (id));
            CREATE INDEX customers_name ON mydb.customers (name)
            """
        let byHand = """
            CREATE TABLE x (id int NOT NULL, PRIMARY KEY (id));
            CREATE TABLE customers (id int NOT NULL, name varchar(40) DEFAULT NULL, PRIMARY KEY (id));
            CREATE TABLE orders (id int NOT NULL, customer_id int DEFAULT NULL, PRIMARY KEY (id), KEY customer_id (customer_id), CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id));
            CREATE VIEW order_names AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id;
            CREATE INDEX customers_name ON customers (name)
            """
        try assertAppliesExactly(current: "CREATE TABLE x (id int NOT NULL, PRIMARY KEY (id))",
                                 desired: "CREATE TABLE x (id int NOT NULL, PRIMARY KEY (id));\n" + desired, reference: byHand)
        // The same statements split over the files of a schema directory, in the "wrong" order.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ss-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let parts = desired.components(separatedBy: ";\n")
        for (i, part) in parts.enumerated() {
            try (part + ";\n").write(to: directory.appendingPathComponent("\(i).sql"), atomically: true, encoding: .utf8)
        }
        try "CREATE TABLE x (id int NOT NULL, PRIMARY KEY (id))".write(to: directory.appendingPathComponent("9.sql"), atomically: true, encoding: .utf8)
        let session = try target.session()
        let loaded = try SchemaSource.load(path: directory.path) { sql, source in try session.schema(fromSQL: sql, source: source) }
        XCTAssertEqual(try SyncEngine(session: session).plan(desired: loaded, allowDestructive: true).plan.changes.map(\.change.summary), [])
    }

    /// A foreign key whose column type differs from the referenced key is refused before anything
    /// changes, naming both columns.
    func testForeignKeyTypeMismatchIsRefusedUpFront() throws {
        let yaml = """
            tables:
              - name: p
                columns: [{ name: id, type: bigint }]
                primaryKey: [id]
              - name: c
                columns: [{ name: id, type: integer }, { name: p_id, type: integer }]
                primaryKey: [id]
                foreignKeys: [{ columns: [p_id], references: { table: p, columns: [id] } }]
            """
        let session = try target.session()
        XCTAssertThrowsError(try SyncEngine(session: session).apply(desired: try SchemaFileReader(source: "t.yaml").parse(yaml), allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
            XCTAssertTrue("\(error)".contains("'c.p_id'") && "\(error)".contains("'p.id'"), "\(error)")
        }
        XCTAssertEqual(try target.sql("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '\(target.name)'"), [["0"]])
    }
}

extension MariaDBFidelityTests {
    /// Column-level CHECKs stay column-level, and survive a MODIFY of their column (which drops
    /// a column check it does not restate).
    func testColumnLevelChecksStayAndSurviveModify() throws {
        try assertAppliesExactly(current: """
            CREATE TABLE t (id int NOT NULL, qty int DEFAULT NULL CHECK (qty >= 0), price int DEFAULT NULL, PRIMARY KEY (id))
            """, desired: """
            CREATE TABLE t (id int NOT NULL, qty bigint DEFAULT NULL CHECK (qty >= 0), price int DEFAULT NULL CHECK (price > 0), PRIMARY KEY (id), CONSTRAINT t_sane CHECK (qty < price));
            CREATE TABLE u (id int NOT NULL CHECK (id > 0), PRIMARY KEY (id))
            """)
        XCTAssertEqual(try target.sql("SELECT CONSTRAINT_NAME, LEVEL FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '\(target.name)' ORDER BY 1"),
                       [["id", "Column"], ["price", "Column"], ["qty", "Column"], ["t_sane", "Table"]])
    }
}

extension MariaDBFidelityTests {
    /// Primary-key changes on AUTO_INCREMENT columns (dropped with the key, or kept under a new
    /// key with the index it leads) and under a dependent foreign key; removed comments.
    func testPrimaryKeyChangesOnAutoIncrementAndRemovedComments() throws {
        try assertAppliesExactly(current: """
            CREATE TABLE parent (id int NOT NULL AUTO_INCREMENT, tenant int NOT NULL DEFAULT 0, PRIMARY KEY (id));
            CREATE TABLE child (id int NOT NULL AUTO_INCREMENT, parent_id int NOT NULL, PRIMARY KEY (id), KEY child_parent (parent_id), CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
            INSERT INTO parent (tenant) VALUES (1);
            INSERT INTO child (parent_id) VALUES (1);
            CREATE TABLE codes (id int NOT NULL AUTO_INCREMENT, code varchar(10) NOT NULL, note text COMMENT 'old', PRIMARY KEY (id)) COMMENT='tbl'
            """, desired: """
            CREATE TABLE parent (id int NOT NULL AUTO_INCREMENT, tenant int NOT NULL DEFAULT 0, PRIMARY KEY (tenant, id), UNIQUE KEY parent_id (id));
            CREATE TABLE child (id int NOT NULL AUTO_INCREMENT, parent_id int NOT NULL, PRIMARY KEY (id), KEY child_parent (parent_id), CONSTRAINT child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
            CREATE TABLE codes (id int NOT NULL, code varchar(10) NOT NULL, note text, PRIMARY KEY (code))
            """)
        XCTAssertEqual(try target.sql("SELECT c.id, p.tenant FROM child c JOIN parent p ON p.id = c.parent_id"), [["1", "1"]])
    }
}

extension MariaDBFidelityTests {
    /// What `schemasync inspect --format sql` prints (the plan from an empty database, rendered)
    /// is accepted as a desired .sql schema and reproduces the inspected database exactly.
    func testInspectSQLOutputIsAcceptedAsDesiredSchema() throws {
        try run("""
            CREATE TABLE users (id int unsigned NOT NULL AUTO_INCREMENT, email varchar(100) NOT NULL, kind enum('A','b') DEFAULT 'A', upd timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(), PRIMARY KEY (id), UNIQUE KEY users_email (email)) ROW_FORMAT=DYNAMIC COMMENT='u';
            CREATE TABLE posts (id int NOT NULL, user_id int unsigned, body text, qty int CHECK (qty > 0), PRIMARY KEY (id), FULLTEXT KEY b (body), CONSTRAINT posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
            CREATE ALGORITHM=MERGE VIEW v AS SELECT id FROM posts
            """, in: reference)
        let source = try reference.session()
        var schema = try source.inspect()
        schema.unmanaged = []
        let plan = try Differ(dialect: source.dialect).plan(from: Schema(), to: schema, allowDestructive: false)
        let sql = try source.dialect.render(plan.applicable, current: Schema(), desired: schema).map { $0.sql + ";" }.joined(separator: "\n")
        let session = try target.session()
        try SyncEngine(session: session).apply(desired: try session.schema(fromSQL: sql, source: "inspect.sql"), allowDestructive: false)
        XCTAssertEqual(try definitions(target), try definitions(reference), sql)
    }
}

extension MariaDBFidelityTests {
    /// An INVISIBLE column is part of the schema: created, made visible and made invisible as declared.
    func testInvisibleColumnsConverge() throws {
        try assertAppliesExactly(current: """
            CREATE TABLE pets (id int NOT NULL, name varchar(40) NOT NULL, secret varchar(10) INVISIBLE DEFAULT NULL, PRIMARY KEY (id));
            INSERT INTO pets (id, name, secret) VALUES (1, 'rex', 's')
            """, desired: """
            CREATE TABLE pets (id int NOT NULL, name varchar(40) NOT NULL INVISIBLE DEFAULT 'x', secret varchar(10) DEFAULT NULL,
                               row_hash char(32) INVISIBLE DEFAULT NULL, PRIMARY KEY (id))
            """)
        XCTAssertEqual(try target.sql("SELECT * FROM pets"), [["1", "s"]])
        XCTAssertEqual(try target.sql("SELECT name FROM pets"), [["rex"]])
    }
}

extension MariaDBFidelityTests {
    /// A foreign key whose actions change is dropped and added back; the plain index it used can
    /// then go without a stand-in index, so none is left behind next to the new unique key.
    func testNoStandInIndexForAForeignKeyTheApplyReplaces() throws {
        try assertAppliesExactly(current: """
            CREATE TABLE projects (tenant_id int NOT NULL, id int NOT NULL, PRIMARY KEY (tenant_id, id));
            CREATE TABLE issues (id int NOT NULL, tenant_id int NOT NULL, project_id int NOT NULL, PRIMARY KEY (id),
                KEY issues_project (tenant_id, project_id),
                CONSTRAINT issues_project_fk FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id))
            """, desired: """
            CREATE TABLE projects (tenant_id int NOT NULL, id int NOT NULL, PRIMARY KEY (tenant_id, id));
            CREATE TABLE issues (id int NOT NULL, tenant_id int NOT NULL, project_id int NOT NULL, iid int NOT NULL DEFAULT 0, PRIMARY KEY (id),
                UNIQUE KEY issues_project_iid (tenant_id, project_id, iid),
                CONSTRAINT issues_project_fk FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE)
            """)
        XCTAssertEqual(try target.sql("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '\(target.name)' AND TABLE_NAME = 'issues' ORDER BY 1"),
                       [["issues_project_iid"], ["PRIMARY"]])
    }
}
