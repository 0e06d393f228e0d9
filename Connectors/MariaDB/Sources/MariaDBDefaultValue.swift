import Foundation
import SchemaSyncCore

/// Reading, writing and comparing column defaults the way MariaDB 10.2+ shows them in
/// `information_schema.COLUMNS.COLUMN_DEFAULT`: literals quoted (`'abc'`), numbers bare,
/// `NULL` as the word NULL, functions as `current_timestamp()`, `curdate()`, other expressions as text.
enum MariaDBDefaultValue {
    /// Parses an inspected `COLUMN_DEFAULT`; nil when the column has no default (or DEFAULT NULL).
    static func parse(_ raw: String?) -> ColumnDefault? {
        guard let raw else { return nil }
        let text = raw.trimmingWhitespace()
        if text.uppercased() == "NULL" { return nil }
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            return .string(unquote(String(text.dropFirst().dropLast())))
        }
        if isNumber(text) { return .number(text) }
        if let function = portableFunction(text) { return .function(function) }
        return .expression(text)
    }

    /// The DEFAULT clause body for `value` on `column` (without the DEFAULT keyword).
    static func render(_ value: ColumnDefault, column: Column, dialect: MariaDBDialect) -> String {
        switch value {
        case let .string(s): return dialect.quoteString(s)
        case let .number(n): return n
        case let .boolean(b): return b ? "1" : "0"
        case let .function(f):
            switch f {
            case .currentTimestamp:
                let precision = fractionalPrecision(MariaDBTypeMapping.columnType(column, serverVersion: dialect.serverVersion))
                return precision > 0 ? "CURRENT_TIMESTAMP(\(precision))" : "CURRENT_TIMESTAMP"
            case .currentDate: return "(curdate())"
            case .currentTime: return "(curtime())"
            }
        case let .expression(e):
            let trimmed = e.trimmingWhitespace()
            if portableFunction(trimmed) != nil { return trimmed }
            return "(" + trimmed + ")"
        }
    }

    /// A form in which two defaults that mean the same compare equal.
    static func comparable(_ value: ColumnDefault?, column: Column) -> String? {
        guard let value else { return nil }
        let key = MariaDBTypeMapping.comparisonKey(MariaDBTypeMapping.columnType(column))
        let numeric = MariaDBTypeMapping.integerRank(key) != nil || key.hasPrefix("decimal") || key.hasPrefix("float")
            || key.hasPrefix("double") || key.hasPrefix("bit")
        let temporal = ["datetime", "timestamp", "time", "date"].contains { key.hasPrefix($0) }
        switch value {
        case let .boolean(b): return numeric ? number(b ? "1" : "0") : "'" + (b ? "1" : "0")
        case let .number(n): return numeric ? number(n) : "'" + n
        case let .string(s):
            if numeric, isNumber(s) { return number(s) }
            if temporal { return "'" + trimFraction(s) }
            return "'" + s
        case let .function(f): return "f:" + f.rawValue
        case let .expression(e):
            let trimmed = ExpressionText.stripOuterParentheses(e.trimmingWhitespace())
            if let f = portableFunction(trimmed) { return "f:" + f.rawValue }
            if isNumber(trimmed) { return numeric ? number(trimmed) : "'" + trimmed }
            return "e:" + MariaDBExpression.normalized(trimmed)
        }
    }

    /// `current_timestamp()`, `now(6)`, `curdate()`, ... as a portable function.
    static func portableFunction(_ text: String) -> ColumnDefault.PortableFunction? {
        let t = text.lowercased().replacingOccurrences(of: " ", with: "")
        let name = String(t.prefix { $0.isLetter || $0 == "_" })
        let rest = t.dropFirst(name.count)
        guard rest.isEmpty || rest.range(of: #"^\(\d*\)$"#, options: .regularExpression) != nil else { return nil }
        switch name {
        case "current_timestamp", "now", "localtimestamp", "localtime": return .currentTimestamp
        case "curdate", "current_date": return .currentDate
        case "curtime", "current_time": return .currentTime
        default: return nil
        }
    }

    /// The fractional-second precision of `datetime(6)`, `timestamp(3)`; 0 otherwise.
    static func fractionalPrecision(_ type: String) -> Int {
        let key = MariaDBTypeMapping.comparisonKey(type)
        guard key.hasPrefix("datetime(") || key.hasPrefix("timestamp(") || key.hasPrefix("time("),
              let open = key.firstIndex(of: "("), let close = key.firstIndex(of: ")") else { return 0 }
        return Int(key[key.index(after: open)..<close]) ?? 0
    }

    static func isNumber(_ text: String) -> Bool {
        DecimalLiteral.matches(text)
    }

    private static func number(_ text: String) -> String {
        if let d = Decimal(string: text.trimmingWhitespace()) { return "n:" + d.description }
        return "n:" + text
    }

    private static func trimFraction(_ s: String) -> String {
        guard let dot = s.lastIndex(of: "."), s[s.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return s }
        return String(s[..<dot])
    }

    /// Undoes MariaDB's literal escaping: `''` and backslash escapes.
    static func unquote(_ body: String) -> String {
        var out = ""
        var iterator = body.makeIterator()
        while let ch = iterator.next() {
            if ch == "'" {
                if let next = iterator.next() { out.append(next == "'" ? "'" : next) }
                continue
            }
            guard ch == "\\", let next = iterator.next() else { out.append(ch); continue }
            switch next {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "0": out.append("\0")
            case "Z": out.append("\u{1A}")
            case "b": out.append("\u{08}")
            default: out.append(next)
            }
        }
        return out
    }
}
