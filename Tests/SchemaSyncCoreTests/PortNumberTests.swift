import SchemaSyncCore
import XCTest

final class PortNumberTests: XCTestCase {
    func testValidPortsParse() throws {
        XCTAssertEqual(try DatabaseURL(parsing: "postgres://u:p@h:1/db").port, 1)
        XCTAssertEqual(try DatabaseURL(parsing: "postgres://u:p@h:65535/db").port, 65535)
        XCTAssertEqual(try DatabaseURL(parsing: "mariadb://u:p%40x@[::1]:3307/db").port, 3307)
        XCTAssertEqual(try DatabaseURL(parsing: "mariadb://u:p%3A1@h/db").port, nil)
        XCTAssertEqual(try DatabaseURL(parsing: "postgres://h:/db").port, nil, "an empty port is the default")
        XCTAssertEqual(try DatabaseURL(parsing: "postgres://[::1]/db").host, "[::1]")
    }

    func testBadPortsAreInvalidURLs() {
        for url in ["postgres://u:secret@h:0/db", "postgres://u:secret@h:65536/db", "postgres://u:secret@h:119865/db",
                    "postgres://u:secret@h:-1/db", "postgres://u:secret@h:abc/db", "mariadb://u:secret@[::1]:70000/db",
                    "mariadb://u:secret@[::1]x/db", "mariadb://h:99999999999999999999999/db", "mariadb://h:٣٣٠٦/db"] {
            XCTAssertThrowsError(try DatabaseURL(parsing: url), url) { error in
                let e = error as? SchemaSyncError
                XCTAssertEqual(e?.code, .invalidURL, url)
                XCTAssertTrue(e?.message.contains("invalid port") ?? false, "\(url): \(error)")
                XCTAssertFalse("\(error)".contains("secret"), "\(url): \(error)")
            }
        }
    }
}
