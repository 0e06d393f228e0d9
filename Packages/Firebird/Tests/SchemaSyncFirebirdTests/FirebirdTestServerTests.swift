import XCTest

/// A missing `SCHEMASYNC_FIREBIRD_URL` skips the server tests with a message naming it, and
/// fails them under CI.
final class FirebirdTestServerTests: XCTestCase {
    func testMissingURLSkipsWithTheVariableNamed() {
        XCTAssertThrowsError(try FirebirdTestServer.directoryURL(environment: [:])) { error in
            guard let skip = error as? XCTSkip else { return XCTFail("expected a skip, got \(error)") }
            XCTAssertTrue("\(skip)".contains("SCHEMASYNC_FIREBIRD_URL"), "\(skip)")
        }
    }

    func testMissingURLFailsUnderCI() {
        XCTAssertThrowsError(try FirebirdTestServer.directoryURL(environment: ["CI": "true"])) { error in
            guard let missing = error as? MissingFirebirdServer else { return XCTFail("expected a failure, got \(error)") }
            XCTAssertTrue(missing.message.contains("SCHEMASYNC_FIREBIRD_URL"))
        }
    }
}
