import Foundation
import SchemaSyncCore
import SchemaSyncSQLite
import XCTest

/// A current → desired apply ends exactly as declared: after apply, the target's catalog (read
/// with raw pragma queries, not the inspector) equals that of a database where the desired SQL
/// was run by hand.
final class SQLiteFidelityTests: XCTestCase {
    /// Creates `current` by hand, applies `desired` (SQL) with SchemaSync, and returns the target's
    /// path and the path of a reference database holding `desired` run by hand.
    @discardableResult
    private func apply(current: String, desired: String, allowDestructive: Bool = true,
                       file: StaticString = #filePath, line: UInt = #line) throws -> (target: String, reference: String, db: SQLiteTestDatabase) {
        let db = SQLiteTestDatabase()
        SQLiteCatalogOracle.create(db.path, current)
        let reference = db.directory.appendingPathComponent("reference.db").path
        SQLiteCatalogOracle.create(reference, desired)
        let session = try db.session()
        defer { session.close() }
        let schema = try session.schema(fromSQL: desired, source: "desired.sql")
        try SyncEngine(session: session).apply(desired: schema, allowDestructive: allowDestructive)
        let again = try SyncEngine(session: session).plan(desired: schema, allowDestructive: allowDestructive)
        XCTAssertTrue(again.plan.isEmpty, "second plan: \(again.plan.changes.map(\.change.summary))", file: file, line: line)
        return (db.path, reference, db)
    }

    private func assertSameCatalog(_ r: (target: String, reference: String, db: SQLiteTestDatabase),
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(SQLiteCatalogOracle.catalog(r.target), SQLiteCatalogOracle.catalog(r.reference), file: file, line: line)
    }

    func testIntegerPrimaryKeyWithoutNotNullStaysWithoutIt() throws {
        // Created, and rebuilt (a new CHECK forces a rebuild of an existing table).
        let created = try apply(current: "CREATE TABLE other (x TEXT)",
                                desired: "CREATE TABLE other (x TEXT); CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
        assertSameCatalog(created)
        XCTAssertEqual(SQLiteCatalogOracle.rows(created.target, "SELECT \"notnull\" FROM pragma_table_info('t') WHERE name = 'id'"), [["0"]])
        let rebuilt = try apply(current: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a')",
                                desired: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT CHECK (name <> ''))")
        assertSameCatalog(rebuilt)
        XCTAssertEqual(SQLiteCatalogOracle.rows(rebuilt.target, "SELECT \"notnull\" FROM pragma_table_info('t') WHERE name = 'id'"), [["0"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(rebuilt.target, "SELECT id, name FROM t"), [["1", "a"]])
        // Declared NOT NULL stays NOT NULL.
        let declared = try apply(current: "CREATE TABLE t (id INTEGER PRIMARY KEY)",
                                 desired: "CREATE TABLE t (id INTEGER PRIMARY KEY NOT NULL)")
        assertSameCatalog(declared)
    }

    /// Declared types keep their words: `INT PRIMARY KEY` is not the rowid, `NUMERIC(10,2)` is not `DECIMAL(10,2)`.
    func testDeclaredTypeWordsAreKept() throws {
        let r = try apply(current: "CREATE TABLE t (id INT PRIMARY KEY, amount INTEGER); INSERT INTO t VALUES (5, 1)",
                          desired: "CREATE TABLE t (id INT PRIMARY KEY, amount NUMERIC(10,2) NOT NULL DEFAULT 0, note varchar(20))")
        assertSameCatalog(r)
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT name, type FROM pragma_table_info('t')"),
                       [["id", "INT"], ["amount", "NUMERIC(10,2)"], ["note", "varchar(20)"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT id, amount FROM t"), [["5", "1"]])
    }

    /// Defaults keep the spelling SQLite stores (`false`, `current_timestamp`, an explicit `NULL`),
    /// on a created table, an added column and a rebuilt table.
    func testDefaultSpellingsAreKept() throws {
        let r = try apply(current: "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT); INSERT INTO t VALUES (1, 'x')",
                          desired: """
                              CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT DEFAULT NULL, b BOOLEAN NOT NULL DEFAULT false,
                                              c datetime DEFAULT current_timestamp, d INT DEFAULT ((1)), e TEXT DEFAULT 'it''s');
                              CREATE TABLE u (id INTEGER PRIMARY KEY, flag BOOLEAN DEFAULT true, note TEXT DEFAULT null, code TEXT DEFAULT "abc")
                              """)
        assertSameCatalog(r)
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT name, dflt_value FROM pragma_table_info('t') WHERE dflt_value IS NOT NULL"),
                       [["a", "NULL"], ["b", "false"], ["c", "current_timestamp"], ["d", "(1)"], ["e", "'it''s'"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT name, dflt_value FROM pragma_table_info('u') WHERE dflt_value IS NOT NULL"),
                       [["flag", "true"], ["note", "null"], ["code", "\"abc\""]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT id, a, b FROM t"), [["1", "x", "0"]])
        // Only the spelling differs: the stored one is changed to the declared one.
        let respelled = try apply(current: "CREATE TABLE t (id INTEGER PRIMARY KEY, b BOOLEAN DEFAULT FALSE)",
                                  desired: "CREATE TABLE t (id INTEGER PRIMARY KEY, b BOOLEAN DEFAULT false)")
        assertSameCatalog(respelled)
    }

    /// A key column's own collation (`email COLLATE NOCASE`) is part of the index, spelled as declared.
    func testIndexColumnCollationIsKept() throws {
        let r = try apply(current: "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT COLLATE NOCASE); CREATE UNIQUE INDEX users_email ON users (email)",
                          desired: """
                              CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT COLLATE NOCASE);
                              CREATE UNIQUE INDEX users_email ON users (email COLLATE NOCASE);
                              CREATE INDEX users_name ON users (name COLLATE BINARY DESC, email);
                              CREATE INDEX users_name_own ON users (name COLLATE NOCASE, id);
                              CREATE INDEX users_email_expr ON users (lower(email) COLLATE RTRIM)
                              """)
        for index in ["users_name_own", "users_email_expr"] {
            XCTAssertTrue(SQLiteCatalogOracle.rows(r.target, "SELECT sql FROM sqlite_schema WHERE name = '\(index)'")
                .first?.first?.uppercased().contains("COLLATE") == true, "\(index) keeps its COLLATE")
        }
        assertSameCatalog(r)
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT name, coll FROM pragma_index_xinfo('users_email') WHERE key = 1"),
                       [["email", "NOCASE"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT name, coll, \"desc\" FROM pragma_index_xinfo('users_name') WHERE key = 1"),
                       [["name", "BINARY", "1"], ["email", "BINARY", "0"]])
    }

    /// WITHOUT ROWID and STRICT are removed when the desired table leaves them out, and their
    /// order in the declaration does not matter.
    func testTableOptionsAreAddedAndRemoved() throws {
        let removed = try apply(current: "CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID; INSERT INTO kv VALUES ('a', x'00')",
                                desired: "CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB)")
        assertSameCatalog(removed)
        XCTAssertEqual(SQLiteCatalogOracle.rows(removed.target, "SELECT wr, strict FROM pragma_table_list('kv')"), [["0", "0"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(removed.target, "SELECT k FROM kv"), [["a"]])
        let added = try apply(current: "CREATE TABLE m (id INTEGER PRIMARY KEY, v REAL)",
                              desired: "CREATE TABLE m (id INTEGER PRIMARY KEY, v REAL NOT NULL DEFAULT 0.0, x ANY) STRICT, WITHOUT ROWID")
        assertSameCatalog(added)
        XCTAssertEqual(SQLiteCatalogOracle.rows(added.target, "SELECT wr, strict FROM pragma_table_list('m')"), [["1", "1"]])
    }

    func testTableLevelUniqueStaysAConstraintInsideCreateTable() throws {
        let r = try apply(current: "CREATE TABLE other (x TEXT)", desired: """
            CREATE TABLE other (x TEXT);
            CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c TEXT UNIQUE, UNIQUE (a, b), CONSTRAINT t_named UNIQUE (b));
            """)
        assertSameCatalog(r)
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT origin, COUNT(*) FROM pragma_index_list('t') GROUP BY origin"), [["u", "3"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"), [["0"]])
        XCTAssertTrue(SQLiteCatalogOracle.definition(r.target, "t").contains("CONSTRAINT \"t_named\" UNIQUE (\"b\")"))
        // Adding and removing a unique constraint on an existing table keeps it a constraint.
        let changed = try apply(current: "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE, b TEXT); INSERT INTO t VALUES (1, 'x', 'y')",
                                desired: "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, UNIQUE (b))")
        assertSameCatalog(changed)
        XCTAssertEqual(SQLiteCatalogOracle.rows(changed.target, "SELECT a, b FROM t"), [["x", "y"]])
    }

    func testUnnamedConstraintsStayUnnamed() throws {
        let r = try apply(current: "CREATE TABLE p (id INTEGER PRIMARY KEY)", desired: """
            CREATE TABLE p (id INTEGER PRIMARY KEY);
            CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER CHECK (n > 0), m INTEGER, p_id INTEGER REFERENCES p (id),
                            CHECK (m < 10), CONSTRAINT t_m_small CHECK (m < 5));
            """)
        assertSameCatalog(r)
        let text = SQLiteCatalogOracle.definition(r.target, "t")
        XCTAssertEqual(text.components(separatedBy: "CONSTRAINT").count - 1, 1, text)
        XCTAssertTrue(text.contains("CONSTRAINT \"t_m_small\" CHECK (m < 5)"), text)
        XCTAssertTrue(text.contains("CHECK (n > 0)") && text.contains("CHECK (m < 10)"), text)
    }

    func testDroppingTablesInAForeignKeyCycleConvergesInOneApply() throws {
        let r = try apply(current: """
            CREATE TABLE keep (id INTEGER PRIMARY KEY);
            CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id));
            CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));
            INSERT INTO a VALUES (1, 1); INSERT INTO b VALUES (1, 1);
            """, desired: "CREATE TABLE keep (id INTEGER PRIMARY KEY)")
        assertSameCatalog(r)
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT name FROM sqlite_schema"), [["keep"]])
    }

    func testNamesDifferingOnlyInCaseAreTheSameObject() throws {
        // The database's USERS is the desired users: respelled in place, rows kept; a foreign key
        // to Users resolves to users.
        let r = try apply(current: """
            CREATE TABLE USERS (ID INTEGER PRIMARY KEY, Email TEXT);
            INSERT INTO USERS VALUES (1, 'a@b');
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES Users (Id));
            INSERT INTO posts VALUES (7, 1);
            """, desired: """
            CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES USERS (ID));
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
            """)
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"), [["posts"], ["users"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT name FROM pragma_table_info('users')"), [["id"], ["email"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT u.id, u.email, p.id FROM users u JOIN posts p ON p.user_id = u.id"), [["1", "a@b", "7"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT COUNT(*) FROM pragma_foreign_key_check"), [["0"]])
    }

    func testNamesTheEngineTakesForOneAreRefused() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        let yaml = "tables:\n  - name: Users\n    columns: [{ name: id, type: integer }]\n  - name: users\n    columns: [{ name: id, type: integer }]\n"
        let schema = try SchemaFileReader(source: "t.yaml").parse(yaml)
        XCTAssertThrowsError(try SyncEngine(session: session).plan(desired: schema, allowDestructive: true)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
            XCTAssertTrue("\(error)".contains("declared twice"), "\(error)")
        }
    }
}

extension SQLiteFidelityTests {
    /// SQLite keeps column order: a column declared in the middle, or columns out of order, rebuild the table.
    func testColumnsTakeTheirDeclaredOrder() throws {
        let r = try apply(current: """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL); INSERT INTO users VALUES (1, 'e');
            CREATE TABLE t (id INTEGER PRIMARY KEY, b TEXT, a TEXT); INSERT INTO t VALUES (1, 'b', 'a');
            CREATE TABLE tail (id INTEGER PRIMARY KEY);
            """, desired: """
            CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT NOT NULL);
            CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT);
            CREATE TABLE tail (id INTEGER PRIMARY KEY, added TEXT);
            """)
        XCTAssertEqual(SQLiteCatalogOracle.catalog(r.target), SQLiteCatalogOracle.catalog(r.reference))
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT id, a, b FROM t"), [["1", "a", "b"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT id, name, email FROM users"), [["1", "NULL", "e"]])
    }
}

extension SQLiteFidelityTests {
    /// A schema directory's .sql files are read together: a foreign key or view in one file may
    /// name a table another creates; `main.` qualifiers land in the scratch database.
    func testSQLDirectoryInAnyOrderWithQualifiedNames() throws {
        let db = SQLiteTestDatabase()
        let directory = db.directory.appendingPathComponent("schema")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "CREATE VIEW main.named AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id;\n"
            .write(to: directory.appendingPathComponent("a_view.sql"), atomically: true, encoding: .utf8)
        try "CREATE TABLE main.orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id))"
            .write(to: directory.appendingPathComponent("b_orders.sql"), atomically: true, encoding: .utf8)
        try "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); CREATE INDEX main.customers_name ON customers (name);"
            .write(to: directory.appendingPathComponent("c_customers.sql"), atomically: true, encoding: .utf8)
        let session = try db.session()
        defer { session.close() }
        let schema = try SchemaSource.load(path: directory.path) { sql, source in try session.schema(fromSQL: sql, source: source) }
        XCTAssertEqual(SQLiteCatalogOracle.rows(db.path, "SELECT COUNT(*) FROM sqlite_schema"), [["0"]]) // target untouched
        try SyncEngine(session: session).apply(desired: schema, allowDestructive: false)
        XCTAssertEqual(SQLiteCatalogOracle.rows(db.path, "SELECT type, name FROM sqlite_schema ORDER BY name"),
                       [["table", "customers"], ["index", "customers_name"], ["view", "named"], ["table", "orders"]])
        XCTAssertEqual(SQLiteCatalogOracle.rows(db.path, "SELECT \"table\", \"to\" FROM pragma_foreign_key_list('orders')"), [["customers", "id"]])
    }
}

extension SQLiteFidelityTests {
    /// `INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL` (Rails, Django) keeps its NOT NULL; without it, stays without.
    func testAutoincrementKeepsNullabilityAsWritten() throws {
        let r = try apply(current: "CREATE TABLE other (x TEXT)", desired: """
            CREATE TABLE other (x TEXT);
            CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar DEFAULT '' NOT NULL);
            CREATE TABLE "plain" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "v" TEXT);
            """)
        XCTAssertEqual(SQLiteCatalogOracle.catalog(r.target), SQLiteCatalogOracle.catalog(r.reference))
        XCTAssertEqual(SQLiteCatalogOracle.rows(r.target, "SELECT m.name, p.\"notnull\" FROM sqlite_schema m JOIN pragma_table_info(m.name) p WHERE p.name = 'id' ORDER BY 1"),
                       [["plain", "0"], ["users", "1"]])
    }
}

extension SQLiteFidelityTests {
    /// What `schemasync inspect --format sql` prints is accepted as a desired .sql schema and
    /// reproduces the inspected database (pragma rows compared).
    func testInspectSQLOutputIsAcceptedAsDesiredSchema() throws {
        let source = SQLiteTestDatabase()
        SQLiteCatalogOracle.create(source.path, """
            CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, n INT CHECK (n > 0));
            CREATE TABLE posts (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, title varchar(20) DEFAULT 'x');
            CREATE INDEX posts_u ON posts(user_id DESC) WHERE user_id > 0;
            CREATE VIEW v AS SELECT * FROM posts;
            """)
        let sourceSession = try source.session()
        defer { sourceSession.close() }
        var schema = try sourceSession.inspect()
        schema.unmanaged = []
        let plan = try Differ(dialect: sourceSession.dialect).plan(from: Schema(), to: schema, allowDestructive: false)
        let sql = try sourceSession.dialect.render(plan.applicable, current: Schema(), desired: schema).map { $0.sql + ";" }.joined(separator: "\n")
        let target = SQLiteTestDatabase()
        let session = try target.session()
        defer { session.close() }
        try SyncEngine(session: session).apply(desired: try session.schema(fromSQL: sql, source: "inspect.sql"), allowDestructive: false)
        XCTAssertEqual(SQLiteCatalogOracle.catalog(target.path), SQLiteCatalogOracle.catalog(source.path), sql)
    }
}
