import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Verification by PostgreSQL's own definitions: what the model cannot see still fails closed.
final class PostgreSQLVerificationTests: PostgreSQLTestCase {
    /// Every column of the catalogs the inspector reads is mapped, verified or ignored with a reason.
    func testEveryCatalogFieldIsAccountedFor() throws {
        for (catalog, fields) in PostgreSQLCatalogCoverage.fields {
            let columns = try db.raw.query("SELECT attname FROM pg_catalog.pg_attribute WHERE attrelid = 'pg_catalog.\(catalog)'::regclass AND attnum > 0 AND NOT attisdropped")
                .compactMap { $0[0] }
            XCTAssertFalse(columns.isEmpty, catalog)
            let unknown = columns.filter { fields[$0] == nil }
            XCTAssertEqual(unknown, [], "\(catalog) has fields neither mapped nor listed as ignored in PostgreSQLCatalogCoverage")
        }
    }

    /// A hash index made by hand is invisible to a blinded inspector; apply must not say
    /// "verified", must roll back its own changes, and plan must report the index.
    func testBlindedInspectorCannotHideAnIndexMethod() throws {
        let table = Table(name: "t", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "code", type: .text)],
                          primaryKey: PrimaryKey(columns: ["id"]), indexes: [Index(name: "t_code", columns: ["code"])])
        try apply(Schema(tables: [table]))
        _ = try db.raw.query("DROP INDEX t_code; CREATE INDEX t_code ON t USING hash (code)")

        let session = try db.session()
        defer { session.close() }
        let blinded = BlindedSession(base: session) { schema in
            var copy = schema
            for t in copy.tables.indices { for i in copy.tables[t].indexes.indices { copy.tables[t].indexes[i].method = nil } }
            return copy
        }
        let engine = SyncEngine(session: blinded)
        let plan = try engine.plan(desired: Schema(tables: [table]), allowDestructive: false)
        XCTAssertTrue(plan.plan.applicable.isEmpty)
        XCTAssertEqual(plan.engineMismatches.map(\.objectPath), ["t.t_code"])
        XCTAssertTrue(plan.engineMismatches.first?.actual?.contains("USING hash") ?? false)

        var grown = table
        grown.columns.append(Column(name: "added", type: .integer))
        XCTAssertThrowsError(try engine.apply(desired: Schema(tables: [grown]), allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .notConverged, "\(error)")
            XCTAssertTrue("\(error)".contains("t.t_code"), "\(error)")
        }
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 't' AND column_name = 'added'"), "0",
                       "a failed verification must commit nothing")
        XCTAssertEqual(try db.raw.value("SELECT pg_get_indexdef('t_code'::regclass)"), "CREATE INDEX t_code ON public.t USING hash (code)")
    }

    /// A `.sql` desired schema is compared with the objects its own SQL created, so an index
    /// option the model does not hold cannot be lost silently.
    func testSQLDesiredSchemaIsComparedWithItsOwnObjects() throws {
        let session = try db.session()
        defer { session.close() }
        let desired = try session.schema(fromSQL: """
            CREATE TABLE t (id integer PRIMARY KEY, code text);
            CREATE INDEX t_code ON t (code) WITH (fillfactor = 70);
            """, source: "schema.sql")
        XCTAssertNotNil(desired.sourceDefinitions)
        let engine = SyncEngine(session: session)
        do {
            try engine.apply(desired: desired, allowDestructive: false)
            // The model holds storage parameters: then the index must be exactly as declared.
            XCTAssertEqual(try db.raw.value("SELECT pg_get_indexdef('t_code'::regclass)"),
                           "CREATE INDEX t_code ON public.t USING btree (code) WITH (fillfactor='70')")
        } catch let error as SchemaSyncError {
            // The model does not hold them: apply must refuse to call it verified, and commit nothing.
            XCTAssertEqual(error.code, .notConverged, "\(error)")
            XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "0")
        }
    }
}

/// Which of PostgreSQL's own texts mean the same, without a server.
final class PostgreSQLDefinitionEquivalenceTests: XCTestCase {
    func testReprintedCastsAndSynonymsAreTheSameButStructureIsNot() {
        let d = PostgreSQLDialect()
        XCTAssertTrue(d.definitionsEquivalent(
            "CHECK (status::text = ANY (ARRAY['new'::character varying, 'paid'::character varying]::text[]))",
            "CHECK (status::text = ANY (ARRAY['new'::character varying::text, 'paid'::character varying::text]))"))
        XCTAssertTrue(d.definitionsEquivalent("bigint DEFAULT '0'::bigint", "bigint DEFAULT 0"))
        XCTAssertTrue(d.definitionsEquivalent("timestamp with time zone DEFAULT now()", "timestamp with time zone DEFAULT CURRENT_TIMESTAMP"))
        XCTAssertFalse(d.definitionsEquivalent("CREATE INDEX i ON t USING hash (a)", "CREATE INDEX i ON t USING btree (a)"))
        XCTAssertFalse(d.definitionsEquivalent("CHECK (a = 'x::text')", "CHECK (a = 'x')"), "casts inside literals are data")
        XCTAssertFalse(d.definitionsEquivalent("CREATE INDEX i ON t USING btree (a) INCLUDE (b)", "CREATE INDEX i ON t USING btree (a)"))
        XCTAssertFalse(d.definitionsEquivalent("integer DEFAULT 1", "integer DEFAULT 2"))
        XCTAssertTrue(d.definitionsEquivalent("CREATE INDEX i ON t USING btree (a) WITH (deduplicate_items='on')",
                                              "CREATE INDEX i ON t USING btree (a) WITH (deduplicate_items='true')"))
        XCTAssertFalse(d.definitionsEquivalent("CREATE INDEX i ON t USING btree (a) WITH (deduplicate_items='off')",
                                               "CREATE INDEX i ON t USING btree (a) WITH (deduplicate_items='true')"))
        XCTAssertFalse(d.definitionsEquivalent("CHECK (a = 'on')", "CHECK (a = 'true')"), "a value compared is data")
    }
}
