import Foundation
import XCTest

/// The command line's surface: repeated single-valued options are usage errors; `--help`
/// lists only options the subcommand uses; shell completion scripts are generated.
final class CLIHelpTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    func testRepeatedSingleValuedOptionsAreUsageErrors() throws {
        let schema = try cli.write("s.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n")
        let a = "sqlite:" + cli.path("a.db"), b = "sqlite:" + cli.path("b.db")
        let cases: [[String]] = [
            ["apply", "--url", a, "--schema", schema, "--targets", "t", "--targets=u"],
            ["plan", "--url", a, "--schema", schema, "--jobs", "1", "--jobs", "2"],
            ["plan", "--url", a, "--schema", schema, "--schema", schema],
            ["plan", "--url", a, "--schema", schema, "--format", "json", "--format", "sql"],
            ["apply", "--url", a, "--schema", schema, "--lock-timeout", "1", "--lock-timeout", "2"],
            ["apply", "--url", a, "--schema", schema, "--changes-per-transaction", "1", "--changes-per-transaction", "2"],
            ["inspect", "--url", a, "--url", b],
            ["diff", "--from", a, "--from", b, "--to", schema],
            ["diff", "--from", a, "--to", schema, "--to", b],
        ]
        for arguments in cases {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("is given more than once"), "\(arguments): \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("a.db")), "\(arguments)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("b.db")), "\(arguments)")
        }
        // A value that happens to look like an option name is a value, and flags may repeat.
        let ok = try cli.run(["apply", "--url", a, "--schema", schema, "--dry-run", "--dry-run"])
        XCTAssertNotEqual(ok.status, 64, ok.stderr)
    }

    func testEverySingleValuedOptionIsGuarded() throws {
        // The parser's own description of every subcommand: each option that takes one value
        // must be in RepeatedOptions.singleValued (mirrored here, as the CLI target is internal).
        // (`plan` and `apply` take `--url` repeatedly, one database of a fleet each; `inspect` once.)
        let guarded: Set<String> = ["url", "targets", "jobs", "schema", "format", "lock-timeout", "connect-timeout", "dev-url",
                                    "changes-per-transaction", "from", "to", "out", "plan", "allow-hazards", "statement-timeout"]
        let dump = try cli.run(["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var options: Set<String> = []
        func walk(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? []
            where argument["kind"] as? String == "option" && argument["isRepeating"] as? Bool != true {
                for name in argument["names"] as? [[String: Any]] ?? [] { options.insert(name["name"] as? String ?? "") }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub) }
        }
        walk(try XCTUnwrap(root["command"] as? [String: Any]))
        XCTAssertEqual(options, guarded)
        for option in guarded {
            let result = try cli.run([option == "url" ? "inspect" : "plan", "--\(option)", "x", "--\(option)=y"])
            XCTAssertEqual(result.status, 64)
            XCTAssertTrue(result.stderr.contains("--\(option) is given more than once"), result.stderr)
        }
    }

    func testHelpShowsOnlyOptionsTheSubcommandUses() throws {
        let expected: [String: Set<String>] = [
            "plan": ["--url", "--targets", "--jobs", "--fail-fast", "--allow-lossy", "--lock-timeout", "--connect-timeout", "--dev-url", "--schema", "--allow-destructive",
                     "--allow-empty", "--format", "--exit-code", "--out", "--online", "--statement-timeout"],
            "apply": ["--url", "--targets", "--jobs", "--fail-fast", "--allow-lossy", "--lock-timeout", "--connect-timeout", "--dev-url", "--schema", "--allow-destructive",
                      "--allow-empty", "--format", "--dry-run", "--changes-per-transaction", "--plan", "--allow-hazards", "--online", "--statement-timeout"],
            "inspect": ["--url", "--connect-timeout", "--format"],
            "diff": ["--from", "--to", "--format", "--connect-timeout", "--lock-timeout", "--dev-url", "--allow-lossy"],
        ]
        for (command, options) in expected {
            let help = try cli.run([command, "--help"])
            XCTAssertEqual(help.status, 0)
            // The options the help describes: each definition line starts with two spaces and the option.
            let shown = Set(help.stdout.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  --") else { return nil }
                return line.dropFirst(2).split(separator: " ").first.map(String.init)
            }).subtracting(["--help", "--version"])
            XCTAssertEqual(shown, options, "\(command) --help: \(help.stdout)")
            // An option the subcommand does not take is refused, not ignored.
            if !options.contains("--lock-timeout") {
                XCTAssertEqual(try cli.run([command, "--url", "sqlite::memory:", "--lock-timeout", "1"]).status, 64)
            }
        }
        let ignored = try cli.run(["diff", "--url", "sqlite::memory:", "--from", "sqlite::memory:", "--to", "sqlite::memory:"])
        XCTAssertEqual(ignored.status, 64, ignored.stderr)
    }

    func testShellCompletionScripts() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try cli.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, script.stderr)
            XCTAssertTrue(script.stdout.contains("schemasync"), shell)
            XCTAssertTrue(script.stdout.contains("inspect"), shell)
        }
    }
}
