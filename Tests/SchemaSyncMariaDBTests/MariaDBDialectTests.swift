import SchemaSyncCore
@testable import SchemaSyncMariaDB
import XCTest

/// Dialect behaviour that needs no server: quoting, the type table, defaults.
final class MariaDBDialectTests: XCTestCase {
    let dialect = MariaDBDialect()

    func testQuotingDoublesBackticksAndEscapesLiterals() {
        XCTAssertEqual(dialect.quoteIdentifier("we`ird"), "`we``ird`")
        XCTAssertEqual(dialect.quoteString("it's a \\ test"), "'it''s a \\\\ test'")
    }

    /// A quote or backslash followed by a combining mark is one Character but still a quote byte.
    func testQuotingEscapesAQuoteCarryingACombiningMark() {
        XCTAssertEqual(dialect.quoteString("a'\u{301}b"), "'a''\u{301}b'")
        XCTAssertEqual(dialect.quoteString("a\\\u{301}"), "'a\\\\\u{301}'")
        XCTAssertEqual(dialect.quoteIdentifier("a`\u{301}"), "`a``\u{301}`")
    }

    func testPortableTypesMapBothWays() {
        let cases: [(DataType, String)] = [
            (.boolean, "tinyint(1)"), (.smallint, "smallint"), (.integer, "int"), (.bigint, "bigint"),
            (.decimal(precision: 12, scale: 2), "decimal(12,2)"), (.real, "float"), (.double, "double"),
            (.char(length: 3), "char(3)"), (.varchar(length: 320), "varchar(320)"), (.text, "text"),
            (.binary, "blob"), (.date, "date"), (.time, "time(6)"), (.timestamp, "datetime(6)"), (.uuid, "uuid"),
        ]
        for (type, native) in cases {
            XCTAssertEqual(MariaDBTypeMapping.render(type), native)
            let back = MariaDBTypeMapping.inspected(columnType: native, isJSON: false)
            XCTAssertEqual(back.type, type, native)
            XCTAssertNil(back.native, native)
        }
        XCTAssertEqual(MariaDBTypeMapping.inspected(columnType: "longtext", isJSON: true).type, .json)
    }

    func testNativeTypesAreKeptExactly() {
        let unsigned = MariaDBTypeMapping.inspected(columnType: "int(10) unsigned", isJSON: false)
        XCTAssertEqual(unsigned.type, .bigint)
        XCTAssertEqual(unsigned.native, "int unsigned")
        XCTAssertEqual(MariaDBTypeMapping.inspected(columnType: "tinyint(4)", isJSON: false).native, "tinyint")
        XCTAssertEqual(MariaDBTypeMapping.inspected(columnType: "enum('a','b')", isJSON: false).native, "enum('a','b')")
        XCTAssertEqual(MariaDBTypeMapping.comparisonKey("INT(11)"), "int")
        XCTAssertEqual(MariaDBTypeMapping.comparisonKey("boolean"), "tinyint(1)")
        XCTAssertEqual(MariaDBTypeMapping.comparisonKey("numeric(10)"), "decimal(10,0)")
    }

    func testTypeEquivalenceAndNarrowing() {
        let boolean = Column(name: "b", type: .boolean)
        let tinyint1 = Column(name: "b", type: .native("tinyint(1)"))
        XCTAssertTrue(dialect.typesEquivalent(desired: boolean, actual: tinyint1))
        let intCol = Column(name: "n", type: .integer)
        let unsigned = Column(name: "n", type: .bigint, nativeTypes: ["mariadb": "int unsigned"])
        XCTAssertFalse(dialect.typesEquivalent(desired: unsigned, actual: intCol))
        XCTAssertEqual(dialect.isNarrowing(from: unsigned, to: intCol), true)
        XCTAssertEqual(dialect.isNarrowing(from: intCol, to: Column(name: "n", type: .bigint)), false)
        XCTAssertEqual(dialect.isNarrowing(from: Column(name: "s", type: .varchar(length: 10)), to: Column(name: "s", type: .text)), false)
        XCTAssertEqual(dialect.isNarrowing(from: Column(name: "s", type: .text), to: Column(name: "s", type: .varchar(length: 10))), true)
        let ab = Column(name: "e", type: .text, nativeTypes: ["mariadb": "enum('a','b')"])
        let abc = Column(name: "e", type: .text, nativeTypes: ["mariadb": "enum('a','b','c')"])
        XCTAssertEqual(dialect.isNarrowing(from: ab, to: abc), false)
        XCTAssertEqual(dialect.isNarrowing(from: abc, to: ab), true)
    }

    func testDefaultsAsInformationSchemaShowsThem() {
        XCTAssertEqual(MariaDBDefaultValue.parse("'it''s'"), .string("it's"))
        XCTAssertEqual(MariaDBDefaultValue.parse("'back\\\\slash'"), .string("back\\slash"))
        XCTAssertNil(MariaDBDefaultValue.parse("NULL"))
        XCTAssertEqual(MariaDBDefaultValue.parse("current_timestamp(6)"), .function(.currentTimestamp))
        XCTAssertEqual(MariaDBDefaultValue.parse("curdate()"), .function(.currentDate))
        XCTAssertEqual(MariaDBDefaultValue.parse("0.00"), .number("0.00"))
        let flag = Column(name: "f", type: .boolean)
        XCTAssertTrue(dialect.defaultsEquivalent(desired: .boolean(true), actual: .number("1"), column: flag))
        let amount = Column(name: "a", type: .decimal(precision: 12, scale: 2))
        XCTAssertTrue(dialect.defaultsEquivalent(desired: .number("0"), actual: .number("0.00"), column: amount))
        XCTAssertFalse(dialect.defaultsEquivalent(desired: .number("1"), actual: .number("0.00"), column: amount))
    }

    func testValidationRejectsWhatMariaDBCannotHold() {
        let partial = Schema(tables: [Table(name: "t", columns: [Column(name: "a", type: .integer)],
                                            indexes: [Index(name: "i", columns: ["a"], predicate: "a > 0")])])
        // Capabilities are enforced by the core, from what the dialect declares.
        XCTAssertThrowsError(try CapabilityCheck.validate(partial, dialect: dialect))
        let generated = Schema(tables: [Table(name: "t", columns: [
            Column(name: "a", type: .integer), Column(name: "b", type: .integer, nullable: false, generated: .init(expression: "a+1"))])])
        XCTAssertThrowsError(try dialect.validate(generated))
    }

    func testURLParametersAreChecked() throws {
        let bad = try DatabaseURL(parsing: "mariadb://u:pw@127.0.0.1:1/db?sslmod=required")
        XCTAssertThrowsError(try MariaDBSession(url: bad)) { error in
            XCTAssertFalse(String(describing: error).contains("pw@"))
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidURL)
        }
    }
}
