import SchemaSyncCore
import XCTest

final class InputEchoTests: XCTestCase {
    func testCutKeepsShortTextAndMarksLongText() {
        XCTAssertEqual(InputEcho.cut("users.email"), "users.email")
        let cut = InputEcho.cut(String(repeating: "x", count: 1000))
        XCTAssertTrue(cut.hasPrefix(String(repeating: "x", count: 200) + "…"), cut)
        XCTAssertTrue(cut.hasSuffix("(800 more characters)"), cut)
    }

    func testShortenCutsEchoedPiecesOnceAndLeavesTheRest() {
        let huge = String(repeating: "y", count: 5000)
        let line = "cannot open '\(huge) with spaces' near \(huge): driver said no"
        let short = InputEcho.shorten(line: line)
        XCTAssertLessThan(short.count, 600, short)
        XCTAssertTrue(short.hasPrefix("cannot open 'yyy"), short)
        XCTAssertTrue(short.hasSuffix(" driver said no"), short)
        let already = "path '\(InputEcho.cut(huge))' does not exist"
        XCTAssertEqual(InputEcho.shorten(line: already), already, "text cut once is not cut again")
    }
}
