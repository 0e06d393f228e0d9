import SchemaSyncCore
import XCTest

/// The shared rendering toolkit: its defaults use only the dialect's quoting, and an override
/// is used wherever the defaults need it.
final class DDLRenderingTests: XCTestCase {
    private struct Plain: DDLRendering { let dialect = FakeDialect() }

    /// Schema-qualified tables and bare key expressions, the two most common overrides.
    private struct Qualified: DDLRendering {
        let dialect = FakeDialect()
        func tableName(_ name: String) -> String { "«app»." + dialect.quoteIdentifier(name) }
        func indexExpression(_ expression: String) -> String { expression }
        func expressionSQL(_ expression: String) -> String { expression.uppercased() }
    }

    func testDefaultsQuoteEveryNameWithTheDialect() {
        let r = Plain()
        let key = ForeignKey(name: "o_fk", columns: ["user id"], referencedTable: "us»ers", referencedColumns: ["id"],
                             onDelete: .cascade, deferrable: true, initiallyDeferred: true, matchFull: true)
        XCTAssertEqual(r.foreignKeyClause(key, name: key.name),
                       "CONSTRAINT «o_fk» FOREIGN KEY («user id») REFERENCES «us»»ers» («id») MATCH FULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED")
        XCTAssertEqual(r.foreignKeyClause(ForeignKey(name: "x", columns: ["a"], referencedTable: "t", referencedColumns: ["b"]), name: nil),
                       "FOREIGN KEY («a») REFERENCES «t» («b»)")
        var index = Index(name: "i", parts: [.init(column: "a", descending: true, prefixLength: 10), .init(expression: "lower(b)")],
                          unique: true, predicate: "a > 0", method: "gin")
        index.parts[0].collation = "pg_catalog.C"
        index.include = ["c"]
        XCTAssertEqual(r.createIndex(index, on: "t"),
                       "CREATE UNIQUE INDEX IF NOT EXISTS «i» ON «t» USING «gin» («a»(10) COLLATE «pg_catalog».«C» DESC, (lower(b))) INCLUDE («c») WHERE a > 0")
        XCTAssertEqual(r.createTable("t", elements: ["«a» integer", r.checkClause(CheckConstraint(name: "c", expression: "a > 0"), name: "c")], suffix: " STRICT"),
                       "CREATE TABLE IF NOT EXISTS «t» (\n  «a» integer,\n  CONSTRAINT «c» CHECK (a > 0)\n) STRICT")
        let column = Column(name: "a", type: .text)
        XCTAssertEqual(r.defaultSQL(.string("it's"), column: column), "'it''s'")
        XCTAssertEqual(r.defaultSQL(.boolean(false), column: column), "FALSE")
        XCTAssertEqual(r.defaultSQL(.function(.currentDate), column: column), "CURRENT_DATE")
        XCTAssertEqual(r.defaultSQL(.expression("1 + 1"), column: column), "(1 + 1)")
    }

    func testAnOverrideIsUsedByEveryDefaultThatNeedsIt() {
        let r = Qualified()
        let key = ForeignKey(name: "fk", columns: ["a"], referencedTable: "t", referencedColumns: ["id"])
        XCTAssertEqual(r.foreignKeyClause(key, name: nil), "FOREIGN KEY («a») REFERENCES «app».«t» («id»)")
        let index = Index(name: "i", parts: [.init(expression: "lower(b)")], predicate: "b in ('x')")
        XCTAssertEqual(r.createIndex(index, on: "t"), "CREATE INDEX IF NOT EXISTS «i» ON «app».«t» (lower(b)) WHERE B IN ('X')")
        XCTAssertEqual(r.createTable("t", elements: ["«a» int"], modifier: "UNLOGGED ", indent: "    "),
                       "CREATE UNLOGGED TABLE IF NOT EXISTS «app».«t» (\n    «a» int\n)")
    }

    /// An engine without `IF NOT EXISTS` keeps the defaults and guards the statement itself.
    func testAnEngineWithoutIfNotExistsDropsTheGuard() {
        struct Unguarded: DDLRendering {
            let dialect = FakeDialect()
            var createGuard: String { "" }
        }
        XCTAssertEqual(Unguarded().createTable("t", elements: ["«a» int"]), "CREATE TABLE «t» (\n  «a» int\n)")
        XCTAssertEqual(Unguarded().createIndex(Index(name: "i", columns: ["a"]), on: "t"), "CREATE INDEX «i» ON «t» («a»)")
    }
}
