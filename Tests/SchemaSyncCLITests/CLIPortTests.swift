import Foundation
import XCTest

/// A port that is 0, negative, above 65535 or not a number is refused (exit 5) before any
/// connection: drivers truncate ports to 16 bits, so 54329 + 65536 would reach the real server.
final class CLIPortTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    private let badPorts = ["0", "-1", "65536", "99999999999999999999", "abc", "54x", "+5432", " 5432"]

    func testBadPortsAreRefusedOnPostgreSQL() throws {
        let db = try ServerDatabase(.postgres)
        try check(db, wrapped: String(db.port + 65536))
        // A port given as a query parameter (passed to libpq) is checked too.
        let schema = try cli.write("p.yaml", "tables:\n  - name: probe\n    columns: [{ name: id, type: integer }]\n")
        for port in ["0", String(db.port + 65536), "x", "5432,119865"] {
            let result = try cli.run(["apply", "--url", db.url + "?port=\(port)", "--schema", schema])
            XCTAssertEqual(result.status, 5, "?port=\(port): \(result.stdout)\(result.stderr)")
            XCTAssertTrue(result.stderr.contains("invalid port"), result.stderr)
        }
        XCTAssertEqual(try db.query("SELECT count(*) FROM pg_class WHERE relname = 'probe'"), "0")
    }

    func testBadPortsAreRefusedOnMariaDB() throws {
        let db = try ServerDatabase(.mariadb)
        try check(db, wrapped: String(db.port + 65536))
        XCTAssertEqual(try db.query("SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"), "0")
    }

    private func check(_ db: ServerDatabase, wrapped: String) throws {
        let schema = try cli.write("probe.yaml", "tables:\n  - name: probe\n    columns: [{ name: id, type: integer }]\n")
        for port in badPorts + [wrapped] {
            let url = db.url(port: port)
            for command in [["apply", "--url", url, "--schema", schema], ["plan", "--url", url, "--schema", schema],
                            ["inspect", "--url", url]] {
                let result = try cli.run(command)
                XCTAssertEqual(result.status, 5, "\(command[0]) port \(port): \(result.stdout)\(result.stderr)")
                XCTAssertTrue(result.stderr.contains("invalid port"), "port \(port): \(result.stderr)")
                XCTAssertTrue(result.stderr.contains("1 to 65535"), result.stderr)
                XCTAssertFalse(result.stderr.contains("secret"), result.stderr)
            }
        }
        // The same URL with the real port works (the test would pass vacuously otherwise).
        XCTAssertEqual(try cli.run(["plan", "--url", db.url, "--schema", schema]).status, 0)
        let tables = db.engine == .postgres
            ? "SELECT count(*) FROM pg_class WHERE relname = 'probe'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
        XCTAssertEqual(try db.query(tables), "0", "a bad port reached the server")
    }
}
