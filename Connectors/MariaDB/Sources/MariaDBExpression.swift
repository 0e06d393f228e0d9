import SchemaSyncCore

/// Normalises MariaDB expression text for comparison: on top of ``ExpressionText``, removes
/// backtick quoting of plain identifiers and a `` `database`. `` qualifier MariaDB adds in views.
enum MariaDBExpression {
    static func normalized(_ text: String) -> String {
        ExpressionText.normalized(unquoteIdentifiers(text))
    }

    /// `` `id` > 0 `` → `id > 0`; identifiers that need quoting keep it.
    static func unquoteIdentifiers(_ text: String) -> String {
        var out = ""
        var quote: Character? = nil
        var current = ""
        for ch in text {
            if let q = quote {
                if ch == q {
                    if q == "`" {
                        let plain = !current.isEmpty && current.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
                            && !(current.first?.isNumber ?? false)
                        out += plain ? current.lowercased() : "`" + current + "`"
                    } else {
                        out += current + String(q)
                    }
                    current = ""
                    quote = nil
                } else {
                    current.append(ch)
                }
                continue
            }
            if ch == "`" { quote = ch; current = ""; continue }
            if ch == "'" || ch == "\"" { quote = ch; out.append(ch); current = ""; continue }
            out.append(ch)
        }
        if let q = quote { out += (q == "`" ? "`" : "") + current }
        return out
    }

    /// Removes `` `db`. `` qualifiers from a view body MariaDB stored.
    static func strippingDatabase(_ text: String, database: String) -> String {
        let qualifier = "`" + database.replacingOccurrences(of: "`", with: "``") + "`."
        return text.replacingOccurrences(of: qualifier, with: "")
    }
}
