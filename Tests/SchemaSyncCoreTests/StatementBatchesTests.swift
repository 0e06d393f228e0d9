import SchemaSyncCore
import XCTest

/// Statements a batch per round trip, and a failed batch run again one statement at a time.
final class StatementBatchesTests: XCTestCase {
    func testAFailedBatchIsRunAgainOneStatementAtATime() throws {
        var calls: [String] = []
        let statements = (1...7).map { "s\($0)" }
        let failed = StatementBatches(size: 3).failures(running: statements, batch: { batch in
            calls.append("batch " + batch.joined(separator: ","))
            return batch.contains("s5") ? SchemaSyncError(.invalidSchema, "batch") : nil
        }, single: { statement in
            calls.append(statement)
            return statement == "s5" ? SchemaSyncError(.invalidSchema, "\(statement) failed") : nil
        })
        XCTAssertEqual(calls, ["batch s1,s2,s3", "batch s4,s5,s6", "s4", "s5", "s6", "s7"], "a batch of one runs as a single statement")
        XCTAssertEqual(failed.map(\.0), ["s5"])
        XCTAssertEqual((failed.first?.1 as? SchemaSyncError)?.message, "s5 failed")
        XCTAssertEqual(StatementBatches(size: 100).batches(of: Array(0..<250)).map(\.count), [100, 100, 50])
        XCTAssertEqual(StatementBatches().batches(of: [Int]()).count, 0)
    }

    func testWhatAClosureThrowsEndsTheRun() {
        var singles = 0
        XCTAssertThrowsError(try StatementBatches(size: 2).failures(running: ["a", "b", "c"], batch: { _ in
            throw SchemaSyncError(.applyFailed, "connection lost")
        }, single: { _ in singles += 1; return nil }))
        XCTAssertEqual(singles, 0)
    }
}
