import SchemaSyncCore

/// Runs a desired `.sql` schema in the scratch database the way a user means it, not the way
/// a single pass would: statements in any order (a view or foreign key before the table it
/// names), and names qualified with a database (`mydb.users`) landing in the scratch database.
enum MariaDBSQLScript {
    /// How the mariadb client reads a script: backslash escapes in `'` and `"` strings, `-- `
    /// and `#` comments, `/*! ... */` run as SQL, and `DELIMITER` lines.
    static let syntax: SQLScriptSyntax = {
        var syntax = SQLScriptSyntax(quotes: [.init("'", backslashEscapes: true), .init("\"", backslashEscapes: true), .init("`")],
                                     lineComments: [.init("--", needsWhitespaceAfter: true), .init("#")], blockComments: .flat)
        syntax.executableCommentMarker = "!"
        syntax.terminatorDirective = .line(keyword: "delimiter")
        return syntax
    }()

    /// The statements of `sql` (see ``syntax``), comments removed, database qualifiers dropped.
    static func statements(_ sql: String) -> [String] {
        SQLScript(sql, syntax: syntax).statements.map(unqualified)
    }

    /// `statement` with database qualifiers dropped from table names (after TABLE, VIEW,
    /// REFERENCES, INTO, FROM, JOIN, UPDATE, EXISTS, TO, and the ON of CREATE INDEX):
    /// `CREATE TABLE mydb.users` creates `users` in the current (scratch) database, also inside
    /// `/*! ... */`, which MariaDB runs. Other comments become whitespace.
    static func unqualified(_ statement: SQLScript.Statement) -> String {
        // Tokens with the comment they are in (0: none), so that no `db.` is dropped across a comment's end.
        var tokens: [SQLToken] = [], comment: [Int] = []
        for (n, token) in statement.tokens.enumerated() {
            switch token.kind {
            case .lineComment: tokens.append(SQLToken(.whitespace, "\n"))
            case .blockComment: tokens.append(SQLToken(.whitespace, " "))
            case .executableComment: tokens += SQLScript(token.text, syntax: executableCommentBody).statements.first?.tokens ?? [token]
            default: tokens.append(token)
            }
            comment += Array(repeating: token.kind == .executableComment ? n + 1 : 0, count: tokens.count - comment.count)
        }
        let words = tokens.filter(\.isSignificant).prefix(5).map { $0.text.uppercased() }
        // CREATE [OR REPLACE] [UNIQUE|FULLTEXT|SPATIAL] INDEX
        let isIndex = words.first == "CREATE" && (words.contains("INDEX") || words.contains("KEY"))
        let keywords: Set<String> = ["TABLE", "VIEW", "REFERENCES", "INTO", "FROM", "JOIN", "UPDATE", "EXISTS", "TO"]
        var out = "", previous = "", seenOn = false
        var k = 0
        while k < tokens.count {
            let token = tokens[k]
            k += 1
            guard token.isSignificant else { out += token.text; continue }
            let tableSlot = keywords.contains(previous) || (isIndex && previous == "ON" && !seenOn)
            if previous == "ON" { seenOn = true }
            // `db.name`, not `db.name.column`: drop `db.`.
            if tableSlot, isName(token), k + 1 < tokens.count, tokens[k].text == ".", isName(tokens[k + 1]),
               !(k + 2 < tokens.count && tokens[k + 2].text == "."), comment[k - 1] == comment[k + 1] {
                k += 1
                continue
            }
            out += token.text
            previous = token.text.uppercased()
        }
        return out.trimmingWhitespaceAndNewlines()
    }

    /// The inside of a `/*! ... */` comment read as SQL, the comment's own marks as symbols.
    private static let executableCommentBody: SQLScriptSyntax = {
        var body = syntax
        body.lineComments = []
        body.blockComments = .none
        body.terminator = ""
        body.terminatorDirective = nil
        return body
    }()

    private static func isName(_ token: SQLToken) -> Bool {
        token.kind == .quoted("`") || token.kind == .word && token.text.first.map { $0 == "_" || $0.isLetter } == true
    }

    /// Runs the statements of `sql` with foreign key checks off, retrying those that fail while
    /// others succeed (so order does not matter); then fails with the first error left.
    static func run(_ sql: String, on connection: MariaDBConnection) throws {
        try connection.execute("SET SESSION FOREIGN_KEY_CHECKS = 0")
        defer { try? connection.execute("SET SESSION FOREIGN_KEY_CHECKS = 1") }
        let left = StatementPasses.failures(runningEachOf: statements(sql)) { try connection.execute($0) }
        if let (_, error) = left.first { throw error }
    }
}
