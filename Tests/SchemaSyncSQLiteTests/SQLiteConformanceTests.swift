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
        XCTAssertEqual(suite.failures(), [])
    }
}
