import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// MariaDB-only shapes: unsigned integers, tinyint(1) vs boolean, enum, ON UPDATE
/// CURRENT_TIMESTAMP, prefix indexes, json, and names that need backtick quoting.
final class MariaDBSpecificTypesTests: XCTestCase {
    var db: MariaDBTestDatabase!

    override func setUpWithError() throws { db = try MariaDBTestDatabase() }
    override func tearDown() { db?.drop() }

    static let hostile = "we`ird \"name"

    static let sql = """
        CREATE TABLE `we``ird "name` (
          `id` int unsigned NOT NULL AUTO_INCREMENT,
          `flag` tinyint(1) NOT NULL DEFAULT 0,
          `small` tinyint NOT NULL DEFAULT 0,
          `big` bigint unsigned DEFAULT NULL,
          `kind` enum('a','b''c') NOT NULL DEFAULT 'a',
          `updated` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
          `title` varchar(500) DEFAULT 'it''s \\\\ ok',
          `doc` json DEFAULT NULL,
          `sel``ect` int,
          PRIMARY KEY (`id`),
          KEY `title prefix` (`title`(20), `small` DESC),
          CONSTRAINT `chk``1` CHECK (`sel``ect` > 0)
        ) ENGINE=InnoDB;
        CREATE TABLE child (id int PRIMARY KEY, parent int unsigned, CONSTRAINT `fk``parent` FOREIGN KEY (parent) REFERENCES `we``ird "name` (id));
        CREATE VIEW `v``1` AS SELECT id, kind FROM `we``ird "name` WHERE flag = 1
        """

    func testSQLSchemaAppliesExactlyAndConverges() throws {
        let session = try db.session()
        let desired = try session.schema(fromSQL: Self.sql, source: "types.sql")
        let table = try XCTUnwrap(desired.table(named: Self.hostile))
        XCTAssertEqual(table.column(named: "flag")?.type, .boolean)
        XCTAssertEqual(table.column(named: "id")?.nativeTypes["mariadb"], "int unsigned")
        XCTAssertEqual(table.column(named: "kind")?.nativeTypes["mariadb"], "enum('a','b''c')")
        XCTAssertEqual(table.column(named: "doc")?.type, .json)
        XCTAssertEqual(table.column(named: "updated")?.attributes["mariadb.on_update"], "current_timestamp")
        XCTAssertEqual(table.column(named: "title")?.defaultValue, .string("it's \\ ok"))
        XCTAssertEqual(table.indexes.first?.parts.first?.prefixLength, 20)
        XCTAssertEqual(desired.table(named: "child")?.indexes, [], "the FK's own index is implied")
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '\(db.name)'").first?.first, "0",
                       "reading a .sql schema leaves the target untouched")

        let engine = SyncEngine(session: session)
        try engine.apply(desired: desired, allowDestructive: false)
        let types = try db.columnInfo(Self.hostile, "COLUMN_TYPE")
        XCTAssertEqual(types["id"], "int(10) unsigned")
        XCTAssertEqual(types["flag"], "tinyint(1)")
        XCTAssertEqual(types["small"], "tinyint(4)")
        XCTAssertEqual(types["big"], "bigint(20) unsigned")
        XCTAssertEqual(types["kind"], "enum('a','b''c')")
        XCTAssertEqual(types["doc"], "longtext")
        XCTAssertEqual(try db.columnInfo(Self.hostile, "EXTRA")["updated"], "on update current_timestamp()")
        XCTAssertEqual(try db.columnInfo(Self.hostile, "COLUMN_DEFAULT")["title"], "'it''s \\\\ ok'")
        let parts = try db.sql("SELECT COLUMN_NAME, SUB_PART, COLLATION FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '\(db.name)' AND INDEX_NAME = 'title prefix' ORDER BY SEQ_IN_INDEX")
        XCTAssertEqual(parts, [["title", "20", "A"], ["small", nil, "D"]])
        XCTAssertEqual(try db.sql("SELECT CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '\(db.name)' AND LEVEL = 'Table'").first?.first, "chk`1")
        XCTAssertEqual(try db.sql("SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '\(db.name)'").first?.first, "fk`parent")

        XCTAssertEqual(try engine.plan(desired: desired, allowDestructive: true).plan.changes.map(\.change.objectPath), [])
        XCTAssertEqual(try session.inspect().tables, desired.tables)
    }

    func testColumnChangesKeepRows() throws {
        let session = try db.session()
        let engine = SyncEngine(session: session)
        var schema = try session.schema(fromSQL: Self.sql, source: "types.sql")
        try engine.apply(desired: schema, allowDestructive: false)
        try db.sql("INSERT INTO `we``ird \"name` (flag, small, kind, title, `sel``ect`) VALUES (1, 5, 'b''c', 'hello', 7), (0, -3, 'a', NULL, 8)")

        var t = schema.tables.firstIndex { $0.name == Self.hostile }!
        func col(_ name: String) -> Int { schema.tables[t].columns.firstIndex { $0.name == name }! }
        schema.tables[t].columns[col("small")].nativeTypes = [:]
        schema.tables[t].columns[col("small")].type = .integer                                      // widen
        schema.tables[t].columns[col("kind")].nativeTypes["mariadb"] = "enum('a','b''c','d')"       // add a value
        schema.tables[t].columns[col("title")].defaultValue = .string("untitled")
        schema.tables[t].columns[col("title")].comment = "the `title`, it's"
        schema.tables[t].columns[col("flag")].renamedFrom = nil
        schema.tables[t].columns.append(Column(name: "added", type: .varchar(length: 5), nullable: false, defaultValue: .string("x")))
        schema.tables[t].columns[col("big")].name = "bigger"
        schema.tables[t].columns[col("bigger")].renamedFrom = "big"
        try engine.apply(desired: schema, allowDestructive: true)

        XCTAssertEqual(try db.columnInfo(Self.hostile, "COLUMN_TYPE")["small"], "int(11)")
        XCTAssertEqual(try db.columnInfo(Self.hostile, "COLUMN_COMMENT")["title"], "the `title`, it's")
        XCTAssertNotNil(try db.columnInfo(Self.hostile, "COLUMN_TYPE")["bigger"] ?? nil)
        let rows = try db.sql("SELECT flag, small, kind, title, added FROM `we``ird \"name` ORDER BY id")
        XCTAssertEqual(rows, [["1", "5", "b'c", "hello", "x"], ["0", "-3", "a", nil, "x"]])
        XCTAssertEqual(try engine.plan(desired: schema, allowDestructive: true).plan.changes.count, 0)
        t = 0
    }

    func testBooleanDesiredMatchesTinyint1() throws {
        try db.sql("CREATE TABLE flags (id int PRIMARY KEY, f tinyint(1) NOT NULL DEFAULT 1)")
        let desired = Schema(tables: [Table(name: "flags", columns: [
            Column(name: "id", type: .integer, nullable: false),
            Column(name: "f", type: .boolean, nullable: false, defaultValue: .boolean(true)),
        ], primaryKey: PrimaryKey(columns: ["id"]))])
        let plan = try SyncEngine(session: db.session()).plan(desired: desired, allowDestructive: true)
        XCTAssertEqual(plan.plan.changes.map(\.change.summary), [])
    }

    func testUnmanagedObjectsAreReportedAndKept() throws {
        try db.sql("CREATE TABLE t (id int PRIMARY KEY, n int)")
        try db.sql("CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 1")
        try db.sql("CREATE PROCEDURE p() SELECT 1")
        let session = try db.session()
        let current = try session.inspect()
        XCTAssertEqual(current.unmanaged.map(\.kind), ["procedure", "trigger"])
        var desired = current
        desired.unmanaged = []
        desired.tables[0].columns.append(Column(name: "extra", type: .text))
        try SyncEngine(session: session).apply(desired: desired, allowDestructive: true)
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = '\(db.name)'").first?.first, "1")
    }
}

/// Key changes MariaDB makes awkward: primary key swaps, and dropping an index a foreign key relies on.
final class MariaDBKeyChangeTests: XCTestCase {
    var db: MariaDBTestDatabase!

    override func setUpWithError() throws { db = try MariaDBTestDatabase() }
    override func tearDown() { db?.drop() }

    func testPrimaryKeyChangeAndFKIndexDrop() throws {
        let session = try db.session()
        let engine = SyncEngine(session: session)
        var schema = Schema(tables: [
            Table(name: "p", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "code", type: .varchar(length: 10), nullable: false)],
                  primaryKey: PrimaryKey(columns: ["id"])),
            Table(name: "c", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "pid", type: .integer),
                                       Column(name: "k", type: .integer)],
                  primaryKey: PrimaryKey(columns: ["id"]),
                  indexes: [Index(name: "c_pid_k", columns: ["pid", "k"])],
                  foreignKeys: [ForeignKey(name: "c_pid_fk", columns: ["pid"], referencedTable: "p", referencedColumns: ["id"])]),
        ])
        try engine.apply(desired: schema, allowDestructive: false)
        try db.sql("INSERT INTO p VALUES (1, 'a'), (2, 'b')")
        try db.sql("INSERT INTO c VALUES (1, 1, 1), (2, 2, NULL)")
        // The FK is served by c_pid_k (MariaDB made no index of its own); drop that index.
        schema.tables[1].indexes = []
        schema.tables[1].primaryKey = PrimaryKey(columns: ["id", "pid"])
        schema.tables[1].columns[1].nullable = false
        try engine.apply(desired: schema, allowDestructive: false)
        let pk = try db.sql("SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '\(db.name)' AND TABLE_NAME = 'c' AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX")
        XCTAssertEqual(pk.map { $0[0] }, ["id", "pid"])
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '\(db.name)' AND INDEX_NAME = 'c_pid_k'").first?.first, "0")
        XCTAssertEqual(try db.sql("SELECT COUNT(*) FROM c").first?.first, "2")
        XCTAssertEqual(try engine.plan(desired: schema, allowDestructive: true).plan.changes.map(\.change.objectPath), [])
    }
}

/// Widening key columns that foreign keys use: MariaDB refuses while the key exists.
final class MariaDBForeignKeyTypeChangeTests: XCTestCase {
    func testWideningReferencedAndReferencingColumnsConvergesAtEveryCut() throws {
        func schema(_ type: DataType) -> Schema {
            Schema(tables: [
                Table(name: "parent", columns: [Column(name: "id", type: type, nullable: false)], primaryKey: PrimaryKey(columns: ["id"])),
                Table(name: "child", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "parent_id", type: type)],
                      primaryKey: PrimaryKey(columns: ["id"]),
                      foreignKeys: [ForeignKey(name: "child_parent_fk", columns: ["parent_id"], referencedTable: "parent",
                                               referencedColumns: ["id"], onDelete: .cascade)]),
            ])
        }
        var total = 0
        var cut = 0
        repeat {
            let db = try MariaDBTestDatabase(prefix: "ss_fkwide")
            defer { db.drop() }
            let session = try db.session()
            let engine = SyncEngine(session: session)
            try engine.apply(desired: schema(.integer), allowDestructive: false)
            try db.sql("INSERT INTO parent VALUES (1), (2)")
            try db.sql("INSERT INTO child VALUES (10, 1), (11, 2), (12, NULL)")
            if cut == 0 {
                total = try engine.plan(desired: schema(.bigint), allowDestructive: false).statements.count
                XCTAssertGreaterThanOrEqual(total, 4)
                print("widening with foreign keys: \(total) statements")
            } else {
                XCTAssertThrowsError(try engine.apply(desired: schema(.bigint), allowDestructive: false, options: .init(interruptAfterStatements: cut)))
            }
            try engine.apply(desired: schema(.bigint), allowDestructive: false)
            XCTAssertEqual(try db.columnInfo("child", "COLUMN_TYPE")["parent_id"], "bigint(20)")
            XCTAssertEqual(try db.columnInfo("parent", "COLUMN_TYPE")["id"], "bigint(20)")
            XCTAssertEqual(try db.sql("SELECT DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = '\(db.name)'").map { $0[0] }, ["CASCADE"], "cut \(cut)")
            XCTAssertEqual(try db.sql("SELECT id, parent_id FROM child ORDER BY id"), [["10", "1"], ["11", "2"], ["12", nil]])
            cut += 1
        } while cut < total
    }
}
