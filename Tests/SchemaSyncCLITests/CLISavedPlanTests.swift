import Foundation
@testable import SchemaSyncSQLite
import XCTest

/// `plan --out FILE` and `apply --plan FILE`: the reviewed statements run exactly, and only while
/// the database and the file are as they were; hazards show in the plan. Read back with raw
/// SQLite queries, not through the inspector.
final class CLISavedPlanTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    func testSavedPlanIsRefusedAfterDriftOrEditsAndRunsExactlyOtherwise() throws {
        let url = "sqlite:" + cli.path("app.db")
        let base = try cli.write("base.yaml", "tables:\n  - name: users\n    columns: [{ name: id, type: integer, nullable: false }, { name: email, type: text }]\n    primaryKey: [id]\n")
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", base]).status, 0)
        let next = try cli.write("next.yaml", "tables:\n  - name: users\n    columns: [{ name: id, type: integer, nullable: false }, { name: email, type: text }, { name: name, type: text }]\n"
            + "    primaryKey: [id]\n    indexes: [{ name: users_email_idx, columns: [email] }]\n")
        let planFile = cli.path("plan.json")
        let planned = try cli.run(["plan", "--url", url, "--schema", next, "--out", planFile, "--format", "json"])
        XCTAssertEqual(planned.status, 0, planned.stderr)
        let changes = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(planned.stdout.utf8)) as? [String: Any])?["changes"] as? [[String: Any]])
        let index = try XCTUnwrap(changes.first { $0["kind"] as? String == "createIndex" })
        XCTAssertEqual((index["hazards"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }, ["builds-index", "blocks-writes"])
        let saved = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planFile))) as? [String: Any])
        XCTAssertEqual(saved["formatVersion"] as? Int, 1)
        let statements = try XCTUnwrap(saved["statements"] as? [[String: Any]]).compactMap { $0["sql"] as? String }
        XCTAssertEqual(statements.count, 2)

        let raw = try SQLiteDatabase(path: cli.path("app.db"), busyTimeoutMilliseconds: 1000)
        defer { raw.close() }
        // Drift after the review: refused with exit 7 naming it, nothing changed.
        try raw.execute("CREATE INDEX users_by_hand ON users (email)")
        let drifted = try cli.run(["apply", "--url", url, "--plan", planFile])
        XCTAssertEqual(drifted.status, 7, drifted.stderr)
        XCTAssertTrue(drifted.stderr.contains("table users changed"), drifted.stderr)
        XCTAssertEqual(try raw.query("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'name'"), [["0"]])
        try raw.execute("DROP INDEX users_by_hand")

        // An edited file: refused with exit 7 before anything connects to change.
        let text = try String(contentsOfFile: planFile, encoding: .utf8)
        let editedFile = try cli.write("edited.json", text.replacingOccurrences(of: "users_email_idx", with: "users_other_idx"))
        let edited = try cli.run(["apply", "--url", url, "--plan", editedFile])
        XCTAssertEqual(edited.status, 7, edited.stderr)
        XCTAssertTrue(edited.stderr.contains("edited"), edited.stderr)

        // Another desired schema than the reviewed one: refused.
        let other = try cli.run(["apply", "--url", url, "--plan", planFile, "--schema", base])
        XCTAssertEqual(other.status, 7, other.stderr)

        // As reviewed: exactly the saved statements run, then the result verifies.
        let applied = try cli.run(["apply", "--url", url, "--plan", planFile, "--schema", next])
        XCTAssertEqual(applied.status, 0, applied.stderr + applied.stdout)
        for sql in statements { XCTAssertTrue(applied.stdout.contains(String(sql.prefix(60))), "\(sql) not run:\n\(applied.stdout)") }
        XCTAssertTrue(applied.stdout.contains("Applied 2 statements"), applied.stdout)
        XCTAssertEqual(try raw.query("SELECT count(*) FROM pragma_table_info('users') WHERE name = 'name'"), [["1"]])
        XCTAssertEqual(try raw.query("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'users' AND sql IS NOT NULL"), [["users_email_idx"]])

        // The plan is spent: the database moved on.
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--plan", planFile]).status, 7)
    }

    func testHazardsNotAllowedAreRefusedBeforeAnythingRuns() throws {
        let url = "sqlite:" + cli.path("h.db")
        let base = try cli.write("base.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n")
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", base]).status, 0)
        let next = try cli.write("next.yaml", "tables:\n  - name: t\n    columns: [{ name: id, type: integer }]\n    indexes: [{ name: t_id_idx, columns: [id] }]\n")
        let refused = try cli.run(["apply", "--url", url, "--schema", next, "--allow-hazards", "builds-index"])
        XCTAssertEqual(refused.status, 3, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("blocks-writes"), refused.stderr)
        let raw = try SQLiteDatabase(path: cli.path("h.db"), busyTimeoutMilliseconds: 1000)
        defer { raw.close() }
        XCTAssertEqual(try raw.query("SELECT count(*) FROM sqlite_schema WHERE name = 't_id_idx'"), [["0"]])
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", next, "--allow-hazards", "nonsense"]).status, 64)
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", next, "--allow-hazards", "builds-index,blocks-writes"]).status, 0)
        XCTAssertEqual(try raw.query("SELECT count(*) FROM sqlite_schema WHERE name = 't_id_idx'"), [["1"]])
    }
}
