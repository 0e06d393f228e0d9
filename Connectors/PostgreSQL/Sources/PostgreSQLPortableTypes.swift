import SchemaSyncCore

/// What PostgreSQL's types and casts become when a schema is copied to or from another engine.
extension PostgreSQLDialect {
    /// PostgreSQL types without a portable equivalent, mapped to the nearest safe portable type.
    public func portableType(forNative native: String, column: Column) -> PortableTypeMapping? {
        let text = native.lowercased().trimmingWhitespace()
        if text.hasSuffix("[]") {
            return PortableTypeMapping(type: .json, note: "an array becomes a JSON array; write its values as JSON")
        }
        let base = text.split(separator: "(").first.map { $0.trimmingWhitespace() } ?? text
        switch base {
        case "jsonb": return PortableTypeMapping(type: .json, note: "binary JSON storage, its operators and GIN indexing are lost")
        case "interval": return PortableTypeMapping(type: .text, note: "kept as text; interval arithmetic is lost")
        case "inet", "cidr", "macaddr", "macaddr8": return PortableTypeMapping(type: .text, note: "kept as text; address operators and validation are lost")
        case "money": return PortableTypeMapping(type: .decimal(precision: 19, scale: 2), note: "a fixed two-decimal number; the currency format is lost")
        case "xml": return PortableTypeMapping(type: .text, note: "kept as text; XML validation is lost")
        case "citext": return PortableTypeMapping(type: .text, note: "comparisons become case-sensitive where the target's collation is")
        case "bit", "bit varying": return PortableTypeMapping(type: .text, note: "kept as text of 0s and 1s")
        default: break
        }
        if text.hasPrefix("timestamp") {
            let zoned = text.contains("with time zone")
            return PortableTypeMapping(type: zoned ? .timestamptz : .timestamp, note: "the fractional-second precision is the target's")
        }
        if text.hasPrefix("time") {
            return PortableTypeMapping(type: .time, note: text.contains("with time zone") ? "the time zone offset is lost" : "the fractional-second precision is the target's")
        }
        return nil
    }

    public func portableCastType(_ type: DataType) -> String? {
        type.isNative ? nil : PostgreSQLTypeMapping.sql(for: type)
    }
}
