import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncFirebird
import XCTest

/// The shared conformance suite against a real Firebird 3 server, one fresh database per
/// scenario, rows seeded and read back through `isql-fb` (``IsqlReader``).
///
/// Two scenarios rename a table, which Firebird 3 cannot do (there is no `ALTER TABLE ...
/// RENAME`, and a copy cannot be filled in the transaction that creates it). The connector
/// refuses the rename before anything runs, and ``DialectCapabilities`` has no flag to skip
/// those scenarios honestly, so they are listed here as known failures: the test fails if they
/// fail for any other reason, or if they start to pass (then remove them from the list).
final class FirebirdConformanceTests: XCTestCase {
    static let knownUnsupported: [String: String] = [
        "declared renames keep rows": "Firebird 3 has no table rename",
        "renames combined with checked changes": "Firebird 3 has no table rename",
    ]

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
        for result in results {
            if let reason = Self.knownUnsupported[result.scenario] {
                XCTAssertFalse(result.passed, "\(result.scenario) passes now: remove it from knownUnsupported")
                XCTAssertTrue(result.passed || result.message.contains(reason), "\(result.scenario) fails for another reason: \(result.message)")
            } else {
                XCTAssertTrue(result.passed, result.description)
            }
        }
        XCTAssertTrue(results.allSatisfy { $0.reader == "isql-fb" || $0.skipped }, "a scenario ran without the isql-fb reader")
    }
}
