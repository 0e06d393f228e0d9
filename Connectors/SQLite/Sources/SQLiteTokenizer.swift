/// Splits SQLite SQL into tokens, keeping each token's position so expression text can be
/// cut from the original verbatim. Handles quoted identifiers ("x", `x`, [x]), string
/// literals with doubled quotes, and both comment styles.
struct SQLiteTokenizer {
    enum Kind: Equatable { case word, quotedIdentifier, string, symbol }

    struct Token {
        let kind: Kind
        /// For identifiers the unquoted name; for words the text; for symbols the character.
        let value: String
        let range: Range<String.Index>
        /// Lower-cased `value` for unquoted words (keyword comparisons), else empty.
        let folded: String

        init(kind: Kind, value: String, range: Range<String.Index>) {
            self.kind = kind
            self.value = value
            self.range = range
            self.folded = kind == .word ? value.lowercased() : ""
        }

        /// True for an unquoted word equal (case-insensitively) to `keyword`, given in lower case.
        func isKeyword(_ keyword: String) -> Bool {
            kind == .word && folded == keyword
        }

        var isIdentifier: Bool { kind == .word || kind == .quotedIdentifier || kind == .string }
    }

    /// Identifier characters: ASCII letters, digits, `_`, `$`, and anything beyond ASCII.
    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x24: return true
        default: return c.value > 127
        }
    }

    static func tokenize(_ sql: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = sql.unicodeScalars
        var i = scalars.startIndex
        func at(_ j: String.Index) -> Unicode.Scalar? { j < scalars.endIndex ? scalars[j] : nil }
        func next(_ j: String.Index) -> String.Index { scalars.index(after: j) }
        while i < scalars.endIndex {
            let c = scalars[i]
            if c.value < 0x80 ? (c == " " || (c.value >= 0x09 && c.value <= 0x0D)) : c.properties.isWhitespace { i = next(i); continue }
            if c == "-", at(next(i)) == "-" {
                while i < scalars.endIndex, scalars[i] != "\n" { i = next(i) }
                continue
            }
            if c == "/", at(next(i)) == "*" {
                i = next(next(i))
                while i < scalars.endIndex, !(scalars[i] == "*" && at(next(i)) == "/") { i = next(i) }
                if i < scalars.endIndex { i = next(next(i)) }
                continue
            }
            let start = i
            if c == "'" || c == "\"" || c == "`" || c == "[" {
                let close: Unicode.Scalar = c == "[" ? "]" : c
                var value = String.UnicodeScalarView()
                i = next(i)
                while i < scalars.endIndex {
                    if scalars[i] == close {
                        if close != "]", at(next(i)) == close {
                            value.append(close)
                            i = next(next(i))
                            continue
                        }
                        break
                    }
                    value.append(scalars[i])
                    i = next(i)
                }
                if i < scalars.endIndex { i = next(i) }
                tokens.append(Token(kind: c == "'" ? .string : .quotedIdentifier, value: String(value), range: start..<i))
                continue
            }
            if isWordScalar(c) {
                let numeric = c.value >= 0x30 && c.value <= 0x39
                while i < scalars.endIndex, isWordScalar(scalars[i]) || (numeric && scalars[i] == ".") { i = next(i) }
                tokens.append(Token(kind: .word, value: String(sql[start..<i]), range: start..<i))
                continue
            }
            i = next(i)
            tokens.append(Token(kind: .symbol, value: String(c), range: start..<i))
        }
        return tokens
    }

    /// The index of the `)` matching the `(` at `open`, or nil.
    static func matchingParen(_ tokens: [Token], from open: Int) -> Int? {
        var depth = 0
        for k in open..<tokens.count where tokens[k].kind == .symbol {
            if tokens[k].value == "(" { depth += 1 }
            if tokens[k].value == ")" {
                depth -= 1
                if depth == 0 { return k }
            }
        }
        return nil
    }

    /// Splits `tokens[range]` at top-level commas.
    static func splitTopLevel(_ tokens: [Token], _ range: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var depth = 0
        var start = range.lowerBound
        for k in range where tokens[k].kind == .symbol {
            switch tokens[k].value {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0:
                parts.append(start..<k)
                start = k + 1
            default: break
            }
        }
        if start < range.upperBound { parts.append(start..<range.upperBound) }
        return parts
    }

    /// The original text covered by `tokens[range]`.
    static func text(_ sql: String, _ tokens: [Token], _ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return String(sql[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound])
    }
}
