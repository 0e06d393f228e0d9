import Foundation
import XCTest

/// `plan --format sql` prints everything apply runs, the writer lock and the lock timeout
/// included, and the script runs as printed in the engine's own client.
final class CLIPrintedScriptTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    func testPostgreSQLScriptHoldsTheLockTimeoutAndTheWriterLock() throws {
        try printedScriptRuns(try ServerDatabase(.postgres), expected: ["BEGIN;", "SET LOCAL lock_timeout = '3s';", "pg_advisory_xact_lock(", "COMMIT;"])
    }

    func testMariaDBScriptHoldsTheWriterLockAndTheLockWaitTimeout() throws {
        try printedScriptRuns(try ServerDatabase(.mariadb), expected: ["SELECT GET_LOCK('schemasync:", ", 3);", "SET SESSION lock_wait_timeout = 3;",
                                                                       "SELECT RELEASE_LOCK('schemasync:"])
    }

    private func printedScriptRuns(_ db: ServerDatabase, expected: [String]) throws {
        try db.query("CREATE TABLE t (id integer PRIMARY KEY)")
        let schema = try cli.write("s.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer, nullable: false }, { name: note, type: text }]\n    primaryKey: [id]\n")
        let plan = try cli.run(["plan", "--url", db.url, "--schema", schema, "--format", "sql", "--lock-timeout", "3"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        for text in expected { XCTAssertTrue(plan.stdout.contains(text), "missing \(text) in:\n\(plan.stdout)") }
        try db.query(plan.stdout)
        let here = db.engine == .postgres ? "current_schema()" : "DATABASE()"
        XCTAssertEqual(try db.query("SELECT count(*) FROM information_schema.columns WHERE table_schema = \(here) AND table_name = 't' AND column_name = 'note'")
            .trimmingCharacters(in: .whitespacesAndNewlines), "1")
        XCTAssertEqual(try cli.run(["plan", "--url", db.url, "--schema", schema, "--exit-code"]).status, 0)
    }
}
