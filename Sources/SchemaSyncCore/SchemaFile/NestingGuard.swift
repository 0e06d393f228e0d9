/// Rejects YAML/JSON nested deeper than any schema file needs, before the recursive YAML parser
/// sees it: thousands of `[` (or of indentation levels) would otherwise overflow the stack.
enum NestingGuard {
    /// Deepest flow nesting (`[`, `{`) accepted; schema files need about 6.
    static let maxFlowDepth = 128
    /// Longest run of indentation and block indicators (`- `, `? `) accepted at a line start.
    static let maxIndentation = 512

    /// The 1-based line of the first place nested too deeply, or nil.
    ///
    /// Scans UTF-8 bytes: every character it looks at is ASCII (and a multi-byte character never
    /// contains an ASCII byte), which keeps this pass over the whole file cheap.
    static func firstViolation(in text: String) -> Int? {
        var line = 1
        var depth = 0
        var quote: UInt8? = nil   // open quote character of a quoted scalar
        var inComment = false
        var atLineStart = true
        var indentation = 0
        var previous = UInt8(ascii: "\n")
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == UInt8(ascii: "\n") {
                line += 1
                atLineStart = true
                indentation = 0
                inComment = false
                continue
            }
            if inComment { continue }
            if let q = quote {
                if byte == q { quote = nil }
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") {
                    indentation += 1
                    if indentation > maxIndentation { return line }
                } else {
                    atLineStart = false
                }
            }
            switch byte {
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") || previous == UInt8(ascii: "\n"):
                inComment = true
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // Quotes open a scalar only where a scalar can start.
                if scalarCanStart(after: previous) { quote = byte }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxFlowDepth { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    private static func scalarCanStart(after byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"),
             UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"): return true
        default: return false
        }
    }
}
