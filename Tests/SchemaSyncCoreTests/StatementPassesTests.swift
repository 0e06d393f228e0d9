import SchemaSyncCore
import XCTest

/// Statements in any order: passes until none makes progress.
final class StatementPassesTests: XCTestCase {
    func testPassesRunStatementsInAnyOrderAndReportWhatStillFails() throws {
        var created: Set<String> = []
        var runs = 0
        // Each statement needs the name after "after", if any.
        let statements = ["v after t", "t", "fk after u", "u", "bad after nothing"]
        let left = StatementPasses.failures(runningEachOf: statements) { statement in
            runs += 1
            let parts = statement.components(separatedBy: " after ")
            if parts.count == 2, !created.contains(parts[1]) { throw SchemaSyncError(.invalidSchema, "\(parts[1]) is missing") }
            created.insert(parts[0])
        }
        XCTAssertEqual(left.map(\.0), ["bad after nothing"])
        XCTAssertEqual((left.first?.1 as? SchemaSyncError)?.message, "nothing is missing")
        XCTAssertEqual(runs, 5 + 3 + 1, "a pass without progress ends the run")
        XCTAssertTrue(StatementPasses.failures(runningEachOf: [String]()) { _ in XCTFail("nothing to run") }.isEmpty)
        XCTAssertThrowsError(try StatementPasses.failures(of: ["a"]) { _ -> [(String, Error)] in throw SchemaSyncError(.applyFailed, "ended") })
    }
}
