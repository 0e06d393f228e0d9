import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// PostgreSQL-specific features: identity vs serial, jsonb, partial/expression indexes,
/// deferrable keys, hostile names, a second schema, generated columns.
final class PostgreSQLFeatureTests: PostgreSQLTestCase {
    func testIdentityVersusSerial() throws {
        try db.raw.query("CREATE TABLE legacy (id serial PRIMARY KEY, n integer); INSERT INTO legacy (n) VALUES (1), (2), (3)")
        let session = try db.session()
        let inspected = try session.inspect()
        session.close()
        let id = try XCTUnwrap(inspected.table(named: "legacy")?.column(named: "id"))
        XCTAssertEqual(id.identity, .serial, "a serial column reads as serial, not identity")
        XCTAssertNil(id.defaultValue, "nextval(...) is not a default")
        XCTAssertFalse(inspected.unmanaged.contains { $0.kind == "sequence" }, "the owned sequence is not unmanaged")

        var desired = Schema(tables: [Table(name: "legacy", columns: [
            Column(name: "id", type: .integer, nullable: false, identity: .serial),
            Column(name: "n", type: .integer),
        ], primaryKey: PrimaryKey(columns: ["id"]))])
        XCTAssertEqual(try pendingChanges(desired).count, 0, "serial is serial")
        desired.tables[0].columns[0].identity = .byDefault
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), ["legacy.id"], "identity is not serial")

        desired.tables[0].columns[0].identity = .always
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT attidentity FROM pg_attribute WHERE attrelid = 'legacy'::regclass AND attname = 'id'"), "a")
        XCTAssertNil(try db.raw.value("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'legacy'::regclass"))
        XCTAssertNil(try db.raw.value("SELECT relname FROM pg_class WHERE relname = 'legacy_id_seq' AND relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend WHERE objid = pg_class.oid AND deptype = 'i')"),
                     "the serial's own sequence is gone")
        try db.raw.query("INSERT INTO legacy (n) VALUES (4)")
        XCTAssertEqual(try db.raw.value("SELECT id FROM legacy WHERE n = 4"), "4", "numbering continues after existing rows")
        XCTAssertEqual(try pendingChanges(desired).count, 0)

        // And back to serial: an owned sequence feeding the default, numbering continued.
        desired.tables[0].columns[0].identity = .serial
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT attidentity FROM pg_attribute WHERE attrelid = 'legacy'::regclass AND attname = 'id'"), "")
        XCTAssertEqual(try db.raw.value("SELECT column_default FROM information_schema.columns WHERE table_name = 'legacy' AND column_name = 'id'"),
                       "nextval('legacy_id_seq'::regclass)")
        XCTAssertEqual(try db.raw.value("SELECT pg_get_serial_sequence('legacy', 'id')"), "public.legacy_id_seq")
        try db.raw.query("INSERT INTO legacy (n) VALUES (5)")
        XCTAssertEqual(try db.raw.value("SELECT id FROM legacy WHERE n = 5"), "5")
        XCTAssertEqual(try pendingChanges(desired).count, 0)
    }

    func testSerialBecomesBigserialWithItsSequence() throws {
        try db.raw.query("CREATE TABLE events (id serial PRIMARY KEY, n integer); INSERT INTO events (n) VALUES (1), (2)")
        let desired = Schema(tables: [Table(name: "events", columns: [
            Column(name: "id", type: .bigint, nullable: false, identity: .serial), Column(name: "n", type: .integer),
        ], primaryKey: PrimaryKey(columns: ["id"]))])
        try apply(desired)
        XCTAssertEqual(try db.raw.query("SELECT format_type(seqtypid, NULL), seqmax::text FROM pg_sequence WHERE seqrelid = 'events_id_seq'::regclass"),
                       [["bigint", "9223372036854775807"]])
        XCTAssertEqual(try db.raw.value("SELECT data_type FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'id'"), "bigint")
        try db.raw.query("INSERT INTO events (n) VALUES (3)")
        XCTAssertEqual(try db.raw.value("SELECT id FROM events WHERE n = 3"), "3", "numbering goes on")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    func testSerialTypesAndSequenceOptions() throws {
        var desired = Schema(tables: [Table(name: "counters", columns: [
            Column(name: "a", type: .smallint, identity: .serial),
            Column(name: "b", type: .bigint, identity: .serial,
                   sequence: SequenceOptions(start: 1000, increment: 10, cache: 5, type: nil)),
            Column(name: "c", type: .bigint, identity: .always,
                   sequence: SequenceOptions(start: 5, increment: 2, maxValue: 1000, cache: 10, cycle: true)),
            Column(name: "d", type: .integer, identity: .byDefault, sequence: SequenceOptions(start: 1, increment: 1)),
        ])])
        try apply(desired)
        let types = try db.raw.query("SELECT column_name, data_type, column_default, is_identity FROM information_schema.columns WHERE table_name = 'counters' ORDER BY ordinal_position")
        XCTAssertEqual(types, [
            ["a", "smallint", "nextval('counters_a_seq'::regclass)", "NO"],
            ["b", "bigint", "nextval('counters_b_seq'::regclass)", "NO"],
            ["c", "bigint", nil, "YES"],
            ["d", "integer", nil, "YES"],
        ])
        let sequences = try db.raw.query("""
            SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid ORDER BY 1
            """)
        XCTAssertEqual(sequences, [
            ["counters_a_seq", "smallint", "1", "1", "1", "32767", "1", "f"],
            ["counters_b_seq", "bigint", "1000", "10", "1", "9223372036854775807", "5", "f"],
            ["counters_c_seq", "bigint", "5", "2", "1", "1000", "10", "t"],
            ["counters_d_seq", "integer", "1", "1", "1", "2147483647", "1", "f"],
        ])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        desired.tables[0].columns[1].sequence = SequenceOptions(start: 1000, increment: 5, type: .integer)
        desired.tables[0].columns[2].sequence = SequenceOptions(increment: 3)
        desired.tables[0].columns[3].sequence = SequenceOptions(minValue: 0, maxValue: 99)
        XCTAssertEqual(Set(try pendingChanges(desired).map(\.change.objectPath)), ["counters.b", "counters.c", "counters.d"])
        try apply(desired)
        let after = try db.raw.query("""
            SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
            FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid WHERE c.relname <> 'counters_a_seq' ORDER BY 1
            """)
        XCTAssertEqual(after, [
            ["counters_b_seq", "integer", "1000", "5", "1", "2147483647", "1", "f"],
            ["counters_c_seq", "bigint", "1", "3", "1", "9223372036854775807", "1", "f"],
            ["counters_d_seq", "integer", "0", "1", "0", "99", "1", "f"],
        ])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        // inspect → YAML → read keeps serial and the options.
        let session = try db.session()
        let inspected = try session.inspect()
        session.close()
        let yaml = try SchemaFileWriter(dialectName: "postgresql").document(inspected).yaml()
        XCTAssertTrue(yaml.contains("identity: serial"), yaml)
        XCTAssertEqual(try SchemaFileReader(source: "x.yaml").parse(yaml).tables, inspected.sorted().tables)
    }

    func testIdentityAddedToAndRemovedFromExistingColumn() throws {
        var desired = Schema(tables: [Table(name: "tickets", columns: [
            Column(name: "id", type: .integer, nullable: false), Column(name: "title", type: .text),
        ], primaryKey: PrimaryKey(columns: ["id"]))])
        try apply(desired)
        try db.raw.query("INSERT INTO tickets VALUES (1, 'a'), (2, 'b'), (3, 'c')")
        desired.tables[0].columns[0].identity = .byDefault
        try apply(desired)
        try db.raw.query("INSERT INTO tickets (title) VALUES ('d')")
        XCTAssertEqual(try db.raw.value("SELECT id FROM tickets WHERE title = 'd'"), "4")
        XCTAssertEqual(try pendingChanges(desired).count, 0)
        desired.tables[0].columns[0].identity = nil
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT attidentity FROM pg_attribute WHERE attrelid = 'tickets'::regclass AND attname = 'id'"), "")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM tickets"), "4")
        XCTAssertEqual(try pendingChanges(desired).count, 0)
    }

    func testJsonbAndArrayDefaults() throws {
        let desired = Schema(tables: [Table(name: "docs", columns: [
            Column(name: "id", type: .integer, nullable: false),
            Column(name: "body", type: .native("jsonb"), nullable: false, defaultValue: .string(#"{"a":1,"b":[true]}"#)),
            Column(name: "tags", type: .native("text[]"), nullable: false, defaultValue: .string("{}")),
            Column(name: "meta", type: .json, defaultValue: .expression("'[]'::json")),
            Column(name: "at", type: .native("timestamp(3)"), defaultValue: .expression("now()")),
        ], primaryKey: PrimaryKey(columns: ["id"]))])
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE a.attname = 'body'"),
                       #"'{"a": 1, "b": [true]}'::jsonb"#)
        XCTAssertEqual(try db.raw.value("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'docs'::regclass AND attname = 'at'"),
                       "timestamp(3) without time zone")
        try db.raw.query("INSERT INTO docs (id) VALUES (1)")
        XCTAssertEqual(try db.raw.value("SELECT body->>'a' FROM docs"), "1")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    func testPartialAndExpressionIndexes() throws {
        let desired = Schema(tables: [Table(name: "accounts", columns: [
            Column(name: "id", type: .bigint, identity: .byDefault),
            Column(name: "email", type: .text, nullable: false),
            Column(name: "deleted_at", type: .timestamptz),
            Column(name: "data", type: .native("jsonb")),
        ], primaryKey: PrimaryKey(columns: ["id"]), indexes: [
            Index(name: "accounts_email_lower", parts: [Index.Part(expression: "lower(email)")], unique: true),
            Index(name: "accounts_live", parts: [Index.Part(column: "email"), Index.Part(column: "id", descending: true)],
                  predicate: "deleted_at IS NULL"),
            Index(name: "accounts_data", parts: [Index.Part(column: "data")], method: "gin"),
        ])])
        try apply(desired)
        let defs = try db.raw.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'accounts' ORDER BY 1")
            .reduce(into: [String: String]()) { $0[$1[0]!] = $1[1]! }
        XCTAssertEqual(defs["accounts_email_lower"], "CREATE UNIQUE INDEX accounts_email_lower ON public.accounts USING btree (lower(email))")
        XCTAssertEqual(defs["accounts_live"], "CREATE INDEX accounts_live ON public.accounts USING btree (email, id DESC) WHERE (deleted_at IS NULL)")
        XCTAssertEqual(defs["accounts_data"], "CREATE INDEX accounts_data ON public.accounts USING gin (data)")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        // Changing the predicate recreates the index.
        var changed = desired
        changed.tables[0].indexes[1].predicate = "deleted_at IS NULL AND email <> ''"
        try apply(changed)
        XCTAssertEqual(try db.raw.value("SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'accounts_live'::regclass"),
                       "((deleted_at IS NULL) AND (email <> ''::text))")
        XCTAssertEqual(try pendingChanges(changed).count, 0)
    }

    func testDeferrableForeignKeys() throws {
        var desired = Schema(tables: [
            Table(name: "parents", columns: [Column(name: "id", type: .integer, nullable: false)], primaryKey: PrimaryKey(columns: ["id"])),
            Table(name: "children", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "parent_id", type: .integer)],
                  primaryKey: PrimaryKey(columns: ["id"]),
                  foreignKeys: [ForeignKey(name: "children_parent_fk", columns: ["parent_id"], referencedTable: "parents",
                                           referencedColumns: ["id"], onDelete: .setNull, onUpdate: .cascade,
                                           deferrable: true, initiallyDeferred: true)]),
        ])
        try apply(desired)
        XCTAssertEqual(try db.raw.query("SELECT condeferrable, condeferred, confdeltype, confupdtype FROM pg_constraint WHERE conname = 'children_parent_fk'").first,
                       ["t", "t", "n", "c"])
        // Initially deferred: a child may come before its parent inside one transaction.
        try db.raw.query("BEGIN; INSERT INTO children VALUES (1, 7); INSERT INTO parents VALUES (7); COMMIT")
        XCTAssertEqual(try pendingChanges(desired).count, 0)

        desired.tables[1].foreignKeys[0].deferrable = false
        desired.tables[1].foreignKeys[0].initiallyDeferred = false
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT condeferrable FROM pg_constraint WHERE conname = 'children_parent_fk'"), "f")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM children"), "1")
    }

    func testQuotedMixedCaseAndHostileIdentifiers() throws {
        let table = #"Order "Items"; DROP TABLE x; --"#
        let desired = Schema(tables: [
            Table(name: "x", columns: [Column(name: "id", type: .integer)]),
            Table(name: table, columns: [
                Column(name: "MixedCase", type: .integer, nullable: false),
                Column(name: "select", type: .text, defaultValue: .string("it's $$ \"quoted\"")),
                Column(name: "ünïcode", type: .varchar(length: 10)),
            ], primaryKey: PrimaryKey(name: "Weird PK", columns: ["MixedCase"]),
            uniqueConstraints: [UniqueConstraint(name: "uniq'ue", columns: ["select"])],
            indexes: [Index(name: "idx \"quoted\"", columns: ["ünïcode"])],
            checks: [CheckConstraint(name: "check $schemasync$", expression: #""MixedCase" > 0"#)]),
        ])
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_class WHERE relname = 'Order \"Items\"; DROP TABLE x; --'"), "1")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_class WHERE relname = 'x'"), "1")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_constraint WHERE conname IN ('Weird PK', 'uniq''ue', 'check $schemasync$')"), "3")
        try db.raw.query(#"INSERT INTO "Order ""Items""; DROP TABLE x; --" ("MixedCase") VALUES (1)"#)
        XCTAssertEqual(try db.raw.value(#"SELECT "select" FROM "Order ""Items""; DROP TABLE x; --""#), "it's $$ \"quoted\"")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    func testSecondSchemaIsIndependent() throws {
        try apply(exampleSchema())
        let billing = Schema(tables: [Table(name: "users", columns: [
            Column(name: "id", type: .integer, nullable: false), Column(name: "plan", type: .text),
        ], primaryKey: PrimaryKey(columns: ["id"]), checks: [CheckConstraint(name: "plan_known", expression: "plan IN ('free', 'pro')")])],
        views: [View(name: "pro_users", definition: "SELECT id FROM users WHERE plan = 'pro'")])
        try apply(billing, schemaName: "billing")
        XCTAssertEqual(try db.raw.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'billing' ORDER BY 1").map { $0[0] },
                       ["pro_users", "users"])
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'users'"), "6")
        XCTAssertEqual(try pendingChanges(billing, schemaName: "billing").count, 0)
        XCTAssertEqual(try pendingChanges(exampleSchema()).count, 0)
        let session = try db.session(schema: "billing")
        XCTAssertEqual(try session.inspect().tables.map(\.name), ["users"])
        session.close()
    }

    func testGeneratedColumns() throws {
        var desired = Schema(tables: [Table(name: "lines", columns: [
            Column(name: "qty", type: .integer, nullable: false),
            Column(name: "price", type: .decimal(precision: 10, scale: 2), nullable: false),
            Column(name: "total", type: .decimal(precision: 12, scale: 2), generated: .init(expression: "qty * price")),
        ])])
        try apply(desired)
        try db.raw.query("INSERT INTO lines (qty, price) VALUES (3, 2.50)")
        XCTAssertEqual(try db.raw.value("SELECT total FROM lines"), "7.50")
        XCTAssertEqual(try pendingChanges(desired).count, 0)
        desired.tables[0].columns[2].generated = .init(expression: "qty * price * 2")
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT total FROM lines"), "15.00")
        XCTAssertEqual(try pendingChanges(desired).count, 0)
    }

    func testEveryColumnChangeConvergesWithRowsIntact() throws {
        let before = Schema(tables: [Table(name: "items", columns: [
            Column(name: "id", type: .integer, nullable: false),
            Column(name: "name", type: .varchar(length: 20)),
            Column(name: "qty", type: .integer, defaultValue: .number("1")),
            Column(name: "old_note", type: .text),
        ], primaryKey: PrimaryKey(columns: ["id"]))])
        try apply(before)
        try db.raw.query("INSERT INTO items VALUES (1, 'a', 5, 'n1'), (2, 'b', 6, 'n2')")
        let after = Schema(tables: [Table(name: "products", columns: [
            Column(name: "id", type: .bigint, nullable: false),
            Column(name: "name", type: .text, nullable: false, comment: "display name"),
            Column(name: "qty", type: .bigint, defaultValue: .number("0")),
            Column(name: "note", type: .text, renamedFrom: "old_note"),
            Column(name: "added", type: .timestamptz, nullable: false, defaultValue: .function(.currentTimestamp)),
        ], primaryKey: PrimaryKey(columns: ["id"]), indexes: [Index(name: "products_name", columns: ["name"])],
        checks: [CheckConstraint(name: "qty_nonneg", expression: "qty >= 0")], renamedFrom: "items")])
        // Renames first: the core runs data checks under the new names before renaming (reported).
        var renamesOnly = before
        renamesOnly.tables[0].name = "products"
        renamesOnly.tables[0].renamedFrom = "items"
        renamesOnly.tables[0].columns[3] = Column(name: "note", type: .text, renamedFrom: "old_note")
        try apply(renamesOnly)
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM information_schema.columns WHERE table_name = 'products' AND column_name = 'note'"), "1")
        try apply(after)
        XCTAssertEqual(try db.raw.query("SELECT id, name, qty, note FROM products ORDER BY id"), [["1", "a", "5", "n1"], ["2", "b", "6", "n2"]])
        XCTAssertEqual(try db.raw.value("SELECT data_type FROM information_schema.columns WHERE table_name = 'products' AND column_name = 'qty'"), "bigint")
        XCTAssertEqual(try db.raw.value("SELECT column_default FROM information_schema.columns WHERE table_name = 'products' AND column_name = 'qty'"), "0")
        XCTAssertEqual(try pendingChanges(after).map(\.change.objectPath), [])
    }
}
