/// A secondary index (unique or not, partial and expression where the engine has them).
public struct Index: Hashable, Sendable, Codable {
    /// One key part: a column or an expression, with a sort order and an optional prefix length.
    public struct Part: Hashable, Sendable, Codable, CustomStringConvertible {
        public var column: String?
        public var expression: String?
        public var descending: Bool
        /// Index only the first N characters (MariaDB prefix indexes).
        public var prefixLength: Int?

        public init(column: String, descending: Bool = false, prefixLength: Int? = nil) {
            self.column = column
            self.expression = nil
            self.descending = descending
            self.prefixLength = prefixLength
        }

        public init(expression: String, descending: Bool = false) {
            self.column = nil
            self.expression = expression
            self.descending = descending
            self.prefixLength = nil
        }

        public var description: String {
            var text = column ?? "(\(expression ?? ""))"
            if let prefixLength { text += "(\(prefixLength))" }
            if descending { text += " desc" }
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

    public init(name: String, parts: [Part], unique: Bool = false, predicate: String? = nil, method: String? = nil) {
        self.name = name
        self.parts = parts
        self.unique = unique
        self.predicate = predicate
        self.method = method
    }

    /// Convenience for an index over plain columns.
    public init(name: String, columns: [String], unique: Bool = false, predicate: String? = nil) {
        self.init(name: name, parts: columns.map { Part(column: $0) }, unique: unique, predicate: predicate)
    }

    /// The plain column names the index covers (expressions omitted).
    public var columnNames: [String] { parts.compactMap(\.column) }
}
