/// A secondary index (unique or not, partial and expression where the engine has them).
///
/// Beyond key parts, an index may carry details only some engines have (PostgreSQL: INCLUDE
/// columns, operator classes, per-part collations, NULLS FIRST/LAST, NULLS NOT DISTINCT,
/// storage parameters). A dialect that cannot hold one refuses it (see ``IndexFeatures``).
public struct Index: Hashable, Sendable, Codable {
    /// One key part: a column or an expression, with a sort order and an optional prefix length.
    public struct Part: Hashable, Sendable, Codable, CustomStringConvertible {
        public var column: String?
        public var expression: String?
        public var descending: Bool
        /// Index only the first N characters (MariaDB prefix indexes).
        public var prefixLength: Int?
        /// A non-default operator class (PostgreSQL `text_pattern_ops`); nil is the type's default.
        public var opclass: String?
        /// A collation other than the column's (PostgreSQL `COLLATE "C"`); nil is the column's own.
        public var collation: String?
        /// NULLS FIRST (true) or LAST (false) when it is not the default for the direction
        /// (ascending sorts nulls last, descending first); nil is the default.
        public var nullsFirst: Bool?

        public init(column: String, descending: Bool = false, prefixLength: Int? = nil,
                    opclass: String? = nil, collation: String? = nil, nullsFirst: Bool? = nil) {
            self.column = column
            self.expression = nil
            self.descending = descending
            self.prefixLength = prefixLength
            self.opclass = opclass
            self.collation = collation
            self.nullsFirst = nullsFirst
        }

        public init(expression: String, descending: Bool = false,
                    opclass: String? = nil, collation: String? = nil, nullsFirst: Bool? = nil) {
            self.column = nil
            self.expression = expression
            self.descending = descending
            self.prefixLength = nil
            self.opclass = opclass
            self.collation = collation
            self.nullsFirst = nullsFirst
        }

        /// `nullsFirst` with the direction's default folded to nil, for comparison.
        public var explicitNullsFirst: Bool? {
            guard let nullsFirst, nullsFirst != descending else { return nil }
            return nullsFirst
        }

        public var description: String {
            var text = column ?? "(\(expression ?? ""))"
            if let prefixLength { text += "(\(prefixLength))" }
            if let collation { text += " collate \(collation)" }
            if let opclass { text += " \(opclass)" }
            if descending { text += " desc" }
            if let nullsFirst = explicitNullsFirst { text += nullsFirst ? " nulls first" : " nulls last" }
            return text
        }
    }

    public var name: String
    public var parts: [Part]
    public var unique: Bool
    /// A partial index's predicate, in the target's dialect.
    public var predicate: String?
    /// The access method where the dialect has several (PostgreSQL `btree`, `gin`, ...); nil is the default.
    public var method: String?
    /// Non-key columns stored in the index (`INCLUDE (...)`), in order.
    public var include: [String]
    /// A unique index that treats NULLs as equal (`NULLS NOT DISTINCT`, PostgreSQL 15+).
    public var nullsNotDistinct: Bool
    /// Storage parameters (`WITH (fillfactor = 70)`), values as the engine prints them.
    public var storageParameters: [String: String]
    /// False for an index the engine holds but does not use (PostgreSQL: left invalid by a failed
    /// `CREATE INDEX CONCURRENTLY`); a desired index is always valid, so such an index is re-created.
    public var isValid = true

    public init(name: String, parts: [Part], unique: Bool = false, predicate: String? = nil, method: String? = nil,
                include: [String] = [], nullsNotDistinct: Bool = false, storageParameters: [String: String] = [:]) {
        self.name = name
        self.parts = parts
        self.unique = unique
        self.predicate = predicate
        self.method = method
        self.include = include
        self.nullsNotDistinct = nullsNotDistinct
        self.storageParameters = storageParameters
    }

    /// Convenience for an index over plain columns.
    public init(name: String, columns: [String], unique: Bool = false, predicate: String? = nil) {
        self.init(name: name, parts: columns.map { Part(column: $0) }, unique: unique, predicate: predicate)
    }

    /// The plain column names the index covers (expressions omitted).
    public var columnNames: [String] { parts.compactMap(\.column) }

    /// The access method in lower case, with `btree` (every engine's default) as nil.
    public var normalizedMethod: String? {
        guard let method = method?.lowercased(), method != "btree" else { return nil }
        return method
    }
}

/// Index details beyond columns, order, uniqueness, predicate and method, which a dialect may hold.
public struct IndexFeatures: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// `INCLUDE (...)` non-key columns.
    public static let include = IndexFeatures(rawValue: 1 << 0)
    /// Per-part operator classes.
    public static let operatorClasses = IndexFeatures(rawValue: 1 << 1)
    /// Per-part collations.
    public static let collations = IndexFeatures(rawValue: 1 << 2)
    /// NULLS FIRST / NULLS LAST.
    public static let nullsOrder = IndexFeatures(rawValue: 1 << 3)
    /// NULLS NOT DISTINCT on unique indexes and constraints.
    public static let nullsNotDistinct = IndexFeatures(rawValue: 1 << 4)
    /// `WITH (...)` storage parameters.
    public static let storageParameters = IndexFeatures(rawValue: 1 << 5)
    /// Key parts over a prefix of a column (`name(10)`, MariaDB).
    public static let prefixLengths = IndexFeatures(rawValue: 1 << 6)
    /// Access methods other than the default B-tree (`USING gin`, `USING HASH`).
    public static let methods = IndexFeatures(rawValue: 1 << 7)
    public static let all: IndexFeatures = [.include, .operatorClasses, .collations, .nullsOrder, .nullsNotDistinct,
                                            .storageParameters, .prefixLengths, .methods]
}
