/// A table in the neutral model.
public struct Table: Hashable, Sendable, Codable {
    public var name: String
    public var columns: [Column]
    public var primaryKey: PrimaryKey?
    public var uniqueConstraints: [UniqueConstraint]
    public var indexes: [Index]
    public var foreignKeys: [ForeignKey]
    public var checks: [CheckConstraint]
    /// The table's former name: declares a rename instead of a drop and create.
    public var renamedFrom: String?
    public var comment: String?
    /// Typed dialect extras (engine, charset, WITHOUT ROWID, ...), keyed by a connector-defined name.
    public var attributes: [String: String]

    public init(
        name: String, columns: [Column] = [], primaryKey: PrimaryKey? = nil,
        uniqueConstraints: [UniqueConstraint] = [], indexes: [Index] = [], foreignKeys: [ForeignKey] = [],
        checks: [CheckConstraint] = [], renamedFrom: String? = nil, comment: String? = nil,
        attributes: [String: String] = [:]
    ) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueConstraints = uniqueConstraints
        self.indexes = indexes
        self.foreignKeys = foreignKeys
        self.checks = checks
        self.renamedFrom = renamedFrom
        self.comment = comment
        self.attributes = attributes
    }

    /// The column with this name, if any.
    public func column(named name: String) -> Column? {
        columns.first { $0.name == name }
    }
}

extension Array where Element == Table {
    /// The tables by name (the first of a name, as ``Schema/table(named:)`` finds it): one
    /// lookup per table instead of a scan, so planning stays linear in the number of tables.
    var byName: [String: Table] {
        Dictionary(map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
