import SchemaSyncCore

/// How portable types are spelled in Firebird 3 and how catalog type codes read back.
///
/// | portable | Firebird 3 |
/// | --- | --- |
/// | boolean, smallint, integer, bigint | BOOLEAN, SMALLINT, INTEGER, BIGINT |
/// | decimal(p,s) | DECIMAL(p,s), p ≤ 18; `decimal` alone is DECIMAL(18,4), `decimal(p)` DECIMAL(p,0) |
/// | real, double | FLOAT, DOUBLE PRECISION |
/// | char(n), varchar(n) | CHAR(n), VARCHAR(n) CHARACTER SET UTF8 (no length: 1 and 8191) |
/// | text, binary | BLOB SUB_TYPE TEXT CHARACTER SET UTF8, BLOB SUB_TYPE BINARY |
/// | date, time, timestamp | DATE, TIME, TIMESTAMP |
/// | uuid | CHAR(16) CHARACTER SET OCTETS (16 raw bytes) |
///
/// Firebird 3 has no time zone types and no JSON type: ``FirebirdDialect/validate(_:)`` refuses
/// `timestamptz` and `json`. NUMERIC columns read back as `decimal` (Firebird stores both as
/// scaled integers). Text in another character set, or with a collation of its own, reads back
/// as a native type (`VARCHAR(10) CHARACTER SET WIN1252`).
enum FirebirdTypeMapping {
    /// The longest VARCHAR in UTF8 (32,765 bytes / 4).
    static let maxVarcharLength = 8191

    /// The column type as a Firebird column definition spells it.
    static func sql(_ type: DataType) -> String {
        switch type {
        case .boolean: return "BOOLEAN"
        case .smallint: return "SMALLINT"
        case .integer: return "INTEGER"
        case .bigint: return "BIGINT"
        case let .decimal(p, s):
            guard let p else { return "DECIMAL(18,4)" }
            return "DECIMAL(\(p),\(s ?? 0))"
        case .real: return "FLOAT"
        case .double: return "DOUBLE PRECISION"
        case let .char(n): return "CHAR(\(n ?? 1)) CHARACTER SET UTF8"
        case let .varchar(n): return "VARCHAR(\(n ?? maxVarcharLength)) CHARACTER SET UTF8"
        case .text: return "BLOB SUB_TYPE TEXT CHARACTER SET UTF8"
        case .binary: return "BLOB SUB_TYPE BINARY"
        case .date: return "DATE"
        case .time: return "TIME"
        case .timestamp: return "TIMESTAMP"
        case .timestamptz: return "TIMESTAMP"   // refused by validate before rendering
        case .uuid: return "CHAR(16) CHARACTER SET OCTETS"
        case .json: return "BLOB SUB_TYPE TEXT CHARACTER SET UTF8"   // refused by validate
        case let .native(name): return name
        }
    }

    /// ``sql(_:)`` upper-cased with single spaces, for comparing two spellings of one type.
    static func comparable(_ type: DataType) -> String {
        sql(type).uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            .replacingOccurrences(of: "NUMERIC(", with: "DECIMAL(")
            .replacingOccurrences(of: ", ", with: ",")
    }

    /// One column's type from its `RDB$FIELDS` row.
    struct FieldType {
        var code: Int
        var subType: Int?
        var byteLength: Int?
        var characterLength: Int?
        var precision: Int?
        var scale: Int?
        var characterSet: String?
        var collation: String?
    }

    /// The neutral type of a catalog field; native for what has no portable equivalent.
    static func type(of field: FieldType) -> DataType {
        let scale = -(field.scale ?? 0)
        let sub = field.subType ?? 0
        switch field.code {
        case 7, 8, 16:
            if sub == 1 || sub == 2 || scale > 0 {
                let defaultPrecision = field.code == 7 ? 4 : field.code == 8 ? 9 : 18
                let precision = (field.precision ?? 0) > 0 ? field.precision! : defaultPrecision
                return .decimal(precision: precision, scale: scale)
            }
            return field.code == 7 ? .smallint : field.code == 8 ? .integer : .bigint
        case 10: return .real
        case 27: return .double
        case 12: return .date
        case 13: return .time
        case 35: return .timestamp
        case 23: return .boolean
        case 14, 37:
            let length = field.characterLength ?? field.byteLength ?? 1
            let charset = field.characterSet ?? "NONE"
            let keyword = field.code == 14 ? "CHAR" : "VARCHAR"
            if charset == "OCTETS" && field.code == 14 && length == 16 { return .uuid }
            if charset == "UTF8" && (field.collation == nil || field.collation == "UTF8") {
                return field.code == 14 ? .char(length: length) : .varchar(length: length)
            }
            return .native("\(keyword)(\(length)) CHARACTER SET \(charset)" + collationSuffix(field))
        case 261:
            if sub == 0 { return .binary }
            if sub == 1 {
                let charset = field.characterSet ?? "NONE"
                if charset == "UTF8" && (field.collation == nil || field.collation == "UTF8") { return .text }
                return .native("BLOB SUB_TYPE TEXT CHARACTER SET \(charset)" + collationSuffix(field))
            }
            return .native("BLOB SUB_TYPE \(sub)")
        default:
            return .native("TYPE \(field.code)")
        }
    }

    private static func collationSuffix(_ field: FieldType) -> String {
        guard let collation = field.collation, collation != field.characterSet else { return "" }
        return " COLLATE \(collation)"
    }

    /// Firebird's own names for portable types (lower-case, without arguments).
    static let aliases: [String: DataType] = [
        "float": .real,
        "double precision": .double,
        "int64": .bigint,
        "blob sub_type text": .text,
        "blob sub_type 1": .text,
        "blob sub_type binary": .binary,
        "blob sub_type 0": .binary,
        "varchar": .varchar(length: nil),
    ]
}
