import Foundation
import XCTest

/// The command-line contract, exercised through the real executable on real SQLite files.
final class CLITests: XCTestCase {
    var cli: CLIRunner!
    var exampleSchema: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/shop.yaml").path
    }

    override func setUpWithError() throws {
        cli = try CLIRunner()
    }

    func testPlanApplyVerifyAndExitCodes() throws {
        let url = "sqlite:" + cli.path("shop.db")
        try cli.touch("shop.db") // plan never creates a database file; an empty file is an empty database
        let before = try cli.run(["plan", "--url", url, "--schema", exampleSchema, "--exit-code"])
        XCTAssertEqual(before.status, 2, before.stderr)
        XCTAssertTrue(before.stdout.contains("ℹ users"), before.stdout)
        XCTAssertTrue(before.stdout.contains("Summary: 5 to apply, 0 skipped, 0 unchanged"), before.stdout)
        XCTAssertFalse(before.stdout.contains("\u{1B}["), "no colour when not a terminal")

        let sql = try cli.run(["plan", "--url", url, "--schema", exampleSchema, "--format", "sql"])
        let applied = try cli.run(["apply", "--url", url, "--schema", exampleSchema, "--format", "sql"])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertEqual(sql.stdout, applied.stdout, "plan --format sql must print exactly what apply runs")

        let after = try cli.run(["plan", "--url", url, "--schema", exampleSchema, "--exit-code"], environment: ["DATABASE_URL": url])
        XCTAssertEqual(after.status, 0, after.stdout + after.stderr)
        XCTAssertTrue(after.stdout.contains("✓ users"))
        XCTAssertTrue(after.stdout.contains("No changes"))
        let again = try cli.run(["apply", "--schema", exampleSchema], environment: ["DATABASE_URL": url])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("Nothing to apply."), again.stdout)
    }

    func testDestructiveChangesAreSkippedWithTheBlockedExitCode() throws {
        let url = "sqlite:" + cli.path("d.db")
        let v1 = try cli.write("v1.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }, { name: legacy, type: text }]\n")
        let v2 = try cli.write("v2.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n")
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", v1]).status, 0)
        let skipped = try cli.run(["apply", "--url", url, "--schema", v2])
        XCTAssertEqual(skipped.status, 3)
        XCTAssertTrue(skipped.stdout.contains("⚠ t.legacy"), skipped.stdout)
        XCTAssertTrue(skipped.stdout.contains("skipped (pass --allow-destructive)"), skipped.stdout)
        let dryRun = try cli.run(["apply", "--url", url, "--schema", v2, "--allow-destructive", "--dry-run"])
        XCTAssertEqual(dryRun.status, 0)
        XCTAssertEqual(try cli.run(["plan", "--url", url, "--schema", v2, "--exit-code", "--allow-destructive"]).status, 2,
                       "--dry-run must not change anything")
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", v2, "--allow-destructive"]).status, 0)
        XCTAssertEqual(try cli.run(["plan", "--url", url, "--schema", v2, "--exit-code"]).status, 0)
    }

    func testBadInputIsAOneLineErrorAndTouchesNothing() throws {
        let db = cli.path("untouched.db")
        let url = "sqlite:" + db
        let cases: [(String, String, Int32)] = [
            ("malformed.yaml", "tables:\n  - name: t\n    columns: [ { name: a\n", 5),
            ("unknown-type.yaml", "tables:\n  - name: t\n    columns: [{ name: a, type: varchr(3) }]\n", 5),
            ("missing-fk.yaml", "tables:\n  - name: t\n    columns: [{ name: a, type: integer }]\n    foreignKeys: [{ columns: [a], references: { table: ghost, columns: [id] } }]\n", 5),
            ("empty.yaml", "", 5),
        ]
        for (name, text, expected) in cases {
            let path = try cli.write(name, text)
            let result = try cli.run(["apply", "--url", url, "--schema", path])
            XCTAssertEqual(result.status, expected, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.hasPrefix("error: "), "\(name): \(result.stderr)")
            XCTAssertEqual(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count, 1, "\(name): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(name), "\(name): the error names the file: \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: db), "\(name): the database was touched")
        }
        let bad = try cli.run(["plan", "--url", "nonsense", "--schema", exampleSchema])
        XCTAssertEqual(bad.status, 5, bad.stderr)
        let noURL = try cli.run(["plan", "--schema", exampleSchema])
        XCTAssertEqual(noURL.status, 64, noURL.stderr)
        XCTAssertTrue(noURL.stderr.contains("DATABASE_URL"))
        let badFlag = try cli.run(["plan", "--url", url, "--schema", exampleSchema, "--frobnicate"])
        XCTAssertEqual(badFlag.status, 64, badFlag.stderr)
        let secret = try cli.run(["plan", "--url", "nosuch://app:hunter2@127.0.0.1:1/db", "--schema", exampleSchema])
        XCTAssertNotEqual(secret.status, 0)
        XCTAssertFalse((secret.stdout + secret.stderr).contains("hunter2"), secret.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
    }

    func testInspectOutputIsAValidSchemaFile() throws {
        let original = "sqlite:" + cli.path("original.db")
        XCTAssertEqual(try cli.run(["apply", "--url", original, "--schema", exampleSchema]).status, 0)
        for format in ["yaml", "json"] {
            let inspected = try cli.run(["inspect", "--url", original, "--format", format])
            XCTAssertEqual(inspected.status, 0, inspected.stderr)
            let file = try cli.write("inspected.\(format)", inspected.stdout)
            let copy = "sqlite:" + cli.path("copy-\(format).db")
            let applied = try cli.run(["apply", "--url", copy, "--schema", file])
            XCTAssertEqual(applied.status, 0, applied.stdout + applied.stderr)
            XCTAssertEqual(try cli.run(["plan", "--url", original, "--schema", file, "--exit-code"]).status, 0, inspected.stdout)
            XCTAssertEqual(try cli.run(["plan", "--url", copy, "--schema", exampleSchema, "--exit-code"]).status, 0)
        }
        let sql = try cli.run(["inspect", "--url", original, "--format", "sql"])
        XCTAssertTrue(sql.stdout.contains("CREATE TABLE IF NOT EXISTS \"users\""), sql.stdout)
        let sqlFile = try cli.write("inspected.sql", sql.stdout)
        XCTAssertEqual(try cli.run(["plan", "--url", original, "--schema", sqlFile, "--exit-code"]).status, 0)
    }

    func testJSONPlanIsStable() throws {
        let url = "sqlite:" + cli.path("j.db")
        try cli.touch("j.db")
        let result = try cli.run(["plan", "--url", url, "--schema", exampleSchema, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["formatVersion"] as? Int, 1)
        XCTAssertEqual(object?["inSync"] as? Bool, false)
        let changes = object?["changes"] as? [[String: Any]]
        XCTAssertEqual(changes?.first?["kind"] as? String, "createTable")
        XCTAssertEqual(changes?.first?["action"] as? String, "apply")
        XCTAssertFalse((changes?.first?["statements"] as? [String])?.isEmpty ?? true)
    }

    func testDataCheckFailureBlocksWithCount() throws {
        let url = "sqlite:" + cli.path("c.db")
        let v1 = try cli.write("v1.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }, { name: v, type: text }]\n")
        let v2 = try cli.write("v2.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }, { name: v, type: text, nullable: false }]\n")
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", v1]).status, 0)
        try insertRows(url: url, sql: "INSERT INTO t (id, v) VALUES (1, NULL), (2, NULL), (3, 'x')")
        let blocked = try cli.run(["apply", "--url", url, "--schema", v2])
        XCTAssertEqual(blocked.status, 3, blocked.stdout + blocked.stderr)
        XCTAssertTrue(blocked.stderr.contains("2 rows"), blocked.stderr)
        let plan = try cli.run(["plan", "--url", url, "--schema", v2])
        XCTAssertTrue(plan.stdout.contains("✗ t.v"), plan.stdout)
    }

    func testPrintedScriptRunByHandConverges() throws {
        let url = "sqlite:" + cli.path("byhand.db")
        try cli.touch("byhand.db")
        let script = try cli.run(["plan", "--url", url, "--schema", exampleSchema, "--format", "sql"])
        XCTAssertEqual(script.status, 0, script.stderr)
        try insertRows(url: url, sql: script.stdout)
        XCTAssertEqual(try cli.run(["plan", "--url", url, "--schema", exampleSchema, "--exit-code"]).status, 0, script.stdout)
    }

    func testBatchedApplyConverges() throws {
        let url = "sqlite:" + cli.path("batched.db")
        let applied = try cli.run(["apply", "--url", url, "--schema", exampleSchema, "--changes-per-transaction", "1"])
        XCTAssertEqual(applied.status, 0, applied.stdout + applied.stderr)
        XCTAssertEqual(try cli.run(["plan", "--url", url, "--schema", exampleSchema, "--exit-code"]).status, 0)
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", exampleSchema, "--changes-per-transaction", "0"]).status, 64)
    }

    func testDiffBetweenDatabasesAndFiles() throws {
        let a = "sqlite:" + cli.path("a.db"), b = "sqlite:" + cli.path("b.db")
        let small = try cli.write("small.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n")
        XCTAssertEqual(try cli.run(["apply", "--url", a, "--schema", small]).status, 0)
        XCTAssertEqual(try cli.run(["apply", "--url", b, "--schema", exampleSchema]).status, 0)
        let diff = try cli.run(["diff", "--from", a, "--to", b])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("ℹ users"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("⚠ t"), diff.stdout)
        let same = try cli.run(["diff", "--from", b, "--to", exampleSchema])
        XCTAssertTrue(same.stdout.contains("No changes"), same.stdout)
        XCTAssertEqual(try cli.run(["diff", "--from", small, "--to", exampleSchema]).status, 64)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("c.db")))
    }

    private func insertRows(url: String, sql: String) throws {
        // The CLI never writes rows; seed them independently with Python's sqlite3 module.
        let path = String(url.dropFirst("sqlite:".count))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", path, sql]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
