import Foundation
import SchemaSyncCore

/// MariaDB's dialect: backtick quoting, the type table of ``MariaDBTypeMapping``, default and
/// expression normalisation, and rendering with MariaDB 10.11's guarded DDL (see ``MariaDBRenderer``).
///
/// Attributes it understands (keys are namespaced so other dialects can ignore them):
/// - table: `mariadb.engine`, `mariadb.charset`, `mariadb.collation`;
/// - column: `mariadb.charset`, `mariadb.collation`, `mariadb.on_update` (e.g. `current_timestamp`).
public struct MariaDBDialect: Dialect {
    public static let dialectName = "mariadb"
    /// Attribute keys.
    public enum Attribute {
        public static let engine = "mariadb.engine"
        public static let charset = "mariadb.charset"
        public static let collation = "mariadb.collation"
        public static let onUpdate = "mariadb.on_update"
        /// An `INVISIBLE` column (left out of `SELECT *`): `true`; absent: visible.
        public static let invisible = "mariadb.invisible"
        /// Table `ROW_FORMAT` as declared (`COMPRESSED`, `DYNAMIC`, ...).
        public static let rowFormat = "mariadb.row_format"
        /// Table `KEY_BLOCK_SIZE` as declared.
        public static let keyBlockSize = "mariadb.key_block_size"
        /// Other declared table options, as the server lists them (`stats_persistent=1 page_compressed='ON'`).
        public static let options = "mariadb.options"
        /// View `ALGORITHM` (`MERGE`, `TEMPTABLE`; absent: `UNDEFINED`).
        public static let algorithm = "mariadb.algorithm"
        /// View `SQL SECURITY` (`INVOKER`; absent: `DEFINER`).
        public static let sqlSecurity = "mariadb.sql_security"
        /// View `WITH ... CHECK OPTION` (`CASCADED`, `LOCAL`; absent: none).
        public static let checkOption = "mariadb.check_option"
        /// View `DEFINER` as `user@host` (absent: the user who applies).
        public static let definer = "mariadb.definer"
    }

    public var name: String { Self.dialectName }
    /// `major * 10000 + minor * 100 + patch` of the server, e.g. 101106.
    public var serverVersion: Int

    /// The server's `lower_case_table_names`: 0 (Linux default) compares table names exactly,
    /// 1 and 2 ignore case.
    public var lowerCaseTableNames: Int
    /// The managed database's default character set and collation (what an absent table
    /// charset/collation means), when known.
    public var databaseCharset: String?
    public var databaseCollation: String?
    /// `CURRENT_USER()` of the session (`user@host`): the definer a view gets by default.
    public var currentUser: String?
    /// The managed database (names the writer lock) and `--lock-timeout` in seconds, for the
    /// statements apply runs around a plan (also in printed scripts).
    public var database: String = ""
    public var lockTimeoutSeconds: Int = 5
    /// `--online`: changes to existing tables carry `ALGORITHM=INPLACE, LOCK=NONE` guards, and a
    /// change that would copy the table is refused up front (see ``MariaDBOnlineGuards``).
    public var online = false

    /// `GET_LOCK` on `schemasync:<database>`, the writer lock every SchemaSync apply takes.
    var writerLockStatement: String { "SELECT GET_LOCK(\(writerLockName), \(max(0, lockTimeoutSeconds)))" }
    var writerUnlockStatement: String { "SELECT RELEASE_LOCK(\(writerLockName))" }
    /// Metadata locks wait at most the lock timeout (the server's default is a year).
    var lockWaitTimeoutStatement: String { "SET SESSION lock_wait_timeout = \(max(1, lockTimeoutSeconds))" }
    private var writerLockName: String { quoteString(String("schemasync:\(database)".prefix(64))) }

    public func scriptPrologue() -> [String] { [writerLockStatement, lockWaitTimeoutStatement] }

    /// The view definer is recorded only when it is not the connecting user.
    public var sessionDependentAttributes: Set<String> { [Attribute.definer] }

    public func scriptEpilogue() -> [String] { ["SET SESSION lock_wait_timeout = DEFAULT", writerUnlockStatement] }

    public init(serverVersion: Int = 101100, lowerCaseTableNames: Int = 0, databaseCharset: String? = nil, databaseCollation: String? = nil) {
        self.serverVersion = serverVersion
        self.lowerCaseTableNames = lowerCaseTableNames
        self.databaseCharset = databaseCharset
        self.databaseCollation = databaseCollation
    }

    /// Column and index names ignore case on MariaDB; table and view names follow
    /// `lower_case_table_names`.
    public func identifierKey(_ name: String, kind: IdentifierKind) -> String {
        switch kind {
        case .column, .index: return name.lowercased()
        case .table: return lowerCaseTableNames == 0 ? name : name.lowercased()
        case .constraint: return name
        }
    }

    /// With `lower_case_table_names` 1 the server stores table names in lower case: a table's
    /// spelling cannot change, so the database's is kept.
    public func canRespell(_ kind: IdentifierKind) -> Bool {
        kind != .table || lowerCaseTableNames == 0
    }

    public var capabilities: DialectCapabilities {
        DialectCapabilities(
            transactionalDDL: false, partialIndexes: false, expressionIndexes: false,
            uniqueConstraintsDistinctFromIndexes: false, namedForeignKeys: true, namedChecks: true,
            deferrableForeignKeys: false, identityAlways: false, views: true, comments: true,
            caseInsensitiveTableNames: lowerCaseTableNames != 0, caseInsensitiveColumnNames: true,
            indexFeatures: [.prefixLengths, .methods], columnOrder: true,
            setDefaultActions: false, identifierLimit: IdentifierLimit(64, .characters))
    }

    /// MariaDB's synonyms for portable types (``Dialect/typeAliases``).
    public var typeAliases: [String: DataType] {
        ["int2": .smallint, "int4": .integer, "int8": .bigint, "float8": .double, "datetime": .timestamp]
    }

    public func quoteIdentifier(_ name: String) -> String {
        SQLQuoting.enclosing(name, in: "`")
    }

    /// Quotes with single quotes, doubling quotes and escaping backslashes. Sessions opened by
    /// this connector remove `NO_BACKSLASH_ESCAPES` and `ANSI_QUOTES` from their `sql_mode`, so the
    /// text means the same on every server configuration.
    /// Scans Unicode scalars, not characters: a quote or backslash followed by a combining mark
    /// is one `Character` but still a quote or backslash byte to the server.
    public func quoteString(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("'")
        for scalar in value.unicodeScalars {
            switch scalar {
            case "'": out.append(contentsOf: "''".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\0": out.append(contentsOf: "\\0".unicodeScalars)
            default: out.append(scalar)
            }
        }
        out.append("'")
        return String(out)
    }

    public func typesEquivalent(desired: Column, actual: Column) -> Bool {
        MariaDBTypeMapping.comparisonKey(MariaDBTypeMapping.columnType(desired, serverVersion: serverVersion))
            == MariaDBTypeMapping.comparisonKey(MariaDBTypeMapping.columnType(actual, serverVersion: serverVersion))
    }

    public func defaultsEquivalent(desired: ColumnDefault?, actual: ColumnDefault?, column: Column) -> Bool {
        // An AUTO_INCREMENT column has no default of its own.
        if column.identity != nil, desired == nil { return true }
        return MariaDBDefaultValue.comparable(desired, column: column) == MariaDBDefaultValue.comparable(actual, column: column)
    }

    public func expressionsEquivalent(_ a: String, _ b: String) -> Bool {
        MariaDBExpression.normalized(a) == MariaDBExpression.normalized(b)
    }

    public func isNarrowing(from: Column, to: Column) -> Bool? {
        let a = MariaDBTypeMapping.comparisonKey(MariaDBTypeMapping.columnType(from, serverVersion: serverVersion))
        let b = MariaDBTypeMapping.comparisonKey(MariaDBTypeMapping.columnType(to, serverVersion: serverVersion))
        if a == b { return false }
        if let x = MariaDBTypeMapping.integerRank(a), let y = MariaDBTypeMapping.integerRank(b) {
            if x.unsigned == y.unsigned { return y.rank < x.rank }
            if x.unsigned { return y.rank <= x.rank } // unsigned → signed needs a bigger type
            return true // signed → unsigned loses negative values
        }
        if let x = MariaDBTypeMapping.stringCapacity(a), let y = MariaDBTypeMapping.stringCapacity(b), x.family == y.family {
            return y.capacity < x.capacity
        }
        let temporal = ["datetime", "timestamp", "time"]
        for base in temporal where a.hasPrefix(base) && b.hasPrefix(base)
            && String(a.prefix { $0.isLetter }) == base && String(b.prefix { $0.isLetter }) == base {
            return MariaDBDefaultValue.fractionalPrecision(b) < MariaDBDefaultValue.fractionalPrecision(a)
        }
        if a.hasPrefix("enum(") && b.hasPrefix("enum(") || a.hasPrefix("set(") && b.hasPrefix("set(") {
            // Appending values keeps every stored value; anything else may not.
            return !b.hasPrefix(String(a.dropLast()) + ",")
        }
        if a.hasPrefix("enum(") || a.hasPrefix("set(") || b.hasPrefix("enum(") || b.hasPrefix("set(") { return true }
        return nil
    }

    /// MariaDB attributes are compared both ways (fail closed): an attribute the database has
    /// and the desired schema does not name is a difference, since the catalog holds it. Absent
    /// means the default: engine InnoDB, the database's (or table's) character set and collation,
    /// no ON UPDATE, no declared row format or other option. A desired collation without a
    /// character set implies the collation's character set; a character set without a
    /// collation compares only the character set.
    public func attributesEquivalent(desired: [String: String], actual: [String: String]) -> Bool {
        var wanted = desired.filter { $0.key.hasPrefix(Self.dialectName + ".") } // other dialects' extras are ignored
        if wanted[Attribute.charset] == nil, let collation = wanted[Attribute.collation] {
            wanted[Attribute.charset] = String(collation.prefix { $0 != "_" })
        }
        let have = actual.filter { $0.key.hasPrefix(Self.dialectName + ".") }
        for key in Set(wanted.keys).union(have.keys) {
            if key == Attribute.collation, wanted[key] == nil, desired[Attribute.charset] != nil { continue }
            let fallback = key == Attribute.engine ? "innodb" : nil
            let a = (wanted[key] ?? fallback).map { Self.normalizedAttribute(key, $0) }
            let b = (have[key] ?? fallback).map { Self.normalizedAttribute(key, $0) }
            if a != b { return false }
        }
        return true
    }

    static func normalizedAttribute(_ key: String, _ value: String) -> String {
        let lower = value.lowercased().trimmingWhitespace()
        if key == Attribute.onUpdate, let f = MariaDBDefaultValue.portableFunction(lower) { return f.rawValue }
        return lower
    }

    /// Attribute values are written into DDL as words, so they must be plain names.
    private static func validateAttributes(_ attributes: [String: String], on path: String) throws {
        for (key, value) in attributes where key.hasPrefix(dialectName + ".") {
            let ok: Bool
            if key == Attribute.onUpdate {
                ok = value.range(of: #"^\s*(current_timestamp|now|localtimestamp)\s*(\(\s*[0-6]?\s*\))?\s*$"#,
                                 options: [.regularExpression, .caseInsensitive]) != nil
            } else if [Attribute.engine, Attribute.charset, Attribute.collation, Attribute.rowFormat, Attribute.keyBlockSize].contains(key) {
                ok = !value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            } else if key == Attribute.invisible {
                ok = value.lowercased() == "true"
            } else if [Attribute.algorithm, Attribute.sqlSecurity, Attribute.checkOption].contains(key) {
                let allowed = key == Attribute.algorithm ? ["UNDEFINED", "MERGE", "TEMPTABLE"]
                    : key == Attribute.sqlSecurity ? ["DEFINER", "INVOKER"] : ["CASCADED", "LOCAL"]
                ok = allowed.contains(value.uppercased())
            } else if key == Attribute.definer {
                ok = value.range(of: #"^[A-Za-z0-9_.%-]+@[A-Za-z0-9_.%:-]+$"#, options: .regularExpression) != nil
            } else if key == Attribute.options {
                ok = value.range(of: #"^([A-Za-z_]+=('[A-Za-z0-9_]*'|[A-Za-z0-9_]+))( [A-Za-z_]+=('[A-Za-z0-9_]*'|[A-Za-z0-9_]+))*$"#,
                                 options: .regularExpression) != nil
            } else {
                throw SchemaSyncError(.invalidSchema, "'\(path)': unknown MariaDB attribute '\(key)'",
                                      hint: "known: \([Attribute.engine, Attribute.charset, Attribute.collation, Attribute.onUpdate, Attribute.invisible, Attribute.rowFormat, Attribute.keyBlockSize, Attribute.options].joined(separator: ", "))")
            }
            if !ok {
                throw SchemaSyncError(.invalidSchema, "'\(path)': attribute \(key) has an invalid value '\(value)'",
                                      hint: key == Attribute.onUpdate ? "use current_timestamp"
                                        : key == Attribute.options ? "use name=value pairs as information_schema.TABLES.CREATE_OPTIONS lists them (a partitioned table is not modelled)"
                                        : "use a plain name such as InnoDB or utf8mb4")
            }
        }
    }

    public func validate(_ schema: Schema) throws {
        for view in schema.views { try Self.validateAttributes(view.attributes, on: view.name) }
        try MariaDBForeignKeyTypes.validate(schema, serverVersion: serverVersion)
        for table in schema.tables {
            try Self.validateAttributes(table.attributes, on: table.name)
            for column in table.columns {
                let path = "\(table.name).\(column.name)"
                try Self.validateAttributes(column.attributes, on: path)
                if column.generated != nil && !column.nullable {
                    throw SchemaSyncError(.invalidSchema, "column '\(path)': MariaDB generated columns cannot be declared NOT NULL",
                                          hint: "declare the generated column nullable")
                }
                if column.identity != nil {
                    let keyed = table.primaryKey?.columns.first == column.name
                        || table.indexes.contains { $0.columnNames.first == column.name }
                        || table.uniqueConstraints.contains { $0.columns.first == column.name }
                    if !keyed {
                        throw SchemaSyncError(.invalidSchema, "column '\(path)': an AUTO_INCREMENT column must lead a key on MariaDB",
                                              hint: "make it (the first column of) the primary key or of an index")
                    }
                }
            }
        }
    }

    public func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] {
        let statements = try MariaDBRenderer(dialect: self, current: current, desired: desired).render(changes)
        return online ? try MariaDBOnlineGuards(dialect: self, plan: changes, current: current).guarded(statements) : statements
    }

    public func notes(for change: Change, current: Schema) -> [String] {
        let columns: [Column]
        switch change {
        case let .createTable(t): columns = t.columns
        case let .addColumn(_, c): columns = [c]
        case let .alterColumn(_, _, c, _): columns = [c]
        default: return []
        }
        var notes: [String] = []
        for column in columns where column.nativeTypes[name] == nil {
            switch column.type {
            case .timestamptz:
                notes.append("\(column.name): timestamptz is stored as datetime(6) on MariaDB, without a time zone (store UTC)")
            case .varchar(nil):
                notes.append("\(column.name): varchar without a length becomes varchar(255) on MariaDB")
            case .uuid where serverVersion < 100700:
                notes.append("\(column.name): uuid is stored as char(36) before MariaDB 10.7")
            default: break
            }
        }
        return notes
    }
}
