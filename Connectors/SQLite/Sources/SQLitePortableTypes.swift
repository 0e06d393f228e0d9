import SchemaSyncCore

/// What SQLite's types and casts become when a schema is copied to or from another engine.
extension SQLiteDialect {
    /// A declared type SQLite does not know maps by SQLite's own affinity rules.
    public func portableType(forNative native: String, column: Column) -> PortableTypeMapping? {
        let upper = native.uppercased()
        let type: DataType
        if upper.contains("INT") { type = .bigint }
        else if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") { type = .text }
        else if upper.contains("BLOB") || upper.isEmpty { type = .binary }
        else if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") { type = .double }
        else { type = .decimal(precision: nil, scale: nil) }
        return PortableTypeMapping(type: type, note: "by SQLite's affinity rules for '\(native)'")
    }

    /// SQLite's INTEGER PRIMARY KEY (the rowid) is a 64-bit integer whatever the declared width.
    public func exportedType(of column: Column, in table: Table) -> PortableTypeMapping? {
        guard column.identity != nil, column.type == .integer, table.primaryKey?.columns == [column.name] else { return nil }
        return PortableTypeMapping(type: .bigint, note: "SQLite's INTEGER PRIMARY KEY holds 64-bit values")
    }

    public func portableCastType(_ type: DataType) -> String? {
        switch type {
        case .boolean, .smallint, .integer, .bigint: return "INTEGER"
        case .decimal: return "NUMERIC"
        case .real, .double: return "REAL"
        case .char, .varchar, .text, .uuid, .json, .date, .time, .timestamp, .timestamptz: return "TEXT"
        case .binary: return "BLOB"
        case .native: return nil
        }
    }

    public func approximation(of type: DataType) -> String? {
        switch type {
        case .timestamptz: return "SQLite keeps it as text; no time zone conversion"
        case let .decimal(p, _) where (p ?? 0) > 15: return "SQLite may keep more than 15 digits as a floating-point value"
        default: return nil
        }
    }
}
