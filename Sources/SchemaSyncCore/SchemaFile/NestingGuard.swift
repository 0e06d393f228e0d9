/// Rejects YAML/JSON nested deeper than any schema file needs, before the recursive YAML parser
/// sees it: thousands of `[` (or of indentation levels) would otherwise overflow the stack.
enum NestingGuard {
    /// Deepest flow nesting (`[`, `{`) accepted; schema files need about 6.
    static let maxFlowDepth = 128
    /// Longest run of indentation and block indicators (`- `, `? `) accepted at a line start.
    static let maxIndentation = 512

    /// The 1-based line of the first place nested too deeply, or nil.
    static func firstViolation(in text: String) -> Int? {
        var line = 1
        var depth = 0
        var quote: Character? = nil   // open quote character of a quoted scalar
        var inComment = false
        var atLineStart = true
        var indentation = 0
        var previous: Character = "\n"
        for ch in text {
            defer { previous = ch }
            if ch == "\n" {
                line += 1
                atLineStart = true
                indentation = 0
                inComment = false
                continue
            }
            if inComment { continue }
            if let q = quote {
                if ch == q { quote = nil }
                continue
            }
            if atLineStart {
                if ch == " " || ch == "\t" || ch == "-" || ch == "?" {
                    indentation += 1
                    if indentation > maxIndentation { return line }
                } else {
                    atLineStart = false
                }
            }
            switch ch {
            case "#" where previous == " " || previous == "\t" || previous == "\n":
                inComment = true
            case "'", "\"":
                // Quotes open a scalar only where a scalar can start.
                if "[{,:- \t\n".contains(previous) { quote = ch }
            case "[", "{":
                depth += 1
                if depth > maxFlowDepth { return line }
            case "]", "}":
                depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
