import Foundation
import XCTest

/// `apply` shows the plan, each statement as it starts and its duration when done, and the
/// outcome — also when it fails; `--format json` carries the outcome.
final class CLIApplyOutputTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    func testProgressAndOutcomeOnSQLite() throws {
        let url = "sqlite:" + cli.path("p.db")
        let schema = try cli.write("s.yaml", "tables:\n  - name: a\n    columns: [{ name: id, type: integer }]\n"
            + "  - name: b\n    columns: [{ name: id, type: integer }]\n")
        let applied = try cli.run(["apply", "--url", url, "--schema", schema])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        let lines = applied.stdout.split(separator: "\n").map(String.init)
        let plan = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Summary:") })
        XCTAssertTrue(lines[..<plan].contains { $0.hasPrefix("ℹ a") }, applied.stdout)
        XCTAssertTrue(lines[plan + 1].hasPrefix("▶ [1/2] CREATE TABLE"), applied.stdout)
        XCTAssertTrue(lines[plan + 2].hasPrefix("✓ [1/2] done in "), applied.stdout)
        XCTAssertTrue(lines[plan + 3].hasPrefix("▶ [2/2] CREATE TABLE"), applied.stdout)
        XCTAssertTrue(lines[plan + 4].hasPrefix("✓ [2/2] done in "), applied.stdout)
        XCTAssertTrue(lines[plan + 5].hasPrefix("Applied 2 statements in "), applied.stdout)

        // --format sql stays exactly the script (progress goes to standard error).
        let url2 = "sqlite:" + cli.path("q.db")
        try cli.touch("q.db")
        let script = try cli.run(["plan", "--url", url2, "--schema", schema, "--format", "sql"])
        let sql = try cli.run(["apply", "--url", url2, "--schema", schema, "--format", "sql"])
        XCTAssertEqual(sql.stdout, script.stdout)
        XCTAssertTrue(sql.stderr.contains("✓ [2/2] done in "), sql.stderr)

        let url3 = "sqlite:" + cli.path("r.db")
        let json = try cli.run(["apply", "--url", url3, "--schema", schema, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let outcome = try XCTUnwrap(try object(json.stdout)["outcome"] as? [String: Any])
        XCTAssertEqual(outcome["status"] as? String, "applied")
        XCTAssertEqual(outcome["statementsExecuted"] as? Int, 2)
        XCTAssertEqual(outcome["verified"] as? Bool, true)
        XCTAssertEqual(outcome["exitCode"] as? Int, 0)
        XCTAssertEqual((outcome["executed"] as? [[String: Any]])?.count, 2)
        XCTAssertNil(outcome["error"])
        let again = try object(try cli.run(["apply", "--url", url3, "--schema", schema, "--format", "json"]).stdout)
        XCTAssertEqual((again["outcome"] as? [String: Any])?["status"] as? String, "nothing to apply")
    }

    func testFailingApplyShowsPlanProgressAndOutcomeOnPostgreSQL() throws {
        try failingApply(try ServerDatabase(.postgres), rolledBack: true)
    }

    func testFailingApplyShowsPlanProgressAndOutcomeOnMariaDB() throws {
        try failingApply(try ServerDatabase(.mariadb), rolledBack: false)
    }

    /// A new table, then a type change that fails on a row ('not a number' → integer).
    private func failingApply(_ db: ServerDatabase, rolledBack: Bool) throws {
        let v1 = try cli.write("v1.yaml", "tables:\n  - name: codes\n    columns: [{ name: value, type: text }]\n")
        let v2 = try cli.write("v2.yaml", "tables:\n  - name: aaa_new\n    columns: [{ name: id, type: integer }]\n"
            + "  - name: codes\n    columns: [{ name: value, type: integer }]\n")
        XCTAssertEqual(try cli.run(["apply", "--url", db.url, "--schema", v1]).status, 0)
        try db.query("INSERT INTO codes VALUES ('12'), ('not a number')")
        let failed = try cli.run(["apply", "--url", db.url, "--schema", v2, "--allow-destructive"])
        XCTAssertEqual(failed.status, 1, failed.stdout + failed.stderr)
        XCTAssertTrue(failed.stdout.contains("ℹ aaa_new"), "the plan is shown: \(failed.stdout)")
        XCTAssertTrue(failed.stdout.contains("codes.value"), failed.stdout)
        let done = failed.stdout.split(separator: "\n").filter { $0.hasPrefix("✓ [") }.count
        XCTAssertTrue(failed.stdout.contains("✗ [\(done + 1)/"), failed.stdout)
        XCTAssertTrue(failed.stdout.contains("Apply failed at statement \(done + 1)"), failed.stdout)
        XCTAssertTrue(failed.stdout.contains(rolledBack ? "rolled back: nothing was changed" : "applied (no DDL transactions)"), failed.stdout)
        XCTAssertTrue(failed.stderr.hasPrefix("error: "), failed.stderr)
        let exists = db.engine == .postgres
            ? "SELECT count(*) FROM pg_class WHERE relname = 'aaa_new'"
            : "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'aaa_new'"
        // The new table comes first: rolled back on PostgreSQL, kept on MariaDB when it ran.
        XCTAssertEqual(try db.query(exists), rolledBack || done == 0 ? "0" : "1", failed.stdout)
        XCTAssertEqual(try db.query("SELECT COUNT(*) FROM codes"), "2")

        if !rolledBack { try db.query("DROP TABLE IF EXISTS aaa_new") }
        let json = try cli.run(["apply", "--url", db.url, "--schema", v2, "--allow-destructive", "--format", "json"])
        XCTAssertEqual(json.status, 1, json.stderr)
        let document = try object(json.stdout)
        XCTAssertNotNil(document["changes"], "the plan is in the document")
        let outcome = try XCTUnwrap(document["outcome"] as? [String: Any], json.stdout)
        XCTAssertEqual(outcome["status"] as? String, "failed")
        XCTAssertEqual(outcome["exitCode"] as? Int, 1)
        XCTAssertEqual(outcome["verified"] as? Bool, false)
        XCTAssertEqual(outcome["statementsExecuted"] as? Int, (outcome["executed"] as? [Any])?.count)
        XCTAssertTrue((outcome["failedStatement"] as? String)?.contains("codes") ?? false, json.stdout)
        XCTAssertEqual((outcome["error"] as? [String: Any])?["code"] as? String, "applyFailed")
    }

    private func object(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }
}
