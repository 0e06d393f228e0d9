import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncFirebird
import XCTest

/// The shared conformance suite against a real Firebird 3 server, one fresh database per
/// scenario, rows seeded and read back through `isql-fb` (``IsqlReader``).
///
final class FirebirdConformanceTests: XCTestCase {
    func testConformanceSuite() throws {
        _ = try FirebirdTestServer.directoryURL()
        var created: [DatabaseURL] = []
        let suite = ConformanceSuite {
            let url = try FirebirdTestServer.freshDatabaseURL("conformance")
            created.append(url)
            return ConformanceTarget(session: try FirebirdConnector().connect(to: url, options: .init()),
                                     reader: IsqlReader(url: url))
        }
        let results = suite.runAll()
        for url in created { FirebirdTestServer.drop(url) }
        print(results.map(\.description).joined(separator: "\n"))
        print(ConformanceSuite.readBackSummary(results))
        XCTAssertEqual(results.filter { !$0.passed }.map(\.description), [])
        XCTAssertTrue(results.allSatisfy { $0.reader == "isql-fb" || $0.skipped }, "a scenario ran without the isql-fb reader")
    }
}
