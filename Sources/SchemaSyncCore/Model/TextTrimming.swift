/// Whitespace trimming without Foundation's `NSString` bridging, which dominated catalog
/// inspection profiles (every type name, default and definition line went through it).
///
/// The character sets match Foundation's: `.whitespaces` is tab plus the Unicode space
/// separators (category Zs); `.newlines` is U+000A–U+000D, U+0085, U+2028 and U+2029.
extension StringProtocol {
    /// `self` without leading and trailing tabs and spaces (Foundation's `.whitespaces`).
    public func trimmingWhitespace() -> String { trimming(TextTrimming.isWhitespace) }

    /// `self` without leading and trailing whitespace and line breaks (`.whitespacesAndNewlines`).
    public func trimmingWhitespaceAndNewlines() -> String {
        trimming { TextTrimming.isWhitespace($0) || TextTrimming.isNewline($0) }
    }

    /// `self` without leading and trailing line breaks (Foundation's `.newlines`).
    public func trimmingNewlines() -> String { trimming(TextTrimming.isNewline) }

    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, drop(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard drop(scalars[before]) else { break }
            end = before
        }
        return String(self[start..<end]) // unicode-scalar indices are String indices
    }
}

enum TextTrimming {
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09: return true
        case 0..<0x80: return false
        default: return s.properties.generalCategory == .spaceSeparator
        }
    }

    static func isNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
