/// Reads a script a token at a time for ``SQLScript``, ending statements at the terminator.
struct SQLScriptLexer {
    private let text: [Unicode.Scalar]
    private let syntax: SQLScriptSyntax
    private var i = 0
    private var terminator: [Unicode.Scalar]
    /// The tokens of the statement being read.
    private var tokens: [SQLToken] = []
    private var done: [SQLScript.Statement] = []

    init(text: [Unicode.Scalar], syntax: SQLScriptSyntax) {
        self.text = text
        self.syntax = syntax
        terminator = Array(syntax.terminator.unicodeScalars)
    }

    mutating func statements() -> [SQLScript.Statement] {
        while i < text.count {
            if matches(terminator, at: i) {
                i += terminator.count
                finishStatement()
            } else {
                readToken()
            }
        }
        finishStatement()
        return done
    }

    private mutating func readToken() {
        let c = text[i]
        if syntax.metaCommandLines, c == "\\", i == 0 || text[i - 1] == "\n" {
            i = endOfLine(from: i) // a client command: not SQL, not part of any statement
        } else if isLineCommentStart(at: i) {
            take(.lineComment, to: endOfLine(from: i))
        } else if syntax.blockComments != .none, c == "/", at(i + 1) == "*" {
            blockComment()
        } else if let quote = syntax.quotes.first(where: { $0.open.unicodeScalars.elementsEqual([c]) }) {
            take(.quoted(quote.open), to: endOfQuoted(from: i + 1, quote))
        } else if syntax.dollarQuotes, c == "$", let tag = dollarTag(at: i) {
            take(.dollarQuoted, to: endOfDollarQuoted(tag))
        } else if syntax.escapeStrings, c == "E" || c == "e", at(i + 1) == "'" {
            take(.quoted("'"), to: endOfQuoted(from: i + 2, .init("'", backslashEscapes: true)))
        } else if Self.isWordStart(c) {
            if !lineDirective() { take(.word, to: endOfWord(from: i)) }
        } else if c.properties.isWhitespace {
            var j = i
            while j < text.count, text[j].properties.isWhitespace { j += 1 }
            take(.whitespace, to: j)
        } else if ("0"..."9").contains(c) {
            take(.number, to: endOfWord(from: i))
        } else {
            take(.symbol, to: i + 1)
        }
    }

    private mutating func take(_ kind: SQLToken.Kind, to end: Int) {
        let end = min(max(end, i + 1), text.count)
        tokens.append(SQLToken(kind, String(String.UnicodeScalarView(text[i..<end]))))
        i = end
    }

    private mutating func finishStatement() {
        defer { tokens = [] }
        guard tokens.contains(where: \.isSignificant), !statementDirective() else { return }
        done.append(SQLScript.Statement(number: done.count + 1, tokens: tokens))
    }

    // MARK: terminator directives

    /// At a word: a `DELIMITER x` line, when it opens a statement. Reads it and returns true.
    private mutating func lineDirective() -> Bool {
        guard case .line(let keyword) = syntax.terminatorDirective, !tokens.contains(where: \.isSignificant) else { return false }
        let wordEnd = endOfWord(from: i)
        guard String(String.UnicodeScalarView(text[i..<wordEnd])).lowercased() == keyword.lowercased(),
              at(wordEnd) == " " || at(wordEnd) == "\t" else { return false }
        var start = wordEnd
        while at(start) == " " || at(start) == "\t" { start += 1 }
        var end = start
        while end < text.count, !text[end].properties.isWhitespace { end += 1 }
        guard end > start else { return false }
        terminator = Array(text[start..<end])
        i = endOfLine(from: end)
        return true
    }

    /// At the end of a statement: whether it is a `SET TERM x` statement (now read).
    private mutating func statementDirective() -> Bool {
        guard case .statement(let words) = syntax.terminatorDirective, !words.isEmpty else { return false }
        let significant = tokens.enumerated().filter { $0.element.isSignificant }
        guard significant.count > words.count,
              zip(significant, words).allSatisfy({ $0.0.element.kind == .word && $0.0.element.text.lowercased() == $0.1.lowercased() })
        else { return false }
        let rest = tokens[(significant[words.count - 1].offset + 1)...].map(\.text).joined().trimmingWhitespaceAndNewlines()
        let argument = rest.unicodeScalars.prefix { !$0.properties.isWhitespace }
        guard !argument.isEmpty else { return false }
        terminator = Array(argument)
        return true
    }

    // MARK: scanning (each returns the index just past what it reads, at most the end of the text)

    private func at(_ j: Int) -> Unicode.Scalar? {
        j < text.count ? text[j] : nil
    }

    private func matches(_ s: [Unicode.Scalar], at j: Int) -> Bool {
        guard !s.isEmpty, j + s.count <= text.count, text[j] == s[0] else { return false }
        return text[j..<j + s.count].elementsEqual(s)
    }

    private func endOfLine(from j: Int) -> Int {
        var j = j
        while j < text.count, text[j] != "\n" { j += 1 }
        return j
    }

    private func isLineCommentStart(at j: Int) -> Bool {
        syntax.lineComments.contains { comment in
            let opener = Array(comment.opener.unicodeScalars)
            guard matches(opener, at: j) else { return false }
            return !comment.needsWhitespaceAfter || at(j + opener.count).map { $0.properties.isWhitespace } ?? true
        }
    }

    private mutating func blockComment() {
        let executable = syntax.executableCommentMarker.map { $0.unicodeScalars.elementsEqual([at(i + 2) ?? " "]) } ?? false
        var j = i + 2, depth = 1
        while j < text.count, depth > 0 {
            if text[j] == "*", at(j + 1) == "/" {
                depth -= 1; j += 2
            } else if syntax.blockComments == .nested, text[j] == "/", at(j + 1) == "*" {
                depth += 1; j += 2
            } else {
                j += 1
            }
        }
        take(executable ? .executableComment : .blockComment, to: j)
    }

    private func endOfQuoted(from start: Int, _ quote: SQLScriptSyntax.Quote) -> Int {
        let close = quote.close.unicodeScalars.first
        var j = start
        while j < text.count {
            if quote.backslashEscapes, text[j] == "\\" { j += 2; continue }
            if text[j] == close {
                if at(j + 1) == close { j += 2; continue }
                return j + 1
            }
            j += 1
        }
        return text.count
    }

    /// `$tag$` at `j`, if it opens a dollar quote (not `$1`).
    private func dollarTag(at j: Int) -> [Unicode.Scalar]? {
        var k = j + 1
        while k < text.count {
            let c = text[k]
            if c == "$" { return Array(text[j...k]) }
            guard Self.isWordStart(c) || (k > j + 1 && ("0"..."9").contains(c)) else { return nil }
            k += 1
        }
        return nil
    }

    private func endOfDollarQuoted(_ tag: [Unicode.Scalar]) -> Int {
        var j = i + tag.count
        while j < text.count {
            if matches(tag, at: j) { return j + tag.count }
            j += 1
        }
        return text.count
    }

    /// Word characters from `j`, stopping where a terminator other than `;` starts (`END$$`).
    private func endOfWord(from j: Int) -> Int {
        var j = j
        while j < text.count, Self.isWordStart(text[j]) || ("0"..."9").contains(text[j]) || text[j] == "$" {
            if j > i, terminator != [";"], matches(terminator, at: j) { break }
            j += 1
        }
        return j
    }

    /// Letters, `_` and (as engines read bytes) any non-ASCII character.
    private static func isWordStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c.value < 128 ? c.properties.isAlphabetic : true)
    }
}
