import Foundation

/// Light, dialect-neutral normalisation of SQL expression text for comparisons:
/// case outside string literals, whitespace, and redundant outer parentheses.
public enum ExpressionText {
    /// `( Email <>  '' )` → `email<>''`: spaces are kept only between words. String literals and quoted identifiers keep their text.
    public static func normalized(_ text: String) -> String {
        var out = ""
        var quote: Character? = nil
        var pendingSpace = false
        for ch in text {
            if let q = quote {
                out.append(ch)
                if ch == q { quote = nil }
                continue
            }
            if ch == "'" || ch == "\"" || ch == "`" {
                if pendingSpace, let last = out.last, needsSpace(between: last, and: ch) { out.append(" ") }
                pendingSpace = false
                quote = ch
                out.append(ch)
                continue
            }
            if ch.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty, needsSpace(between: out.last!, and: ch) { out.append(" ") }
            pendingSpace = false
            out.append(contentsOf: ch.lowercased())
        }
        return stripOuterParentheses(out)
    }

    private static func needsSpace(between a: Character, and b: Character) -> Bool {
        isWordCharacter(a) && isWordCharacter(b)
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "'" || c == "\"" || c == "`"
    }

    /// Removes parentheses that wrap the whole expression, repeatedly.
    public static func stripOuterParentheses(_ text: String) -> String {
        var s = text
        while s.hasPrefix("("), s.hasSuffix(")"), wrapsWhole(s) {
            s = String(s.dropFirst().dropLast()).trimmingWhitespace()
        }
        return s
    }

    private static func wrapsWhole(_ s: String) -> Bool {
        var depth = 0
        var quote: Character? = nil
        for (i, ch) in s.enumerated() {
            if let q = quote {
                if ch == q { quote = nil }
                continue
            }
            if ch == "'" || ch == "\"" || ch == "`" { quote = ch; continue }
            if ch == "(" { depth += 1 }
            if ch == ")" {
                depth -= 1
                if depth == 0 && i != s.count - 1 { return false }
            }
        }
        return depth == 0
    }
}
