@testable import SchemaSyncPostgreSQL
import SchemaSyncCore
import XCTest

/// Server-free checks: URL parameters, type mapping, default parsing, quoting.
final class PostgreSQLDialectTests: XCTestCase {
    func testURLBecomesLibpqKeywords() throws {
        let url = try DatabaseURL(parsing: "postgresql://app:p%40ss@db.local:6543/shop?sslmode=require&schema=billing&application_name=ci")
        let parameters = try PostgreSQLConnectionParameters(url: url, options: .init(connectTimeout: 7))
        let keywords = Dictionary(parameters.keywords, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(keywords["host"], "db.local")
        XCTAssertEqual(keywords["port"], "6543")
        XCTAssertEqual(keywords["user"], "app")
        XCTAssertEqual(keywords["password"], "p@ss")
        XCTAssertEqual(keywords["dbname"], "shop")
        XCTAssertEqual(keywords["sslmode"], "require")
        XCTAssertEqual(keywords["application_name"], "ci")
        XCTAssertEqual(keywords["connect_timeout"], "7")
        XCTAssertNil(keywords["schema"], "schema is SchemaSync's, not libpq's")
        XCTAssertEqual(parameters.schema, "billing")
        XCTAssertEqual(parameters.secrets, ["p@ss"])
        XCTAssertFalse(url.description.contains("p@ss"))
    }

    func testTypeMappingRoundTrips() {
        let portable: [DataType] = [.boolean, .smallint, .integer, .bigint, .decimal(precision: 12, scale: 2), .real, .double,
                                    .char(length: 3), .varchar(length: 320), .varchar(length: nil), .text, .binary, .date, .time,
                                    .timestamp, .timestamptz, .uuid, .json]
        for type in portable {
            XCTAssertEqual(PostgreSQLTypeMapping.dataType(fromCatalog: PostgreSQLTypeMapping.sql(for: type)), type, "\(type)")
        }
        XCTAssertEqual(PostgreSQLTypeMapping.dataType(fromCatalog: "jsonb"), .native("jsonb"))
        XCTAssertEqual(PostgreSQLTypeMapping.dataType(fromCatalog: "timestamp(3) with time zone"), .native("timestamp(3) with time zone"))
        XCTAssertEqual(PostgreSQLTypeMapping.dataType(fromCatalog: "integer[]"), .native("integer[]"))
        let dialect = PostgreSQLDialect()
        XCTAssertTrue(dialect.typesEquivalent(desired: Column(name: "a", type: .native("int4")), actual: Column(name: "a", type: .integer)))
        XCTAssertTrue(dialect.typesEquivalent(desired: Column(name: "a", type: .decimal(precision: 10, scale: nil)),
                                              actual: Column(name: "a", type: .decimal(precision: 10, scale: 0))))
        XCTAssertFalse(dialect.typesEquivalent(desired: Column(name: "a", type: .text), actual: Column(name: "a", type: .varchar(length: 5))))
    }

    func testCatalogDefaultsBecomeNeutral() {
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'draft'::character varying", type: .varchar(length: 20)), .string("draft"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'it''s'::text", type: .text), .string("it's"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'{}'::jsonb", type: .native("jsonb")), .string("{}"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'-1'::integer", type: .integer), .number("-1"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("0", type: .decimal(precision: 12, scale: 2)), .number("0"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'-1.5'::numeric", type: .decimal(precision: nil, scale: nil)), .number("-1.5"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("true", type: .boolean), .boolean(true))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("CURRENT_TIMESTAMP", type: .timestamptz), .function(.currentTimestamp))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("now()", type: .timestamptz), .expression("now()"), "kept as written")
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'2'::bigint", type: .bigint), .expression("'2'::bigint"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'1.50'::numeric", type: .decimal(precision: 10, scale: 2)), .expression("'1.50'::numeric"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'-1'::integer", type: .integer), .number("-1"), "how PostgreSQL prints -1")
        XCTAssertEqual(PostgreSQLDefaultParser.parse("'5000000000'::bigint", type: .bigint), .number("5000000000"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("2", type: .bigint), .number("2"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("CURRENT_DATE", type: .date), .function(.currentDate))
        // A stored explicit DEFAULT NULL is what the catalog holds: kept, so it can be declared or dropped.
        XCTAssertEqual(PostgreSQLDefaultParser.parse("NULL::character varying", type: .varchar(length: 3)),
                       .expression("NULL::character varying"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("gen_random_uuid()", type: .uuid), .expression("gen_random_uuid()"))
        XCTAssertEqual(PostgreSQLDefaultParser.parse("(lower('X'::text) || 'y'::text)", type: .text),
                       .expression("(lower('X'::text) || 'y'::text)"))
    }

    func testQuotingAndGuards() throws {
        let dialect = PostgreSQLDialect(schema: "My \"Schema\"")
        XCTAssertEqual(dialect.quoteIdentifier("a\"b"), "\"a\"\"b\"")
        XCTAssertEqual(dialect.quoteString("it's"), "'it''s'")
        let statements = try PostgreSQLRenderer(dialect: dialect).statements(
            for: .addCheck(table: "t", check: CheckConstraint(name: "c$schemasync$", expression: "x > 0")))
        XCTAssertEqual(statements.count, 1)
        XCTAssertTrue(statements[0].hasPrefix("DO $schemasync1$ BEGIN IF NOT EXISTS"), statements[0])
        XCTAssertTrue(statements[0].contains("to_regclass('\"My \"\"Schema\"\"\".\"t\"')"), statements[0])
    }
}
