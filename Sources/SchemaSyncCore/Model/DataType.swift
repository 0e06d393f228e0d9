import Foundation

/// A column's data type: one of the portable types every connector maps, or a dialect's native type.
///
/// Portable types are written in schema files as `bigint`, `varchar(320)`, `decimal(12,2)`, ...;
/// see ``DataType/parse(_:)``. A native type (`jsonb`, `int unsigned`, `enum('a','b')`) is kept
/// verbatim and only the connector that produced it understands it.
public enum DataType: Hashable, Sendable, Codable, CustomStringConvertible {
    case boolean
    case smallint
    case integer
    case bigint
    case decimal(precision: Int?, scale: Int?)
    case real
    case double
    case char(length: Int?)
    case varchar(length: Int?)
    case text
    case binary
    case date
    case time
    case timestamp
    case timestamptz
    case uuid
    case json
    /// A dialect-specific type, spelled as that dialect spells it.
    case native(String)

    /// The portable spelling used in schema files (`varchar(320)`), or the native spelling.
    public var description: String {
        switch self {
        case .boolean: return "boolean"
        case .smallint: return "smallint"
        case .integer: return "integer"
        case .bigint: return "bigint"
        case let .decimal(p, s):
            guard let p else { return "decimal" }
            guard let s else { return "decimal(\(p))" }
            return "decimal(\(p),\(s))"
        case .real: return "real"
        case .double: return "double"
        case let .char(n): return n.map { "char(\($0))" } ?? "char"
        case let .varchar(n): return n.map { "varchar(\($0))" } ?? "varchar"
        case .text: return "text"
        case .binary: return "binary"
        case .date: return "date"
        case .time: return "time"
        case .timestamp: return "timestamp"
        case .timestamptz: return "timestamptz"
        case .uuid: return "uuid"
        case .json: return "json"
        case let .native(name): return name
        }
    }

    /// True for the integer family (smallint, integer, bigint).
    public var isInteger: Bool {
        switch self {
        case .smallint, .integer, .bigint: return true
        default: return false
        }
    }

    /// Parses a portable type name, accepting the SQL standard's spellings (`int`, `numeric`,
    /// `character varying(n)`, `double precision`, `blob`, ...) and, for a name without
    /// arguments, `aliases`: an engine's own names (``Dialect/typeAliases``, e.g. PostgreSQL's
    /// `int8`). Returns nil for anything else.
    public static func parse(_ text: String, aliases: [String: DataType] = [:]) -> DataType? {
        let base: String, args: [Int]
        if let simple = splitSimpleASCII(text) {
            (base, args) = simple
        } else {
            let split = splitArguments(text.trimmingWhitespace().lowercased())
            guard let splitArgs = split.1 else { return nil }
            (base, args) = (split.0, splitArgs)
        }
        func noArgs(_ type: DataType) -> DataType? { args.isEmpty ? type : nil }
        switch base {
        case "boolean", "bool": return noArgs(.boolean)
        case "smallint": return noArgs(.smallint)
        case "integer", "int": return noArgs(.integer)
        case "bigint": return noArgs(.bigint)
        case "decimal", "numeric":
            switch args.count {
            case 0: return .decimal(precision: nil, scale: nil)
            case 1: return .decimal(precision: args[0], scale: nil)
            case 2: return args[1] <= args[0] ? .decimal(precision: args[0], scale: args[1]) : nil
            default: return nil
            }
        case "real": return noArgs(.real)
        case "double", "double precision": return noArgs(.double)
        case "char", "character":
            return args.count <= 1 ? .char(length: args.first) : nil
        case "varchar", "character varying":
            return args.count <= 1 ? .varchar(length: args.first) : nil
        case "text": return noArgs(.text)
        case "binary", "blob", "varbinary": return noArgs(.binary)
        case "date": return noArgs(.date)
        case "time": return noArgs(.time)
        case "timestamp": return noArgs(.timestamp)
        case "timestamptz", "timestamp with time zone": return noArgs(.timestamptz)
        case "uuid": return noArgs(.uuid)
        case "json": return noArgs(.json)
        default: return args.isEmpty ? aliases[base] : nil
        }
    }

    /// The common case in one pass over the bytes: ASCII letters, digits, `_` and spaces, with an
    /// optional `(n, m)` of plain digits at the end. Lower-cased, spaces collapsed — the same
    /// answer as ``splitArguments(_:)`` gives; nil for anything else, which takes that slower path.
    private static func splitSimpleASCII(_ text: String) -> (String, [Int])? {
        var base: [UInt8] = [], args: [Int] = []
        base.reserveCapacity(text.utf8.count)
        enum State { case name, beforeNumber, number, afterNumber, closed }
        var state = State.name, pendingSpace = false, value = 0, digits = 0
        for byte in text.utf8 {
            let isDigit = byte >= 0x30 && byte <= 0x39
            switch state {
            case .name:
                if byte == 0x20 { pendingSpace = !base.isEmpty; continue }
                if byte == UInt8(ascii: "(") { state = .beforeNumber; continue }
                let isUpper = byte >= 0x41 && byte <= 0x5A, isLower = byte >= 0x61 && byte <= 0x7A
                guard isUpper || isLower || isDigit || byte == UInt8(ascii: "_") else { return nil }
                if pendingSpace { base.append(0x20); pendingSpace = false }
                base.append(isUpper ? byte | 0x20 : byte)
            case .beforeNumber:
                if byte == 0x20 { continue }
                guard isDigit else { return nil }
                (value, digits, state) = (Int(byte - 0x30), 1, .number)
            case .number, .afterNumber:
                if isDigit && state == .number {
                    guard digits < 18 else { return nil }
                    (value, digits) = (value * 10 + Int(byte - 0x30), digits + 1)
                } else if byte == 0x20 {
                    state = .afterNumber
                } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ")") {
                    args.append(value)
                    state = byte == UInt8(ascii: ",") ? .beforeNumber : .closed
                } else {
                    return nil
                }
            case .closed:
                guard byte == 0x20 else { return nil }
            }
        }
        guard state == .name || state == .closed else { return nil }
        return (String(decoding: base, as: UTF8.self), args)
    }

    /// Splits `decimal(12, 2)` into `("decimal", [12, 2])`; nil arguments when they are not integers.
    private static func splitArguments(_ text: String) -> (String, [Int]?) {
        guard let open = text.firstIndex(of: "(") else {
            return (collapseSpaces(text), [])
        }
        guard text.hasSuffix(")") else { return (text, nil) }
        let base = collapseSpaces(String(text[..<open]))
        let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
        var values: [Int] = []
        for part in inner.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Int(part.trimmingWhitespace()), value >= 0 else {
                return (base, nil)
            }
            values.append(value)
        }
        return (base, values)
    }

    private static func collapseSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

extension DataType {
    /// Whether converting values of `self` to `other` can lose data (a narrowing change).
    /// Returns nil when the core cannot tell (native types); the dialect decides then.
    public func isNarrowing(to other: DataType) -> Bool? {
        if self == other { return false }
        let rank: (DataType) -> Int? = {
            switch $0 {
            case .smallint: return 1
            case .integer: return 2
            case .bigint: return 3
            default: return nil
            }
        }
        if let a = rank(self), let b = rank(other) { return b < a }
        switch (self, other) {
        case let (.varchar(a), .varchar(b)), let (.char(a), .char(b)), let (.char(a), .varchar(b)):
            guard let b else { return false }
            guard let a else { return true }
            return b < a
        case (.varchar, .text), (.char, .text): return false
        case (.text, .varchar(let n)), (.text, .char(let n)): return n != nil
        case let (.decimal(p1, s1), .decimal(p2, s2)):
            guard let p2 else { return false }
            guard let p1 else { return true }
            let int1 = p1 - (s1 ?? 0), int2 = p2 - (s2 ?? 0)
            return int2 < int1 || (s2 ?? 0) < (s1 ?? 0)
        case (.real, .double): return false
        case (.double, .real): return true
        case (.smallint, .decimal), (.integer, .decimal), (.bigint, .decimal): return nil
        case (.date, .timestamp), (.date, .timestamptz), (.timestamp, .timestamptz): return false
        case (_, .text) where !(self.isNative): return false
        case (.native, _), (_, .native): return nil
        default: return true
        }
    }

    /// True for ``DataType/native(_:)``.
    public var isNative: Bool {
        if case .native = self { return true }
        return false
    }

    /// True for the integer, decimal and floating-point types.
    public var isNumeric: Bool {
        switch self {
        case .smallint, .integer, .bigint, .decimal, .real, .double: return true
        default: return false
        }
    }
}
