import Foundation
import XCTest

/// The definition cache (MariaDB and SQLite, where it saves the scratch copy): a no-op plan keeps the engine's definitions of the desired schema's
/// scratch copy, the next plan of the same schema reads them instead of building the copy, a
/// damaged or stale entry can only show up as a difference, and `SCHEMASYNC_CACHE=off` keeps
/// nothing.
final class CLIDefinitionCacheTests: XCTestCase {
    func testRepeatedPlanReadsTheCacheAndAStaleEntryCannotHideADifference() throws {
        let cli = try CLIRunner()
        let db = try ServerDatabase(.mariadb)
        let schema = try cli.write("s.yaml", """
            tables:
              - name: items
                columns:
                  - { name: id, type: bigint, nullable: false }
                  - { name: price, type: "decimal(10,2)", default: 0 }
                primaryKey: [id]
                checks:
                  - { name: items_price_check, expression: "price >= 0" }
            """)
        let cache = cli.path("cache")
        let env = ["SCHEMASYNC_CACHE": cache]
        XCTAssertEqual(try cli.run(["apply", "--url", db.url, "--schema", schema], environment: env).status, 0)
        let first = try cli.run(["plan", "--url", db.url, "--schema", schema, "--exit-code"], environment: env)
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stdout.contains("the definitions the engine reports agree"), first.stdout)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("definitions-") }
        XCTAssertEqual(entries.count, 1, "\(entries)")
        let entry = cache + "/" + entries[0]
        let mode = try FileManager.default.attributesOfItem(atPath: entry)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)

        // A damaged entry: the plan must report the difference, not trust the model.
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        XCTAssertTrue(text.contains(">= 0"), text)
        try text.replacingOccurrences(of: ">= 0", with: "> 0").write(toFile: entry, atomically: true, encoding: .utf8)
        let stale = try cli.run(["plan", "--url", db.url, "--schema", schema, "--exit-code"], environment: env)
        XCTAssertEqual(stale.status, 2, "the cached entry was read: " + stale.stdout + stale.stderr)
        XCTAssertTrue(stale.stdout.contains("items_price_check"), stale.stdout)

        // Without the cache the copy is built again and agrees; nothing is written.
        let off = cli.path("off")
        let fresh = try cli.run(["plan", "--url", db.url, "--schema", schema, "--exit-code"], environment: ["SCHEMASYNC_CACHE": "off", "HOME": off])
        XCTAssertEqual(fresh.status, 0, fresh.stdout + fresh.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: off))
        // A real drift is seen with the cache as well.
        try FileManager.default.removeItem(atPath: entry)
        XCTAssertEqual(try cli.run(["plan", "--url", db.url, "--schema", schema, "--exit-code"], environment: env).status, 0)
        try db.query("ALTER TABLE items COMMENT = 'changed by hand'")
        let drifted = try cli.run(["plan", "--url", db.url, "--schema", schema, "--exit-code"], environment: env)
        XCTAssertEqual(drifted.status, 2, drifted.stdout + drifted.stderr)
    }

    /// SQLite: a repeated plan takes the kept definitions instead of building the in-memory copy;
    /// a damaged entry shows as a difference, a changed SQLite library or schema misses.
    func testSQLiteKeepsDefinitionsAndAStaleEntryShowsAsADifference() throws {
        let cli = try CLIRunner()
        let db = cli.path("app.db")
        let schema = try cli.write("s.yaml", """
            tables:
              - name: items
                columns:
                  - { name: id, type: integer, nullable: false }
                  - { name: price, type: "decimal(10,2)", default: 0 }
                primaryKey: [id]
                checks:
                  - { name: items_price_check, expression: "price >= 0" }
            """)
        let cache = cli.path("cache")
        let env = ["SCHEMASYNC_CACHE": cache]
        XCTAssertEqual(try cli.run(["apply", "--url", "sqlite:" + db, "--schema", schema], environment: env).status, 0)
        let first = try cli.run(["plan", "--url", "sqlite:" + db, "--schema", schema, "--exit-code"], environment: env)
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("definitions-") }
        XCTAssertEqual(entries.count, 1, "\(entries)")
        let entry = cache + "/" + entries[0]
        let text = try String(contentsOfFile: entry, encoding: .utf8)
        // SQLite's check text as normalised tokens (`>=` is two symbols there).
        XCTAssertTrue(text.contains("price > = 0"), text)
        XCTAssertEqual(try cli.run(["plan", "--url", "sqlite:" + db, "--schema", schema, "--exit-code"], environment: env).status, 0)
        try text.replacingOccurrences(of: "price > = 0", with: "price > = 1").write(toFile: entry, atomically: true, encoding: .utf8)
        let stale = try cli.run(["plan", "--url", "sqlite:" + db, "--schema", schema, "--exit-code"], environment: env)
        XCTAssertEqual(stale.status, 2, "the cached entry was read: " + stale.stdout + stale.stderr)
        XCTAssertTrue(stale.stdout.contains("price"), stale.stdout)
        // Another desired schema has its own entry, built and checked afresh.
        let other = try cli.write("t.yaml", try String(contentsOfFile: schema, encoding: .utf8).replacingOccurrences(of: "price >= 0", with: "price >= 1"))
        let differs = try cli.run(["plan", "--url", "sqlite:" + db, "--schema", other, "--exit-code"], environment: env)
        XCTAssertEqual(differs.status, 2, differs.stdout + differs.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("definitions-") }.count, 1,
                       "a plan with changes keeps nothing")
    }
}
