import Foundation

/// PostgreSQL prints `status IN ('a', 'b')` on a `varchar` column as
/// `(status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])`, and
/// that text, run again, is stored differently (`ARRAY[('a'::character varying)::text, ...]`).
/// Creating a check or index predicate from the printed form would leave the database different
/// from a schema created by hand, so the renderer writes such lists back as `IN` / `NOT IN`,
/// which PostgreSQL stores exactly as it printed them.
enum PostgreSQLInListSpelling {
    static func restoringInLists(_ expression: String) -> String {
        guard expression.contains("::text[]") else { return expression }
        return patterns.reduce(expression) { text, pattern in replacing(pattern, in: text) }
    }

    private static func replacing(_ pattern: NSRegularExpression, in expression: String) -> String {
        let text = expression as NSString
        var result = ""
        var last = 0
        for match in pattern.matches(in: expression, range: NSRange(location: 0, length: text.length)) {
            let column = text.substring(with: match.range(at: 1))
            let negated = text.substring(with: match.range(at: 2)) == "<>"
            let items = text.substring(with: match.range(at: 3))
                .replacingOccurrences(of: "::character varying", with: "")
            result += text.substring(with: NSRange(location: last, length: match.range.location - last))
            result += "(\(column) \(negated ? "NOT IN" : "IN") (\(items)))"
            last = match.range.location + match.range.length
        }
        guard last > 0 else { return expression }
        return result + text.substring(from: last)
    }

    private static let column = #"([a-z_][a-z0-9_$]*|"(?:[^"]|"")+")"#
    private static let literal = #"'(?:[^']|'')*'::character varying"#
    private static let items = "(" + literal + "(?:, " + literal + ")*)"
    /// The plain form (`pg_get_constraintdef(oid)`) and the pretty one (`pg_get_expr(..., true)`).
    nonisolated(unsafe) private static let patterns = [
        try! NSRegularExpression(pattern: #"\("# + column + #"\)::text (=|<>) (?:ANY|ALL) \(\(ARRAY\["# + items + #"\]\)::text\[\]\)"#),
        try! NSRegularExpression(pattern: #"(?<![\w.")$])"# + column + #"::text (=|<>) (?:ANY|ALL) \(ARRAY\["# + items + #"\]::text\[\]\)"#),
    ]
}
