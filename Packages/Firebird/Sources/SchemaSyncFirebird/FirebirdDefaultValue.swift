import SchemaSyncCore

/// Column defaults as Firebird writes them (`DEFAULT 'new'`, `DEFAULT 0`, `DEFAULT TRUE`,
/// `DEFAULT CURRENT_TIMESTAMP`) and as its catalog keeps them: `RDB$DEFAULT_SOURCE` holds the
/// clause exactly as written, keyword included, so reading back what was rendered is exact.
///
/// Firebird 3 takes only literals, NULL and context variables (CURRENT_USER, ...) as defaults,
/// not parenthesised expressions: an ``ColumnDefault/expression(_:)`` is written as it is.
enum FirebirdDefaultValue {
    /// The text after `DEFAULT`: the standard spelling, but expressions bare.
    static func sql(_ value: ColumnDefault, quote: (String) -> String) -> String {
        if case let .expression(e) = value { return e }
        return value.standardSQL(quotingStrings: quote)
    }

    /// The default a `RDB$DEFAULT_SOURCE` text (`DEFAULT 'it''s'`) holds; nil for none or NULL.
    static func parse(source: String?) -> ColumnDefault? {
        guard var text = source?.trimmingWhitespaceAndNewlines(), !text.isEmpty else { return nil }
        if text.uppercased().hasPrefix("DEFAULT") {
            text = String(text.dropFirst("DEFAULT".count)).trimmingWhitespaceAndNewlines()
        }
        return parse(body: text)
    }

    /// The default the text after `DEFAULT` means.
    static func parse(body text: String) -> ColumnDefault? {
        let upper = text.uppercased()
        switch upper {
        case "", "NULL": return nil
        case "TRUE": return .boolean(true)
        case "FALSE": return .boolean(false)
        case "CURRENT_TIMESTAMP": return .function(.currentTimestamp)
        case "CURRENT_DATE": return .function(.currentDate)
        case "CURRENT_TIME": return .function(.currentTime)
        default: break
        }
        if DecimalLiteral.matches(text) { return .number(text) }
        if let literal = stringLiteral(text) { return .string(literal) }
        return .expression(text)
    }

    /// `'it''s'` → `it's`; nil unless `text` is exactly one string literal.
    static func stringLiteral(_ text: String) -> String? {
        let chars = Array(text)
        guard chars.count >= 2, chars.first == "'", chars.last == "'" else { return nil }
        var value = ""
        var i = 1
        while i < chars.count - 1 {
            if chars[i] == "'" {
                guard i + 1 < chars.count - 1, chars[i + 1] == "'" else { return nil }
                value.append("'")
                i += 2
                continue
            }
            value.append(chars[i])
            i += 1
        }
        return value
    }

    /// What the catalog will hold for `value` once rendered: a default compared with an
    /// inspected one goes through this first.
    static func canonical(_ value: ColumnDefault?, quote: (String) -> String) -> ColumnDefault? {
        guard let value else { return nil }
        return parse(body: sql(value, quote: quote))
    }
}
