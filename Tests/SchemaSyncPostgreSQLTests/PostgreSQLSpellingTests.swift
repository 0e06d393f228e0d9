import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Defaults and checks written in other spellings than PostgreSQL prints converge, and real
/// differences are still seen. Read back with pg_get_constraintdef / information_schema.
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

    func testHandWrittenSpellingsAreNoDifference() throws {
        try db.raw.query("""
            CREATE TABLE items (id bigint PRIMARY KEY, status varchar(20) DEFAULT 'draft'::character varying,
                qty bigint DEFAULT 2, at timestamptz DEFAULT CURRENT_TIMESTAMP, at2 timestamp DEFAULT now(),
                n numeric(10,2) DEFAULT 1.5,
                CONSTRAINT items_status_check CHECK (status::text IN ('draft', 'done')),
                CONSTRAINT items_qty_check CHECK ((qty > 0) AND (status <> 'x')))
            """)
        let desired = try SchemaFileReader(source: "items.yaml").parse(Self.yaml)
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
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
