import SchemaSyncCore

/// Maps portable types to SQLite declared types and back. SQLite keeps the declared type
/// verbatim, so a portable type round-trips through the spelling chosen here.
enum SQLiteTypeMapping {
    /// The declared type written in `CREATE TABLE`.
    static func declaredType(_ type: DataType) -> String {
        switch type {
        case .boolean: return "BOOLEAN"
        case .smallint: return "SMALLINT"
        case .integer: return "INTEGER"
        case .bigint: return "BIGINT"
        case let .decimal(p, s):
            guard let p else { return "DECIMAL" }
            return s.map { "DECIMAL(\(p),\($0))" } ?? "DECIMAL(\(p))"
        case .real: return "REAL"
        case .double: return "DOUBLE"
        case let .char(n): return n.map { "CHAR(\($0))" } ?? "CHAR"
        case let .varchar(n): return n.map { "VARCHAR(\($0))" } ?? "VARCHAR"
        case .text: return "TEXT"
        case .binary: return "BLOB"
        case .date: return "DATE"
        case .time: return "TIME"
        case .timestamp: return "TIMESTAMP"
        case .timestamptz: return "TIMESTAMPTZ"
        case .uuid: return "UUID"
        case .json: return "JSON"
        case let .native(name): return name
        }
    }

    /// Declared type names that other engines' DDL brings and SQLite keeps verbatim, read as
    /// the portable type they name (``Dialect/typeAliases``).
    static let aliases: [String: DataType] = [
        "int2": .smallint, "int4": .integer, "int8": .bigint, "float4": .real, "float8": .double,
        "bytea": .binary, "datetime": .timestamp,
    ]

    /// The neutral type for a declared type; unknown spellings stay native.
    static func dataType(declared: String) -> DataType {
        let trimmed = declared.trimmingWhitespace()
        if let portable = DataType.parse(trimmed, aliases: aliases) { return portable }
        return .native(trimmed)
    }

    /// The declared spelling to keep beside a portable type, when this mapping would write the
    /// type differently (`INT`, `NUMERIC(10,2)`, `varchar(20)`): SQLite keeps declared types
    /// verbatim and derives affinity and the rowid alias from the words (`INT PRIMARY KEY` is not
    /// the rowid, `INTEGER PRIMARY KEY` is).
    static func spellingToKeep(declared: String) -> String? {
        let trimmed = declared.trimmingWhitespace()
        guard let portable = DataType.parse(trimmed, aliases: aliases), declaredType(portable) != trimmed else { return nil }
        return trimmed
    }

    /// A declared spelling compared the way SQLite reads it: letter case and spacing ignored.
    static func comparable(_ spelling: String) -> String {
        spelling.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: " (", with: "(").replacingOccurrences(of: ", ", with: ",")
    }
}
