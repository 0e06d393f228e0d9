import SchemaSyncCore

/// Runs a desired `.sql` schema in the scratch database the way a user means it, not the way
/// a single pass would: statements in any order (a view or foreign key before the table it
/// names), and names qualified with a database (`mydb.users`) landing in the scratch database.
enum MariaDBSQLScript {
    /// The statements of `sql`, split at `;` outside strings, quoted names and comments.
    static func statements(_ sql: String) -> [String] {
        var result: [String] = []
        var current = ""
        let chars = Array(sql)
        var i = 0
        func flush() {
            let trimmed = current.trimmingWhitespaceAndNewlines()
            if !trimmed.isEmpty { result.append(trimmed) }
            current = ""
        }
        while i < chars.count {
            let c = chars[i]
            if c == "'" || c == "\"" || c == "`" {
                var j = i + 1
                while j < chars.count {
                    if chars[j] == "\\" && c != "`" { j += 2; continue }
                    if chars[j] == c {
                        if j + 1 < chars.count && chars[j + 1] == c { j += 2; continue }
                        break
                    }
                    j += 1
                }
                current += String(chars[i...min(j, chars.count - 1)])
                i = j + 1
                continue
            }
            let dashComment = c == "-" && i + 1 < chars.count && chars[i + 1] == "-"
                && (i + 2 >= chars.count || chars[i + 2].isWhitespace)
            if dashComment || c == "#" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                current += "\n"
                continue
            }
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count && !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                let end = min(j + 1, chars.count - 1)
                if i + 2 < chars.count && chars[i + 2] == "!" { current += String(chars[i...end]) } else { current += " " }
                i = end + 1
                continue
            }
            if c == ";" { flush() } else { current.append(c) }
            i += 1
        }
        flush()
        return result
    }

    /// `statement` with database qualifiers dropped from table names (after TABLE, VIEW,
    /// REFERENCES, INTO, FROM, JOIN, UPDATE, EXISTS, TO, and the ON of CREATE INDEX):
    /// `CREATE TABLE mydb.users` creates `users` in the current (scratch) database.
    static func unqualified(_ statement: String) -> String {
        let tokens = tokenize(statement)
        let keywords: Set<String> = ["TABLE", "VIEW", "REFERENCES", "INTO", "FROM", "JOIN", "UPDATE", "EXISTS", "TO"]
        // The first words, whitespace aside: CREATE [OR REPLACE] [UNIQUE|FULLTEXT|SPATIAL] INDEX.
        let isIndex = tokens.filter { !$0.allSatisfy(\.isWhitespace) }.prefix(5).contains { $0.uppercased() == "INDEX" || $0.uppercased() == "KEY" }
            && tokens.first?.uppercased() == "CREATE"
        var out: [String] = []
        var seenOn = false
        var k = 0
        while k < tokens.count {
            let previous = out.last(where: { !$0.allSatisfy(\.isWhitespace) })?.uppercased() ?? ""
            let tableSlot = keywords.contains(previous) || (isIndex && previous == "ON" && !seenOn)
            if previous == "ON", !tokens[k].allSatisfy(\.isWhitespace) { seenOn = true }
            if tableSlot, isName(tokens[k]), k + 2 < tokens.count, tokens[k + 1] == ".", isName(tokens[k + 2]),
               !(k + 3 < tokens.count && tokens[k + 3] == ".") {
                k += 2 // drop `db.`
                continue
            }
            out.append(tokens[k])
            k += 1
        }
        return out.joined()
    }

    private static func isName(_ token: String) -> Bool {
        guard let first = token.first else { return false }
        return first == "`" || first == "_" || first.isLetter
    }

    /// Words, quoted names and strings, single symbols, and runs of whitespace, in order.
    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            var j = i + 1
            if c == "'" || c == "\"" || c == "`" {
                while j < chars.count {
                    if chars[j] == "\\" && c != "`" { j += 2; continue }
                    if chars[j] == c { if j + 1 < chars.count && chars[j + 1] == c { j += 2; continue }; j += 1; break }
                    j += 1
                }
            } else if c.isLetter || c.isNumber || c == "_" || c == "$" {
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "$") { j += 1 }
            } else if c.isWhitespace {
                while j < chars.count && chars[j].isWhitespace { j += 1 }
            }
            tokens.append(String(chars[i..<min(j, chars.count)]))
            i = j
        }
        return tokens
    }

    /// Runs the statements of `sql` with foreign key checks off, retrying those that fail while
    /// others succeed (so order does not matter); then fails with the first error left.
    static func run(_ sql: String, on connection: MariaDBConnection) throws {
        try connection.execute("SET SESSION FOREIGN_KEY_CHECKS = 0")
        defer { try? connection.execute("SET SESSION FOREIGN_KEY_CHECKS = 1") }
        var pending = statements(sql).map(unqualified)
        while !pending.isEmpty {
            var failed: [String] = []
            var firstError: Error?
            for statement in pending {
                do {
                    try connection.execute(statement)
                } catch {
                    failed.append(statement)
                    if firstError == nil { firstError = error }
                }
            }
            if failed.count == pending.count, let firstError { throw firstError }
            pending = failed
        }
    }
}
