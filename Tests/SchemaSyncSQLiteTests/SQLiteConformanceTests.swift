import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncSQLite
import XCTest

/// Runs the shared conformance suite against real SQLite files; rows are seeded and read back
/// with the `sqlite3` shell, not the connector.
final class SQLiteConformanceTests: XCTestCase {
    func testConformanceSuite() throws {
        var keep: [SQLiteTestDatabase] = []
        let suite = ConformanceSuite {
            let database = SQLiteTestDatabase()
            keep.append(database)
            return ConformanceTarget(session: try database.session(), reader: SQLite3Reader(path: database.path))
        }
        XCTAssertEqual(suite.failures(), [])
    }
}
