import Foundation
import SchemaSyncCore

extension SQLiteDialect {
    /// Two of SQLite's stored definitions (as ``SQLiteDefinitionReader`` normalises them) mean the
    /// same when they differ only in doubled parentheses (`((lower(x)))` is `(lower(x))`) or in
    /// the form SchemaSync gives a view with a column list (`CREATE VIEW v(a, b) AS q` is kept as
    /// `CREATE VIEW v AS WITH schemasync_view(a, b) AS (q) SELECT * FROM schemasync_view`).
    public func definitionsEquivalent(_ a: String, _ b: String) -> Bool {
        Self.canonicalDefinition(a) == Self.canonicalDefinition(b)
    }

    static func canonicalDefinition(_ text: String) -> String {
        var s = text.replacingOccurrences(
            of: #"^create view (.+?) as with schemasync_view \( (.*?) \) as \( (.*) \) select \* from schemasync_view$"#,
            with: "create view $1 ( $2 ) as $3", options: .regularExpression)
        // Remove a pair of parentheses that directly encloses another pair: `( ( x ) )` → `( x )`.
        var tokens = s.split(separator: " ").map(String.init)
        var changed = true
        while changed {
            changed = false
            var match: [Int: Int] = [:]
            var stack: [Int] = []
            for (i, t) in tokens.enumerated() {
                if t == "(" { stack.append(i) } else if t == ")", let open = stack.popLast() { match[open] = i }
            }
            for (open, close) in match.sorted(by: { $0.key < $1.key }) where open + 1 < tokens.count && tokens[open + 1] == "(" {
                if match[open + 1] == close - 1 {
                    tokens.remove(at: close)
                    tokens.remove(at: open)
                    changed = true
                    break
                }
            }
        }
        s = tokens.joined(separator: " ")
        return s
    }
}
