import XCTest
@testable import SchemaSyncCore

/// The portable expression subset and the schema translator, against fake dialects: what the
/// engines print back parses, renders in the target's quoting, and anything outside the
/// subset or the target's features is listed, never silently kept or dropped.
final class SchemaTranslatorTests: XCTestCase {
    private let fake = FakeDialect()

    private func render(_ text: String) throws -> String {
        try PortableExpressionRenderer(dialect: fake).render(try PortableExpressionParser.expression(text))
    }

    func testEnginesPrintedFormsParse() throws {
        // PostgreSQL's deparsed IN list and casts.
        XCTAssertEqual(try render("(status = ANY (ARRAY['active'::text, 'closed'::text]))"), "«status» IN ('active', 'closed')")
        XCTAssertEqual(try render("((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"), "CAST(«status» AS text) IN ('a', 'b')")
        XCTAssertEqual(try render("(kind <> ALL (ARRAY['x'::text]))"), "«kind» NOT IN ('x')")
        XCTAssertEqual(try render("(total >= (0)::numeric)"), "«total» >= 0")
        XCTAssertEqual(try render("lower((email)::text)"), "lower(CAST(«email» AS text))", "a column keeps its cast: it may not be a string")
        // Casts that change a value stay; the sign of a negative number is not doubled.
        XCTAssertEqual(try render("CAST(name AS varchar(3))"), "CAST(«name» AS varchar(3))")
        XCTAssertEqual(try render("CAST(1.5 AS integer)"), "CAST(1.5 AS integer)")
        XCTAssertEqual(try render("'NaN'::numeric"), "CAST('NaN' AS decimal)")
        XCTAssertEqual(try render("x > - -1"), "«x» > 1")
        XCTAssertEqual(try render("x > -(-1)"), "«x» > 1")
        XCTAssertEqual(try render("'x'::bpchar"), "'x'")
        XCTAssertEqual(try render("(name ~~ 'a%'::text)"), "«name» LIKE 'a%'")
        XCTAssertEqual(try render("now()"), "CURRENT_TIMESTAMP")
        XCTAssertEqual(try render("(n)::bigint * 2"), "CAST(«n» AS bigint) * 2")
        // MariaDB's backticks, introducers and function names.
        XCTAssertEqual(try render("`total` >= 0 and lcase(`kind`) <> _utf8mb4'x'"), "(«total» >= 0) AND (lower(«kind») <> 'x')")
        XCTAssertEqual(try render("current_timestamp()"), "CURRENT_TIMESTAMP")
        // Standard forms.
        XCTAssertEqual(try render("a BETWEEN 1 AND 2 OR NOT b IS NULL"), "(«a» BETWEEN 1 AND 2) OR (NOT («b» IS NULL))")
        XCTAssertEqual(try render("CASE WHEN x > 0 THEN 'p' ELSE 'n' END"), "CASE WHEN «x» > 0 THEN 'p' ELSE 'n' END")
        XCTAssertEqual(try render("coalesce(\"x\", 'it''s')"), "coalesce(«x», 'it''s')")
        XCTAssertEqual(try render("-1"), "-1")
    }

    func testOutsideTheSubsetIsRefusedByName() {
        for (text, reason) in [
            ("x IN (SELECT id FROM t)", "subquery"),
            ("md5(x) = 'a'", "md5"),
            ("x::jsonb ? 'k'", "symbol"),
            ("x ~* 'a'", "symbol"),
            ("x IS DISTINCT FROM y", "IS"),
            ("(x)::interval > '1 day'", "interval"),
            ("'unterminated", "unterminated"),
            ("`c` <> 'a\\' OR 1=1 -- '", "backslash"),
            (String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000), "nested"),
            (Array(repeating: "a = 1", count: 20_000).joined(separator: " AND "), "operators"),
        ] {
            XCTAssertThrowsError(try PortableExpressionParser.expression(text), text) { error in
                XCTAssertTrue("\(error)".contains(reason), "\(text): \(error)")
            }
        }
    }

    func testViewsParseAndRender() throws {
        let mariadb = "select `c`.`id` AS `id`,`c`.`email` AS `email` from (`customers` `c` join `orders` `o` on(`o`.`customer_id` = `c`.`id`)) where `c`.`status` = 'active'"
        XCTAssertEqual(try PortableExpressionRenderer(dialect: fake).render(try PortableExpressionParser.select(mariadb)),
                       "SELECT «c».«id» AS «id», «c».«email» AS «email» FROM «customers» «c» JOIN «orders» «o» ON «o».«customer_id» = «c».«id» WHERE «c».«status» = 'active'")
        let postgres = "SELECT customers.id,\n    count(*) AS n\n   FROM customers\n  WHERE customers.status = 'active'::text\n  GROUP BY customers.id\n  ORDER BY customers.id DESC;"
        XCTAssertEqual(try PortableExpressionRenderer(dialect: fake).render(try PortableExpressionParser.select(postgres)),
                       "SELECT «customers».«id», count(*) AS «n» FROM «customers» WHERE «customers».«status» = 'active' GROUP BY «customers».«id» ORDER BY «customers».«id» DESC")
        XCTAssertEqual(try PortableExpressionRenderer(dialect: fake).render(try PortableExpressionParser.select("SELECT a.x FROM a, b LEFT JOIN c ON c.y = a.x")),
                       "SELECT «a».«x» FROM «a» CROSS JOIN «b» LEFT JOIN «c» ON «c».«y» = «a».«x»", "never a comma before a JOIN")
        XCTAssertThrowsError(try PortableExpressionParser.select("SELECT a FROM t UNION SELECT b FROM u"))
        XCTAssertThrowsError(try PortableExpressionParser.select("SELECT a FROM t LIMIT 5"))
    }

    /// A source that knows one native type, and a target without partial or expression indexes.
    private struct Source: Dialect {
        var name: String { "src" }
        var capabilities: DialectCapabilities { DialectCapabilities(transactionalDDL: true, partialIndexes: false, expressionIndexes: false,
                            uniqueConstraintsDistinctFromIndexes: true, namedForeignKeys: true, namedChecks: true,
                            deferrableForeignKeys: false, identityAlways: false, comments: false) }
        func quoteIdentifier(_ name: String) -> String { "\"\(name)\"" }
        func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] { [] }
        func portableType(forNative native: String, column: Column) -> PortableTypeMapping? {
            native == "blobby" ? PortableTypeMapping(type: .binary, note: "blobby is bytes") : nil
        }
        var behaviouralAttributes: Set<String> { ["src.on_update"] }
    }

    private struct Target: Dialect {
        var name: String { "dst" }
        var capabilities: DialectCapabilities { DialectCapabilities(transactionalDDL: true, partialIndexes: false, expressionIndexes: false,
                            uniqueConstraintsDistinctFromIndexes: true, namedForeignKeys: true, namedChecks: true,
                            deferrableForeignKeys: false, identityAlways: false, comments: false) }
        func quoteIdentifier(_ name: String) -> String { "[\(name)]" }
        func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] { [] }
        func portableFunction(_ name: String, arguments: [String], distinct: Bool) -> String {
            (name == "length" ? "len" : name) + "(" + arguments.joined(separator: ", ") + ")"
        }
    }

    func testTranslatorMapsListsAndRefuses() throws {
        var table = Table(name: "t", columns: [
            Column(name: "id", type: .integer, nullable: true, identity: .byDefault),
            Column(name: "b", type: .native("blobby"), nativeTypes: ["src": "blobby"]),
            Column(name: "g", type: .native("geography"), nativeTypes: ["src": "geography"]),
            Column(name: "s", type: .text, nullable: false, defaultValue: .expression("'x'::text"), attributes: ["src.on_update": "now", "src.fill": "9"]),
            Column(name: "n", type: .text, nativeTypes: ["src": "strange", "dst": "NVARCHAR(10)"]),
        ])
        table.primaryKey = PrimaryKey(columns: ["id"])
        table.checks = [CheckConstraint(name: "t_len", expression: "length(s) > 0"), CheckConstraint(name: "t_bad", expression: "s ~ 'x'")]
        table.indexes = [
            Index(name: "t_partial", parts: [.init(column: "s")], predicate: "s IS NOT NULL"),
            Index(name: "t_expr", parts: [.init(expression: "lower(s)")]),
            Index(name: "t_plain", parts: [.init(column: "s")]),
        ]
        let view = View(name: "v", definition: "SELECT id FROM t WHERE s = 'x'::text", dependsOn: ["t"])
        let result = SchemaTranslator(from: Source(), to: Target()).translate(Schema(tables: [table], views: [view]))
        let out = try XCTUnwrap(result.schema.tables.first)
        XCTAssertEqual(out.columns.map(\.type), [.integer, .binary, .text, .text, .text])
        XCTAssertFalse(out.columns[0].nullable, "a primary key column is NOT NULL")
        XCTAssertEqual(out.columns[3].defaultValue, .string("x"))
        XCTAssertEqual(out.columns[3].attributes, [:])
        XCTAssertEqual(out.columns[4].nativeTypes, ["dst": "NVARCHAR(10)"], "the target's own native type is kept")
        XCTAssertEqual(out.checks.map(\.expression), ["len([s]) > 0"])
        XCTAssertEqual(out.indexes.map(\.name), ["t_plain"])
        XCTAssertEqual(result.schema.views.first?.definition, "SELECT [id] FROM [t] WHERE [s] = 'x'")
        XCTAssertEqual(Set(result.refused.map(\.object)), ["t.g", "check t.t_bad", "index t.t_partial", "index t.t_expr", "t.s"])
        XCTAssertTrue(result.mappings.contains { $0.object == "t.b" && $0.source == "blobby" && $0.target == "binary" && !$0.needsAllowLossy })
        XCTAssertTrue(result.mappings.contains { $0.object == "t.s" && $0.source == "src.fill = 9" && !$0.needsAllowLossy })
    }

    /// SQLite's view-with-column-list form, booleans kept as 0/1, a quoted default and a foreign
    /// key column next to a rowid that leaves as bigint.
    func testSQLiteShapesTranslate() throws {
        let cte = #"WITH "schemasync_view"(a, b) AS (SELECT id, name FROM t WHERE flag = 1) SELECT * FROM "schemasync_view""#
        XCTAssertEqual(try PortableExpressionRenderer(dialect: fake).render(try PortableExpressionParser.select(cte)),
                       "SELECT «id» AS «a», «name» AS «b» FROM «t» WHERE «flag» = 1")

        struct Rowid: Dialect {
            var name: String { "src" }
            var capabilities: DialectCapabilities { FakeDialect().capabilities }
            func quoteIdentifier(_ name: String) -> String { "\"\(name)\"" }
            func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] { [] }
            func exportedType(of column: Column, in table: Table) -> PortableTypeMapping? {
                column.identity != nil ? PortableTypeMapping(type: .bigint, note: "64-bit") : nil
            }
        }
        var parent = Table(name: "p", columns: [Column(name: "id", type: .integer, nullable: false, identity: .byDefault)])
        parent.primaryKey = PrimaryKey(columns: ["id"])
        var child = Table(name: "c", columns: [
            Column(name: "id", type: .integer, nullable: false),
            Column(name: "p_id", type: .integer),
            Column(name: "on", type: .boolean, defaultValue: .number("1")),
            Column(name: "code", type: .text, defaultValue: .expression("\"abc\"")),
        ])
        child.foreignKeys = [ForeignKey(name: "c_p", columns: ["p_id"], referencedTable: "p", referencedColumns: ["id"])]
        child.checks = [CheckConstraint(name: "c_on", expression: "\"on\" IN (0, 1)")]
        let result = SchemaTranslator(from: Rowid(), to: fake).translate(Schema(tables: [parent, child]))
        let c = try XCTUnwrap(result.schema.table(named: "c"))
        XCTAssertEqual(result.schema.table(named: "p")?.columns[0].type, .bigint)
        XCTAssertEqual(c.column(named: "p_id")?.type, .bigint, "follows the key it references")
        XCTAssertEqual(c.column(named: "id")?.type, .integer)
        XCTAssertEqual(c.column(named: "on")?.defaultValue, .boolean(true))
        XCTAssertEqual(c.column(named: "code")?.defaultValue, .string("abc"))
        XCTAssertEqual(c.checks.first?.expression, "«on» IN (FALSE, TRUE)")
        XCTAssertTrue(result.refused.isEmpty, "\(result.refused)")
    }

    /// A unique hash key (MariaDB's over TEXT) stays unique; integer division is not assumed
    /// portable; a boolean compared with 1 in an index predicate becomes true.
    func testUniqueHashDivisionAndPredicates() throws {
        var table = Table(name: "t", columns: [
            Column(name: "body", type: .text), Column(name: "q", type: .integer), Column(name: "on", type: .boolean),
        ])
        table.indexes = [
            Index(name: "t_body", parts: [.init(column: "body")], unique: true, method: "HASH"),
            Index(name: "t_on", parts: [.init(column: "q")], predicate: "\"on\" = 1"),
        ]
        table.checks = [CheckConstraint(name: "t_even", expression: "q / 2 * 2 = q")]
        let result = SchemaTranslator(from: Source(), to: FakeDialect()).translate(Schema(tables: [table]))
        let out = try XCTUnwrap(result.schema.tables.first)
        XCTAssertEqual(out.indexes.first?.unique, true)
        XCTAssertNil(out.indexes.first?.method)
        XCTAssertEqual(out.indexes.last?.predicate, "«on» = TRUE")
        XCTAssertEqual(result.refused.map(\.object), ["check t.t_even"])
    }
}
