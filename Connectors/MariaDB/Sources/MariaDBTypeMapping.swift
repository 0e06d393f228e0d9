import Foundation
import SchemaSyncCore

/// The one table that maps portable types to MariaDB column types and back.
///
/// | portable      | MariaDB            | notes                                                  |
/// |---------------|--------------------|--------------------------------------------------------|
/// | boolean       | tinyint(1)         |                                                        |
/// | smallint      | smallint           |                                                        |
/// | integer       | int                |                                                        |
/// | bigint        | bigint             |                                                        |
/// | decimal(p,s)  | decimal(p,s)       | `decimal` alone is MariaDB's `decimal(10,0)`           |
/// | real          | float              |                                                        |
/// | double        | double             |                                                        |
/// | char(n)       | char(n)            | `char` alone is `char(1)`                              |
/// | varchar(n)    | varchar(n)         | `varchar` without a length becomes `varchar(255)`      |
/// | text          | text               | at most 64 KiB; name `longtext` natively for more      |
/// | binary        | blob               | at most 64 KiB; name `longblob` natively for more      |
/// | date          | date               |                                                        |
/// | time          | time(6)            |                                                        |
/// | timestamp     | datetime(6)        |                                                        |
/// | timestamptz   | datetime(6)        | lossy: no time zone is kept; store UTC                 |
/// | uuid          | uuid               | `char(36)` before MariaDB 10.7                         |
/// | json          | json               | MariaDB keeps it as `longtext` with a `json_valid` check |
///
/// Inspection goes the other way: each column gets the closest portable type, and when that
/// portable type would not render back to exactly the same MariaDB type (`int unsigned`,
/// `longtext`, `enum(...)`, `datetime(0)`), the exact type is kept as the column's `mariadb`
/// native type, so a round trip through a schema file is lossless.
public enum MariaDBTypeMapping {
    /// The MariaDB spelling of a portable type.
    public static func render(_ type: DataType, serverVersion: Int = 101100) -> String {
        switch type {
        case .boolean: return "tinyint(1)"
        case .smallint: return "smallint"
        case .integer: return "int"
        case .bigint: return "bigint"
        case let .decimal(p, s):
            guard let p else { return "decimal(10,0)" }
            return "decimal(\(p),\(s ?? 0))"
        case .real: return "float"
        case .double: return "double"
        case let .char(n): return "char(\(n ?? 1))"
        case let .varchar(n): return "varchar(\(n ?? 255))"
        case .text: return "text"
        case .binary: return "blob"
        case .date: return "date"
        case .time: return "time(6)"
        case .timestamp, .timestamptz: return "datetime(6)"
        case .uuid: return serverVersion >= 100700 ? "uuid" : "char(36)"
        case .json: return "json"
        case let .native(name): return name
        }
    }

    /// The MariaDB type of `column`: its `mariadb` native type verbatim, else its portable type's mapping.
    public static func columnType(_ column: Column, serverVersion: Int = 101100) -> String {
        if let native = column.nativeTypes[MariaDBDialect.dialectName] { return native }
        return render(column.type, serverVersion: serverVersion)
    }

    /// A normal form for comparing two MariaDB type spellings: lower case, single spaces,
    /// integer display widths dropped (except `tinyint(1)`), aliases resolved.
    /// `text` lower-cased except inside '...' literals: ENUM and SET members keep their spelling,
    /// which MariaDB stores and returns as declared.
    static func lowercasedOutsideQuotes(_ text: String) -> String {
        var out = ""
        var quoted = false
        for ch in text {
            if ch == "'" { quoted.toggle() }
            out += quoted ? String(ch) : ch.lowercased()
        }
        return out
    }

    public static func comparisonKey(_ text: String) -> String {
        var t = lowercasedOutsideQuotes(text).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
        t = t.replacingOccurrences(of: " (", with: "(").replacingOccurrences(of: ", ", with: ",")
        let aliases: [(String, String)] = [
            ("boolean", "tinyint(1)"), ("bool", "tinyint(1)"), ("integer", "int"), ("numeric", "decimal"),
            ("double precision", "double"), ("real", "double"), ("character varying", "varchar"),
            ("int1", "tinyint"), ("int2", "smallint"), ("int3", "mediumint"), ("int4", "int"), ("int8", "bigint"),
            ("dec", "decimal"), ("fixed", "decimal"),
        ]
        for (alias, target) in aliases where t == alias || t.hasPrefix(alias + "(") || t.hasPrefix(alias + " ") {
            t = target + t.dropFirst(alias.count)
            break
        }
        // Integer display widths carry no meaning, except tinyint(1), MariaDB's boolean.
        if let match = t.range(of: #"^(tinyint|smallint|mediumint|int|bigint)\(\d+\)"#, options: .regularExpression) {
            let head = String(t[match])
            if head != "tinyint(1)" {
                t = String(head.prefix { $0 != "(" }) + t[match.upperBound...]
            }
        }
        if t == "decimal" { t = "decimal(10,0)" }
        if let match = t.range(of: #"^decimal\(\d+\)"#, options: .regularExpression) {
            t = String(t[match].dropLast()) + ",0)" + t[match.upperBound...]
        }
        if t == "char" { t = "char(1)" }
        for temporal in ["datetime", "timestamp", "time"] where t == temporal + "(0)" { t = temporal }
        return t
    }

    /// The portable type (and, when needed, the exact native type) for an inspected `COLUMN_TYPE`.
    public static func inspected(columnType: String, isJSON: Bool) -> (type: DataType, native: String?) {
        if isJSON { return (.json, nil) }
        let t = columnType.lowercased()
        let base = String(t.prefix { $0.isLetter })
        let unsigned = t.contains("unsigned")
        let portable: DataType
        switch base {
        case "tinyint": portable = (comparisonKey(t) == "tinyint(1)") ? .boolean : .smallint
        case "smallint": portable = unsigned ? .integer : .smallint
        case "mediumint": portable = .integer
        case "int": portable = unsigned ? .bigint : .integer
        case "bigint": portable = unsigned ? .decimal(precision: 20, scale: 0) : .bigint
        case "decimal":
            let (p, s) = arguments(t)
            portable = .decimal(precision: p ?? 10, scale: s ?? 0)
        case "float": portable = .real
        case "double": portable = .double
        case "char": portable = .char(length: arguments(t).0)
        case "varchar": portable = .varchar(length: arguments(t).0)
        case "tinytext", "text", "mediumtext", "longtext", "enum", "set": portable = .text
        case "tinyblob", "blob", "mediumblob", "longblob", "binary", "varbinary": portable = .binary
        case "date": portable = .date
        case "time": portable = .time
        case "datetime": portable = .timestamp
        case "timestamp": portable = .timestamptz
        case "uuid": portable = .uuid
        case "year": portable = .smallint
        default: return (.native(columnType), nil)
        }
        let exact = comparisonKey(columnType) == comparisonKey(render(portable))
        return (portable, exact ? nil : normalizedSpelling(columnType))
    }

    /// `int(10) unsigned` → `int unsigned`: the spelling kept as a native type.
    static func normalizedSpelling(_ columnType: String) -> String {
        comparisonKey(columnType) == "tinyint(1)" ? "tinyint(1)" : comparisonKey(columnType)
    }

    private static func arguments(_ t: String) -> (Int?, Int?) {
        guard let open = t.firstIndex(of: "("), let close = t.firstIndex(of: ")"), open < close else { return (nil, nil) }
        let parts = t[t.index(after: open)..<close].split(separator: ",").map { Int($0.trimmingWhitespace()) }
        return (parts.first ?? nil, parts.count > 1 ? parts[1] : nil)
    }

    /// Integer family rank and signedness, for narrowing decisions.
    static func integerRank(_ key: String) -> (rank: Int, unsigned: Bool)? {
        let base = String(key.prefix { $0.isLetter })
        let ranks = ["tinyint": 1, "smallint": 2, "mediumint": 3, "int": 4, "bigint": 5]
        guard let rank = ranks[base] else { return nil }
        return (rank, key.contains("unsigned"))
    }

    /// Capacity rank of the text and blob families and of varchar/char lengths.
    static func stringCapacity(_ key: String) -> (family: String, capacity: Int)? {
        let base = String(key.prefix { $0.isLetter })
        switch base {
        case "char", "varchar": return ("text", arguments(key).0 ?? 1)
        case "tinytext": return ("text", 255)
        case "text": return ("text", 65_535)
        case "mediumtext": return ("text", 16_777_215)
        case "longtext", "json": return ("text", Int.max)
        case "binary", "varbinary": return ("blob", arguments(key).0 ?? 1)
        case "tinyblob": return ("blob", 255)
        case "blob": return ("blob", 65_535)
        case "mediumblob": return ("blob", 16_777_215)
        case "longblob": return ("blob", Int.max)
        default: return nil
        }
    }
}
