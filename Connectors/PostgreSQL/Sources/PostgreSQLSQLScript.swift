import SchemaSyncCore

/// A desired-schema SQL script split into statements the way psql reads it (the core's
/// ``SQLScript`` with ``syntax``), prepared for a scratch schema:
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

    /// How psql reads a script: `E''` strings, dollar quotes, nested block comments, and lines
    /// starting with `\` as meta-commands.
    static let syntax: SQLScriptSyntax = {
        var syntax = SQLScriptSyntax.standard
        syntax.escapeStrings = true
        syntax.dollarQuotes = true
        syntax.blockComments = .nested
        syntax.metaCommandLines = true
        return syntax
    }()

    /// Splits `sql`, rewriting qualifiers equal to `schema` into `scratch` (already chosen unique).
    init(_ sql: String, schema: String, scratch: String) {
        let rewriter = Rewriter(schema: schema, scratch: scratch)
        statements = SQLScript(sql, syntax: Self.syntax).statements.compactMap(rewriter.statement)
    }

    /// The rewrites of one statement (see the type's summary).
    private struct Rewriter {
        let schema: String
        let scratch: String

        /// `statement` rewritten, or nil for transaction control.
        func statement(_ statement: SQLScript.Statement) -> Statement? {
            let tokens = statement.tokens
            // Unquoted words lower-cased and quoted names as `"`, for CONCURRENTLY, BEGIN and OWNER TO.
            var words: [String] = []
            var afterDot = false
            let sql = statement.rewritten { k, token in
                defer { if token.isSignificant { afterDot = token.kind == .symbol && token.text == "." } }
                switch token.kind {
                case .word:
                    let lower = token.text.lowercased()
                    words.append(lower)
                    // CREATE [UNIQUE] INDEX CONCURRENTLY / DROP INDEX CONCURRENTLY run in the scratch transaction without it.
                    if lower == "concurrently", words.dropLast().last == "index" { return "" }
                    return !afterDot && lower == schema && followedByDot(tokens, k) ? quote(scratch) : token.text
                case .quoted("\""):
                    words.append("\"")
                    let name = token.unquoted() ?? ""
                    return !afterDot && name == schema && followedByDot(tokens, k) ? quote(scratch) : quote(name)
                case .quoted("'"):
                    return regclassLiteral(token.text, tokens, k) ?? token.text
                default:
                    return token.text
                }
            }
            if let first = words.first, ["begin", "commit", "end", "start"].contains(first), words.count <= 3, !sql.contains("(") {
                return nil
            }
            var rewritten = Statement(sql: sql, number: statement.number, leadingWords: statement.leadingWords)
            let ownerTo = zip(words, words.dropFirst()).contains { $0 == "owner" && $1 == "to" }
            rewritten.isAboutRoles = ["grant", "revoke"].contains(words.first ?? "") || (words.first == "alter" && ownerTo)
            return rewritten
        }

        /// `'public.users_id_seq'::regclass` (dumps write serial defaults so) names the managed
        /// schema inside a literal: point it at the scratch schema too.
        func regclassLiteral(_ text: String, _ tokens: [SQLToken], _ k: Int) -> String? {
            var j = k + 1
            while j < tokens.count, tokens[j].kind == .whitespace { j += 1 }
            guard j + 2 < tokens.count, tokens[j].text == ":", tokens[j + 1].text == ":", tokens[j + 2].kind == .word,
                  tokens[j + 2].text.lowercased().hasPrefix("regclass"), let open = text.firstIndex(of: "'") else { return nil }
            let literal = text[open...]
            guard literal.count >= 2 else { return nil }
            let body = String(literal.dropFirst().dropLast())
            let prefixes = [schema + ".", "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\"."]
            guard let prefix = prefixes.first(where: { body.hasPrefix($0) || (!$0.hasPrefix("\"") && body.lowercased().hasPrefix($0)) }) else { return nil }
            return text[..<open] + "'" + quote(scratch).replacingOccurrences(of: "'", with: "''") + "." + body.dropFirst(prefix.count) + "'"
        }

        /// Whether a `.` follows token `k`, after whitespace only.
        func followedByDot(_ tokens: [SQLToken], _ k: Int) -> Bool {
            var j = k + 1
            while j < tokens.count, tokens[j].kind == .whitespace { j += 1 }
            return j < tokens.count && tokens[j].kind == .symbol && tokens[j].text == "."
        }

        func quote(_ name: String) -> String {
            "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
