import Foundation
import SchemaSyncCore

/// Renders ``ColumnDefault`` values for SQLite and parses `pragma table_info.dflt_value` back.
enum SQLiteDefaultValue {
    /// The standard spelling (``ColumnDefault/standardSQL(quotingStrings:)``), but for signed
    /// numbers, which SQLite takes only in parentheses, and expressions (see below).
    static func render(_ value: ColumnDefault, dialect: SQLiteDialect) -> String {
        switch value {
        case let .number(n): return n.hasPrefix("-") || n.hasPrefix("+") ? "(\(n))" : n
        case let .expression(e): return expressionClause(e)
        default: return value.standardSQL(quotingStrings: dialect.quoteString)
        }
    }

    /// `(e)`: SQLite stores the text inside the parentheses. A lone word or double-quoted string
    /// stays bare, where SQLite takes it for a string (in parentheses it would be a column name).
    private static func expressionClause(_ e: String) -> String {
        let tokens = SQLiteTokenizer.tokenize(e)
        if tokens.count == 1, tokens[0].kind == .word || tokens[0].kind == .quotedIdentifier { return e }
        return "(" + e + ")"
    }

    /// The column attribute that keeps a default's spelling exactly as SQLite stores it
    /// (`false`, `current_timestamp`, an explicit `NULL`) when it differs from the one
    /// ``render(_:dialect:)`` writes (`FALSE`, `CURRENT_TIMESTAMP`, none), so a table SchemaSync
    /// creates or rebuilds stores what was declared.
    static let spellingAttribute = "sqlite.default_text"

    /// The spelling to keep for a stored default `text` (parsed as `value`), or nil when
    /// rendering the neutral value stores the same text.
    static func spellingToKeep(_ text: String?, value: ColumnDefault?, dialect: SQLiteDialect) -> String? {
        guard let text else { return nil }
        let rendered = value.map { storedText(render($0, dialect: dialect)) }
        return rendered == text ? nil : text
    }

    /// The `DEFAULT` clause text for `column`: its kept spelling when that still means the
    /// column's default, else the rendering of the neutral value; nil for no clause.
    static func clause(for column: Column, dialect: SQLiteDialect) -> String? {
        if let spelling = column.attributes[spellingAttribute], parse(spelling) == column.defaultValue {
            return expressionClause(spelling)
        }
        return column.defaultValue.map { render($0, dialect: dialect) }
    }

    /// What SQLite stores for `DEFAULT <rendered>`: the expression inside one pair of outer
    /// parentheses, anything else as written.
    private static func storedText(_ rendered: String) -> String {
        guard rendered.hasPrefix("("), rendered.hasSuffix(")"),
              ExpressionText.stripOuterParentheses(rendered) != rendered else { return rendered }
        return String(rendered.dropFirst().dropLast())
    }

    /// Parses the default text SQLite stores (exactly as it was written in CREATE TABLE).
    static func parse(_ text: String?) -> ColumnDefault? {
        guard var s = text?.trimmingWhitespace(), !s.isEmpty else { return nil }
        s = ExpressionText.stripOuterParentheses(s)
        let upper = s.uppercased()
        switch upper {
        case "NULL": return nil
        case "TRUE": return .boolean(true)
        case "FALSE": return .boolean(false)
        case "CURRENT_TIMESTAMP": return .function(.currentTimestamp)
        case "CURRENT_DATE": return .function(.currentDate)
        case "CURRENT_TIME": return .function(.currentTime)
        default: break
        }
        if s.hasPrefix("'"), s.hasSuffix("'"), s.count >= 2, isSingleLiteral(s) {
            return .string(String(s.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        if DecimalLiteral.matches(s) {
            return .number(s.hasPrefix("+") ? String(s.dropFirst()) : s)
        }
        return .expression(s)
    }

    /// True when `s` is one quoted literal, not `'a' || 'b'`.
    private static func isSingleLiteral(_ s: String) -> Bool {
        let inner = s.dropFirst().dropLast()
        var i = inner.startIndex
        while i < inner.endIndex {
            if inner[i] == "'" {
                let next = inner.index(after: i)
                guard next < inner.endIndex, inner[next] == "'" else { return false }
                i = inner.index(after: next)
            } else {
                i = inner.index(after: i)
            }
        }
        return true
    }
}
