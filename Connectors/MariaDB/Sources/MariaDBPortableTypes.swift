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
            return PortableTypeMapping(type: .text, note: "a set becomes text; its allowed values are not checked")
        }
        if lower == "bigint unsigned" || lower.hasPrefix("bigint(") && lower.hasSuffix("unsigned") {
            return PortableTypeMapping(type: .decimal(precision: 20, scale: 0), note: "values above the signed 64-bit range need decimal(20,0)")
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
        case let .decimal(p, s): return p.map { "DECIMAL(\($0),\(s ?? 0))" } ?? "DECIMAL"
        case .real, .double: return "DOUBLE"
        case .char, .varchar, .text, .uuid, .json: return "CHAR"
        case .binary: return "BINARY"
        case .date: return "DATE"
        case .time: return "TIME"
        case .timestamp, .timestamptz: return "DATETIME"
        case .native: return nil
        }
    }

    /// `ON UPDATE` sets the column on every update; without it the value stays.
    public var behaviouralAttributes: Set<String> { ["mariadb.on_update"] }

    public func approximation(of type: DataType) -> String? {
        type == .timestamptz ? "MariaDB keeps datetime(6) without a time zone: store UTC" : nil
    }
}
