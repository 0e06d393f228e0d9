/// A desired-schema SQL script split into statements the way PostgreSQL reads it (quotes,
/// `E''` strings, dollar quotes and comments respected), prepared for a scratch schema:
///
/// - qualifiers naming the managed schema (`public.users`, `"public"."users"`) are rewritten to
///   the scratch schema, so a schema-qualified script never touches the target's objects;
/// - `CONCURRENTLY` is removed from `CREATE/DROP INDEX` (the scratch copy runs in a transaction);
/// - psql meta-commands (lines starting with `\`, as in `pg_dump` output) are skipped;
/// - transaction control (`BEGIN`, `COMMIT`, `START TRANSACTION`, `END`) is dropped: the
///   scratch copy has its own transaction.
struct PostgreSQLSQLScript {
    /// One statement, rewritten, with its position (1-based) in the script.
    struct Statement: Equatable {
        var sql: String
        var number: Int
        /// The first unquoted words, lower-cased (`create`, `rollback`, ...), at most three.
        var leadingWords: [String]
        /// `GRANT`, `REVOKE`, `ALTER ... OWNER TO`: about roles, which the model does not hold.
        var isAboutRoles = false

        /// Statements whose failure does not make the script invalid: about schemas or roles
        /// (dumps name roles the target may lack), or extensions (the target may have them already).
        var isOptional: Bool {
            isAboutSchema || isAboutRoles || Array(leadingWords.prefix(2)) == ["create", "extension"]
                || leadingWords == ["comment", "on", "extension"]
        }
        var firstWord: String { leadingWords.first ?? "" }

        /// The extension a `CREATE EXTENSION [IF NOT EXISTS] name` statement creates.
        var createdExtension: String? {
            guard Array(leadingWords.prefix(2)) == ["create", "extension"],
                  let match = sql.firstMatch(of: Self.extensionName) else { return nil }
            return match.output.2.map(String.init) ?? match.output.3.map(String.init)
        }

        nonisolated(unsafe) private static let extensionName =
            /(?i)^\s*create\s+extension\s+(if\s+not\s+exists\s+)?(?:"([^"]+)"|([A-Za-z_][A-Za-z0-9_$-]*))/

        /// `CREATE SCHEMA`, `ALTER SCHEMA`, `COMMENT ON SCHEMA`: about a schema itself, which the
        /// scratch copy neither needs nor may change (dumps start with `CREATE SCHEMA app`).
        var isAboutSchema: Bool {
            Array(leadingWords.prefix(2)) == ["create", "schema"] || Array(leadingWords.prefix(2)) == ["alter", "schema"]
                || leadingWords == ["comment", "on", "schema"]
        }
    }

    let statements: [Statement]

    /// Splits `sql`, rewriting qualifiers equal to `schema` into `scratch` (already chosen unique).
    init(_ sql: String, schema: String, scratch: String) {
        var lexer = Lexer(text: Array(sql.unicodeScalars), schema: schema, scratch: scratch)
        statements = lexer.run()
    }

    private struct Lexer {
        let text: [Unicode.Scalar]
        let schema: String
        let scratch: String
        var i = 0
        var current = ""
        /// Unquoted words of the current statement, lower-cased (for CONCURRENTLY and BEGIN).
        var words: [String] = []
        /// The last significant character output (to see whether a name follows a dot).
        var lastSignificant: Unicode.Scalar = " "
        var out: [Statement] = []
        var count = 0

        init(text: [Unicode.Scalar], schema: String, scratch: String) {
            self.text = text
            self.schema = schema
            self.scratch = scratch
        }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            i + offset < text.count ? text[i + offset] : nil
        }

        mutating func emit(_ s: Unicode.Scalar) {
            current.unicodeScalars.append(s)
        }

        mutating func emit(_ s: String) {
            current += s
        }

        mutating func run() -> [Statement] {
            while let c = peek() {
                switch c {
                case ";":
                    i += 1
                    finishStatement()
                case "\\" where i == 0 || text[i - 1] == "\n":
                    // A psql meta-command (`\restrict`, `\connect`, ... in pg_dump output): not SQL.
                    while let d = peek(), d != "\n" { i += 1 }
                case "-" where peek(1) == "-":
                    while let d = peek(), d != "\n" { emit(d); i += 1 }
                case "/" where peek(1) == "*":
                    blockComment()
                case "'":
                    stringLiteral(escapes: false)
                    lastSignificant = "'"
                case "\"":
                    let quoted = quotedIdentifier()
                    name(quotedName: quoted)
                case "$" where dollarTag() != nil:
                    dollarQuoted(dollarTag()!)
                    lastSignificant = "$"
                default:
                    if isIdentifierStart(c) {
                        if (c == "E" || c == "e"), peek(1) == "'" {
                            emit(c); i += 1
                            stringLiteral(escapes: true)
                            lastSignificant = "'"
                        } else {
                            word()
                        }
                    } else {
                        emit(c)
                        i += 1
                        if !c.properties.isWhitespace { lastSignificant = c }
                    }
                }
            }
            finishStatement()
            return out
        }

        mutating func finishStatement() {
            let trimmed = current.trimmingWhitespaceAndNewlines()
            let isTransactionControl: Bool = {
                guard let first = words.first else { return false }
                switch first {
                case "begin", "commit", "end", "start": return words.count <= 3 && !trimmed.contains("(")
                default: return false
                }
            }()
            if !words.isEmpty, !isTransactionControl {
                count += 1
                var statement = Statement(sql: trimmed, number: count, leadingWords: Array(words.prefix(3)))
                let ownerTo = zip(words, words.dropFirst()).contains { $0 == "owner" && $1 == "to" }
                statement.isAboutRoles = ["grant", "revoke"].contains(words[0]) || (words[0] == "alter" && ownerTo)
                out.append(statement)
            } else if !words.isEmpty {
                count += 1
            }
            current = ""
            words = []
            lastSignificant = " "
        }

        mutating func blockComment() {
            var depth = 0
            while let c = peek() {
                if c == "/", peek(1) == "*" { depth += 1; emit("/*"); i += 2; continue }
                if c == "*", peek(1) == "/" { depth -= 1; emit("*/"); i += 2; if depth == 0 { return }; continue }
                emit(c); i += 1
            }
        }

        mutating func stringLiteral(escapes: Bool) {
            let start = current.unicodeScalars.count
            emit("'"); i += 1
            while let c = peek() {
                emit(c); i += 1
                if escapes, c == "\\", let next = peek() { emit(next); i += 1; continue }
                if c == "'" {
                    if peek() == "'" { emit("'"); i += 1; continue }
                    break
                }
            }
            rewriteRegclassLiteral(from: start)
        }

        /// `'public.users_id_seq'::regclass` (dumps write serial defaults so) names the managed
        /// schema inside a literal: point it at the scratch schema too.
        mutating func rewriteRegclassLiteral(from start: Int) {
            var j = i
            while j < text.count, text[j].properties.isWhitespace { j += 1 }
            let cast = "::regclass"
            guard j + cast.unicodeScalars.count <= text.count,
                  String(String.UnicodeScalarView(text[j..<j + cast.unicodeScalars.count])).lowercased() == cast else { return }
            let scalars = Array(current.unicodeScalars)
            let literal = String(String.UnicodeScalarView(scalars[start...]))
            guard literal.count >= 2 else { return }
            let body = String(literal.dropFirst().dropLast())
            let prefixes = [schema + ".", "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\"."]
            guard let prefix = prefixes.first(where: { body.hasPrefix($0) || (!$0.hasPrefix("\"") && body.lowercased().hasPrefix($0)) }) else { return }
            let rewritten = "'" + quote(scratch).replacingOccurrences(of: "'", with: "''") + "." + body.dropFirst(prefix.count) + "'"
            current = String(String.UnicodeScalarView(scalars[..<start])) + rewritten
        }

        /// Reads `"name"` and returns the name without quotes (`""` unescaped).
        mutating func quotedIdentifier() -> String {
            i += 1
            var name = ""
            while let c = peek() {
                i += 1
                if c == "\"" {
                    if peek() == "\"" { name.unicodeScalars.append("\""); i += 1; continue }
                    break
                }
                name.unicodeScalars.append(c)
            }
            return name
        }

        /// `$tag$` at the current position, if it opens a dollar quote (not `$1`).
        func dollarTag() -> String? {
            var j = i + 1
            var tag = "$"
            while j < text.count {
                let c = text[j]
                if c == "$" { return tag + "$" }
                guard isIdentifierStart(c) || (j > i + 1 && c.properties.numericType != nil) else { return nil }
                tag.unicodeScalars.append(c)
                j += 1
            }
            return nil
        }

        mutating func dollarQuoted(_ tag: String) {
            let tagScalars = Array(tag.unicodeScalars)
            emit(tag); i += tagScalars.count
            while i < text.count {
                if text[i] == "$", i + tagScalars.count <= text.count, Array(text[i..<i + tagScalars.count]) == tagScalars {
                    emit(tag); i += tagScalars.count
                    return
                }
                emit(text[i]); i += 1
            }
        }

        mutating func word() {
            var w = ""
            while let c = peek(), isIdentifierStart(c) || c.properties.numericType != nil || c == "$" {
                w.unicodeScalars.append(c); i += 1
            }
            let lower = w.lowercased()
            // CREATE [UNIQUE] INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY run in the scratch transaction without it.
            if lower == "concurrently", words.last == "index" {
                words.append(lower)
                return
            }
            words.append(lower)
            name(unquoted: w)
        }

        mutating func name(unquoted w: String) {
            if lastSignificant != ".", w.lowercased() == schema, followedByDot() {
                emit(quote(scratch))
            } else {
                emit(w)
            }
            lastSignificant = "a"
        }

        mutating func name(quotedName n: String) {
            if lastSignificant != ".", n == schema, followedByDot() {
                emit(quote(scratch))
            } else {
                emit(quote(n))
            }
            words.append("\"")
            lastSignificant = "a"
        }

        func followedByDot() -> Bool {
            var j = i
            while j < text.count, text[j].properties.isWhitespace { j += 1 }
            return j < text.count && text[j] == "."
        }

        func quote(_ name: String) -> String {
            "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }

        /// Letters, `_` and (as PostgreSQL reads bytes) any non-ASCII character.
        func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || (c.value < 128 ? c.properties.isAlphabetic : true)
        }
    }
}
