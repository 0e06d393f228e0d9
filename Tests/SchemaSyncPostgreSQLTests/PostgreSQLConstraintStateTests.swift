import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// NOT VALID and NO INHERIT constraints: kept, compared, and a NOT VALID constraint declared
/// valid is validated in place. Read back from pg_constraint.
final class PostgreSQLConstraintStateTests: PostgreSQLTestCase {
    private func states() throws -> [[String?]] {
        try db.raw.query("""
            SELECT conname, convalidated::text, connoinherit::text, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = 'kids'::regclass AND contype IN ('c', 'f') ORDER BY 1
            """)
    }

    private func schema(notValid: Bool, noInherit: Bool = true) -> Schema {
        Schema(tables: [
            Table(name: "parents", columns: [Column(name: "id", type: .integer, nullable: false)], primaryKey: PrimaryKey(columns: ["id"])),
            Table(name: "kids", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "parent_id", type: .integer),
                                          Column(name: "age", type: .integer)],
                  primaryKey: PrimaryKey(columns: ["id"]),
                  foreignKeys: [ForeignKey(name: "kids_parent_fk", columns: ["parent_id"], referencedTable: "parents",
                                           referencedColumns: ["id"], notValid: notValid)],
                  checks: [CheckConstraint(name: "kids_age_check", expression: "age >= 0", notValid: notValid),
                           CheckConstraint(name: "kids_local_check", expression: "id > 0", noInherit: noInherit)]),
        ])
    }

    func testNotValidIsCreatedKeptAndValidatedInPlace() throws {
        try apply(schema(notValid: true))
        XCTAssertEqual(try states(), [
            ["kids_age_check", "false", "false", "CHECK ((age >= 0)) NOT VALID"],
            ["kids_local_check", "true", "true", "CHECK ((id > 0)) NO INHERIT"],
            ["kids_parent_fk", "false", "true", "FOREIGN KEY (parent_id) REFERENCES parents(id) NOT VALID"],
        ])
        XCTAssertEqual(try pendingChanges(schema(notValid: true)).map(\.change.objectPath), [])

        let oids = try db.raw.query("SELECT oid FROM pg_constraint WHERE conrelid = 'kids'::regclass ORDER BY conname")
        let valid = schema(notValid: false)
        let pending = try pendingChanges(valid)
        XCTAssertEqual(pending.map(\.change.kind).sorted(), ["addCheck", "addForeignKey"], "no drop: validated in place")
        XCTAssertTrue(pending.allSatisfy { $0.notes.contains { $0.contains("VALIDATE CONSTRAINT") } })
        try apply(valid)
        XCTAssertEqual(try states().map { Array($0.prefix(2)) }, [["kids_age_check", "true"], ["kids_local_check", "true"], ["kids_parent_fk", "true"]])
        XCTAssertEqual(try db.raw.query("SELECT oid FROM pg_constraint WHERE conrelid = 'kids'::regclass ORDER BY conname"), oids,
                       "the same constraints, not re-created")
        XCTAssertEqual(try pendingChanges(valid).map(\.change.objectPath), [])
    }

    func testValidatingOverViolatingRowsIsBlockedWithACount() throws {
        try db.raw.query("""
            CREATE TABLE parents (id integer PRIMARY KEY);
            CREATE TABLE kids (id integer PRIMARY KEY, parent_id integer, age integer, CONSTRAINT kids_local_check CHECK (id > 0) NO INHERIT);
            INSERT INTO kids VALUES (1, NULL, -3);
            ALTER TABLE kids ADD CONSTRAINT kids_age_check CHECK (age >= 0) NOT VALID;
            ALTER TABLE kids ADD CONSTRAINT kids_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;
            """)
        XCTAssertEqual(try pendingChanges(schema(notValid: true)).map(\.change.objectPath), [])
        XCTAssertThrowsError(try apply(schema(notValid: false))) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .dataCheckFailed)
        }
        XCTAssertEqual(try db.raw.value("SELECT convalidated::text FROM pg_constraint WHERE conname = 'kids_age_check'"), "false")
    }

    func testNoInheritDifferenceIsSeen() throws {
        try apply(schema(notValid: false))
        let inherit = schema(notValid: false, noInherit: false)
        XCTAssertEqual(try pendingChanges(inherit).map(\.change.kind), ["dropCheck", "addCheck"])
        try apply(inherit)
        XCTAssertEqual(try db.raw.value("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'kids_local_check'"), "CHECK ((id > 0))")
        XCTAssertEqual(try pendingChanges(inherit).map(\.change.objectPath), [])
    }

    /// A desired .sql schema declaring NOT VALID keeps it (ALTER TABLE ... NOT VALID after the table).
    func testNotValidFromSQLAndYAMLRoundTrip() throws {
        let session = try db.session()
        let desired = try session.schema(fromSQL: """
            CREATE TABLE parents (id integer PRIMARY KEY);
            CREATE TABLE kids (id integer PRIMARY KEY, parent_id integer, age integer, CONSTRAINT kids_local_check CHECK (id > 0) NO INHERIT);
            ALTER TABLE kids ADD CONSTRAINT kids_age_check CHECK (age >= 0) NOT VALID;
            ALTER TABLE kids ADD CONSTRAINT kids_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) NOT VALID;
            """, source: "states.sql")
        session.close()
        let yaml = try SchemaFileWriter(dialectName: "postgresql").document(desired).yaml()
        XCTAssertEqual(try SchemaFileReader(source: "s.yaml").parse(yaml).sorted().tables, desired.sorted().tables)
        try apply(desired)
        XCTAssertEqual(try states().map { Array($0.prefix(3)) }, [
            ["kids_age_check", "false", "false"], ["kids_local_check", "true", "true"], ["kids_parent_fk", "false", "true"],
        ])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    func testMatchFullIsModelled() throws {
        var desired = Schema(tables: [
            Table(name: "pairs", columns: [Column(name: "a", type: .integer, nullable: false), Column(name: "b", type: .integer, nullable: false)],
                  primaryKey: PrimaryKey(columns: ["a", "b"])),
            Table(name: "refs", columns: [Column(name: "a", type: .integer), Column(name: "b", type: .integer)],
                  foreignKeys: [ForeignKey(name: "refs_ab_fkey", columns: ["a", "b"], referencedTable: "pairs", referencedColumns: ["a", "b"],
                                           matchFull: true)]),
        ])
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'refs_ab_fkey'"),
                       "FOREIGN KEY (a, b) REFERENCES pairs(a, b) MATCH FULL")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
        desired.tables[1].foreignKeys[0].matchFull = false
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'refs_ab_fkey'"),
                       "FOREIGN KEY (a, b) REFERENCES pairs(a, b)")
    }

    /// Details of a key's index the model does not hold are reported, not silently equal.
    func testKeyIndexDetailsAreReported() throws {
        try db.raw.query("""
            CREATE TABLE covered (id integer, note text, CONSTRAINT covered_pkey PRIMARY KEY (id) INCLUDE (note) WITH (fillfactor = 60));
            CREATE TABLE later (id integer CONSTRAINT later_pkey PRIMARY KEY DEFERRABLE, covered_id integer, note text,
                                CONSTRAINT later_fk FOREIGN KEY (covered_id) REFERENCES covered (id) ON DELETE SET NULL (covered_id));
            """)
        let session = try db.session()
        let unmanaged = try session.inspect().unmanaged
        session.close()
        let detail = try XCTUnwrap(unmanaged.first { $0.name == "covered_pkey" })
        XCTAssertTrue(detail.definition?.contains("INCLUDE (note)") == true, "\(detail)")
        XCTAssertEqual(detail.table, "covered")
        XCTAssertEqual(Set(unmanaged.filter { $0.table == "later" }.map(\.name)), ["later_pkey", "later_fk"])
    }
}
