import SchemaSyncCore

/// Splits a Firebird SQL script into statements at `;` outside string literals, quoted names
/// and comments. `SET TERM` and PSQL bodies are not understood.
enum FirebirdScript {
    static func statements(_ script: String) -> [String] {
        var result: [String] = []
        var current = ""
        var quote: Character?
        var chars = Array(script)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                continue
            }
            if c == "'" || c == "\"" { quote = c; current.append(c); continue }
            if c == "-", chars.first == "-" {
                while let n = chars.first, n != "\n" { chars = chars.dropFirst() }
                continue
            }
            if c == "/", chars.first == "*" {
                chars = chars.dropFirst()
                while !chars.isEmpty, !(chars.first == "*" && chars.dropFirst().first == "/") { chars = chars.dropFirst() }
                chars = chars.dropFirst(2)
                continue
            }
            if c == ";" {
                let text = current.trimmingWhitespaceAndNewlines()
                if !text.isEmpty, text.uppercased() != "COMMIT" { result.append(text) }
                current = ""
                continue
            }
            current.append(c)
        }
        let text = current.trimmingWhitespaceAndNewlines()
        if !text.isEmpty, text.uppercased() != "COMMIT" { result.append(text) }
        return result
    }
}
