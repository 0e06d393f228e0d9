import Foundation

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

extension InputEcho {
    /// A whole message line with every quoted segment (`'...'`) and every run of non-space
    /// characters much longer than `limit` cut: the last guard before a message is printed,
    /// for input echoed by code that did not call ``cut(_:limit:)`` (driver messages, the
    /// argument parser). Text already cut by ``cut(_:limit:)`` is left as it is.
    public static func shorten(line: String, limit: Int = InputEcho.limit) -> String {
        let threshold = limit + 40 // longer than anything cut(_:limit:) returns
        guard line.count > threshold,
              let regex = try? NSRegularExpression(pattern: "'[^']{\(threshold),}'|\\S{\(threshold),}") else { return line }
        var result = ""
        var last = line.startIndex
        for match in regex.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
            guard let range = Range(match.range, in: line) else { continue }
            result += line[last..<range.lowerBound]
            let piece = String(line[range])
            if piece.count >= 2, piece.hasPrefix("'"), piece.hasSuffix("'") {
                result += "'" + cut(String(piece.dropFirst().dropLast()), limit: limit) + "'"
            } else {
                result += cut(piece, limit: limit)
            }
            last = range.upperBound
        }
        return result + line[last...]
    }
}
