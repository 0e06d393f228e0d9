import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncSQLite
import XCTest

/// Runs the shared conformance suite against real SQLite files.
final class SQLiteConformanceTests: XCTestCase {
    func testConformanceSuite() throws {
        var keep: [SQLiteTestDatabase] = []
        let suite = ConformanceSuite {
            let database = SQLiteTestDatabase()
            keep.append(database)
            return try database.session()
        }
        let results = suite.runAll()
        XCTAssertEqual(results.count, ConformanceSuite.scenarios.count)
        for result in results {
            XCTAssertTrue(result.passed, result.description)
        }
        print(results.map(\.description).joined(separator: "\n"))
    }
}
