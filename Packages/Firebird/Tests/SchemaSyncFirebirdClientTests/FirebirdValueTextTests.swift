@testable import SchemaSyncFirebirdClient
import XCTest

/// Value spelling and URL parsing, which need no server.
final class FirebirdValueTextTests: XCTestCase {
    func testScaledIntegers() {
        XCTAssertEqual(FirebirdValueText.scaledInteger(12345, scale: -2), "123.45")
        XCTAssertEqual(FirebirdValueText.scaledInteger(-5, scale: -3), "-0.005")
        XCTAssertEqual(FirebirdValueText.scaledInteger(0, scale: -2), "0.00")
        XCTAssertEqual(FirebirdValueText.scaledInteger(42, scale: 0), "42")
        XCTAssertEqual(FirebirdValueText.scaledInteger(7, scale: 2), "700")
        XCTAssertEqual(FirebirdValueText.scaledInteger(.min, scale: -4), "-922337203685477.5808")
    }

    func testDatesAndTimes() {
        XCTAssertEqual(FirebirdValueText.date(0), "1858-11-17")
        XCTAssertEqual(FirebirdValueText.date(40587), "1970-01-01")
        XCTAssertEqual(FirebirdValueText.date(60369), "2024-02-29")
        XCTAssertEqual(FirebirdValueText.date(-678_575), "0001-01-01")
        XCTAssertEqual(FirebirdValueText.time(0), "00:00:00.0000")
        XCTAssertEqual(FirebirdValueText.time(495_001_230), "13:45:00.1230")
        XCTAssertEqual(FirebirdValueText.timestamp(date: 40587, time: 863_999_999), "1970-01-01 23:59:59.9999")
    }

    func testEndpointReadsADirectoryURL() throws {
        let endpoint = try FirebirdEndpoint(url: "firebird://SYSDBA:p%40ss@127.0.0.1:30509//tmp/schemasync-firebird/data/")
        XCTAssertEqual(endpoint.user, "SYSDBA")
        XCTAssertEqual(endpoint.password, "p@ss")
        XCTAssertEqual(endpoint.port, 30509)
        XCTAssertEqual(endpoint.path, "/tmp/schemasync-firebird/data/")
        XCTAssertTrue(endpoint.isDirectory)
        XCTAssertEqual(endpoint.databasePath(named: "a"), "/tmp/schemasync-firebird/data/a.fdb")
        XCTAssertEqual(endpoint.connectionString(for: "/x/a.fdb"), "127.0.0.1/30509:/x/a.fdb")
        XCTAssertFalse(endpoint.description.contains("p@ss"))
    }

    func testEndpointReadsAnAliasAndDefaults() throws {
        let endpoint = try FirebirdEndpoint(url: "firebird://alice@db.example/employee")
        XCTAssertEqual(endpoint.path, "employee")
        XCTAssertEqual(endpoint.port, 3050)
        XCTAssertEqual(endpoint.password, "")
        XCTAssertFalse(endpoint.isDirectory)
        XCTAssertEqual(endpoint.connectionString(), "db.example/3050:employee")
    }

    func testEndpointErrorsHideThePassword() {
        for url in ["postgres://u:hunter2@h/db", "firebird://:hunter2@h/db", "firebird://u:hunter2@h:1"] {
            XCTAssertThrowsError(try FirebirdEndpoint(url: url)) { error in
                XCTAssertFalse("\(error)".contains("hunter2"), "\(error)")
            }
        }
    }
}
