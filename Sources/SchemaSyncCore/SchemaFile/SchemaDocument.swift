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
        var out = ""
        writeJSON(into: &out, indent: 0)
        return out + "\n"
    }

    private func node() -> Node {
        switch self {
        case let .map(pairs):
            return Node(pairs.map { (Node($0.0), $0.1.node()) })
        case let .list(items):
            let flow = items.allSatisfy { if case .string = $0 { return true } else { return false } } && items.count <= 8
            return Node(items.map { $0.node() }, .implicit, flow ? .flow : .block)
        case let .string(s):
            let plainResolvesToString = !Self.mayResolveAsNonString(s) || Resolver.default.resolveTag(of: Node(s)) == .str
            let safePlain = plainResolvesToString && !s.isEmpty && s == s.trimmingWhitespace()
                && !s.contains(": ") && !s.contains(" #") && !s.contains("\n")
                && !"-?:,[]{}#&*!|>'\"%@`".contains(s.first!)
            return Node(s, Tag(.str), safePlain ? .plain : .doubleQuoted)
        case let .number(n):
            return Node(n, Tag(.implicit), .plain)
        case let .bool(b):
            return Node(b ? "true" : "false", Tag(.implicit), .plain)
        }
    }

    /// A cheap pre-check: only strings starting like a number, or spelled like a YAML
    /// boolean or null, can resolve to another type when written plain.
    private static func mayResolveAsNonString(_ s: String) -> Bool {
        guard let first = s.first else { return true }
        if first.isNumber || "+-.~".contains(first) { return true }
        return ["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(s.lowercased())
    }

    private func writeJSON(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), closePad = String(repeating: "  ", count: indent)
        switch self {
        case let .map(pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in pairs.enumerated() {
                out += pad + Self.jsonString(key) + ": "
                value.writeJSON(into: &out, indent: indent + 1)
                out += i < pairs.count - 1 ? ",\n" : "\n"
            }
            out += closePad + "}"
        case let .list(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                item.writeJSON(into: &out, indent: indent + 1)
                out += i < items.count - 1 ? ",\n" : "\n"
            }
            out += closePad + "]"
        case let .string(s): out += Self.jsonString(s)
        case let .number(n): out += n
        case let .bool(b): out += b ? "true" : "false"
        }
    }

    /// A JSON string literal with every control character escaped.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
