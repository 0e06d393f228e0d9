import Foundation
import Yams

/// An ordered tree of plain values, the shape of a schema file. ``SchemaFileWriter`` builds it;
/// it prints as YAML or JSON with keys in a fixed, readable order.
public indirect enum SchemaDocument: Equatable, Sendable {
    case map([(String, SchemaDocument)])
    case list([SchemaDocument])
    case string(String)
    /// A number, printed unquoted exactly as given.
    case number(String)
    case bool(Bool)

    public static func == (a: SchemaDocument, b: SchemaDocument) -> Bool {
        switch (a, b) {
        case let (.map(x), .map(y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.list(x), .list(y)): return x == y
        case let (.string(x), .string(y)), let (.number(x), .number(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        default: return false
        }
    }

    /// YAML text (block style; flow style for short lists of names).
    public func yaml() throws -> String {
        try Yams.serialize(node: node(), width: -1, allowUnicode: true, sortKeys: false)
    }

    /// Pretty-printed JSON text with a trailing newline.
    public func json() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        writeJSON(into: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    // Every scalar gets an explicit tag: an implicit one makes Yams resolve it with its regular
    // expressions (per key, per value), which dominated `inspect`. The tags are not printed
    // (the emitter marks plain and quoted scalars implicit), so the text is the same.
    private func node() -> Node {
        switch self {
        case let .map(pairs):
            return Node(pairs.map { (Node($0.0, Self.stringTag, Self.isSafePlain($0.0) ? .plain : .doubleQuoted), $0.1.node()) })
        case let .list(items):
            let flow = items.allSatisfy { if case .string = $0 { return true } else { return false } } && items.count <= 8
            return Node(items.map { $0.node() }, .implicit, flow ? .flow : .block)
        case let .string(s):
            return Node(s, Self.stringTag, Self.isSafePlain(s) ? .plain : .doubleQuoted)
        case let .number(n):
            return Node(n, Self.numberTag(n), .plain)
        case let .bool(b):
            return Node(b ? "true" : "false", Self.boolTag, .plain)
        }
    }

    private static var stringTag: Tag { Tag(.str) }
    private static var boolTag: Tag { Tag(.bool) }

    private static func numberTag(_ n: String) -> Tag {
        n.utf8.allSatisfy { $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) } ? Tag(.int) : Tag(.float)
    }

    /// Whether `s` can be written plain and still read back as the same string: not empty, no
    /// surrounding blanks, no line break, no `: ` or ` #`, no indicator first, and not spelled
    /// like a number, a boolean or null (those go through Yams' own resolver).
    static func isSafePlain(_ s: String) -> Bool {
        let bytes = s.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        // Blanks at either end, or anything beyond ASCII there (Unicode spaces): quote.
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || first >= 0x80 || last >= 0x80 { return false }
        if Self.indicators.contains(first) { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D { return false }
            if previous == UInt8(ascii: ":") && byte == 0x20 { return false }
            if previous == 0x20 && byte == UInt8(ascii: "#") { return false }
            // Other Unicode line breaks (NEL, LS, PS) and any control character: quote.
            if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 { return false }
            previous = byte
        }
        if last == UInt8(ascii: ":") { return false }
        guard mayReadAsNonString(s) else { return true }
        // What the reader would see: Yams' own constructors (lenient: `k:v` is sexagesimal,
        // `_1` an integer, `nan` a float) and its resolver must all take it for a string.
        let node = Node(s)
        return node.int == nil && node.float == nil && node.bool == nil && node.null == nil
            && Resolver.default.resolveTag(of: node) == .str
    }

    /// A cheap pre-check, after an optional sign: only a string with a `:` (sexagesimal), one
    /// starting with a digit, `.`, `_`, `~`, `<` or `=`, or with `nan` or `inf`, or a word YAML
    /// reads (`true`, `null`, `no`, ...) can read as anything but a string when plain.
    private static func mayReadAsNonString(_ s: String) -> Bool {
        if s.utf8.contains(UInt8(ascii: ":")) { return true }
        var rest = Substring(s).utf8
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
        guard let first = rest.first else { return true }
        if (first >= 0x30 && first <= 0x39) || "._~<=".utf8.contains(first) { return true }
        let head = String(decoding: rest.prefix(3), as: UTF8.self).lowercased()
        if head == "nan" || head == "inf" { return true }
        return s.utf8.count <= 5 && Self.words.contains(s.lowercased())
    }

    private static let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]

    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    private func writeJSON(into out: inout [UInt8], indent: Int) {
        func pad(_ level: Int) { out.append(contentsOf: repeatElement(0x20, count: 2 * level)) }
        switch self {
        case let .map(pairs):
            guard !pairs.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in pairs.enumerated() {
                pad(indent + 1)
                Self.appendJSONString(key, to: &out)
                out.append(contentsOf: ": ".utf8)
                value.writeJSON(into: &out, indent: indent + 1)
                out.append(contentsOf: (i < pairs.count - 1 ? ",\n" : "\n").utf8)
            }
            pad(indent)
            out.append(UInt8(ascii: "}"))
        case let .list(items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                pad(indent + 1)
                item.writeJSON(into: &out, indent: indent + 1)
                out.append(contentsOf: (i < items.count - 1 ? ",\n" : "\n").utf8)
            }
            pad(indent)
            out.append(UInt8(ascii: "]"))
        case let .string(s): Self.appendJSONString(s, to: &out)
        case let .number(n): out.append(contentsOf: n.utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        }
    }

    /// A JSON string literal with every control character escaped.
    static func jsonString(_ s: String) -> String {
        var out: [UInt8] = []
        appendJSONString(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendJSONString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case ..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
