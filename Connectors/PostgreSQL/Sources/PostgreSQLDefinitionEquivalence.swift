import Foundation
import SchemaSyncCore

extension PostgreSQLDialect {
    /// PostgreSQL does not always print an expression the same way once it has re-read its own
    /// output: `status IN ('a')` on a varchar column prints as `ARRAY['a'::character varying]::text[]`
    /// and, created again from that text, as `ARRAY['a'::character varying::text]`. Two
    /// definitions that differ only in such casts (and in white space) mean the same; anything
    /// else — a method, an operator class, INCLUDE, an option, an operator — still differs.
    /// Also the same: `now()` and `CURRENT_TIMESTAMP` (one function), and a number written as a
    /// quoted literal cast to a numeric type (`'0'::bigint`) and the number; a boolean storage
    /// parameter spelled `on` / `yes` and `true` (`off` / `no` and `false`).
    public func definitionsEquivalent(_ a: String, _ b: String) -> Bool {
        Self.canonicalSpelling(a) == Self.canonicalSpelling(b)
    }

    static func canonicalSpelling(_ text: String) -> String {
        var s = text.replacingOccurrences(of: #"'(-?[0-9]+(\.[0-9]+)?)'::(smallint|integer|bigint|numeric|real|double precision)"#,
                                          with: "$1", options: .regularExpression)
        s = s.replacingOccurrences(of: "DEFAULT now()", with: "DEFAULT CURRENT_TIMESTAMP")
        // A boolean storage parameter is kept as written (`deduplicate_items='on'`); on/yes and
        // off/no are true and false to the server.
        s = s.replacingOccurrences(of: #"([(,] ?[a-z_][a-z0-9_.]*)='(on|yes)'"#, with: "$1='true'", options: .regularExpression)
        s = s.replacingOccurrences(of: #"([(,] ?[a-z_][a-z0-9_.]*)='(off|no)'"#, with: "$1='false'", options: .regularExpression)
        return withoutCasts(s)
    }

    private static let castPattern = #"::(\"[^\"]+\"|[a-z_][a-z0-9_]*)(\.(\"[^\"]+\"|[a-z_][a-z0-9_]*))?"#
        + #"( (varying|precision|with time zone|without time zone))?(\([0-9, ]+\))?(\[\])*"#

    static func withoutCasts(_ text: String) -> String {
        var result = ""
        var inString = false
        var chunk = ""
        func flush() {
            result += inString ? chunk : chunk.replacingOccurrences(of: castPattern, with: "", options: .regularExpression)
            chunk = ""
        }
        // Casts are removed outside string literals only.
        for character in text {
            if character == "'" {
                if !inString { flush(); inString = true; chunk.append(character); continue }
                chunk.append(character)
                flush()
                inString = false
                continue
            }
            chunk.append(character)
        }
        flush()
        return result.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            .replacingOccurrences(of: "( ", with: "(").replacingOccurrences(of: " )", with: ")")
    }
}
