import Foundation
import XCTest

/// Only `apply` creates a SQLite file; every other command reports a missing file (exit 6)
/// naming the path, and leaves nothing behind.
final class CLISQLiteFileTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    func testReadOnlyCommandsNeverCreateTheDatabaseFile() throws {
        let schema = try cli.write("s.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n")
        let missing = cli.path("typo.db")
        let url = "sqlite:" + missing
        let other = "sqlite:" + cli.path("other.db")
        let commands: [[String]] = [
            ["plan", "--url", url, "--schema", schema],
            ["plan", "--url", url, "--schema", schema, "--exit-code"],
            ["apply", "--url", url, "--schema", schema, "--dry-run"],
            ["inspect", "--url", url],
            ["inspect", "--url", "sqlite:///" + missing.drop(while: { $0 == "/" })],
            ["diff", "--from", url, "--to", schema],
            ["diff", "--from", schema, "--to", url],
        ]
        for command in commands {
            let result = try cli.run(command)
            XCTAssertEqual(result.status, 6, "\(command): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("'\(missing)' does not exist"), "\(command): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(command)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "\(command) created the file")
        }
        // diff between an existing database and a missing one creates neither.
        XCTAssertEqual(try cli.run(["apply", "--url", other, "--schema", schema]).status, 0)
        XCTAssertEqual(try cli.run(["diff", "--from", other, "--to", url]).status, 6)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))

        // apply creates it, and then every command works on it.
        let applied = try cli.run(["apply", "--url", url, "--schema", schema])
        XCTAssertEqual(applied.status, 0, applied.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: missing))
        XCTAssertEqual(try cli.run(["plan", "--url", url, "--schema", schema, "--exit-code"]).status, 0)
        XCTAssertEqual(try cli.run(["inspect", "--url", url]).status, 0)
    }

    func testAnEmptyFileIsAnEmptyDatabase() throws {
        let schema = try cli.write("s.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n")
        try cli.touch("empty.db")
        let plan = try cli.run(["plan", "--url", "sqlite:" + cli.path("empty.db"), "--schema", schema, "--exit-code"])
        XCTAssertEqual(plan.status, 2, plan.stderr)
        XCTAssertTrue(plan.stdout.contains("ℹ t"), plan.stdout)
    }
}
