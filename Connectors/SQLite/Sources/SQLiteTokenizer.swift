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

        /// True for an unquoted word equal (case-insensitively) to `keyword`.
        func isKeyword(_ keyword: String) -> Bool {
            kind == .word && value.caseInsensitiveCompare(keyword) == .orderedSame
        }

        var isIdentifier: Bool { kind == .word || kind == .quotedIdentifier || kind == .string }
    }

    static func tokenize(_ sql: String) -> [Token] {
        var tokens: [Token] = []
        var i = sql.startIndex
        func peek(_ offset: Int = 0) -> Character? {
            var j = i
            for _ in 0..<offset { guard j < sql.endIndex else { return nil }; j = sql.index(after: j) }
            return j < sql.endIndex ? sql[j] : nil
        }
        while i < sql.endIndex {
            let c = sql[i]
            if c.isWhitespace { i = sql.index(after: i); continue }
            if c == "-", peek(1) == "-" {
                while i < sql.endIndex, sql[i] != "\n" { i = sql.index(after: i) }
                continue
            }
            if c == "/", peek(1) == "*" {
                i = sql.index(i, offsetBy: 2)
                while i < sql.endIndex, !(sql[i] == "*" && peek(1) == "/") { i = sql.index(after: i) }
                i = i < sql.endIndex ? sql.index(i, offsetBy: 2, limitedBy: sql.endIndex) ?? sql.endIndex : i
                continue
            }
            let start = i
            if c == "'" || c == "\"" || c == "`" || c == "[" {
                let close: Character = c == "[" ? "]" : c
                var value = ""
                i = sql.index(after: i)
                while i < sql.endIndex {
                    if sql[i] == close {
                        if close != "]", peek(1) == close {
                            value.append(close)
                            i = sql.index(i, offsetBy: 2)
                            continue
                        }
                        break
                    }
                    value.append(sql[i])
                    i = sql.index(after: i)
                }
                if i < sql.endIndex { i = sql.index(after: i) }
                tokens.append(Token(kind: c == "'" ? .string : .quotedIdentifier, value: value, range: start..<i))
                continue
            }
            if c.isLetter || c.isNumber || c == "_" || c == "$" || c.unicodeScalars.first!.value > 127 {
                while i < sql.endIndex, sql[i].isLetter || sql[i].isNumber || sql[i] == "_" || sql[i] == "$"
                    || sql[i].unicodeScalars.first!.value > 127 || (sql[i] == "." && sql[start].isNumber) {
                    i = sql.index(after: i)
                }
                tokens.append(Token(kind: .word, value: String(sql[start..<i]), range: start..<i))
                continue
            }
            i = sql.index(after: i)
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
