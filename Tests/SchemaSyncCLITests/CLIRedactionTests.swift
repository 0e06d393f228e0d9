import Foundation
import XCTest

/// A password given as a query parameter is redacted without hiding the error's cause.
final class CLIRedactionTests: XCTestCase {
    var cli: CLIRunner!

    override func setUpWithError() throws { cli = try CLIRunner() }

    func testQueryPasswordKeepsTheCauseOnPostgreSQL() throws {
        let db = try ServerDatabase(.postgres)
        let bad = "postgres://schemasync_no_such_role@\(db.host):\(db.port)/\(db.name)"
        for query in ["?password=Hunter2-secret", "?sslmode=disable&password=Hunter2-secret", "?password=Hunter2-secret&application_name=x"] {
            let result = try cli.run(["inspect", "--url", bad + query])
            XCTAssertEqual(result.status, 6, result.stderr)
            XCTAssertFalse((result.stdout + result.stderr).contains("Hunter2"), result.stderr)
            XCTAssertTrue(result.stderr.contains("password=***"), result.stderr)
            XCTAssertTrue(result.stderr.contains("schemasync_no_such_role\" does not exist"), "the cause is kept: \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("(check that the server runs"), "the hint is kept: \(result.stderr)")
        }
    }

    func testQueryPasswordKeepsTheCauseOnMariaDB() throws {
        let db = try ServerDatabase(.mariadb)
        let result = try cli.run(["inspect", "--url", "mariadb://schemasync@\(db.host):\(db.port)/\(db.name)?password=Hunter2-secret"])
        XCTAssertEqual(result.status, 5, result.stderr)
        XCTAssertFalse(result.stderr.contains("Hunter2"), result.stderr)
        XCTAssertTrue(result.stderr.contains("unknown parameter 'password'"), "the cause is kept: \(result.stderr)")
    }

    func testRawURLsInParseErrorsHideTheWholeQuery() throws {
        for url in ["postgres://u@h:x/db?password=Hunter2 secret", "postgres://u@h:x/db?a=1&PASS='Hunter2'x",
                    "postgres://u@h:99999/db?sslpassword=\"Hunter2\" more"] {
            let result = try cli.run(["inspect", "--url", url])
            XCTAssertEqual(result.status, 5, result.stderr)
            XCTAssertFalse(result.stderr.contains("Hunter2"), result.stderr)
            XCTAssertFalse(result.stderr.contains("secret") || result.stderr.contains("more"), result.stderr)
            XCTAssertTrue(result.stderr.contains("invalid port"), result.stderr)
        }
    }
}
