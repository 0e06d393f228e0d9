/// Shortens text echoed from user input (paths, names, URLs, SQL) into messages, so a
/// 100 KB path or statement never floods a terminal or a log. Every message that quotes
/// input passes it through ``cut(_:limit:)``.
public enum InputEcho {
    /// The default number of characters kept.
    public static let limit = 200

    /// `text` when at most `limit` characters, else its first `limit` characters, `…` and the
    /// number of characters left out.
    public static func cut(_ text: String, limit: Int = InputEcho.limit) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count - limit) more characters)"
    }

    /// ``cut(_:limit:)`` for any value's description.
    public static func cut(_ value: some CustomStringConvertible, limit: Int = InputEcho.limit) -> String {
        cut(value.description, limit: limit)
    }
}
