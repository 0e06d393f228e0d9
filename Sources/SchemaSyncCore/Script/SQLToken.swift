/// One lexical piece of a statement as ``SQLScript`` reads it: joining the ``text`` of a
/// statement's tokens gives the statement back exactly as written.
///
/// Connectors rewrite statements token by token (a schema qualifier, a keyword dropped, a
/// comment removed) instead of lexing the text a second time.
public struct SQLToken: Equatable, Sendable {
    /// What a token is.
    public enum Kind: Equatable, Sendable {
        /// An unquoted keyword or name: a letter, `_` or non-ASCII character, then also digits and `$`.
        case word
        /// A run starting with a digit (`42`, `1e5`; `1.5` is a number, a `.` symbol and a number).
        case number
        /// Text between the quote characters whose opening character is given, quotes included,
        /// with an `E` prefix when the syntax has escape strings (`E'it\'s'`). Whether it is a
        /// string or a name is the dialect's to say.
        case quoted(Character)
        /// A PostgreSQL dollar-quoted string, tags included (`$body$ ... $body$`).
        case dollarQuoted
        /// A comment to the end of its line (the line break is not part of it).
        case lineComment
        /// A `/* ... */` comment.
        case blockComment
        /// A block comment the engine runs as SQL (MySQL's `/*!40101 SET NAMES utf8 */`).
        case executableComment
        /// A run of whitespace, line breaks included.
        case whitespace
        /// Any other single character (`(`, `.`, `,`, ...).
        case symbol
    }

    public var kind: Kind
    /// The token as written.
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// Everything but whitespace and comments (an executable comment is significant).
    public var isSignificant: Bool {
        switch kind {
        case .whitespace, .lineComment, .blockComment: return false
        default: return true
        }
    }

    /// For a ``Kind/quoted(_:)`` token, the text between its quotes with doubled closing quotes
    /// made single (`"a""b"` → `a"b`); backslash escapes are left as written. An unterminated
    /// token has no closing quote to drop. Nil for other kinds.
    /// - Parameter close: the closing quote character, when it differs from the opening one.
    public func unquoted(close: Character? = nil) -> String? {
        guard case .quoted(let open) = kind, let start = text.firstIndex(of: open) else { return nil }
        let closing = close ?? open
        var body = Substring(text[text.index(after: start)...])
        // The last character closes the token unless it is the second of a doubled quote.
        var trailing = 0
        for ch in body.reversed() { if ch == closing { trailing += 1 } else { break } }
        if trailing % 2 == 1 { body = body.dropLast() }
        return body.replacingOccurrences(of: String([closing, closing]), with: String(closing))
    }
}
