/// The lexical rules of a dialect's SQL scripts, as ``SQLScript`` needs them to find where
/// statements end: quotes, comments, and the client-side directives a script may hold.
///
/// The core knows no dialect: each connector describes its own, starting from ``standard``.
/// ```swift
/// var syntax = SQLScriptSyntax.standard
/// syntax.quotes.append(.init("`", backslashEscapes: false))
/// syntax.lineComments = [.init("--", needsWhitespaceAfter: true), .init("#")]
/// syntax.terminatorDirective = .line(keyword: "delimiter")
/// ```
public struct SQLScriptSyntax: Sendable {
    /// A pair of quote characters. The closing one, doubled, stands for itself inside.
    public struct Quote: Sendable {
        public var open: Character
        public var close: Character
        /// Whether a backslash escapes the next character (`'it\'s'`).
        public var backslashEscapes: Bool

        public init(_ open: Character, close: Character? = nil, backslashEscapes: Bool = false) {
            self.open = open
            self.close = close ?? open
            self.backslashEscapes = backslashEscapes
        }
    }

    /// A comment that runs to the end of its line.
    public struct LineComment: Sendable {
        public var opener: String
        /// Whether the opener counts only when whitespace or the end of the script follows it
        /// (MySQL's `-- `; `--x` is two minus signs).
        public var needsWhitespaceAfter: Bool

        public init(_ opener: String, needsWhitespaceAfter: Bool = false) {
            self.opener = opener
            self.needsWhitespaceAfter = needsWhitespaceAfter
        }
    }

    /// How `/* ... */` comments behave.
    public enum BlockComments: Sendable {
        /// `/*` is not a comment.
        case none
        /// The first `*/` ends the comment.
        case flat
        /// `/*` inside a comment opens another, which needs its own `*/` (PostgreSQL).
        case nested
    }

    /// A client-side directive that changes the statement terminator, so that bodies holding
    /// `;` (procedures, triggers) can be written. It is not a statement and gets no number.
    public enum TerminatorDirective: Sendable {
        /// A line `KEYWORD new-terminator` at the start of a statement, ending at the line break
        /// (MySQL's `DELIMITER //` ... `DELIMITER ;`). Its keyword is compared lower-cased.
        case line(keyword: String)
        /// A statement `WORDS new-terminator`, ended by the current terminator (Firebird's
        /// `SET TERM ^ ;` ... `SET TERM ; ^`). Its words are compared lower-cased.
        case statement(words: [String])
    }

    /// The quote pairs of strings and quoted names.
    public var quotes: [Quote]
    /// `E'...'` strings, in which a backslash escapes (PostgreSQL).
    public var escapeStrings = false
    /// `$tag$ ... $tag$` strings (PostgreSQL); `$1` is not one.
    public var dollarQuotes = false
    public var lineComments: [LineComment]
    public var blockComments: BlockComments
    /// The character after `/*` that makes a block comment SQL the engine runs (`!` on MySQL).
    public var executableCommentMarker: Character? = nil
    /// Lines starting with a backslash are client commands, left out (psql's `\connect`).
    public var metaCommandLines = false
    /// The terminator a script starts with.
    public var terminator = ";"
    public var terminatorDirective: TerminatorDirective? = nil

    public init(quotes: [Quote], lineComments: [LineComment], blockComments: BlockComments) {
        self.quotes = quotes
        self.lineComments = lineComments
        self.blockComments = blockComments
    }

    /// Standard SQL: `'strings'`, `"names"`, `--` and `/* */` comments, statements ending at `;`.
    public static let standard = SQLScriptSyntax(quotes: [Quote("'"), Quote("\"")], lineComments: [LineComment("--")],
                                                 blockComments: .flat)
}
