import Foundation
import XCTest

/// `plan` and `apply` on a fleet (`--url` repeated, `--targets FILE`): every target runs under
/// its own lock, a failing one does not stop the others unless `--fail-fast`, the exit code is
/// the worst target's, and no password is printed. Read back with each engine's own client.
final class CLIFleetTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    private let schema = """
        tables:
          - name: users
            columns:
              - { name: id, type: bigint }
              - { name: email, type: "varchar(200)", nullable: false }
              - { name: nickname, type: "varchar(50)" }
            primaryKey: [id]
        """

    /// A fleet of SQLite (one in sync, one drifted), PostgreSQL, MariaDB and an unreachable
    /// server, listed in YAML with the MariaDB password taken from the environment.
    func testMixedFleetWithAnUnreachableAndADriftedTarget() throws {
        let pg = try ServerDatabase(.postgres), maria = try ServerDatabase(.mariadb)
        let schemaPath = try cli.write("s.yaml", schema)
        let inSync = "sqlite:" + cli.path("in-sync.db"), drifted = "sqlite:" + cli.path("drifted.db")
        XCTAssertEqual(try cli.run(["apply", "--url", inSync, "--schema", schemaPath]).status, 0)
        try PythonSQLite.run(cli.path("drifted.db"), "CREATE TABLE users (id bigint NOT NULL PRIMARY KEY, email varchar(200) NOT NULL)")
        // The MariaDB password goes through ${FLEET_MARIADB_PASSWORD}, not the file.
        let mariaComponents = try XCTUnwrap(URLComponents(string: maria.url))
        let mariaPassword = try XCTUnwrap(mariaComponents.password)
        let mariaURL = maria.url.replacingOccurrences(of: ":\(mariaPassword)@", with: ":${FLEET_MARIADB_PASSWORD}@")
        XCTAssertNotEqual(mariaURL, maria.url)
        let unreachable = "postgres://fleet:topsecret-fleet@127.0.0.1:1/nothing"
        let targets = try cli.write("targets.yaml", """
            targets:
              - name: laptop
                url: \(inSync)
              - name: drifted
                url: \(drifted)
              - name: production
                url: \(pg.url)
              - name: legacy
                url: "\(mariaURL)"
              - name: gone
                url: \(unreachable)
            """)
        let environment = ["FLEET_MARIADB_PASSWORD": mariaPassword]
        func assertNoSecret(_ output: CLIRunner.Output, file: StaticString = #filePath, line: UInt = #line) {
            for secret in ["topsecret-fleet", ":\(mariaPassword)@"] {
                XCTAssertFalse(output.stdout.contains(secret) || output.stderr.contains(secret), "password printed: \(output.stdout)\(output.stderr)", file: file, line: line)
            }
        }

        let plan = try cli.run(["plan", "--targets", targets, "--schema", schemaPath, "--exit-code", "--connect-timeout", "3"], environment: environment)
        assertNoSecret(plan)
        XCTAssertEqual(plan.status, 6, "the worst target (unreachable) decides: \(plan.stdout)\(plan.stderr)")
        let rows = summaryRows(plan.stdout)
        XCTAssertEqual(rows["laptop"]?.result, "in sync", plan.stdout)
        XCTAssertEqual(rows["drifted"]?.result, "changes pending", plan.stdout)
        XCTAssertEqual(rows["production"]?.result, "changes pending", plan.stdout)
        XCTAssertEqual(rows["production"]?.engine, "postgresql", plan.stdout)
        XCTAssertEqual(rows["legacy"]?.result, "changes pending", plan.stdout)
        XCTAssertEqual(rows["legacy"]?.engine, "mariadb", plan.stdout)
        XCTAssertEqual(rows["gone"]?.result, "cannot connect", plan.stdout)
        XCTAssertTrue(plan.stdout.contains("=== drifted (") && plan.stdout.contains("add column"), plan.stdout)
        XCTAssertTrue(plan.stderr.contains("[gone] error: cannot connect"), plan.stderr)
        XCTAssertEqual(try pg.query("SELECT count(*) FROM information_schema.tables WHERE table_name = 'users'"), "0", "plan changed nothing")

        // apply: the unreachable target fails, the others are applied (two at a time).
        let apply = try cli.run(["apply", "--targets", targets, "--schema", schemaPath, "--jobs", "2", "--connect-timeout", "3"], environment: environment)
        assertNoSecret(apply)
        XCTAssertEqual(apply.status, 6, apply.stdout + apply.stderr)
        let applied = summaryRows(apply.stdout)
        XCTAssertEqual(applied["laptop"]?.result, "in sync", apply.stdout)
        XCTAssertEqual(applied["drifted"]?.result, "applied", apply.stdout)
        XCTAssertEqual(applied["production"]?.result, "applied", apply.stdout)
        XCTAssertEqual(applied["legacy"]?.result, "applied", apply.stdout)
        XCTAssertEqual(applied["gone"]?.result, "cannot connect", apply.stdout)
        XCTAssertEqual(try pg.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY ordinal_position"),
                       "id\nemail\nnickname")
        XCTAssertEqual(try maria.query("SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'users' ORDER BY ordinal_position"),
                       "id\nemail\nnickname")
        XCTAssertEqual(try PythonSQLite.run(cli.path("drifted.db"), "SELECT group_concat(name, ',') FROM pragma_table_info('users')"), "id,email,nickname")

        // The reachable ones are now in sync; JSON names each target's result and report.
        let reachable = try cli.write("reachable.txt", """
            # name url
            laptop \(inSync)
            drifted \(drifted)
            production \(pg.url)
            legacy \(maria.url)
            """)
        let check = try cli.run(["plan", "--targets", reachable, "--schema", schemaPath, "--exit-code"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let json = try cli.run(["plan", "--targets", targets, "--schema", schemaPath, "--format", "json", "--connect-timeout", "3"], environment: environment)
        assertNoSecret(json)
        XCTAssertEqual(json.status, 6, json.stderr)
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], json.stdout)
        XCTAssertEqual(document["exitCode"] as? Int, 6)
        let entries = try XCTUnwrap(document["targets"] as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["name"] as? String }, ["laptop", "drifted", "production", "legacy", "gone"])
        for entry in entries.prefix(4) {
            XCTAssertEqual(entry["exitCode"] as? Int, 0, "\(entry)")
            XCTAssertEqual((entry["report"] as? [String: Any])?["inSync"] as? Bool, true, "\(entry)")
        }
        XCTAssertEqual(entries[4]["exitCode"] as? Int, 6)
        XCTAssertTrue(entries[4]["report"] is NSNull)
        XCTAssertTrue((entries[4]["error"] as? String ?? "").contains("cannot connect"), "\(entries[4])")
        XCTAssertEqual(entries[3]["database"] as? String, maria.url.replacingOccurrences(of: ":\(mariaPassword)@", with: ":***@"))
    }

    /// `--fail-fast` starts no target after one failed; without it the others still run.
    func testFailFastStopsBeforeTheNextTarget() throws {
        let schemaPath = try cli.write("s.yaml", schema)
        let unreachable = "postgres://fleet@127.0.0.1:1/nothing", fresh = "sqlite:" + cli.path("fresh.db")
        let stopped = try cli.run(["apply", "--url", unreachable, "--url", fresh, "--schema", schemaPath, "--fail-fast", "--connect-timeout", "3"])
        XCTAssertEqual(stopped.status, 6, stopped.stdout + stopped.stderr)
        XCTAssertEqual(summaryRows(stopped.stdout)[fresh]?.result, "not run (--fail-fast)", stopped.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("fresh.db")))
        let all = try cli.run(["apply", "--url", unreachable, "--url", fresh, "--schema", schemaPath, "--connect-timeout", "3"])
        XCTAssertEqual(all.status, 6, all.stdout + all.stderr)
        XCTAssertEqual(summaryRows(all.stdout)[fresh]?.result, "applied", all.stdout)
        XCTAssertEqual(try PythonSQLite.run(cli.path("fresh.db"), "SELECT group_concat(name, ',') FROM pragma_table_info('users')"), "id,email,nickname")
        // The worst target decides: blocked (3) beats changes pending and success.
        try PythonSQLite.run(cli.path("extra.db"), "CREATE TABLE legacy (id integer)")
        let extra = "sqlite:" + cli.path("extra.db")
        let blocked = try cli.run(["apply", "--url", fresh, "--url", extra, "--schema", schemaPath])
        XCTAssertEqual(blocked.status, 3, blocked.stdout + blocked.stderr)
        XCTAssertEqual(summaryRows(blocked.stdout)[extra]?.result, "blocked", blocked.stdout)
        XCTAssertEqual(try PythonSQLite.run(cli.path("extra.db"), "SELECT count(*) FROM sqlite_schema WHERE name = 'legacy'"), "1", "nothing destructive ran")
    }

    /// Bad fleet input stops the run before any target is touched, naming what is wrong.
    func testBadFleetInputRunsNothing() throws {
        let schemaPath = try cli.write("s.yaml", schema)
        let a = "sqlite:" + cli.path("a.db"), b = "sqlite:" + cli.path("b.db")
        let unset = try cli.write("unset.yaml", "- name: one\n  url: \(a)\n- name: two\n  url: postgres://u:${FLEET_UNSET_VARIABLE}@127.0.0.1/x\n")
        let cases: [([String], Int32, String)] = [
            (["apply", "--targets", unset, "--schema", schemaPath], 64, "FLEET_UNSET_VARIABLE is not set"),
            (["apply", "--url", a, "--url", a, "--schema", schemaPath], 64, "listed twice"),
            (["apply", "--url", a, "--url", "nosuch://x/y", "--schema", schemaPath], 5, "no connector for the URL scheme 'nosuch'"),
            (["apply", "--url", a, "--targets", unset, "--schema", schemaPath], 64, "--targets and --url"),
            (["plan", "--url", a, "--url", b, "--schema", schemaPath, "--out", cli.path("p.json")], 64, "--out writes the plan of one database"),
            (["apply", "--url", a, "--url", b, "--plan", cli.path("p.json")], 64, "--plan runs the saved plan of one database"),
            (["apply", "--url", a, "--url", b, "--schema", cli.path("missing.yaml")], 5, "missing.yaml"),
            (["apply", "--url", a, "--url", b, "--schema", schemaPath, "--jobs", "0"], 64, "--jobs must be at least 1"),
            (["inspect", "--url", a, "--url", b], 64, "is given more than once"),
        ]
        for (arguments, status, message) in cases {
            let result = try cli.run(arguments)
            XCTAssertEqual(result.status, status, "\(arguments): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("a.db")), "\(arguments)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: cli.path("b.db")), "\(arguments)")
        }
    }

    /// The summary table's rows by target: (engine, result).
    private func summaryRows(_ stdout: String) -> [String: (engine: String, result: String)] {
        guard let start = stdout.range(of: "\nTARGET ") else { return [:] }
        var rows: [String: (engine: String, result: String)] = [:]
        for line in stdout[start.upperBound...].split(separator: "\n").dropFirst() {
            if line.hasPrefix("errors:") || line.hasPrefix("exit ") { break }
            let cells = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard cells.count >= 3 else { continue }
            rows[cells[0]] = (cells[1], cells[2])
        }
        return rows
    }
}
