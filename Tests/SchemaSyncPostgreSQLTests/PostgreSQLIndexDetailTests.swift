import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Index details beyond columns: INCLUDE, operator classes, collations, NULLS FIRST/LAST,
/// NULLS NOT DISTINCT, access methods and storage parameters. Results are read back with
/// `pg_get_indexdef` on a raw connection.
final class PostgreSQLIndexDetailTests: PostgreSQLTestCase {
    private func indexdef(_ name: String) throws -> String? {
        try db.raw.value("SELECT pg_get_indexdef('public.\(name)'::regclass)")
    }

    private func table(_ indexes: [Index], uniques: [UniqueConstraint] = []) -> Schema {
        Schema(tables: [Table(name: "docs", columns: [
            Column(name: "id", type: .integer, nullable: false),
            Column(name: "title", type: .text),
            Column(name: "slug", type: .varchar(length: 80)),
            Column(name: "rank", type: .integer),
            Column(name: "body", type: .native("jsonb")),
        ], primaryKey: PrimaryKey(columns: ["id"]), uniqueConstraints: uniques, indexes: indexes)])
    }

    func testEveryDetailIsCreatedAsDeclaredAndConverges() throws {
        let desired = table([
            Index(name: "docs_title_pattern", parts: [
                Index.Part(column: "title", opclass: "text_pattern_ops"),
                Index.Part(column: "rank", descending: true, nullsFirst: false),
            ], include: ["slug"], storageParameters: ["fillfactor": "70"]),
            Index(name: "docs_title_c", parts: [Index.Part(column: "title", collation: "C", nullsFirst: true)]),
            Index(name: "docs_slug_key", parts: [Index.Part(column: "slug")], unique: true, nullsNotDistinct: true),
            Index(name: "docs_rank_hash", parts: [Index.Part(column: "rank")], method: "hash"),
            Index(name: "docs_rank_brin", parts: [Index.Part(column: "rank")], method: "brin",
                  storageParameters: ["pages_per_range": "16"]),
            Index(name: "docs_body_gin", parts: [Index.Part(column: "body", opclass: "jsonb_path_ops")], method: "gin"),
        ])
        try apply(desired)
        XCTAssertEqual(try indexdef("docs_title_pattern"),
                       "CREATE INDEX docs_title_pattern ON public.docs USING btree (title text_pattern_ops, rank DESC NULLS LAST) INCLUDE (slug) WITH (fillfactor='70')")
        XCTAssertEqual(try indexdef("docs_title_c"), #"CREATE INDEX docs_title_c ON public.docs USING btree (title COLLATE "C" NULLS FIRST)"#)
        XCTAssertEqual(try indexdef("docs_slug_key"), "CREATE UNIQUE INDEX docs_slug_key ON public.docs USING btree (slug) NULLS NOT DISTINCT")
        XCTAssertEqual(try indexdef("docs_rank_hash"), "CREATE INDEX docs_rank_hash ON public.docs USING hash (rank)")
        XCTAssertEqual(try indexdef("docs_rank_brin"), "CREATE INDEX docs_rank_brin ON public.docs USING brin (rank) WITH (pages_per_range='16')")
        XCTAssertEqual(try indexdef("docs_body_gin"), "CREATE INDEX docs_body_gin ON public.docs USING gin (body jsonb_path_ops)")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    /// An index that differs from the declared one only in a detail is dropped and re-created.
    func testIndexDifferingOnlyInADetailIsRecreated() throws {
        try db.raw.query("""
            CREATE TABLE docs (id integer PRIMARY KEY, title text, slug varchar(80), rank integer, body jsonb);
            CREATE INDEX docs_a ON docs (title text_pattern_ops);
            CREATE INDEX docs_b ON docs (title) INCLUDE (slug);
            CREATE INDEX docs_c ON docs (title COLLATE "C");
            CREATE INDEX docs_d ON docs (rank NULLS FIRST);
            CREATE UNIQUE INDEX docs_e ON docs (slug) NULLS NOT DISTINCT;
            CREATE INDEX docs_f ON docs USING hash (rank);
            CREATE INDEX docs_g ON docs (rank) WITH (fillfactor = 50);
            CREATE INDEX docs_h ON docs USING gin (body);
            """)
        let desired = table([
            Index(name: "docs_a", columns: ["title"]),
            Index(name: "docs_b", columns: ["title"]),
            Index(name: "docs_c", columns: ["title"]),
            Index(name: "docs_d", columns: ["rank"]),
            Index(name: "docs_e", columns: ["slug"], unique: true),
            Index(name: "docs_f", columns: ["rank"]),
            Index(name: "docs_g", columns: ["rank"]),
            Index(name: "docs_h", parts: [Index.Part(column: "body", opclass: "jsonb_path_ops")], method: "gin"),
        ])
        let pending = try pendingChanges(desired)
        XCTAssertEqual(Set(pending.filter { $0.change.kind == "createIndex" }.map(\.change.objectPath)),
                       Set(["a", "b", "c", "d", "e", "f", "g", "h"].map { "docs.docs_\($0)" }))
        try apply(desired)
        let defs = try db.raw.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'docs' AND indexname LIKE 'docs\\_%' AND indexname <> 'docs_pkey' ORDER BY 1")
        XCTAssertEqual(defs.map { $0[1]! }, [
            "CREATE INDEX docs_a ON public.docs USING btree (title)",
            "CREATE INDEX docs_b ON public.docs USING btree (title)",
            "CREATE INDEX docs_c ON public.docs USING btree (title)",
            "CREATE INDEX docs_d ON public.docs USING btree (rank)",
            "CREATE UNIQUE INDEX docs_e ON public.docs USING btree (slug)",
            "CREATE INDEX docs_f ON public.docs USING btree (rank)",
            "CREATE INDEX docs_g ON public.docs USING btree (rank)",
            "CREATE INDEX docs_h ON public.docs USING gin (body jsonb_path_ops)",
        ])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    /// Spellings the server normalises (a default operator class named, ASC NULLS LAST) are no difference.
    func testDefaultSpellingsConverge() throws {
        let desired = table([
            Index(name: "docs_t", parts: [Index.Part(column: "title", opclass: "text_ops", nullsFirst: false),
                                          Index.Part(column: "rank", descending: true, nullsFirst: true)],
                  method: "BTREE"),
        ])
        try apply(desired)
        XCTAssertEqual(try indexdef("docs_t"), "CREATE INDEX docs_t ON public.docs USING btree (title, rank DESC)")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    func testUniqueConstraintNullsNotDistinctAndDeferrable() throws {
        var desired = table([], uniques: [
            UniqueConstraint(name: "docs_slug_key", columns: ["slug"], nullsNotDistinct: true),
            UniqueConstraint(name: "docs_rank_key", columns: ["rank"], deferrable: true, initiallyDeferred: true),
        ])
        try apply(desired)
        let defs = try db.raw.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'docs'::regclass AND contype = 'u' ORDER BY 1")
        XCTAssertEqual(defs, [["docs_rank_key", "UNIQUE (rank) DEFERRABLE INITIALLY DEFERRED"],
                              ["docs_slug_key", "UNIQUE NULLS NOT DISTINCT (slug)"]])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
        desired.tables[0].uniqueConstraints[0].nullsNotDistinct = false
        desired.tables[0].uniqueConstraints[1].deferrable = false
        desired.tables[0].uniqueConstraints[1].initiallyDeferred = false
        try apply(desired)
        let after = try db.raw.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'docs'::regclass AND contype = 'u' ORDER BY 1")
        XCTAssertEqual(after, [["docs_rank_key", "UNIQUE (rank)"], ["docs_slug_key", "UNIQUE (slug)"]])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    /// `inspect` → YAML → read back holds every detail, and applies to an empty schema as it was.
    func testSchemaFileRoundTripKeepsDetails() throws {
        try db.raw.query("""
            CREATE TABLE docs (id integer PRIMARY KEY, title text, slug varchar(80), rank integer, body jsonb,
                               CONSTRAINT docs_slug_key UNIQUE NULLS NOT DISTINCT (slug) DEFERRABLE);
            CREATE INDEX docs_a ON docs (title text_pattern_ops DESC NULLS LAST, (lower(title)) COLLATE "C") INCLUDE (slug, rank) WITH (fillfactor = 60);
            CREATE INDEX docs_h ON docs USING gin (body jsonb_path_ops);
            """)
        let session = try db.session()
        let inspected = try session.inspect()
        session.close()
        let yaml = try SchemaFileWriter(dialectName: "postgresql").document(inspected).yaml()
        XCTAssertTrue(yaml.contains("opclass: text_pattern_ops"), yaml)
        let reread = try SchemaFileReader(source: "roundtrip.yaml").parse(yaml)
        XCTAssertEqual(reread.table(named: "docs")?.indexes, inspected.table(named: "docs")?.indexes)
        XCTAssertEqual(reread.table(named: "docs")?.uniqueConstraints, inspected.table(named: "docs")?.uniqueConstraints)
        let expected = try db.raw.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'docs' ORDER BY 1")
        try apply(reread, schemaName: "copy")
        let copied = try db.raw.query("SELECT indexname, replace(indexdef, 'copy.', 'public.') FROM pg_indexes WHERE schemaname = 'copy' ORDER BY 1")
        XCTAssertEqual(copied, expected)
        XCTAssertEqual(try pendingChanges(reread, schemaName: "copy").map(\.change.objectPath), [])
    }
}

/// An index PostgreSQL holds but does not use (invalid) is re-created.
final class PostgreSQLInvalidIndexTests: PostgreSQLTestCase {
    func testInvalidIndexIsRecreated() throws {
        try db.raw.query("CREATE TABLE t (id integer PRIMARY KEY, v integer); CREATE INDEX t_v_idx ON t (v)")
        try db.raw.query("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 't_v_idx'::regclass")
        let desired = Schema(tables: [Table(name: "t", columns: [
            Column(name: "id", type: .integer, nullable: false), Column(name: "v", type: .integer),
        ], primaryKey: PrimaryKey(columns: ["id"]), indexes: [Index(name: "t_v_idx", columns: ["v"])])])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.kind), ["dropIndex", "createIndex"])
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 't_v_idx'::regclass"), "true")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }
}
