import Foundation
import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Desired schemas written as PostgreSQL SQL: any statement order (also across the files of a
/// directory), schema-qualified names that never touch the target, CREATE INDEX CONCURRENTLY,
/// and SchemaSync's own `inspect --format sql` output and pg_dump's as input.
final class PostgreSQLDesiredSQLTests: PostgreSQLTestCase {
    private func load(_ sql: String) throws -> Schema {
        let session = try db.session()
        defer { session.close() }
        return try session.schema(fromSQL: sql, source: "desired.sql")
    }

    private func scratchDatabases() throws -> String? {
        try db.raw.value("SELECT count(*) FROM pg_database WHERE datname LIKE 'schemasync\\_scratch\\_%'")
    }

    /// A user who may create databases gets the SQL run in a scratch database, dropped afterwards;
    /// the target sees nothing of it (not even a transaction).
    func testDesiredSQLRunsInAScratchDatabaseWhenTheUserMayCreateOne() throws {
        let before = try scratchDatabases()
        let schema = try load("""
            CREATE SCHEMA IF NOT EXISTS reporting;
            CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL);
            SELECT pg_catalog.set_config('search_path', '', false);
            CREATE INDEX users_email_idx ON public.users (email);
            """)
        XCTAssertEqual(schema.tables.map(\.name), ["users"])
        XCTAssertEqual(schema.source?.loadedIn?.hasPrefix("a scratch database"), true, schema.source?.loadedIn ?? "nil")
        XCTAssertEqual(try scratchDatabases(), before, "the scratch database is dropped")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_namespace WHERE nspname = 'reporting'"), "0")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_class WHERE relname = 'users'"), "0")
    }

    /// SQL that needs a type only the target has loads in a scratch schema of the target, and says so.
    func testDesiredSQLNeedingTheTargetsTypesFallsBackToAScratchSchema() throws {
        try db.raw.query("CREATE TYPE mood AS ENUM ('ok', 'sad')")
        let schema = try load("CREATE TABLE people (id integer PRIMARY KEY, feeling mood NOT NULL)")
        XCTAssertEqual(schema.table(named: "people")?.column(named: "feeling")?.type.description, "mood")
        XCTAssertEqual(schema.source?.loadedIn?.hasPrefix("a scratch schema of the target database"), true, schema.source?.loadedIn ?? "nil")
        XCTAssertTrue(schema.source?.loadedIn?.contains("only the target database has") == true)
    }

    /// A user without CREATEDB gets the scratch schema, and is told why.
    func testDesiredSQLWithoutCreateDBUsesAScratchSchema() throws {
        let role = "schemasync_nocreatedb_" + db.name.suffix(8)
        let admin = db.raw
        try admin.query("CREATE ROLE \(role) LOGIN NOCREATEDB; GRANT CREATE ON DATABASE \(db.name) TO \(role); GRANT CREATE, USAGE ON SCHEMA public TO \(role)")
        defer { _ = try? admin.query("REASSIGN OWNED BY \(role) TO CURRENT_USER; DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)") }
        var url = db.url
        url.user = role
        url.password = nil
        let session = try PostgreSQLConnector().connect(to: url, options: .init()) as! PostgreSQLSession
        defer { session.close() }
        let schema = try session.schema(fromSQL: "CREATE TABLE notes (id integer PRIMARY KEY)", source: "notes.sql")
        XCTAssertEqual(schema.tables.map(\.name), ["notes"])
        XCTAssertEqual(schema.source?.loadedIn, "a scratch schema of the target database, rolled back (the user may not create databases)")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_class WHERE relname = 'notes'"), "0")
    }

    func testStatementsInAnyOrder() throws {
        let schema = try load("""
            CREATE VIEW recent AS SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id;
            CREATE INDEX orders_customer_idx ON orders (customer_id);
            ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id integer REFERENCES customers (id));
            CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
            """)
        XCTAssertEqual(schema.tables.map(\.name).sorted(), ["customers", "orders"])
        XCTAssertEqual(schema.views.map(\.name), ["recent"])
        XCTAssertEqual(schema.table(named: "orders")?.foreignKeys.map(\.name).sorted(), ["orders_customer_fk", "orders_customer_id_fkey"])
        XCTAssertEqual(schema.table(named: "orders")?.indexes.map(\.name), ["orders_customer_idx"])
        try apply(schema)
        XCTAssertEqual(try db.raw.query("SELECT conname FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'f' ORDER BY 1").map { $0[0] },
                       ["orders_customer_fk", "orders_customer_id_fkey"])
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_views WHERE viewname = 'recent'"), "1")
    }

    func testSchemaQualifiedNamesNeverTouchTheTarget() throws {
        try db.raw.query("CREATE TABLE users (id integer PRIMARY KEY, legacy text); INSERT INTO users VALUES (1, 'kept')")
        let schema = try load("""
            DROP TABLE IF EXISTS public.users CASCADE;
            CREATE TABLE public.users (id bigint PRIMARY KEY, email text NOT NULL);
            CREATE TABLE "public"."posts" (id serial PRIMARY KEY, user_id bigint REFERENCES public.users (id));
            CREATE INDEX CONCURRENTLY posts_user_idx ON public.posts (user_id);
            COMMENT ON TABLE public.users IS 'people';
            CREATE VIEW public.user_posts AS SELECT u.email, p.id FROM public.users u JOIN public.posts p ON p.user_id = u.id;
            """)
        XCTAssertEqual(schema.table(named: "users")?.columns.map(\.name), ["id", "email"])
        XCTAssertEqual(schema.table(named: "users")?.comment, "people")
        XCTAssertEqual(schema.table(named: "posts")?.indexes.map(\.name), ["posts_user_idx"])
        XCTAssertEqual(schema.table(named: "posts")?.column(named: "id")?.identity, .serial)
        XCTAssertEqual(schema.table(named: "posts")?.foreignKeys.first?.referencedTable, "users")
        let view = try XCTUnwrap(schema.view(named: "user_posts")?.definition)
        XCTAssertFalse(view.contains("schemasync") || view.contains("public."), view)
        // The target is exactly as before, and no scratch schema is left.
        XCTAssertEqual(try db.raw.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'users' ORDER BY ordinal_position").map { $0[0] },
                       ["id", "legacy"])
        XCTAssertEqual(try db.raw.value("SELECT legacy FROM users"), "kept")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_class WHERE relname IN ('posts', 'user_posts')"), "0")
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'schemasync%'"), "0")
    }

    /// A dump names roles the target may not have: ownership and grants do not make it invalid.
    func testOwnersAndGrantsOfMissingRolesAreNotErrors() throws {
        let schema = try load("""
            CREATE TABLE public.t (id integer PRIMARY KEY);
            ALTER TABLE public.t OWNER TO role_that_does_not_exist;
            GRANT SELECT ON public.t TO another_missing_role;
            """)
        XCTAssertEqual(schema.tables.map(\.name), ["t"])
    }

    func testTransactionControlIsIgnoredAndRollbackRefused() throws {
        let schema = try load("BEGIN;\nCREATE TABLE t (id integer PRIMARY KEY);\nCOMMIT;")
        XCTAssertEqual(schema.tables.map(\.name), ["t"])
        XCTAssertThrowsError(try load("CREATE TABLE t (id integer); ROLLBACK;")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
        }
        XCTAssertThrowsError(try load("CREATE TABLE t (id integer); CREATE TABLE u (id integer REFERENCES nowhere (id));")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
            XCTAssertTrue("\(error)".contains("statement 2"), "\(error)")
            XCTAssertTrue("\(error)".contains("nowhere"), "\(error)")
        }
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'schemasync%'"), "0")
    }

    /// SchemaSync's own `inspect --format sql` output reads back as the same schema.
    func testOwnInspectSQLIsAcceptedAsDesired() throws {
        try db.raw.query("""
            CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE NOT NULL);
            CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id integer REFERENCES users,
                                 total numeric(10,2) DEFAULT 0 CHECK (total >= 0));
            CREATE INDEX orders_user_idx ON orders (user_id) INCLUDE (total);
            CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
            """)
        let session = try db.session()
        let inspected = try session.inspect()
        let plan = try Differ(dialect: session.dialect).plan(from: Schema(), to: inspected, allowDestructive: false)
        let sql = try session.dialect.render(plan.applicable, current: Schema(), desired: inspected).map { $0.sql + ";" }.joined(separator: "\n")
        let reread = try session.schema(fromSQL: sql, source: "inspected.sql")
        session.close()
        XCTAssertEqual(reread.sorted().tables, inspected.sorted().tables)
        XCTAssertEqual(reread.views.map(\.definition), inspected.views.map(\.definition))
        XCTAssertEqual(try pendingChanges(reread).map(\.change.objectPath), [])
    }

    /// pg_dump's schema-only output (search_path cleared, serial defaults as `'public.x_seq'::regclass`,
    /// psql meta-commands) converges on a fresh database.
    func testPgDumpOutputIsAcceptedAsDesired() throws {
        let source = try TestDatabase()
        defer { source.drop() }
        try source.raw.query("""
            CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE NOT NULL);
            CREATE TABLE posts (id bigserial PRIMARY KEY, user_id integer NOT NULL REFERENCES users ON DELETE CASCADE,
                                title varchar(200) CHECK (title <> ''));
            CREATE INDEX posts_title_idx ON posts (title varchar_pattern_ops);
            CREATE VIEW titled AS SELECT p.id, u.email FROM posts p JOIN users u ON u.id = p.user_id;
            """)
        let dump = try pgDump(source)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgdump-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dump.sql")
        try dump.write(to: file, atomically: true, encoding: .utf8)
        let session = try db.session()
        let desired = try SchemaSource.load(path: file.path, sqlLoader: session.schema(fromSQL:source:))
        session.close()
        try apply(desired)
        let expected = try source.raw.query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname")
        XCTAssertEqual(try db.raw.query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"), expected)
        let constraints = "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1"
        XCTAssertEqual(try db.raw.query(constraints), try source.raw.query(constraints))
        XCTAssertEqual(try db.raw.query("SELECT column_default FROM information_schema.columns WHERE table_name IN ('users', 'posts') AND column_name = 'id' ORDER BY table_name"),
                       [["nextval('posts_id_seq'::regclass)"], ["nextval('users_id_seq'::regclass)"]])
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    /// The .sql files of a directory are read together: a file may need what a later file creates.
    func testDirectoryFilesInAnyOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgdir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "CREATE TABLE a_orders (id integer PRIMARY KEY, customer_id integer REFERENCES z_customers (id))"
            .write(to: dir.appendingPathComponent("a.sql"), atomically: true, encoding: .utf8)
        try "CREATE VIEW m_names AS SELECT name FROM z_customers -- no semicolon, a comment last"
            .write(to: dir.appendingPathComponent("m.sql"), atomically: true, encoding: .utf8)
        try "CREATE TABLE z_customers (id integer PRIMARY KEY, name text);"
            .write(to: dir.appendingPathComponent("z.sql"), atomically: true, encoding: .utf8)
        let session = try db.session()
        defer { session.close() }
        let schema = try SchemaSource.load(path: dir.path, sqlLoader: session.schema(fromSQL:source:))
        XCTAssertEqual(schema.tables.map(\.name).sorted(), ["a_orders", "z_customers"])
        XCTAssertEqual(schema.views.map(\.name), ["m_names"])
    }

    private func pgDump(_ database: TestDatabase) throws -> String {
        let candidates = ["/usr/bin/pg_dump", "/usr/lib/postgresql/15/bin/pg_dump", "/usr/lib/postgresql/17/bin/pg_dump"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("pg_dump is not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--schema-only", "--no-owner", "-h", database.url.host ?? "127.0.0.1",
                             "-p", String(database.url.port ?? 5432), "-U", database.url.user ?? "postgres", database.name]
        var environment = ProcessInfo.processInfo.environment
        if let password = database.url.password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else {
            throw XCTSkip("pg_dump failed (\(process.terminationStatus))")
        }
        return text
    }
}

extension PostgreSQLDesiredSQLTests {
    /// Extensions are not managed: desired SQL that creates one the target lacks is refused up
    /// front, naming the extension and the statement to run; one the target has is fine.
    func testAnExtensionTheTargetLacksIsRefusedByName() throws {
        let sql = """
            CREATE EXTENSION IF NOT EXISTS "no_such_ext_ss";
            CREATE EXTENSION plpgsql;
            CREATE TABLE t (id bigint PRIMARY KEY);
            """
        XCTAssertThrowsError(try load(sql)) { error in
            let e = error as? SchemaSyncError
            XCTAssertEqual(e?.code, .invalidSchema)
            XCTAssertTrue(e?.message.contains("\"no_such_ext_ss\"") == true, e?.message ?? "")
            XCTAssertFalse(e?.message.contains("plpgsql") == true, "plpgsql is installed: \(e?.message ?? "")")
            XCTAssertTrue(e?.hint?.contains("CREATE EXTENSION IF NOT EXISTS \"no_such_ext_ss\"") == true, e?.hint ?? "")
        }
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_extension WHERE extname = 'no_such_ext_ss'"), "0")
        XCTAssertEqual(try load("CREATE EXTENSION IF NOT EXISTS plpgsql; CREATE TABLE t (id bigint PRIMARY KEY);").tables.map(\.name), ["t"])
    }
}

extension PostgreSQLDesiredSQLTests {
    /// A function, trigger or standalone sequence in desired SQL is never silently left out:
    /// refused by name while the target lacks it, accepted (and left alone) once it is there.
    func testUnmanagedObjectsMustAlreadyBeInTheTarget() throws {
        let sql = """
            CREATE SEQUENCE invoice_number_seq START WITH 1000;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at = now(); RETURN NEW; END $$;
            CREATE TABLE invoices (id bigint PRIMARY KEY, number bigint NOT NULL DEFAULT nextval('invoice_number_seq'), at timestamptz);
            CREATE TRIGGER invoices_touch BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION touch();
            """
        XCTAssertThrowsError(try load(sql)) { error in
            let message = (error as? SchemaSyncError)?.message ?? ""
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
            for name in ["sequence invoice_number_seq", "function touch()", "trigger invoices.invoices_touch"] {
                XCTAssertTrue(message.contains(name), "\(name) in: \(message)")
            }
        }
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM pg_class WHERE relname IN ('invoices', 'invoice_number_seq')"), "0")
        try db.raw.query(sql)
        XCTAssertEqual(try load(sql).tables.map(\.name), ["invoices"])
    }
}
