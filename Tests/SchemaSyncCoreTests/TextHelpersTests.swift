import XCTest
@testable import SchemaSyncCore

/// The Foundation-free text helpers on the hot paths behave as the Foundation calls they replaced.
final class TextHelpersTests: XCTestCase {
    func testQuotingDoublesEveryQuoteScalarEvenWithACombiningMark() {
        XCTAssertEqual(SQLQuoting.enclosing("plain", in: "\""), "\"plain\"")
        XCTAssertEqual(SQLQuoting.enclosing("a\"b", in: "\""), "\"a\"\"b\"")
        XCTAssertEqual(SQLQuoting.enclosing("it's", in: "'"), "'it''s'")
        // `"` + U+0301 is one Character; the engine still sees a quote byte.
        let hostile = "x\"\u{301}; DROP TABLE t; --"
        let quoted = SQLQuoting.enclosing(hostile, in: "\"")
        XCTAssertEqual(quoted.unicodeScalars.filter { $0 == "\"" }.count, 4)
        XCTAssertEqual(quoted, "\"x\"\"\u{301}; DROP TABLE t; --\"")
    }

    func testTrimmingMatchesFoundation() {
        let samples = ["  a b  ", "\t x\t", "\n y \n", "\u{00A0}z\u{3000}", "", "   ", "\u{2028}w\r\n", "q"]
        for s in samples {
            XCTAssertEqual(s.trimmingWhitespace(), s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
            XCTAssertEqual(s.trimmingWhitespaceAndNewlines(), s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s.debugDescription)")
            XCTAssertEqual(s.trimmingNewlines(), s.trimmingCharacters(in: .newlines), "\(s.debugDescription)")
        }
        XCTAssertEqual("  sub  ".dropFirst().trimmingWhitespace(), "sub")
    }

    func testDecimalLiteralMatchesTheOldPattern() {
        let pattern = #"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"#
        for s in ["0", "42", "-1", "+1", "1.", "1.5", ".5", "1e3", "1E-3", "-.5e+2", "", ".", "+", "1e", "e3", "1.2.3", "0x10", " 1", "1 ", "1_000", "--1", "1e+", "inf", "NaN"] {
            let expected = s.range(of: pattern, options: .regularExpression) != nil
            XCTAssertEqual(DecimalLiteral.matches(s), expected, s)
        }
        XCTAssertFalse(DecimalLiteral.matches("١٢"), "only ASCII digits are SQL numbers")
        XCTAssertFalse(DecimalLiteral.matches("+1", signs: [UInt8(ascii: "-")]))
        XCTAssertTrue(DecimalLiteral.matches("-1", signs: [UInt8(ascii: "-")]))
    }

    func testAsciiLowercasingKeepsOtherCharacters() {
        XCTAssertEqual(IdentifierRules.asciiLowercased("Users_ÄÖ"), "users_ÄÖ")
        XCTAssertEqual(IdentifierRules.asciiLowercased("already"), "already")
    }
}
