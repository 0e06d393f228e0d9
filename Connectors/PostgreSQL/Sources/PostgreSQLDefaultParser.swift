import Foundation
import SchemaSyncCore

/// Reads a default expression as PostgreSQL's catalog prints it (`pg_get_expr(adbin, adrelid)`)
/// into a neutral ``ColumnDefault``: casts the server adds are removed, literals become literals,
/// `CURRENT_TIMESTAMP` becomes the portable function.
///
/// Spellings the server keeps apart stay apart, so the database ends with the one declared:
/// `now()` is an expression (not `CURRENT_TIMESTAMP`), and so is a quoted number cast to a
/// numeric type that PostgreSQL would have printed bare (`'2'::bigint` is not `2`). A quoted
/// form PostgreSQL also prints for a bare number (`'-1'::integer`, `'5000000000'::bigint`) is
/// that number.
enum PostgreSQLDefaultParser {
    /// The neutral default for catalog text `text` on a column of type `type`.
    static func parse(_ text: String, type: DataType) -> ColumnDefault? {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        if isQuotedNumberSpelling(trimmed) { return .expression(trimmed) }
        let bare = stripCasts(trimmed)
        let lower = bare.lowercased()
        switch lower {
        // The server keeps no default for a bare `DEFAULT NULL`; one it printed (`NULL::character
        // varying`, stored for a type with a modifier) is kept as written so the table reads as declared.
        case "null": return .expression(trimmed)
        case "current_timestamp": return .function(.currentTimestamp)
        case "current_date": return .function(.currentDate)
        case "current_time": return .function(.currentTime)
        case "true" where type == .boolean || !bare.hasPrefix("'"): return .boolean(true)
        case "false" where type == .boolean || !bare.hasPrefix("'"): return .boolean(false)
        default: break
        }
        if let literal = unquote(bare) {
            if PostgreSQLTypeMapping.isNumericType(type), isNumber(literal) { return .number(literal) }
            if type == .boolean, let b = booleanLiteral(literal) { return .boolean(b) }
            return .string(literal)
        }
        if isNumber(bare) { return .number(bare) }
        let unwrapped = ExpressionText.stripOuterParentheses(bare)
        if unwrapped != bare, isNumber(unwrapped) { return .number(unwrapped) }
        return .expression(trimmed)
    }

    /// `'2'::bigint`, `'1.50'::numeric`: a non-negative number in quotes cast to a numeric type,
    /// which PostgreSQL prints only when it was written so (a bare `2` prints as `2`). Integers
    /// beyond the 32-bit range print quoted however written, so they are numbers.
    static func isQuotedNumberSpelling(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: quotedNumber) else { return false }
        let digits = String(match.output.1)
        if digits.contains(".") { return true }
        guard let value = Int64(digits) else { return false }
        return value <= Int64(Int32.max)
    }

    nonisolated(unsafe) private static let quotedNumber =
        /'([0-9]+(?:\.[0-9]+)?)'::(?:smallint|integer|bigint|numeric|real|double precision)/

    /// Removes trailing `::type` casts from a literal: `'a'::character varying` → `'a'`.
    static func stripCasts(_ text: String) -> String {
        var s = text
        while let range = trailingCast(in: s) {
            s = String(s[..<range.lowerBound])
            s = s.trimmingWhitespace()
            if s.hasPrefix("("), s.hasSuffix(")") {
                let inner = ExpressionText.stripOuterParentheses(s)
                if inner != s, unquote(inner) != nil || isNumber(inner) { s = inner }
            }
        }
        return s
    }

    /// The range of a final `::typename` suffix outside quotes, if any.
    private static func trailingCast(in s: String) -> Range<String.Index>? {
        var quote: Character?
        var depth = 0
        var lastCast: String.Index?
        var index = s.startIndex
        while index < s.endIndex {
            let ch = s[index]
            if let q = quote {
                if ch == q { quote = nil }
            } else if ch == "'" || ch == "\"" {
                quote = ch
            } else if ch == "(" {
                depth += 1
            } else if ch == ")" {
                depth -= 1
            } else if ch == ":", depth == 0, s.index(after: index) < s.endIndex, s[s.index(after: index)] == ":" {
                lastCast = index
                index = s.index(after: index)
            }
            index = s.index(after: index)
        }
        guard let lastCast else { return nil }
        let typeText = s[s.index(lastCast, offsetBy: 2)...]
        // Only a type name may follow: letters, digits, spaces, quotes, dots, (n,m) and [].
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " _.\"(),[]"))
        guard !typeText.isEmpty, typeText.unicodeScalars.allSatisfy({ allowed.contains($0) }) else { return nil }
        let head = s[..<lastCast].trimmingWhitespace()
        guard unquote(head) != nil || isNumber(head) || head.lowercased() == "null"
            || (head.hasPrefix("(") && head.hasSuffix(")")) else { return nil }
        return lastCast..<s.endIndex
    }

    /// `'it''s'` → `it's`; nil if `text` is not exactly one string literal (E'' strings included).
    static func unquote(_ text: String) -> String? {
        var body = Substring(text)
        var escapes = false
        if body.hasPrefix("E'") || body.hasPrefix("e'") {
            escapes = true
            body = body.dropFirst()
        }
        guard body.count >= 2, body.hasPrefix("'"), body.hasSuffix("'") else { return nil }
        let inner = body.dropFirst().dropLast()
        var out = ""
        var iterator = inner.makeIterator()
        while let ch = iterator.next() {
            if ch == "'" {
                guard iterator.next() == "'" else { return nil }
                out.append("'")
            } else if ch == "\\" && escapes {
                guard let next = iterator.next() else { return nil }
                switch next {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                default: out.append(next)
                }
            } else {
                out.append(ch)
            }
        }
        return out
    }

    static func isNumber(_ text: String) -> Bool {
        DecimalLiteral.matches(text, signs: [UInt8(ascii: "-")])
    }

    private static func booleanLiteral(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "t", "true", "y", "yes", "on", "1": return true
        case "f", "false", "n", "no", "off", "0": return false
        default: return nil
        }
    }
}
