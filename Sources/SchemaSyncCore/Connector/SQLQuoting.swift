/// Quoting shared by connectors: wraps text in a quote character, doubling that character inside
/// (`"` for SQL identifiers, `'` for string literals, `` ` `` for MariaDB identifiers). Written
/// without Foundation so the renderers' hottest call does not bridge to `NSString`.
public enum SQLQuoting {
    /// `text` between two `quote`s, with every `quote` inside doubled: `a"b` → `"a""b"`.
    ///
    /// Works on Unicode scalars, not characters: a quote followed by a combining mark is one
    /// `Character` but still a quote byte to the engine, and must be doubled.
    public static func enclosing(_ text: String, in quote: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        out.append(quote)
        for scalar in text.unicodeScalars {
            if scalar == quote { out.append(quote) }
            out.append(scalar)
        }
        out.append(quote)
        return String(out)
    }
}
