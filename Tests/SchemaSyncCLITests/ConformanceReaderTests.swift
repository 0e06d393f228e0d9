import Foundation
import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncSQLite
import XCTest

/// The conformance kit seeds and reads rows through the author's ``IndependentReader``, not the
/// session under test, so a connector whose query path lies cannot pass; without a reader it
/// still runs, and says that the session read its own rows.
final class ConformanceReaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ss-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func freshPath() -> String { directory.appendingPathComponent(UUID().uuidString + ".db").path }

    private func hidingSession(_ path: String) throws -> RowHidingSession {
        let session = try SQLiteConnector().connect(to: DatabaseURL(scheme: "sqlite", path: path), options: .init())
        return RowHidingSession(base: session, claimedItems: [["1", "a", "10", nil, "7"], ["2", "b", "20", nil, "7"]])
    }

    private var addColumns: ConformanceScenario {
        ConformanceSuite.scenarios.first { $0.name == "add columns keeps rows" }!
    }

    func testAnHonestReaderCatchesARowTheSessionHides() throws {
        let suite = ConformanceSuite {
            let path = self.freshPath()
            return ConformanceTarget(session: try self.hidingSession(path), reader: SQLite3Reader(path: path))
        }
        XCTAssertThrowsError(try suite.run(addColumns)) { error in
            let failure = error as? ConformanceFailure
            XCTAssertNotNil(failure, "\(error)")
            // What the reader found: row 2 is gone, whatever the session claims.
            let read = failure?.message.components(separatedBy: ", expected").first ?? ""
            XCTAssertEqual(read, "rows of items are [[Optional(\"1\"), Optional(\"a\"), Optional(\"10\"), nil, Optional(\"7\")]]", "\(error)")
        }
        let results = suite.runAll()
        let result = try XCTUnwrap(results.first { $0.scenario == addColumns.name })
        XCTAssertFalse(result.passed)
        XCTAssertEqual(result.reader, "sqlite3")
        XCTAssertFalse(result.readThroughSession)
        XCTAssertEqual(ConformanceSuite.readBackSummary(results), "Rows seeded and read back through sqlite3, not the session under test")
    }

    /// The hole the reader closes: read back through the lying session, the lost row goes
    /// unnoticed, and the result and the summary say that the session read its own rows.
    func testWithoutAReaderTheResultSaysRowsWereReadThroughTheSession() throws {
        let suite = ConformanceSuite { try self.hidingSession(self.freshPath()) }
        XCTAssertNoThrow(try suite.run(addColumns))
        let results = suite.runAll()
        let result = try XCTUnwrap(results.first { $0.scenario == addColumns.name })
        XCTAssertTrue(result.passed)
        XCTAssertNil(result.reader)
        XCTAssertTrue(result.readThroughSession)
        XCTAssertEqual(result.description, "✓ add columns keeps rows (rows read through the session under test)")
        let summary = ConformanceSuite.readBackSummary(results)
        XCTAssertTrue(summary.hasPrefix("⚠ "), summary)
        XCTAssertTrue(summary.contains("through the session under test"), summary)
        // A scenario that reads no rows is not marked.
        XCTAssertEqual(results.first { $0.scenario == "foreign key cycle" }?.readThroughSession, false)
    }

    func testRowsAreSeededAndReadThroughTheReader() throws {
        var readers: [RecordingReader] = []
        let suite = ConformanceSuite {
            let reader = RecordingReader(base: SQLite3Reader(path: self.freshPath()))
            readers.append(reader)
            return ConformanceTarget(session: try SQLiteConnector().connect(to: DatabaseURL(scheme: "sqlite", path: reader.base.path), options: .init()),
                                     reader: reader)
        }
        try suite.run(addColumns)
        let reader = try XCTUnwrap(readers.first)
        XCTAssertEqual(reader.statements.map { $0.hasPrefix("INSERT INTO \"items\"") }, [true, true], "\(reader.statements)")
        XCTAssertEqual(reader.queries, ["SELECT \"id\", \"code\", \"qty\", \"added_nullable\", \"added_default\" FROM \"items\" ORDER BY \"id\""])
    }

    func testTheSQLiteShellReaderKeepsNullEmptyAndText() throws {
        let reader = SQLite3Reader(path: freshPath())
        try reader.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, n NUMERIC)")
        try reader.execute("INSERT INTO t VALUES (1, NULL, '', 5.50), (2, 'NULL', 'two' || char(10) || 'lines', 3), (3, 'ünï''cödé', ' x ', NULL)")
        XCTAssertEqual(try reader.rows("SELECT a, b, n FROM t ORDER BY id"),
                       [[nil, "", "5.5"], ["NULL", "two\nlines", "3"], ["ünï'cödé", " x ", nil]])
        XCTAssertEqual(try reader.rows("SELECT b FROM t WHERE id = 1"), [[""]])
        XCTAssertEqual(try reader.rows("SELECT a FROM t WHERE id = 0"), [])
        XCTAssertThrowsError(try reader.rows("SELECT * FROM missing")) { error in
            XCTAssertTrue("\(error)".contains("no such table: missing"), "\(error)")
        }
        // Foreign keys are on, as in an application.
        try reader.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t (id))")
        XCTAssertThrowsError(try reader.execute("INSERT INTO c VALUES (1, 99)"))
    }

    /// The server readers pass the URL's parts as arguments and the password only in the
    /// environment (`PGPASSWORD`, `MYSQL_PWD`); a fake client records what it was given.
    func testServerReadersKeepThePasswordOutOfTheArguments() throws {
        let record = directory.appendingPathComponent("record").path
        let program = directory.appendingPathComponent("fake-client").path
        try """
            #!/bin/sh
            printf '%s\\n' "$@" > '\(record).args'
            printf '%s|%s' "${PGPASSWORD-unset}" "${MYSQL_PWD-unset}" > '\(record).env'
            """.write(toFile: program, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        func recorded() throws -> (args: [String], env: String) {
            (try String(contentsOfFile: record + ".args", encoding: .utf8).split(separator: "\n").map(String.init),
             try String(contentsOfFile: record + ".env", encoding: .utf8))
        }

        let pg = try DatabaseURL(parsing: "postgres://alice:s3cr%40t@db.example:6543/shop?sslmode=require")
        try PsqlReader(url: pg, program: program).execute("SELECT 1")
        var (args, env) = try recorded()
        XCTAssertFalse(args.contains { $0.contains("s3cr") }, "\(args)")
        for (flag, value) in [("-h", "db.example"), ("-p", "6543"), ("-U", "alice"), ("-d", "shop"), ("-c", "SELECT 1")] {
            XCTAssertEqual(args.firstIndex(of: flag).map { args[$0 + 1] }, value, "\(args)")
        }
        XCTAssertEqual(env, "s3cr@t|unset")

        let maria = try DatabaseURL(parsing: "mariadb://bob:pa%20ss@127.0.0.1:33069/app")
        try MariaDBClientReader(url: maria, program: program).execute("SELECT 1")
        (args, env) = try recorded()
        XCTAssertFalse(args.contains { $0.contains("pa ss") || $0.hasPrefix("-p") || $0.hasPrefix("--password") }, "\(args)")
        for (flag, value) in [("-h", "127.0.0.1"), ("-P", "33069"), ("-u", "bob"), ("-D", "app"), ("-e", "SELECT 1")] {
            XCTAssertEqual(args.firstIndex(of: flag).map { args[$0 + 1] }, value, "\(args)")
        }
        XCTAssertEqual(env, "unset|pa ss")
    }

    /// A client that is not installed is an error naming the Debian package, not a pass.
    func testAMissingClientIsAnErrorNamingItsPackage() {
        XCTAssertThrowsError(try SQLite3Reader(path: freshPath(), program: "sqlite3-not-installed").rows("SELECT 1")) { error in
            XCTAssertTrue("\(error)".contains("Debian package is sqlite3"), "\(error)")
        }
    }
}

/// Forwards to an ``SQLite3Reader`` and records what it was asked.
private final class RecordingReader: IndependentReader, @unchecked Sendable {
    let base: SQLite3Reader
    private(set) var queries: [String] = []
    private(set) var statements: [String] = []

    init(base: SQLite3Reader) { self.base = base }

    var name: String { "recording sqlite3" }
    func rows(_ sql: String) throws -> [[String?]] {
        queries.append(sql)
        return try base.rows(sql)
    }
    func execute(_ sql: String) throws {
        statements.append(sql)
        try base.execute(sql)
    }
}
