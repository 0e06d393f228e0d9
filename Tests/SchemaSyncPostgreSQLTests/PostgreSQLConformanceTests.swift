import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Runs the shared conformance suite against the real PostgreSQL server, one fresh database per scenario.
final class PostgreSQLConformanceTests: XCTestCase {
    func testConformanceSuite() throws {
        _ = try postgresServerURL()
        var databases: [TestDatabase] = []
        defer { databases.forEach { $0.drop() } }
        let suite = ConformanceSuite {
            let database = try TestDatabase()
            databases.append(database)
            return try database.session()
        }
        XCTAssertEqual(suite.failures(), [])
    }
}
