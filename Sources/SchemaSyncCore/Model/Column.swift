/// A table column in the neutral model.
public struct Column: Hashable, Sendable, Codable {
    /// How an identity (auto-increment) column generates values.
    public enum Identity: String, Hashable, Sendable, Codable {
        /// Values are generated unless one is given (PostgreSQL `BY DEFAULT`, MariaDB AUTO_INCREMENT, SQLite AUTOINCREMENT).
        case byDefault = "by default"
        /// Values are always generated (PostgreSQL `GENERATED ALWAYS`).
        case always
        /// A `serial` column: a default reading an owned sequence (PostgreSQL). Engines without
        /// serial columns treat it as ``byDefault``.
        case serial
    }

    /// A generated (computed) column.
    public struct Generated: Hashable, Sendable, Codable {
        /// The expression, in the target's dialect.
        public var expression: String
        /// Stored on disk (true) or computed on read (false, "virtual").
        public var stored: Bool
        public init(expression: String, stored: Bool = true) {
            self.expression = expression
            self.stored = stored
        }
    }

    public var name: String
    public var type: DataType
    /// Per-dialect native type overrides, keyed by dialect name (`postgresql`, `mariadb`, `sqlite`).
    public var nativeTypes: [String: String]
    public var nullable: Bool
    public var defaultValue: ColumnDefault?
    public var identity: Identity?
    public var generated: Generated?
    /// Options of the sequence behind an identity or serial column; nil is all defaults.
    public var sequence: SequenceOptions?
    /// The column's former name: declares a rename instead of a drop and add.
    public var renamedFrom: String?
    public var comment: String?
    /// Typed dialect extras (collation, ON UPDATE clause, ...), keyed by a connector-defined name.
    public var attributes: [String: String]

    public init(
        name: String, type: DataType, nativeTypes: [String: String] = [:], nullable: Bool = true,
        defaultValue: ColumnDefault? = nil, identity: Identity? = nil, generated: Generated? = nil,
        renamedFrom: String? = nil, comment: String? = nil, attributes: [String: String] = [:],
        sequence: SequenceOptions? = nil
    ) {
        self.name = name
        self.type = type
        self.nativeTypes = nativeTypes
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.identity = identity
        self.generated = generated
        self.renamedFrom = renamedFrom
        self.comment = comment
        self.attributes = attributes
        self.sequence = sequence
    }

    /// The type to use on a dialect: its native override if the column has one (read with the
    /// dialect's `aliases`, see ``Dialect/typeAliases``), else ``type``. A dialect calls
    /// ``Dialect/columnType(_:)``, which passes its own.
    public func type(for dialect: String, aliases: [String: DataType] = [:]) -> DataType {
        if let native = nativeTypes[dialect] {
            return DataType.parse(native, aliases: aliases) ?? .native(native)
        }
        return type
    }
}
