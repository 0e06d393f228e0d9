/// A SQL script split into statements the way the dialect's own client splits it: at the
/// statement terminator outside strings, quoted names, dollar quotes and comments, following
/// the terminator directives (`DELIMITER`, `SET TERM`) and leaving out client meta-commands.
///
/// The dialect supplies only its lexical rules (``SQLScriptSyntax``); each statement keeps its
/// tokens, so a connector rewrites what it must (a schema qualifier, a keyword its scratch copy
/// cannot run) without lexing again.
/// ```swift
/// let script = SQLScript("CREATE TABLE t (s text DEFAULT 'a;b'); -- done;", syntax: .standard)
/// script.statements.map(\.sql)          // ["CREATE TABLE t (s text DEFAULT 'a;b')"]
/// script.statements[0].leadingWords     // ["create", "table", "t"]
/// ```
/// Statements holding nothing but whitespace and comments are left out and get no number.
/// Unterminated quotes, comments and dollar quotes run to the end of the script (the engine
/// then refuses the statement): nothing is dropped silently. CRLF line breaks read as LF ones.
public struct SQLScript: Sendable {
    /// One statement, without its terminator.
    public struct Statement: Equatable, Sendable {
        /// The statement's position in the script, from 1.
        public var number: Int
        /// The statement as written, leading and trailing whitespace and comments included.
        public var tokens: [SQLToken]

        public init(number: Int, tokens: [SQLToken]) {
            self.number = number
            self.tokens = tokens
        }

        /// The statement's text, without the whitespace around it.
        public var sql: String { rewritten { $1.text } }

        /// The first words, lower-cased (`["create", "unique", "index"]`), at most three: the
        /// unquoted words before anything else that is not whitespace or a comment.
        public var leadingWords: [String] {
            var words: [String] = []
            for token in tokens where token.isSignificant {
                guard token.kind == .word, words.count < 3 else { break }
                words.append(token.text.lowercased())
            }
            return words
        }

        /// The statement's text with each token replaced by what `rewrite` returns for it
        /// (given its index in ``tokens``), without the whitespace around it.
        public func rewritten(_ rewrite: (_ index: Int, _ token: SQLToken) -> String) -> String {
            var text = ""
            for (index, token) in tokens.enumerated() { text += rewrite(index, token) }
            return text.trimmingWhitespaceAndNewlines()
        }
    }

    /// The statements, in script order.
    public let statements: [Statement]

    /// Splits `text` by the rules of `syntax`.
    public init(_ text: String, syntax: SQLScriptSyntax) {
        var lexer = SQLScriptLexer(text: Array(text.unicodeScalars), syntax: syntax)
        statements = lexer.statements()
    }
}
