import Foundation
import XCTest

/// Input echoed into an error (a path, a URL, a name, an option) is cut to about 200
/// characters with an ellipsis: a 100 KB argument never floods the terminal.
final class CLIMessageLengthTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    func testHugeInputIsCutInErrors() throws {
        let huge = String(repeating: "a", count: 100_000)
        let schema = try cli.write("s.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n")
        let longName = try cli.write("long.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n"
            + "    foreignKeys: [{ columns: [id], references: { table: ghost\(huge), columns: [id] } }]\n")
        try cli.touch("e.db")
        let db = "sqlite:" + cli.path("e.db")
        let cases: [([String], Int32)] = [
            (["plan", "--url", db, "--schema", "/tmp/\(huge).yaml"], 5),
            (["plan", "--url", db, "--schema", "/tmp/x/\(huge.prefix(50_000))/y/\(huge.prefix(50_000)).yaml"], 5),
            (["plan", "--url", "sqlite:/nonexistent/\(huge)/x.db", "--schema", schema], 6),
            (["inspect", "--url", "sqlite:" + cli.path("\(huge.prefix(200)).db")], 6),
            (["plan", "--url", "postgres://u:secret@h:\(huge)/db", "--schema", schema], 5),
            (["plan", "--url", "bad url \(huge)", "--schema", schema], 5),
            (["plan", "--url", "nosuch\(huge)://u:secret@h/db", "--schema", schema], 5),
            (["apply", "--url", db, "--schema", longName], 5),
            (["diff", "--from", "zz\(huge):x", "--to", schema], 5),
            (["plan", "--url", db, "--schema", schema, "--\(huge)"], 64),
        ]
        for (arguments, status) in cases {
            let result = try cli.run(arguments)
            let what = arguments.map { String($0.prefix(30)) }.joined(separator: " ")
            XCTAssertEqual(result.status, status, "\(what): \(result.stderr.prefix(600))")
            XCTAssertLessThan(result.stderr.count, 1_500, "\(what): \(result.stderr.prefix(600))")
            XCTAssertTrue(result.stderr.contains("…"), "\(what): \(result.stderr.prefix(600))")
            XCTAssertFalse(result.stderr.contains("secret"), what)
        }
    }
}
