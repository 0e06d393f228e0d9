import SchemaSyncCore
import XCTest

final class NarrowingCheckTests: XCTestCase {
    private func table(_ type: DataType) -> Schema {
        Schema(tables: [Table(name: "t", columns: [Column(name: "c", type: type)])])
    }

    func testNarrowingPlansAnUnfitCountAndWideningDoesNot() throws {
        let differ = Differ(dialect: FakeDialect())
        let cases: [(DataType, DataType, Bool)] = [
            (.varchar(length: 100), .varchar(length: 50), true), (.text, .varchar(length: 10), true),
            (.bigint, .integer, true), (.integer, .smallint, true),
            (.decimal(precision: 8, scale: 3), .decimal(precision: 5, scale: 2), true),
            (.varchar(length: 50), .varchar(length: 100), false), (.integer, .bigint, false),
        ]
        for (from, to, counted) in cases {
            let plan = try differ.plan(from: table(from), to: table(to), allowDestructive: true)
            let change = try XCTUnwrap(plan.changes.first, "\(from) → \(to)")
            XCTAssertEqual(change.dataChecks, counted ? [.unfit(table: "t", column: "c", type: to, from: from)] : [], "\(from) → \(to)")
        }
    }

    func testConditions() {
        XCTAssertEqual(NarrowingCheck.condition("c", type: .varchar(length: 50), from: .varchar(length: 100)), "CHAR_LENGTH(c) > 50")
        XCTAssertEqual(NarrowingCheck.condition("c", type: .smallint, from: .integer), "c < -32768 OR c > 32767")
        XCTAssertEqual(NarrowingCheck.condition("c", type: .integer, from: .decimal(precision: 10, scale: 2)),
                       "c < -2147483648 OR c > 2147483647 OR c <> ROUND(c)")
        XCTAssertEqual(NarrowingCheck.condition("c", type: .decimal(precision: 5, scale: 2), from: .decimal(precision: 8, scale: 3)),
                       "c <> ROUND(c, 2) OR ABS(ROUND(c, 2)) >= 1000")
        XCTAssertNil(NarrowingCheck.condition("c", type: .varchar(length: 5), from: .integer), "not countable in portable SQL")
        XCTAssertNil(NarrowingCheck.condition("c", type: .date, from: .timestamp))
    }
}
