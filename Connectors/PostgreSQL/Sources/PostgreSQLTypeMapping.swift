import SchemaSyncCore

/// The one table between portable types and PostgreSQL types.
///
/// | portable        | PostgreSQL                      |
/// |-----------------|---------------------------------|
/// | boolean         | boolean                         |
/// | smallint        | smallint                        |
/// | integer         | integer                         |
/// | bigint          | bigint                          |
/// | decimal(p,s)    | numeric(p,s)                    |
/// | real            | real                            |
/// | double          | double precision                |
/// | char(n)         | character(n)                    |
/// | varchar(n)      | character varying(n)            |
/// | text            | text                            |
/// | binary          | bytea                           |
/// | date            | date                            |
/// | time            | time without time zone          |
/// | timestamp       | timestamp without time zone     |
/// | timestamptz     | timestamp with time zone        |
/// | uuid            | uuid                            |
/// | json            | json                            |
///
/// Everything else (jsonb, arrays, `timestamp(3)`, enums, ...) is a native type, spelled as
/// PostgreSQL's `format_type` prints it.
enum PostgreSQLTypeMapping {
    /// The SQL spelling used in DDL.
    static func sql(for type: DataType) -> String {
        switch type {
        case .boolean: return "boolean"
        case .smallint: return "smallint"
        case .integer: return "integer"
        case .bigint: return "bigint"
        case let .decimal(p, s):
            guard let p else { return "numeric" }
            return "numeric(\(p),\(s ?? 0))"
        case .real: return "real"
        case .double: return "double precision"
        case let .char(n): return "character(\(n ?? 1))"
        case let .varchar(n): return n.map { "character varying(\($0))" } ?? "character varying"
        case .text: return "text"
        case .binary: return "bytea"
        case .date: return "date"
        case .time: return "time without time zone"
        case .timestamp: return "timestamp without time zone"
        case .timestamptz: return "timestamp with time zone"
        case .uuid: return "uuid"
        case .json: return "json"
        case let .native(name): return name
        }
    }

    /// The neutral type for a `format_type(atttypid, atttypmod)` result.
    static func dataType(fromCatalog text: String) -> DataType {
        let t = text.trimmingWhitespace()
        switch t {
        case "boolean": return .boolean
        case "smallint": return .smallint
        case "integer": return .integer
        case "bigint": return .bigint
        case "real": return .real
        case "double precision": return .double
        case "text": return .text
        case "bytea": return .binary
        case "date": return .date
        case "time without time zone": return .time
        case "timestamp without time zone": return .timestamp
        case "timestamp with time zone": return .timestamptz
        case "uuid": return .uuid
        case "json": return .json
        case "numeric": return .decimal(precision: nil, scale: nil)
        case "character varying": return .varchar(length: nil)
        default: break
        }
        if let args = arguments(t, base: "numeric"), args.count == 2 {
            return .decimal(precision: args[0], scale: args[1])
        }
        if let args = arguments(t, base: "character varying"), args.count == 1 { return .varchar(length: args[0]) }
        if let args = arguments(t, base: "character"), args.count == 1 { return .char(length: args[0]) }
        return .native(t)
    }

    /// `numeric(12,2)` with base `numeric` → [12, 2]; nil when `text` is not `base(...)`.
    private static func arguments(_ text: String, base: String) -> [Int]? {
        guard text.hasPrefix(base + "("), text.hasSuffix(")") else { return nil }
        let inner = text.dropFirst(base.count + 1).dropLast()
        let parts = inner.split(separator: ",").map { Int($0.trimmingWhitespace()) }
        guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return nil }
        return parts.map { $0! }
    }

    /// PostgreSQL's internal names for portable types (``Dialect/typeAliases``).
    static let aliases: [String: DataType] = [
        "int2": .smallint, "int4": .integer, "int8": .bigint, "float4": .real, "float8": .double, "bytea": .binary,
    ]

    /// A comparison key: the catalog spelling for portable types, lower-cased native text otherwise.
    static func comparisonKey(_ type: DataType) -> String {
        let spelled = sql(for: type).lowercased()
        // A native type written with a portable spelling (`int4`, `timestamptz`) compares as that type.
        if case .native = type, let parsed = DataType.parse(spelled, aliases: aliases) { return sql(for: parsed) }
        let collapsed = spelled.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        return nativeAliases[collapsed] ?? collapsed
    }

    /// Common native spellings and how `format_type` prints them.
    private static let nativeAliases: [String: String] = [
        "int4[]": "integer[]", "int[]": "integer[]", "int8[]": "bigint[]", "text []": "text[]",
        "timestamptz(0)": "timestamp(0) with time zone", "timestamptz(3)": "timestamp(3) with time zone",
        "timestamptz(6)": "timestamp(6) with time zone", "timestamp(0)": "timestamp(0) without time zone",
        "timestamp(3)": "timestamp(3) without time zone", "timestamp(6)": "timestamp(6) without time zone",
        "timetz": "time with time zone", "varbit": "bit varying", "bool[]": "boolean[]",
    ]

    /// True for types whose values are character strings.
    static func isStringType(_ type: DataType) -> Bool {
        switch type {
        case .char, .varchar, .text: return true
        case let .native(n): return n == "citext" || n.hasPrefix("character") || n == "name"
        default: return false
        }
    }

    /// True for numeric types whose defaults are numeric literals.
    static func isNumericType(_ type: DataType) -> Bool {
        switch type {
        case .smallint, .integer, .bigint, .decimal, .real, .double: return true
        case let .native(n): return n == "money" || n == "oid"
        default: return false
        }
    }
}
