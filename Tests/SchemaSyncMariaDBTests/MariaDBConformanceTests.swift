import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// Runs the shared conformance suite against the real MariaDB server, one fresh database per scenario.
final class MariaDBConformanceTests: XCTestCase {
    func testConformanceSuite() throws {
        _ = try MariaDBTestDatabase.serverURL()
        var databases: [MariaDBTestDatabase] = []
        defer { databases.forEach { $0.drop() } }
        let suite = ConformanceSuite {
            let database = try MariaDBTestDatabase(prefix: "ss_conf")
            databases.append(database)
            return try database.session()
        }
        XCTAssertEqual(suite.failures(), [])
    }
}
