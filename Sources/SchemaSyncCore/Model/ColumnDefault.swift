import Foundation

/// A column's default value: a literal, a portable function, or a raw expression in the dialect.
///
/// In schema files: `default: 0`, `default: "draft"`, `default: true`,
/// `default: { function: current_timestamp }`, `default: { expression: "lower('X')" }`.
public enum ColumnDefault: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A string literal (unquoted here; connectors quote it).
    case string(String)
    /// A numeric literal, kept as its exact text (`0`, `-1.50`).
    case number(String)
    /// A boolean literal.
    case boolean(Bool)
    /// A portable function every dialect can render: see ``PortableFunction``.
    case function(PortableFunction)
    /// A raw SQL expression in the target's dialect, compared after the dialect normalises it.
    case expression(String)

    /// Functions with a portable meaning that each connector renders its own way.
    public enum PortableFunction: String, Hashable, Sendable, Codable, CaseIterable {
        case currentTimestamp = "current_timestamp"
        case currentDate = "current_date"
        case currentTime = "current_time"
    }

    public var description: String {
        switch self {
        case let .string(s): return SQLQuoting.enclosing(s, in: "'")
        case let .number(n): return n
        case let .boolean(b): return b ? "true" : "false"
        case let .function(f): return f.rawValue
        case let .expression(e): return e
        }
    }
}

extension ColumnDefault {
    /// The body of a DEFAULT clause as the SQL standard writes it: strings quoted with `quote`,
    /// numbers as written, TRUE/FALSE, CURRENT_TIMESTAMP / CURRENT_DATE / CURRENT_TIME,
    /// expressions in parentheses. Renderers start from it (``DDLRendering/defaultSQL(_:column:)``)
    /// and change only what their engine writes otherwise.
    public func standardSQL(quotingStrings quote: (String) -> String) -> String {
        switch self {
        case let .string(s): return quote(s)
        case let .number(n): return n
        case let .boolean(b): return b ? "TRUE" : "FALSE"
        case let .function(f):
            switch f {
            case .currentTimestamp: return "CURRENT_TIMESTAMP"
            case .currentDate: return "CURRENT_DATE"
            case .currentTime: return "CURRENT_TIME"
            }
        case let .expression(e): return "(\(e))"
        }
    }
}
