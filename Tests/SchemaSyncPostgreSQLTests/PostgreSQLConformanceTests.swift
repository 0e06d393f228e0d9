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
        let results = suite.runAll()
        XCTAssertEqual(results.count, ConformanceSuite.scenarios.count)
        for result in results {
            XCTAssertTrue(result.passed, result.description)
        }
        print(results.map(\.description).joined(separator: "\n"))
    }
}
