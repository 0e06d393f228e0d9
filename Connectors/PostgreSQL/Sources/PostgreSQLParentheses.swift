import SchemaSyncCore

/// Removes parentheses that do not change an expression's meaning, for comparing PostgreSQL's
/// printings of one expression: PostgreSQL prints `x IN ('a','b')` on a varchar column as
/// `(x)::text = ANY ((ARRAY['a'::varchar, 'b'::varchar])::text[])`, and the same text read back
/// as `(x)::text = ANY (ARRAY[('a'::varchar)::text, ...])`. With the casts stripped, both become
/// `x = ANY (ARRAY['a', 'b'])` here.
///
/// Works on text already normalised by ``ExpressionText/normalized(_:)`` (lower case, compact).
/// Removes a pair around a single literal, name or number (not after a function name), and a
/// pair directly inside another pair (unless the inner one holds a list: `f((a, b))` is kept).
enum PostgreSQLParentheses {
    static func simplify(_ text: String) -> String {
        var reader = Reader(chars: Array(text))
        return reader.sequence()
    }

    private struct Reader {
        let chars: [Character]
        var i = 0

        /// Reads up to (not including) an unmatched `)` or the end.
        mutating func sequence() -> String {
            var out = ""
            while i < chars.count {
                let c = chars[i]
                if c == ")" { return out }
                if c == "'" || c == "\"" {
                    out += quoted(c)
                    continue
                }
                if c == "(" {
                    i += 1
                    let inner = sequence()
                    if i < chars.count { i += 1 } // the closing parenthesis
                    let isCall = out.last.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "\"" } ?? false
                    if !isCall, Self.isAtom(inner) {
                        out += inner
                    } else if ExpressionText.stripOuterParentheses(inner) != inner, !Self.hasTopLevelComma(inner) {
                        out += inner // ((x)) → (x)
                    } else {
                        out += "(" + inner + ")"
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
            return out
        }

        mutating func quoted(_ q: Character) -> String {
            var s = String(q)
            i += 1
            while i < chars.count {
                let c = chars[i]
                s.append(c)
                i += 1
                if c == q {
                    if i < chars.count, chars[i] == q { s.append(q); i += 1; continue }
                    break
                }
            }
            return s
        }

        /// A single literal, quoted name, or word/number (dots allowed: `t.col`).
        static func isAtom(_ s: String) -> Bool {
            guard let first = s.first else { return false }
            if first == "'" || first == "\"" {
                var reader = Reader(chars: Array(s))
                return reader.quoted(first).count == s.count
            }
            return s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "$" }
        }

        static func hasTopLevelComma(_ s: String) -> Bool {
            let body = Array(ExpressionText.stripOuterParentheses(s))
            var depth = 0
            var quote: Character? = nil
            for c in body {
                if let q = quote { if c == q { quote = nil }; continue }
                if c == "'" || c == "\"" { quote = c; continue }
                if c == "(" || c == "[" { depth += 1 }
                if c == ")" || c == "]" { depth -= 1 }
                if c == ",", depth == 0 { return true }
            }
            return false
        }
    }
}
