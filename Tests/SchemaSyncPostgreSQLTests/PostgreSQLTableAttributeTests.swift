import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Table-level properties (UNLOGGED, storage parameters, partitioning, inheritance) are modelled as attributes: created, compared both ways, changed where
/// PostgreSQL can, refused where it cannot. Read back from pg_class.
final class PostgreSQLTableAttributeTests: PostgreSQLTestCase {
    private func table(_ attributes: [String: String]) -> Schema {
        Schema(tables: [Table(name: "events", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "at", type: .date)],
                              attributes: attributes)])
    }

    private func pgClass() throws -> [String?] {
        try db.raw.query("SELECT relpersistence::text, array_to_string(reloptions, ','), relrowsecurity::text, relforcerowsecurity::text FROM pg_class WHERE relname = 'events'").first ?? []
    }

    func testPropertiesAreCreatedComparedAndChanged() throws {
        var desired = table(["postgresql.unlogged": "true", "postgresql.with.fillfactor": "70",
                             "postgresql.with.autovacuum_vacuum_scale_factor": "0.05"])
        try apply(desired)
        XCTAssertEqual(try pgClass(), ["u", "autovacuum_vacuum_scale_factor=0.05,fillfactor=70", "false", "false"])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        desired = table(["postgresql.with.fillfactor": "80"])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.kind), ["alterTable"])
        try apply(desired)
        XCTAssertEqual(try pgClass(), ["p", "fillfactor=80", "false", "false"])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        // What the database has and the schema omits is a difference: back to the defaults.
        try apply(table([:]))
        XCTAssertEqual(try pgClass(), ["p", nil, "false", "false"])
    }

    func testPartitioningAndInheritanceAreKeptAndNotChangedInPlace() throws {
        try db.raw.query("""
            CREATE TABLE measurements (id integer NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE base (id integer);
            CREATE TABLE child (extra text) INHERITS (base);
            """)
        let session = try db.session()
        let inspected = try session.inspect()
        session.close()
        XCTAssertEqual(inspected.table(named: "measurements")?.attributes, ["postgresql.partition_by": "RANGE (at)"])
        XCTAssertEqual(inspected.table(named: "child")?.attributes, ["postgresql.inherits": "base"])
        XCTAssertEqual(try pendingChanges(inspected).map(\.change.objectPath), [])

        // Applied to an empty schema, the same shapes.
        try apply(inspected, schemaName: "copy")
        XCTAssertEqual(try db.raw.value("SELECT pg_get_partkeydef('copy.measurements'::regclass)"), "RANGE (at)")
        XCTAssertEqual(try db.raw.value("SELECT inhparent::regclass::text FROM pg_inherits WHERE inhrelid = 'copy.child'::regclass"), "copy.base")

        // A plain table declared where a partitioned one is: refused, nothing changed.
        var plain = inspected
        plain.tables = plain.tables.map { var t = $0; t.attributes = [:]; return t }
        XCTAssertThrowsError(try apply(plain)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .unsupportedChange, "\(error)")
        }
        XCTAssertEqual(try db.raw.value("SELECT relkind::text FROM pg_class WHERE relname = 'measurements' AND relnamespace = 'public'::regnamespace"), "p")
    }

    func testUnknownAttributeIsRefused() throws {
        XCTAssertThrowsError(try apply(table(["postgresql.unloged": "true"]))) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
        }
    }
}
