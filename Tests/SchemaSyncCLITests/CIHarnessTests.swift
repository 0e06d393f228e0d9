import Foundation
import SchemaSyncConformance
import XCTest

/// The test harness itself: server tests fail (not skip) under CI, and CI's counting scripts
/// add up every test.
final class CIHarnessTests: XCTestCase {
    private var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    func testCIValuesThatRequireServers() {
        for value in ["true", "1", "yes", "TRUE", "github", "woodpecker"] {
            XCTAssertTrue(CIEnvironment.isCI(value), value)
        }
        for value in [nil, "", " ", "0", "false", "FALSE", "False"] as [String?] {
            XCTAssertFalse(CIEnvironment.isCI(value), value ?? "unset")
        }
    }

    /// Runs one server test in a child test process without its server URL: it must fail
    /// under any CI value and skip otherwise.
    func testServerTestsFailInsteadOfSkippingUnderCI() throws {
        let cases = [
            ("SchemaSyncPostgreSQLTests.PostgreSQLApplyTests/testExampleSchemaAppliesAndReplanIsEmpty", "SCHEMASYNC_POSTGRES_URL"),
            ("SchemaSyncMariaDBTests.MariaDBApplyTests/testExampleSchemaAppliesAndSecondPlanIsEmpty", "SCHEMASYNC_MARIADB_URL"),
        ]
        for (test, variable) in cases {
            for ci in ["1", "yes", "true"] {
                let result = try runTestBundle(test, environment: ["CI": ci], removing: variable)
                XCTAssertNotEqual(result.status, 0, "\(test) with CI=\(ci) passed: \(result.output)")
                XCTAssertTrue(result.output.contains("' failed"), "\(test) with CI=\(ci): \(result.output)")
                XCTAssertFalse(result.output.contains("' skipped"), "\(test) with CI=\(ci): \(result.output)")
            }
            for ci in ["0", "false", ""] {
                let result = try runTestBundle(test, environment: ["CI": ci], removing: variable)
                XCTAssertEqual(result.status, 0, "\(test) with CI=\(ci): \(result.output)")
                XCTAssertTrue(result.output.contains("' skipped"), "\(test) with CI=\(ci): \(result.output)")
            }
        }
    }

    /// integration/test-counts-selftest.sh: the XCTest/Swift Testing counting, the matrix's
    /// counters and .ci/run's sum, over fake logs and fake runners.
    func testCICountingScripts() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", repository.appendingPathComponent("integration/test-counts-selftest.sh").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
        XCTAssertTrue(output.hasSuffix(" passed, 0 failed\n"), output)
    }

    private func runTestBundle(_ test: String, environment: [String: String], removing variable: String) throws
        -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = [test]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: variable)
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
