@testable import SchemaSyncPostgreSQL
import SchemaSyncCore
import XCTest

/// Server-free checks of the desired-SQL splitter/rewriter and of expression comparison.
final class PostgreSQLScriptTests: XCTestCase {
    private func split(_ sql: String) -> [String] {
        PostgreSQLSQLScript(sql, schema: "public", scratch: "scr").statements.map(\.sql)
    }

    func testSplitsOnlyOutsideQuotesCommentsAndDollarQuotes() {
        let sql = """
            CREATE TABLE a (s text DEFAULT 'x;y', "we;ird" int); -- c;omment
            /* block ; /* nested ; */ still */ CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
            DO $$ BEGIN PERFORM 1; END $$;
            SELECT E'it\\'s;';
            """
        let statements = split(sql)
        XCTAssertEqual(statements.count, 4, "\(statements)")
        XCTAssertTrue(statements[0].hasPrefix("CREATE TABLE a (s text DEFAULT 'x;y', \"we;ird\" int)"))
        XCTAssertTrue(statements[1].contains("$body$ SELECT 1; $body$"))
        XCTAssertEqual(statements[3], "SELECT E'it\\'s;'")
    }

    func testRewritesManagedSchemaQualifiersOnly() {
        let statements = split("""
            CREATE TABLE public.users (id int REFERENCES "public"."orgs" (id), note text DEFAULT 'public.users');
            ALTER TABLE ONLY Public.users ALTER COLUMN id SET DEFAULT nextval('public.users_id_seq'::regclass);
            CREATE TABLE other.t (publicity int, public int); SELECT x.public.y FROM t
            """)
        XCTAssertEqual(statements[0], #"CREATE TABLE "scr".users (id int REFERENCES "scr"."orgs" (id), note text DEFAULT 'public.users')"#)
        XCTAssertEqual(statements[1], #"ALTER TABLE ONLY "scr".users ALTER COLUMN id SET DEFAULT nextval('"scr".users_id_seq'::regclass)"#)
        XCTAssertEqual(statements[2], "CREATE TABLE other.t (publicity int, public int)")
        XCTAssertEqual(statements[3], "SELECT x.public.y FROM t")
    }

    func testConcurrentlyTransactionControlAndMetaCommands() {
        let statements = split("""
            \\restrict abc
            BEGIN;
            CREATE UNIQUE INDEX CONCURRENTLY i ON t (a);
            DROP INDEX CONCURRENTLY IF EXISTS j;
            COMMIT;
            \\unrestrict abc
            """)
        XCTAssertEqual(statements, ["CREATE UNIQUE INDEX  i ON t (a)", "DROP INDEX  IF EXISTS j"])
    }

    func testVarcharInListPrintingsCompareEqual() {
        let e1 = "((status)::text = ANY ((ARRAY['draft'::character varying, 'done'::character varying])::text[]))"
        let e2 = "((status)::text = ANY (ARRAY[('draft'::character varying)::text, ('done'::character varying)::text]))"
        let d = PostgreSQLDialect()
        XCTAssertTrue(d.expressionsEquivalent(e1, e2))
        XCTAssertFalse(d.expressionsEquivalent(e1, e2.replacingOccurrences(of: "'done'", with: "'void'")))
        XCTAssertTrue(d.expressionsEquivalent("lower((a))", "lower(a)"))
        XCTAssertFalse(d.expressionsEquivalent("f((a, b))", "f(a, b)"), "a row argument is not two arguments")
        XCTAssertFalse(d.expressionsEquivalent("(a + b) * c", "a + b * c"))
    }

    func testStatementsAboutRolesSchemasAndExtensionsAreOptional() {
        let script = PostgreSQLSQLScript("""
            ALTER TABLE public.t OWNER TO nobody_here; GRANT SELECT ON t TO reader; REVOKE ALL ON t FROM PUBLIC;
            CREATE EXTENSION IF NOT EXISTS citext; CREATE SCHEMA app; CREATE TABLE t (owner text, "to" int)
            """, schema: "public", scratch: "scr")
        XCTAssertEqual(script.statements.map(\.isOptional), [true, true, true, true, true, false])
    }

    func testOnlineStepNamesStayApartAndParse() {
        let long = String(repeating: "a", count: 60)
        let one = PostgreSQLOnlineSteps.notNullCheckName(long + "x"), two = PostgreSQLOnlineSteps.notNullCheckName(long + "y")
        XCTAssertNotEqual(one, two)
        XCTAssertLessThanOrEqual(one.utf8.count, 63)
        XCTAssertEqual(PostgreSQLOnlineSteps.notNullCheckName("email"), "schemasync_nn_email")
        XCTAssertEqual(PostgreSQLOnlineSteps.indexName(inConcurrentCreate: #"CREATE INDEX CONCURRENTLY IF NOT EXISTS "we""ird" ON "public"."t" ("a")"#), #"we"ird"#)
        XCTAssertNil(PostgreSQLOnlineSteps.indexName(inConcurrentCreate: #"CREATE INDEX IF NOT EXISTS "i" ON t (a)"#))
    }
}
