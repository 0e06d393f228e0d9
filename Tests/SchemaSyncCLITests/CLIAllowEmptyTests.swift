import Foundation
import XCTest

/// An empty desired schema drops everything, so it is refused unless asked for with both
/// `--allow-empty` and `--allow-destructive`.
final class CLIAllowEmptyTests: XCTestCase {
    func testEmptySchemaNeedsBothFlagsAndThenDropsEverything() throws {
        let cli = try CLIRunner()
        let url = "sqlite:" + cli.path("e.db")
        let schema = try cli.write("s.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\nviews:\n  - { name: v, definition: \"SELECT id FROM t\" }\n")
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", schema]).status, 0)
        for (name, text) in [("empty.yaml", ""), ("blank.yaml", "  \n"), ("none.yaml", "tables: []\n")] {
            let empty = try cli.write(name, text)
            let refused = try cli.run(["apply", "--url", url, "--schema", empty, "--allow-destructive"])
            XCTAssertEqual(refused.status, 5, name + refused.stderr)
            let alone = try cli.run(["apply", "--url", url, "--schema", empty, "--allow-empty"])
            XCTAssertEqual(alone.status, 64, name + alone.stderr)
            XCTAssertTrue(alone.stderr.contains("--allow-destructive"), alone.stderr)
            let plan = try cli.run(["plan", "--url", url, "--schema", empty, "--allow-empty", "--allow-destructive", "--exit-code"])
            XCTAssertEqual(plan.status, 2, name + plan.stdout + plan.stderr)
        }
        XCTAssertEqual(try tables(cli.path("e.db")), "t,v", "nothing was dropped by the refused runs")
        let empty = try cli.write("empty2.yaml", "")
        let dropped = try cli.run(["apply", "--url", url, "--schema", empty, "--allow-empty", "--allow-destructive"])
        XCTAssertEqual(dropped.status, 0, dropped.stdout + dropped.stderr)
        XCTAssertEqual(try tables(cli.path("e.db")), "", "read back with sqlite3: everything is gone")
    }

    private func tables(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c",
                             "import sqlite3,sys; print(','.join(r[0] for r in sqlite3.connect(sys.argv[1]).execute(\"SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name\")))",
                             path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
