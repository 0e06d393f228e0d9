/// Which narrowing changes get a ``DataCheck/unfit(table:column:type:from:)`` count, and the
/// standard SQL condition (PostgreSQL and MariaDB accept it) that finds the rows whose value
/// does not fit the new type. A dialect may override ``Dialect/dataCheckQuery(_:)``.
public enum NarrowingCheck {
    /// Whether rows that do not fit `type` can be counted: a string type with a length (from a
    /// string type), an integer type, or a decimal with a precision (from a number).
    public static func canCount(type: DataType, from: DataType) -> Bool {
        condition("c", type: type, from: from) != nil
    }

    /// The condition on `column` (already quoted) that is true for a value that does not fit.
    public static func condition(_ column: String, type: DataType, from: DataType) -> String? {
        switch type {
        case let .char(n?), let .varchar(n?):
            guard isString(from) else { return nil }
            return "CHAR_LENGTH(\(column)) > \(n)"
        case .smallint, .integer, .bigint:
            guard isNumber(from) else { return nil }
            let (low, high) = type == .smallint ? ("-32768", "32767")
                : type == .integer ? ("-2147483648", "2147483647") : ("-9223372036854775808", "9223372036854775807")
            let range = "\(column) < \(low) OR \(column) > \(high)"
            // From a decimal or floating type the fraction would be rounded away too.
            return from.isInteger ? range : "\(range) OR \(column) <> ROUND(\(column))"
        case let .decimal(p?, s):
            guard isNumber(from) else { return nil }
            let scale = s ?? 0
            let value: String
            if case .decimal = from { value = column } else if from.isInteger { value = column } else {
                value = "CAST(\(column) AS DECIMAL(65, 30))"
            }
            // More fractional digits than the scale keeps, or an integer part (after rounding)
            // with more digits than precision - scale allows.
            let limit = "1" + String(repeating: "0", count: max(0, p - scale))
            return "\(value) <> ROUND(\(value), \(scale)) OR ABS(ROUND(\(value), \(scale))) >= \(limit)"
        default:
            return nil
        }
    }

    private static func isString(_ type: DataType) -> Bool {
        switch type {
        case .char, .varchar, .text: return true
        case let .native(name):
            let lower = name.lowercased()
            return lower.contains("char") || lower.contains("text")
        default: return false
        }
    }

    private static func isNumber(_ type: DataType) -> Bool {
        switch type {
        case .smallint, .integer, .bigint, .decimal, .real, .double: return true
        case let .native(name):
            let lower = name.lowercased()
            return ["int", "decimal", "numeric", "float", "double", "real"].contains { lower.contains($0) }
        default: return false
        }
    }
}
