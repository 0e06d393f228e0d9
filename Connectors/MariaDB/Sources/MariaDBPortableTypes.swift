import SchemaSyncCore

/// What MariaDB's types, functions and casts become when a schema is copied to or from another engine.
extension MariaDBDialect {
    /// `enum(...)` becomes a varchar as long as the longest label, with a check of the labels;
    /// other MariaDB-only types keep the portable type the inspector chose beside them.
    public func portableType(forNative native: String, column: Column) -> PortableTypeMapping? {
        let text = native.trimmingWhitespace()
        let lower = text.lowercased()
        if lower.hasPrefix("enum("), let labels = Self.labels(text) {
            let length = max(1, labels.map(\.count).max() ?? 1)
            let check = PortableExpression.inList(.column(table: nil, name: column.name), labels.map { .string($0) }, negated: false)
            return PortableTypeMapping(type: .varchar(length: length), note: "an enum becomes varchar(\(length)) with a check of its labels", check: check)
        }
        if lower.hasPrefix("set(") {
            return PortableTypeMapping(type: .text, note: "a set becomes text; its allowed values are not checked", needsAllowLossy: true)
        }
        // Unsigned integers keep their range with a check that refuses negatives.
        let nonNegative = PortableExpression.binary(">=", .column(table: nil, name: column.name), .number("0"))
        if lower.hasPrefix("bigint") && lower.contains("unsigned") {
            if column.identity != nil {
                return PortableTypeMapping(type: .bigint, note: "an auto-increment id; values above 9223372036854775807 would not fit", check: nonNegative)
            }
            return PortableTypeMapping(type: .decimal(precision: 20, scale: 0), note: "values above the signed 64-bit range need decimal(20,0)", check: nonNegative)
        }
        if lower.contains("unsigned") && !column.type.isNative {
            return PortableTypeMapping(type: column.type, note: "unsigned: a check refuses negative values", check: nonNegative)
        }
        return nil
    }

    /// The labels of `enum('a','b')` (quotes doubled inside a label), nil when unreadable.
    static func labels(_ text: String) -> [String]? {
        guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return nil }
        let inner = Array(text[text.index(after: open)..<text.index(before: text.endIndex)])
        var labels: [String] = [], i = 0
        while i < inner.count {
            guard inner[i] == "'" else { return nil }
            i += 1
            var label = ""
            while i < inner.count {
                if inner[i] == "'" {
                    if i + 1 < inner.count && inner[i + 1] == "'" { label.append("'"); i += 2; continue }
                    break
                }
                label.append(inner[i])
                i += 1
            }
            guard i < inner.count else { return nil }
            labels.append(label)
            i += 1
            if i < inner.count { guard inner[i] == "," else { return nil }; i += 1 }
        }
        return labels
    }

    /// MariaDB's `length` counts bytes; `char_length` counts characters, like the others' `length`.
    public func portableFunction(_ name: String, arguments: [String], distinct: Bool) -> String {
        "\(name == "length" ? "char_length" : name)(\(distinct ? "DISTINCT " : "")\(arguments.joined(separator: ", ")))"
    }

    /// `||` is OR in MariaDB's default SQL mode.
    public func portableOperator(_ op: String, _ left: String, _ right: String) -> String? {
        op == "||" ? "concat(\(left), \(right))" : nil
    }

    public func portableCastType(_ type: DataType) -> String? {
        switch type {
        case .boolean, .smallint, .integer, .bigint: return "SIGNED"
        case let .decimal(p, s): return p.map { "DECIMAL(\($0),\(s ?? 0))" } ?? "DECIMAL(65,30)" // bare DECIMAL is (10,0)
        case .real, .double: return "DOUBLE"
        case .char, .varchar, .text, .uuid, .json: return "CHAR"
        case .binary: return "BINARY"
        case .date: return "DATE"
        case .time: return "TIME"
        case .timestamp, .timestamptz: return "DATETIME"
        case .native: return nil
        }
    }

    /// Primary key columns cannot be TEXT or BLOB (a key holds at most 3072 bytes: varchar
    /// of 768 utf8mb4 characters shared by the key's columns); `decimal` needs a precision.
    public func targetType(for type: DataType, keyParts: Int?) -> PortableTypeMapping? {
        let share = max(1, 768 / max(1, keyParts ?? 1))
        switch (type, keyParts) {
        case (.text, _?), (.json, _?):
            return PortableTypeMapping(type: .varchar(length: share), note: "a MariaDB key cannot hold TEXT; longer values are refused", needsAllowLossy: true)
        case (.binary, _?):
            return PortableTypeMapping(type: .native("varbinary(\(share * 4))"), note: "a MariaDB key cannot hold BLOB; longer values are refused", needsAllowLossy: true)
        case (.decimal(nil, _), _):
            return PortableTypeMapping(type: .decimal(precision: 65, scale: 30), note: "MariaDB needs a precision: decimal(65,30) keeps 35 integer and 30 fractional digits")
        default:
            return nil
        }
    }

    /// A plain index with TEXT/BLOB columns among several gets a prefix on each of them, so the
    /// key fits InnoDB's 3072 bytes (MariaDB gives a lone whole-column part the longest prefix by
    /// itself, but refuses a key that does not fit).
    public func targetIndex(_ index: Index, in table: Table) -> (index: Index, note: String)? {
        guard !index.unique, index.normalizedMethod == nil, index.parts.count > 1 else { return nil }
        var long: [Int] = [], used = 0
        for (i, part) in index.parts.enumerated() {
            guard let column = part.column.flatMap(table.column(named:)) else { used += 16; continue }
            if part.prefixLength == nil && MariaDBCanonicalizer.isLongValueColumn(column) {
                long.append(i)
            } else if let length = part.prefixLength {
                used += 4 * length
            } else {
                switch column.type {
                case let .varchar(n), let .char(n): used += 4 * (n ?? 255)
                default: used += 16
                }
            }
        }
        let prefix = (3072 - used) / (4 * max(1, long.count))
        guard !long.isEmpty, prefix >= 1 else { return nil }
        var copy = index
        for i in long { copy.parts[i].prefixLength = prefix }
        return (copy, "the key must fit 3072 bytes: MariaDB indexes the first \(prefix) characters of each TEXT column here")
    }

    /// `ON UPDATE` sets the column on every update; without it the value stays.
    public var behaviouralAttributes: Set<String> { ["mariadb.on_update"] }

    public func approximation(of type: DataType) -> String? {
        type == .timestamptz ? "MariaDB keeps datetime(6) without a time zone: store UTC" : nil
    }
}
