import Foundation
import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncSQLite
import XCTest

/// The conformance kit reports a scenario that does not apply to the engine as skipped, with
/// the reason, never as passed. SQLite keeps no comments.
final class ConformanceSkipTests: XCTestCase {
    func testScenariosTheEngineCannotRunAreSkippedNotPassed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ss-conf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let suite = ConformanceSuite {
            let url = DatabaseURL(scheme: "sqlite", path: directory.appendingPathComponent(UUID().uuidString + ".db").path)
            return try SQLiteConnector().connect(to: url, options: .init())
        }
        let comments = try XCTUnwrap(ConformanceSuite.scenarios.first { $0.name == "table and column comments" })
        XCTAssertThrowsError(try suite.run(comments)) { error in
            XCTAssertTrue(error is ConformanceSkip, "\(error)")
        }
        let results = suite.runAll()
        let skipped = results.filter(\.skipped)
        XCTAssertEqual(skipped.map(\.scenario), ["table and column comments"])
        XCTAssertEqual(skipped.first?.description, "- table and column comments — skipped: the engine keeps no table or column comments")
        XCTAssertFalse(results.contains { $0.description.hasPrefix("✓ table and column comments") })
        // Partial indexes exist on SQLite: that scenario really runs and passes.
        XCTAssertTrue(results.contains { $0.description == "✓ partial index" }, "\(results)")
        XCTAssertTrue(results.allSatisfy(\.passed), "\(results.filter { !$0.passed })")
        // Without a reader the rows go through the session, and the output says so.
        XCTAssertTrue(results.contains { $0.description == "✓ add columns keeps rows (rows read through the session under test)" }, "\(results)")
        XCTAssertTrue(ConformanceSuite.readBackSummary(results).hasPrefix("⚠ "))
    }
}
