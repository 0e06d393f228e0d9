import CSQLite
import Foundation
import SchemaSyncCore
import SchemaSyncSQLite
import XCTest

/// SQLite-specific behaviour, checked by reading the database back with plain queries.
final class SQLiteConnectorTests: XCTestCase {
    private func schema(_ yaml: String) throws -> Schema {
        try SchemaFileReader(source: "test.yaml").parse(yaml)
    }

    private let parentChild = """
        tables:
          - name: parent
            columns:
              - { name: id, type: integer, nullable: false }
              - { name: label, type: varchar(10) }
            primaryKey: [id]
          - name: child
            columns:
              - { name: id, type: integer, nullable: false }
              - { name: parent_id, type: integer }
            primaryKey: [id]
            foreignKeys:
              - { columns: [parent_id], references: { table: parent, columns: [id] }, onDelete: cascade }
        """

    /// A rebuild of a referenced table must not fire ON DELETE CASCADE on its children, and must
    /// recreate its triggers and keep views over it working.
    func testRebuildKeepsChildrenTriggersAndViews() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        let engine = SyncEngine(session: session)
        try engine.apply(desired: try schema(parentChild), allowDestructive: false)
        for sql in [
            "PRAGMA foreign_keys = ON",
            "INSERT INTO parent VALUES (1, 'a'), (2, 'b')",
            "INSERT INTO child VALUES (10, 1), (11, 1), (12, 2)",
            "CREATE TABLE audit (what TEXT)",
            "CREATE TRIGGER parent_audit AFTER UPDATE ON parent BEGIN INSERT INTO audit VALUES ('updated'); END",
            "CREATE VIEW parent_labels AS SELECT label FROM parent",
        ] { try session.execute(RenderedStatement(sql, changeIDs: [])) }

        // Widening label and making it NOT NULL needs a rebuild of parent.
        let desired = try schema(parentChild.replacingOccurrences(of: "{ name: label, type: varchar(10) }",
                                                                  with: "{ name: label, type: varchar(50), nullable: false }")
            .replacingOccurrences(of: "tables:", with: "tables:\n  - name: audit\n    columns: [{ name: what, type: text }]"))
        var desiredWithView = desired
        desiredWithView.views = [View(name: "parent_labels", definition: "SELECT label FROM parent")]
        let report = try engine.apply(desired: desiredWithView, allowDestructive: false)
        XCTAssertTrue(report.statements.contains { $0.sql.contains("schemasync_new_parent") }, "expected a rebuild")

        XCTAssertEqual(try session.query("SELECT id, parent_id FROM child ORDER BY id"), [["10", "1"], ["11", "1"], ["12", "2"]])
        XCTAssertEqual(try session.query("SELECT id, label FROM parent ORDER BY id"), [["1", "a"], ["2", "b"]])
        XCTAssertEqual(try session.query("SELECT \"notnull\" FROM pragma_table_info('parent') WHERE name = 'label'"), [["1"]])
        XCTAssertEqual(try session.query("SELECT type FROM pragma_table_info('parent') WHERE name = 'label'"), [["VARCHAR(50)"]])
        XCTAssertEqual(try session.query("SELECT COUNT(*) FROM pragma_foreign_key_check"), [["0"]])
        XCTAssertEqual(try session.query("SELECT COUNT(*) FROM parent_labels"), [["2"]])
        XCTAssertEqual(try session.query("SELECT name FROM sqlite_schema WHERE type = 'trigger'"), [["parent_audit"]])
        try session.execute(RenderedStatement("UPDATE parent SET label = 'c' WHERE id = 1", changeIDs: []))
        XCTAssertEqual(try session.query("SELECT what FROM audit"), [["updated"]])
        XCTAssertEqual(try session.query("PRAGMA foreign_keys"), [["1"]], "foreign key enforcement must be restored")
    }

    /// Catalog inspection costs the same number of queries for 10 tables as for 200.
    func testInspectionQueryCountIsConstant() throws {
        func queries(tables: Int) throws -> Int {
            let db = SQLiteTestDatabase()
            let session = try db.session()
            defer { session.close() }
            for i in 0..<tables {
                try session.execute(RenderedStatement(
                    "CREATE TABLE t\(i) (id INTEGER PRIMARY KEY, ref INTEGER REFERENCES t0(id), v TEXT CHECK (v <> ''))", changeIDs: []))
                try session.execute(RenderedStatement("CREATE INDEX t\(i)_v ON t\(i) (v)", changeIDs: []))
            }
            let before = session.queryCount
            let schema = try session.inspect()
            XCTAssertEqual(schema.tables.count, tables)
            XCTAssertEqual(schema.tables.first { $0.name == "t1" }?.checks.count, 1)
            return session.queryCount - before
        }
        let small = try queries(tables: 10), large = try queries(tables: 200)
        XCTAssertEqual(small, large)
        XCTAssertEqual(small, 5)
    }

    /// The inspector and the definition reader share one read of the catalog rows, and a change
    /// by another connection (or a rolled-back one of this connection) is read afresh.
    func testCatalogRowsAreReadOnceAndAnyChangeIsSeen() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session(), other = try db.session()
        defer { session.close(); other.close() }
        try session.execute(RenderedStatement("CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT)", changeIDs: []))
        _ = try session.inspect()
        let before = session.queryCount
        _ = try session.engineDefinitions()
        XCTAssertEqual(session.queryCount - before, 1, "only the schema version is asked again")

        try other.execute(RenderedStatement("CREATE TABLE b (id INTEGER PRIMARY KEY, w TEXT)", changeIDs: []))
        XCTAssertEqual(try session.inspect().tables.map(\.name).sorted(), ["a", "b"])
        XCTAssertTrue(try XCTUnwrap(session.engineDefinitions()).contains { $0.kind == "column" && $0.table == "b" && $0.name == "w" })

        XCTAssertThrowsError(try session.withWriterLock { () throws -> Void in
            try session.execute(RenderedStatement("CREATE TABLE c (id INTEGER PRIMARY KEY)", changeIDs: []))
            XCTAssertEqual(try session.inspect().tables.count, 3)
            throw CancellationError()
        })
        XCTAssertEqual(try session.inspect().tables.map(\.name).sorted(), ["a", "b"], "the rolled-back table is gone")
    }

    /// Two applies at once: one takes the lock, the other waits and then finds nothing to do.
    func testConcurrentAppliesSerialise() throws {
        let db = SQLiteTestDatabase()
        let desired = try schema(parentChild)
        let group = DispatchGroup()
        let results = ResultBox()
        for _ in 0..<2 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let session = try db.session()
                    defer { session.close() }
                    let report = try SyncEngine(session: session).apply(desired: desired, allowDestructive: false)
                    results.add(.success(report.statements.count))
                } catch {
                    results.add(.failure(error))
                }
            }.start()
        }
        group.wait()
        let counts = results.values.compactMap { try? $0.get() }
        XCTAssertEqual(counts.count, 2, "an apply failed: \(results.values)")
        XCTAssertEqual(counts.sorted().first, 0, "the second apply should find nothing to do")
    }

    /// A `.sql` desired schema is read through a scratch in-memory database; the target is untouched.
    func testSQLSchemaSourceLeavesTargetUntouched() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        let sql = "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL DEFAULT 'x', CHECK (body <> ''));"
        let desired = try session.schema(fromSQL: sql, source: "notes.sql")
        XCTAssertEqual(try session.query("SELECT COUNT(*) FROM sqlite_schema"), [["0"]])
        XCTAssertEqual(desired.tables.first?.column(named: "id")?.identity, .byDefault)
        XCTAssertEqual(desired.tables.first?.checks.first?.expression, "body <> ''")
        try SyncEngine(session: session).apply(desired: desired, allowDestructive: false)
        XCTAssertEqual(try session.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'notes'"), [["notes"]])
        XCTAssertThrowsError(try session.schema(fromSQL: "CREATE TABLE broken (", source: "broken.sql")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
        }
        // A schema file may not write elsewhere through ATTACH or VACUUM INTO.
        let elsewhere = db.directory.appendingPathComponent("elsewhere.db").path
        for sql in ["ATTACH DATABASE '\(elsewhere)' AS other; CREATE TABLE other.t (a INTEGER);",
                    "CREATE TABLE t (a INTEGER); VACUUM INTO '\(elsewhere)';"] {
            XCTAssertThrowsError(try session.schema(fromSQL: sql, source: "hostile.sql"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere), sql)
        }
    }

    /// A trigger in the desired SQL is accepted when the target has it (and is left as it is);
    /// one the target lacks is refused by name, since apply never creates triggers.
    func testTriggersInDesiredSQLMustAlreadyBeInTheTarget() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        let table = "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);"
        try session.execute(RenderedStatement("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER)", changeIDs: []))
        try session.execute(RenderedStatement("CREATE TRIGGER t_touch AFTER UPDATE ON t BEGIN SELECT 1; END", changeIDs: []))
        let desired = try session.schema(fromSQL: table + " CREATE TRIGGER T_Touch AFTER UPDATE ON t BEGIN SELECT 1; END;", source: "app.sql")
        let report = try SyncEngine(session: session).plan(desired: desired, allowDestructive: false)
        XCTAssertFalse(report.hasPendingChanges, "\(report.plan.changes)")
        XCTAssertThrowsError(try session.schema(fromSQL: table + " CREATE TRIGGER t_other AFTER INSERT ON t BEGIN SELECT 1; END;", source: "app.sql")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
            XCTAssertTrue("\(error)".contains("trigger t_other"), "\(error)")
        }
        XCTAssertEqual(try session.query("SELECT name FROM sqlite_schema WHERE type = 'trigger'"), [["t_touch"]])
    }

    /// A failing statement in the middle rolls the whole apply back.
    func testFailedStatementRollsEverythingBack() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        var desired = try schema(parentChild)
        desired.views = [View(name: "broken_view", definition: "SELECT FROM WHERE")]
        // SQLite rejects the view in a scratch copy at plan time: invalid input, nothing runs.
        XCTAssertThrowsError(try SyncEngine(session: session).plan(desired: desired, allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema, "\(error)")
            XCTAssertTrue("\(error)".contains("broken_view"), "\(error)")
        }
        XCTAssertThrowsError(try SyncEngine(session: session).apply(desired: desired, allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema, "\(error)")
        }
        XCTAssertEqual(try session.query("SELECT COUNT(*) FROM sqlite_schema"), [["0"]])
        // A statement failing mid-apply (simulated after the first) rolls everything back.
        desired.views = []
        XCTAssertThrowsError(try SyncEngine(session: session).apply(desired: desired, allowDestructive: false,
                                                                    options: .init(interruptAfterStatements: 1))) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .applyFailed)
        }
        XCTAssertEqual(try session.query("SELECT COUNT(*) FROM sqlite_schema"), [["0"]], "tables created before the failure must be rolled back")
    }

    /// Dropping a referenced table with foreign keys on must not cascade into children.
    func testDropTableFiresNoCascade() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        let engine = SyncEngine(session: session)
        let both = try schema(parentChild)
        try engine.apply(desired: both, allowDestructive: false)
        try session.execute(RenderedStatement("INSERT INTO parent VALUES (1, 'a')", changeIDs: []))
        try session.execute(RenderedStatement("INSERT INTO child VALUES (10, 1)", changeIDs: []))
        // Drop the foreign key and the parent table together.
        var desired = both
        desired.tables.removeAll { $0.name == "parent" }
        desired.tables[0].foreignKeys = []
        try engine.apply(desired: desired, allowDestructive: true)
        XCTAssertEqual(try session.query("SELECT id, parent_id FROM child"), [["10", "1"]])
    }
}

extension SQLiteConnectorTests {
    /// A hand-written schema (inline UNIQUE, COLLATE, STRICT, AUTOINCREMENT, expression index,
    /// expression default) inspects into a schema file that plans empty against the original,
    /// recreates it elsewhere, and survives a rebuild without reusing AUTOINCREMENT ids.
    func testHandWrittenSchemaRoundTripsAndRebuildKeepsAutoincrement() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        for sql in [
            "CREATE TABLE artist (id INTEGER PRIMARY KEY, name NVARCHAR(120) UNIQUE, created TEXT DEFAULT (datetime('now')))",
            "CREATE TABLE album (id integer primary key autoincrement, title text not null collate nocase, "
                + "artist_id integer not null references artist(id) on delete cascade, constraint album_title unique (artist_id, title)) STRICT",
            "CREATE INDEX album_lower ON album (lower(title), id DESC) WHERE id > 0",
            "INSERT INTO artist (id, name) VALUES (1, 'a')",
            "INSERT INTO album (title, artist_id) VALUES ('x', 1), ('y', 1), ('z', 1)",
            "DELETE FROM album WHERE title = 'z'",
        ] { try session.execute(RenderedStatement(sql, changeIDs: [])) }
        let inspected = try session.inspect()
        let album = inspected.table(named: "album")!
        XCTAssertEqual(album.uniqueConstraints, [UniqueConstraint(name: "album_title", columns: ["artist_id", "title"])])
        XCTAssertEqual(album.column(named: "title")?.attributes["sqlite.collation"], "nocase")
        XCTAssertEqual(album.attributes["sqlite.strict"], "true")
        XCTAssertEqual(album.indexes.first?.parts.first?.expression, "lower(title)")
        XCTAssertEqual(album.indexes.first?.predicate, "id > 0")
        let yaml = try SchemaFileWriter(dialectName: "sqlite").document(inspected).yaml()
        let reread = try SchemaFileReader(source: "inspect.yaml").parse(yaml)
        XCTAssertTrue(try SyncEngine(session: session).plan(desired: reread, allowDestructive: false).plan.isEmpty, yaml)

        let copy = SQLiteTestDatabase()
        let copySession = try copy.session()
        defer { copySession.close() }
        try SyncEngine(session: copySession).apply(desired: reread, allowDestructive: false)
        // UNIQUE constraints stay constraints inside CREATE TABLE (no separate index).
        XCTAssertEqual(try copySession.query("SELECT m.name, il.origin FROM sqlite_schema m JOIN pragma_index_list(m.name) il WHERE il.\"unique\" = 1 ORDER BY m.name"),
                       [["album", "u"], ["artist", "u"]])
        XCTAssertEqual(try copySession.query("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND name <> 'album_lower'"), [["0"]])

        // Drop NOT NULL on title: a rebuild. The deleted row's id (3) must not be reused.
        var wider = reread
        let i = wider.tables.firstIndex { $0.name == "album" }!
        let c = wider.tables[i].columns.firstIndex { $0.name == "title" }!
        wider.tables[i].columns[c].nullable = true
        try SyncEngine(session: session).apply(desired: wider, allowDestructive: false)
        try session.execute(RenderedStatement("INSERT INTO album (title, artist_id) VALUES ('w', 1)", changeIDs: []))
        XCTAssertEqual(try session.query("SELECT id FROM album WHERE title = 'w'"), [["4"]])
        XCTAssertEqual(try session.query("SELECT COUNT(*) FROM album"), [["3"]])
    }
}

extension SQLiteConnectorTests {
    /// Declaring a table STRICT rebuilds it (SQLite fixes STRICT at CREATE TABLE), keeping rows.
    func testMakingATableStrictRebuildsIt() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        var desired = try schema("tables:\n  - name: t\n    columns: [{ name: id, type: integer }, { name: v, type: text }]\n")
        try SyncEngine(session: session).apply(desired: desired, allowDestructive: false)
        try session.execute(RenderedStatement("INSERT INTO t VALUES (1, 'a')", changeIDs: []))
        desired.tables[0].attributes["sqlite.strict"] = "true"
        let report = try SyncEngine(session: session).apply(desired: desired, allowDestructive: false)
        XCTAssertEqual(report.plan.changes.map(\.change.kind), ["alterTable"])
        XCTAssertEqual(try session.query("SELECT strict FROM pragma_table_list WHERE name = 't'"), [["1"]])
        XCTAssertEqual(try session.query("SELECT id, v FROM t"), [["1", "a"]])
    }
}

extension SQLiteConnectorTests {
    /// Generated ↔ plain columns: making a column generated is destructive (skipped by default);
    /// making it plain again keeps the computed values.
    func testGeneratedColumnConversionsKeepOrProtectValues() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        let plain = try schema("tables:\n  - name: o\n    columns: [{ name: id, type: integer }, { name: price, type: integer }, { name: total, type: integer }]\n    primaryKey: [id]\n")
        try SyncEngine(session: session).apply(desired: plain, allowDestructive: false)
        try session.execute(RenderedStatement("INSERT INTO o VALUES (1, 10, 999)", changeIDs: []))
        var generated = plain
        generated.tables[0].columns[2].generated = Column.Generated(expression: "price * 2", stored: true)
        let skipped = try SyncEngine(session: session).apply(desired: generated, allowDestructive: false)
        XCTAssertEqual(skipped.plan.skipped.count, 1)
        XCTAssertEqual(try session.query("SELECT total FROM o"), [["999"]])
        try SyncEngine(session: session).apply(desired: generated, allowDestructive: true)
        XCTAssertEqual(try session.query("SELECT total FROM o"), [["20"]])
        try SyncEngine(session: session).apply(desired: plain, allowDestructive: false)
        XCTAssertEqual(try session.query("SELECT total FROM o"), [["20"]])
    }

    /// Column renames run in place before a rebuild, so views follow them; with a trigger on the
    /// table the combination is refused up front instead of recreating a stale trigger.
    func testRenamesCombinedWithARebuild() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        for sql in [
            "CREATE TABLE items (id INTEGER PRIMARY KEY NOT NULL, name TEXT, qty INTEGER)",
            "CREATE VIEW item_names AS SELECT name FROM items",
            "INSERT INTO items (name, qty) VALUES ('a', 1)",
        ] { try session.execute(RenderedStatement(sql, changeIDs: [])) }
        var desired = try schema("""
            tables:
              - name: items
                columns:
                  - { name: id, type: integer }
                  - { name: title, type: text, renamedFrom: name }
                  - { name: qty, type: integer, nullable: false, default: 0 }
                primaryKey: [id]
            """)
        desired.views = [View(name: "item_names", definition: "SELECT title FROM items")]
        try SyncEngine(session: session).apply(desired: desired, allowDestructive: false)
        XCTAssertEqual(try session.query("SELECT * FROM item_names"), [["a"]])
        XCTAssertEqual(try session.query("SELECT id, title, qty FROM items"), [["1", "a", "1"]])

        try session.execute(RenderedStatement("CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN SELECT 1; END", changeIDs: []))
        var again = desired
        again.tables[0].columns[1].name = "label"
        again.tables[0].columns[1].renamedFrom = "title"
        again.tables[0].columns[2].nullable = true
        again.views = [View(name: "item_names", definition: "SELECT label FROM items")]
        XCTAssertThrowsError(try SyncEngine(session: session).apply(desired: again, allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .unsupportedChange, "\(error)")
        }
        XCTAssertEqual(try session.query("SELECT title FROM items"), [["a"]], "nothing may change")
    }
}

extension SQLiteConnectorTests {
    /// SQLite names ignore case: a name differing only in case is the same table or column,
    /// respelled in place (never dropped and re-added), rows kept.
    func testCaseOnlyDifferencesRespellInPlace() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        try session.execute(RenderedStatement("CREATE TABLE u (id INTEGER PRIMARY KEY NOT NULL, \"Email\" TEXT); INSERT INTO u VALUES (1, 'a@b')", changeIDs: []))
        for (table, column) in [("U", "Email"), ("u", "email")] {
            let yaml = "tables:\n  - name: \(table)\n    columns: [{ name: id, type: integer }, { name: \(column), type: text }]\n    primaryKey: [id]\n"
            try SyncEngine(session: session).apply(desired: try schema(yaml), allowDestructive: false)
            XCTAssertEqual(try session.query("SELECT name FROM sqlite_schema"), [[table]])
            XCTAssertEqual(try session.query("SELECT name FROM pragma_table_info('u') ORDER BY cid"), [["id"], [column]])
            XCTAssertEqual(try session.query("SELECT * FROM u"), [["1", "a@b"]])
        }
    }
}

extension SQLiteConnectorTests {
    /// A view's declared column list survives inspection and a recreate.
    func testViewColumnListsSurviveARecreate() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        try session.execute(RenderedStatement(
            "CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT); CREATE VIEW pv (parent_id, parent_code) AS SELECT id, code FROM parent",
            changeIDs: []))
        var desired = try session.inspect()
        desired.tables[0].columns[1].nullable = false // forces a rebuild, which recreates the view
        desired.views = desired.views.map { View(name: $0.name, definition: $0.definition) }
        let copy = SQLiteTestDatabase()
        let copySession = try copy.session()
        defer { copySession.close() }
        try SyncEngine(session: copySession).apply(desired: desired, allowDestructive: false)
        try SyncEngine(session: session).apply(desired: desired, allowDestructive: false)
        for s in [session, copySession] {
            XCTAssertEqual(try s.query("SELECT name FROM pragma_table_info('pv') ORDER BY cid"), [["parent_id"], ["parent_code"]])
        }
    }
}

/// Thread-safe collection of results from worker threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<Int, Error>] = []
    func add(_ value: Result<Int, Error>) { lock.lock(); storage.append(value); lock.unlock() }
    var values: [Result<Int, Error>] { lock.lock(); defer { lock.unlock() }; return storage }
}
