import Foundation
import XCTest

/// Narrowing a type (shorter varchar, smaller integer, smaller decimal precision or scale)
/// counts the rows whose values do not fit and blocks, also with --allow-destructive (which
/// allows narrowing, not losing values). Checked on the real engines, read back with their
/// own clients.
final class CLINarrowingTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    private let wide = """
        tables:
          - name: t
            columns:
              - { name: id, type: integer, nullable: false }
              - { name: v, type: varchar(100) }
              - { name: n, type: bigint }
              - { name: d, type: "decimal(8,3)" }
              - { name: s, type: integer }
            primaryKey: [id]
        views:
          - { name: tv, definition: "SELECT id, v FROM t" }

        """
    /// The narrowed schema, plus a new table that sorts first: the data checks run before
    /// any statement, so it must not be created when they block.
    private var narrow: String {
        wide.replacingOccurrences(of: "tables:\n", with: "tables:\n  - name: a_first\n    columns: [{ name: id, type: integer }]\n")
            .replacingOccurrences(of: "varchar(100)", with: "varchar(50)")
            .replacingOccurrences(of: "type: bigint", with: "type: integer")
            .replacingOccurrences(of: "decimal(8,3)", with: "decimal(5,2)")
            .replacingOccurrences(of: "{ name: s, type: integer }", with: "{ name: s, type: smallint }")
    }
    private let long = String(repeating: "x", count: 100)
    /// Rows 1-2 have a 100-character v, row 3 an n beyond 32 bits, row 4 a d with 4 integer
    /// digits, row 5 a d with 3 decimals, row 6 an s beyond smallint; row 7 fits everything.
    private var rows: String {
        "INSERT INTO t (id, v, n, d, s) VALUES (1, '\(long)', 1, 1, 1), (2, '\(long)', 1, 1, 1), "
            + "(3, 'a', 3000000000, 1, 1), (4, 'a', 1, 1234.5, 1), (5, 'a', 1, 1.125, 1), (6, 'a', 1, 1, 40000), "
            + "(7, '\(String(repeating: "y", count: 50))', -2147483648, 999.99, -32768)"
    }
    private let fix = "UPDATE t SET v = 'short' WHERE id IN (1, 2); UPDATE t SET n = 3 WHERE id = 3; "
        + "UPDATE t SET d = 12.5 WHERE id IN (4, 5); UPDATE t SET s = 6 WHERE id = 6"

    func testNarrowingIsBlockedWithCountsOnPostgreSQL() throws {
        let db = try ServerDatabase(.postgres)
        let types = "SELECT string_agg(column_name || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) "
            + "FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = 'public.t'::regclass AND a.attname = c.column_name "
            + "WHERE c.table_schema = 'public' AND c.table_name = 't' AND column_name <> 'id'"
        try check(db, types: types,
                  before: "v character varying(100), n bigint, d numeric(8,3), s integer",
                  after: "v character varying(50), n integer, d numeric(5,2), s smallint",
                  length: "SELECT max(char_length(v)) FROM t")
    }

    func testNarrowingIsBlockedWithCountsOnMariaDB() throws {
        let db = try ServerDatabase(.mariadb)
        let types = "SELECT GROUP_CONCAT(CONCAT(COLUMN_NAME, ' ', COLUMN_TYPE) ORDER BY ORDINAL_POSITION SEPARATOR ', ') "
            + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' AND COLUMN_NAME <> 'id'"
        try check(db, types: types,
                  before: "v varchar(100), n bigint(20), d decimal(8,3), s int(11)",
                  after: "v varchar(50), n int(11), d decimal(5,2), s smallint(6)",
                  length: "SELECT MAX(CHAR_LENGTH(v)) FROM t")
    }

    private func check(_ db: ServerDatabase, types: String, before: String, after: String, length: String) throws {
        let v1 = try cli.write("wide.yaml", wide), v2 = try cli.write("narrow.yaml", narrow)
        let first = try cli.run(["apply", "--url", db.url, "--schema", v1])
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        try db.query(rows)

        // With --allow-destructive the narrowing is blocked by counts (exit 3) and nothing runs.
        let blocked = try cli.run(["apply", "--url", db.url, "--schema", v2, "--allow-destructive"])
        XCTAssertEqual(blocked.status, 3, blocked.stdout + blocked.stderr)
        for expected in ["2 rows in t whose v does not fit varchar(50)", "1 rows in t whose n does not fit integer",
                         "2 rows in t whose d does not fit decimal(5,2)", "1 rows in t whose s does not fit smallint"] {
            XCTAssertTrue(blocked.stderr.contains(expected), "\(expected): \(blocked.stderr)")
            XCTAssertTrue(blocked.stdout.contains(expected), "the plan is shown: \(expected): \(blocked.stdout)")
        }
        XCTAssertTrue(blocked.stderr.contains("nothing was changed"), blocked.stderr)
        let json = try cli.run(["plan", "--url", db.url, "--schema", v2, "--allow-destructive", "--format", "json"])
        let changes = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["changes"] as? [[String: Any]])
        let narrowings = changes.filter { ($0["kind"] as? String) == "alterColumn" }
        XCTAssertEqual(narrowings.count, 4, json.stdout)
        XCTAssertTrue(narrowings.allSatisfy { $0["action"] as? String == "blocked" }, json.stdout)
        // The engine reports the old types, every value, and the view still there.
        XCTAssertEqual(try db.query(types), before)
        XCTAssertEqual(try db.query(length), "100")
        XCTAssertEqual(try db.query("SELECT COUNT(*) FROM tv"), "7")
        XCTAssertEqual(try db.query(db.engine == .postgres
            ? "SELECT count(*) FROM pg_class WHERE relname = 'a_first'"
            : "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'a_first'"), "0",
            "a statement ran before the data checks")
        // Without --allow-destructive the narrowing is skipped (exit 3) and the rest applied.
        let skipped = try cli.run(["apply", "--url", db.url, "--schema", v2])
        XCTAssertEqual(skipped.status, 3, skipped.stdout + skipped.stderr)
        XCTAssertEqual(try db.query(types), before)

        try db.query(fix)
        let applied = try cli.run(["apply", "--url", db.url, "--schema", v2, "--allow-destructive"])
        XCTAssertEqual(applied.status, 0, applied.stdout + applied.stderr)
        XCTAssertEqual(try db.query(types), after)
        XCTAssertEqual(try db.query("SELECT COUNT(*) FROM tv"), "7")
        XCTAssertEqual(try db.query(length), "50")
        XCTAssertEqual(try db.query("SELECT n, d, s FROM t WHERE id = 7"), "-2147483648\t999.99\t-32768")
    }

    /// SQLite keeps every value whatever the declared type, so narrowing loses nothing: with
    /// --allow-destructive the type changes and the 100-character values are still whole.
    func testNarrowingOnSQLiteKeepsEveryValue() throws {
        let url = "sqlite:" + cli.path("n.db")
        let v1 = try cli.write("wide.yaml", wide), v2 = try cli.write("narrow.yaml", narrow)
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", v1]).status, 0)
        try sqlite(cli.path("n.db"), rows)
        XCTAssertEqual(try cli.run(["apply", "--url", url, "--schema", v2]).status, 3)
        let applied = try cli.run(["apply", "--url", url, "--schema", v2, "--allow-destructive"])
        XCTAssertEqual(applied.status, 0, applied.stdout + applied.stderr)
        XCTAssertEqual(try sqlite(cli.path("n.db"), "SELECT max(length(v)), max(n), max(s), count(*) FROM t"), "100|3000000000|40000|7")
        XCTAssertTrue(try sqlite(cli.path("n.db"), "SELECT sql FROM sqlite_schema WHERE name = 't'").contains("VARCHAR(50)"))
    }

    @discardableResult
    private func sqlite(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3,sys
            c=sqlite3.connect(sys.argv[1]); rows=c.execute(sys.argv[2]).fetchall() if sys.argv[2].startswith('SELECT') else c.executescript(sys.argv[2]) and []
            c.commit(); print('\\n'.join('|'.join(str(v) for v in r) for r in rows))
            """, path, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return out.trimmingCharacters(in: .newlines)
    }
}
