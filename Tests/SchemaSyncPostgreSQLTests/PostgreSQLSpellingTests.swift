import SchemaSyncCore
@testable import SchemaSyncPostgreSQL
import XCTest

/// Defaults and checks written in other spellings than PostgreSQL prints converge (a default the
/// server keeps in another spelling is set to the declared one), and real differences are still seen. Read back with pg_get_constraintdef / information_schema.
final class PostgreSQLSpellingTests: PostgreSQLTestCase {
    static let yaml = """
        tables:
          - name: items
            columns:
              - { name: id, type: bigint, nullable: false }
              - { name: status, type: varchar(20), default: draft }
              - { name: qty, type: bigint, default: { expression: "'2'::bigint" } }
              - { name: at, type: timestamptz, default: { expression: "now()" } }
              - { name: at2, type: timestamp, default: { expression: "CURRENT_TIMESTAMP" } }
              - { name: n, type: "decimal(10,2)", default: { expression: "'1.50'::numeric" } }
            primaryKey: [id]
            checks:
              - { name: items_status_check, expression: "status IN ('draft', 'done')" }
              - { name: items_qty_check, expression: "qty > 0 AND status <> 'x'" }
        """

    func testYAMLVarcharInCheckAndDefaultSpellingsConverge() throws {
        let desired = try SchemaFileReader(source: "items.yaml").parse(Self.yaml)
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype = 'c'"), "2")
        XCTAssertTrue(try db.raw.value("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'items_status_check'")?
            .contains("'draft'") == true)
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [], "a second apply has nothing to do")
        try apply(desired) // converges: no exit 4
    }

    func testOtherDefaultSpellingsAreRespelledAsDeclared() throws {
        try db.raw.query("""
            CREATE TABLE items (id bigint PRIMARY KEY, status varchar(20) DEFAULT 'draft'::character varying,
                qty bigint DEFAULT 2, at timestamptz DEFAULT CURRENT_TIMESTAMP, at2 timestamp DEFAULT now(),
                n numeric(10,2) DEFAULT 1.50,
                CONSTRAINT items_status_check CHECK (status::text IN ('draft', 'done')),
                CONSTRAINT items_qty_check CHECK ((qty > 0) AND (status <> 'x')))
            """)
        let desired = try SchemaFileReader(source: "items.yaml").parse(Self.yaml)
        // The same value, spelled otherwise: the server keeps the spelling, so the declared one is set.
        XCTAssertEqual(Set(try pendingChanges(desired).map(\.change.objectPath)), ["items.qty", "items.at", "items.at2"])
        try apply(desired)
        let defaults = try db.raw.query("""
            SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            WHERE d.adrelid = 'items'::regclass ORDER BY a.attnum
            """).map { "\($0[0] ?? "") \($0[1] ?? "")" }
        XCTAssertEqual(defaults, ["status 'draft'::character varying", "qty '2'::bigint", "at now()", "at2 CURRENT_TIMESTAMP",
                                  "n 1.50"])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    /// An IN list on a varchar column, added to an existing table from desired SQL, is stored as
    /// a schema created by hand stores it (PostgreSQL's printed form, run again, is stored otherwise).
    func testVarcharInListAddedLaterIsStoredAsByHand() throws {
        let sql = """
            CREATE TABLE orders (id integer PRIMARY KEY, status varchar(16) NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'paid', 'it''s')), kind varchar(8) CHECK (kind NOT IN ('x', 'y')));
            CREATE INDEX orders_open ON orders (id) WHERE status IN ('new', 'paid');
            """
        try db.raw.query(sql.replacingOccurrences(of: "orders", with: "by_hand"))
        try db.raw.query("CREATE TABLE orders (id integer PRIMARY KEY, status varchar(16) NOT NULL DEFAULT 'new', kind varchar(8))")
        let session = try db.session()
        var desired = try session.schema(fromSQL: sql, source: "orders.sql")
        session.close()
        desired.tables.removeAll { $0.name == "by_hand" }
        try apply(desired)
        func definitions(_ table: String) throws -> [String] {
            try db.raw.query("""
                SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '\(table)'::regclass AND contype = 'c'
                UNION ALL SELECT regexp_replace(pg_get_indexdef(indexrelid), '^.* WHERE ', '') FROM pg_index
                WHERE indrelid = '\(table)'::regclass AND indpred IS NOT NULL ORDER BY 1
                """).map { $0[0] ?? "" }
        }
        let byHand = try definitions("by_hand")
        XCTAssertEqual(byHand.count, 3)
        XCTAssertEqual(try definitions("orders"), byHand)
        try db.raw.query("DROP TABLE by_hand")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    func testInListSpellingIsRestoredOnlyWherePostgreSQLPrintedIt() {
        XCTAssertEqual(PostgreSQLInListSpelling.restoringInLists(
            "((status)::text = ANY ((ARRAY['new'::character varying, 'it''s'::character varying])::text[]))"),
            "((status IN ('new', 'it''s')))")
        XCTAssertEqual(PostgreSQLInListSpelling.restoringInLists(
            "((\"Kind\")::text <> ALL ((ARRAY['x'::character varying])::text[]))"), "((\"Kind\" NOT IN ('x')))")
        XCTAssertEqual(PostgreSQLInListSpelling.restoringInLists(
            "status::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[]) AND x > 0"),
            "(status IN ('a', 'b')) AND x > 0")
        let text = "(status = ANY (ARRAY['a'::text, 'b'::text]))"
        XCTAssertEqual(PostgreSQLInListSpelling.restoringInLists(text), text)
    }

    func testRealDifferencesAreStillSeen() throws {
        let desired = try SchemaFileReader(source: "items.yaml").parse(Self.yaml)
        try apply(desired)
        var changed = desired
        changed.tables[0].checks[0].expression = "status IN ('draft', 'done', 'void')"
        changed.tables[0].columns[2].defaultValue = .number("3")
        XCTAssertEqual(Set(try pendingChanges(changed).map(\.change.objectPath)), ["items.items_status_check", "items.qty"])
        try apply(changed)
        XCTAssertTrue(try db.raw.value("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'items_status_check'")?
            .contains("'void'") == true)
        XCTAssertEqual(try db.raw.value("SELECT column_default FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'qty'"), "3")
        XCTAssertEqual(try pendingChanges(changed).map(\.change.objectPath), [])
    }
}

extension PostgreSQLSpellingTests {
    /// An explicit `DEFAULT NULL`, which the server stores for a type with a modifier
    /// (`NULL::character varying`), is part of the column: set when declared, dropped when not.
    func testExplicitDefaultNullIsKeptAndDropped() throws {
        try db.raw.query("CREATE TABLE notes (id bigint PRIMARY KEY, body varchar(255), amount numeric(10,2) DEFAULT NULL)")
        let session = try db.session()
        defer { session.close() }
        let desired = try session.schema(fromSQL: """
            CREATE TABLE notes (id bigint PRIMARY KEY, body varchar(255) DEFAULT NULL, amount numeric(10,2),
                                ref varchar(40) DEFAULT NULL, at timestamp DEFAULT NULL);
            """, source: "notes.sql")
        try apply(desired)
        let defaults = try db.raw.query("""
            SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
            JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
            WHERE d.adrelid = 'notes'::regclass ORDER BY a.attnum
            """).map { "\($0[0] ?? "") \($0[1] ?? "")" }
        XCTAssertEqual(defaults, ["body NULL::character varying", "ref NULL::character varying"])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }
}
