/// One neutral schema change. Connectors render these into statements.
public enum Change: Hashable, Sendable, Codable {
    case createTable(Table)
    case dropTable(Table)
    case renameTable(from: String, to: String)
    /// A table's own properties change: its comment or dialect attributes (engine, charset, STRICT, ...).
    case alterTable(from: Table, to: Table, aspects: TableChangeSet)

    case addColumn(table: String, column: Column)
    case dropColumn(table: String, column: Column)
    case renameColumn(table: String, from: String, to: String)
    case alterColumn(table: String, from: Column, to: Column, aspects: ColumnChangeSet)

    case addPrimaryKey(table: String, key: PrimaryKey)
    case dropPrimaryKey(table: String, key: PrimaryKey)

    case addUnique(table: String, constraint: UniqueConstraint)
    case dropUnique(table: String, constraint: UniqueConstraint)

    case createIndex(table: String, index: Index)
    case dropIndex(table: String, index: Index)

    case addForeignKey(table: String, key: ForeignKey)
    case dropForeignKey(table: String, key: ForeignKey)

    case addCheck(table: String, check: CheckConstraint)
    case dropCheck(table: String, check: CheckConstraint)

    /// A primary key, unique, foreign key or check constraint keeps its definition under a new
    /// name (only where ``DialectCapabilities/renamesConstraints``).
    case renameConstraint(table: String, from: String, to: String)

    case createView(View)
    case dropView(View)

    /// A stable machine name for the kind of change (`createTable`, `addColumn`, ...), used in JSON output.
    public var kind: String {
        switch self {
        case .createTable: return "createTable"
        case .dropTable: return "dropTable"
        case .renameTable: return "renameTable"
        case .alterTable: return "alterTable"
        case .addColumn: return "addColumn"
        case .dropColumn: return "dropColumn"
        case .renameColumn: return "renameColumn"
        case .alterColumn: return "alterColumn"
        case .addPrimaryKey: return "addPrimaryKey"
        case .dropPrimaryKey: return "dropPrimaryKey"
        case .addUnique: return "addUnique"
        case .dropUnique: return "dropUnique"
        case .createIndex: return "createIndex"
        case .dropIndex: return "dropIndex"
        case .addForeignKey: return "addForeignKey"
        case .dropForeignKey: return "dropForeignKey"
        case .addCheck: return "addCheck"
        case .dropCheck: return "dropCheck"
        case .renameConstraint: return "renameConstraint"
        case .createView: return "createView"
        case .dropView: return "dropView"
        }
    }

    /// The table this change belongs to, or nil for view changes.
    public var tableName: String? {
        switch self {
        case let .createTable(t), let .dropTable(t): return t.name
        case let .renameTable(_, to): return to
        case let .alterTable(_, to, _): return to.name
        case let .addColumn(t, _), let .dropColumn(t, _), let .renameColumn(t, _, _),
             let .alterColumn(t, _, _, _), let .addPrimaryKey(t, _), let .dropPrimaryKey(t, _),
             let .addUnique(t, _), let .dropUnique(t, _), let .createIndex(t, _), let .dropIndex(t, _),
             let .addForeignKey(t, _), let .dropForeignKey(t, _), let .addCheck(t, _), let .dropCheck(t, _),
             let .renameConstraint(t, _, _):
            return t
        case .createView, .dropView: return nil
        }
    }

    /// The object path shown to users: `users`, `users.email`, `users.users_email_key`, `view v`.
    public var objectPath: String {
        switch self {
        case let .createTable(t), let .dropTable(t): return t.name
        case let .renameTable(_, to): return to
        case let .alterTable(_, to, _): return to.name
        case let .addColumn(t, c), let .dropColumn(t, c): return "\(t).\(c.name)"
        case let .renameColumn(t, _, to): return "\(t).\(to)"
        case let .alterColumn(t, _, to, _): return "\(t).\(to.name)"
        case let .addPrimaryKey(t, _), let .dropPrimaryKey(t, _): return "\(t).primary key"
        case let .addUnique(t, u), let .dropUnique(t, u): return "\(t).\(u.name)"
        case let .createIndex(t, i), let .dropIndex(t, i): return "\(t).\(i.name)"
        case let .addForeignKey(t, k), let .dropForeignKey(t, k): return "\(t).\(k.name)"
        case let .addCheck(t, c), let .dropCheck(t, c): return "\(t).\(c.name)"
        case let .renameConstraint(t, _, to): return "\(t).\(to)"
        case let .createView(v), let .dropView(v): return v.name
        }
    }

    /// A short human description: `create table`, `add column varchar(320) NOT NULL`, ...
    public var summary: String {
        switch self {
        case .createTable: return "create table"
        case .dropTable: return "drop table"
        case let .renameTable(from, _): return "rename table from \(from)"
        case let .alterTable(_, _, aspects): return "alter table: " + aspects.names.joined(separator: ", ")
        case let .addColumn(_, c): return "add column \(c.type) \(c.nullable ? "NULL" : "NOT NULL")"
        case .dropColumn: return "drop column"
        case let .renameColumn(_, from, _): return "rename column from \(from)"
        case let .alterColumn(_, from, to, aspects):
            var parts: [String] = []
            if aspects.contains(.type) { parts.append("type \(from.type) → \(to.type)") }
            if aspects.contains(.nullability) { parts.append(to.nullable ? "drop NOT NULL" : "set NOT NULL") }
            if aspects.contains(.defaultValue) {
                parts.append(to.defaultValue.map { "default \($0)" } ?? "drop default")
            }
            if aspects.contains(.identity) {
                if to.identity == nil { parts.append("drop identity") }
                else if from.identity == to.identity { parts.append("sequence \(to.sequence?.summary ?? "default sequence")") }
                else { parts.append("set identity \(to.identity!.rawValue)") }
            }
            if aspects.contains(.generated) { parts.append("generated expression") }
            if aspects.contains(.comment) { parts.append("comment") }
            if aspects.contains(.attributes) { parts.append("attributes") }
            if aspects.contains(.position) { parts.append("position") }
            return "alter column: " + parts.joined(separator: ", ")
        case let .addPrimaryKey(_, k): return "add primary key (\(k.columns.joined(separator: ", ")))"
        case .dropPrimaryKey: return "drop primary key"
        case let .addUnique(_, u): return "add unique (\(u.columns.joined(separator: ", ")))"
        case .dropUnique: return "drop unique constraint"
        case let .createIndex(_, i):
            return "create \(i.unique ? "unique " : "")index (\(i.parts.map(\.description).joined(separator: ", ")))"
        case .dropIndex: return "drop index"
        case let .addForeignKey(_, k):
            return "add foreign key (\(k.columns.joined(separator: ", "))) → \(k.referencedTable)"
        case .dropForeignKey: return "drop foreign key"
        case .addCheck: return "add check"
        case .dropCheck: return "drop check"
        case let .renameConstraint(_, from, _): return "rename constraint from \(from)"
        case .createView: return "create view"
        case .dropView: return "drop view"
        }
    }
}

/// Which aspects of a column an ``Change/alterColumn(table:from:to:aspects:)`` changes.
public struct ColumnChangeSet: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let type = ColumnChangeSet(rawValue: 1 << 0)
    public static let nullability = ColumnChangeSet(rawValue: 1 << 1)
    public static let defaultValue = ColumnChangeSet(rawValue: 1 << 2)
    public static let identity = ColumnChangeSet(rawValue: 1 << 3)
    public static let generated = ColumnChangeSet(rawValue: 1 << 4)
    public static let comment = ColumnChangeSet(rawValue: 1 << 5)
    public static let attributes = ColumnChangeSet(rawValue: 1 << 6)
    /// The column's place among the table's columns (where ``DialectCapabilities/columnOrder``).
    public static let position = ColumnChangeSet(rawValue: 1 << 7)

    /// Names of the aspects, for machine output.
    public var names: [String] {
        let all: [(ColumnChangeSet, String)] = [
            (.type, "type"), (.nullability, "nullability"), (.defaultValue, "default"),
            (.identity, "identity"), (.generated, "generated"), (.comment, "comment"), (.attributes, "attributes"),
            (.position, "position"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }
}

/// Which properties of a table an ``Change/alterTable(from:to:aspects:)`` changes.
public struct TableChangeSet: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let comment = TableChangeSet(rawValue: 1 << 0)
    public static let attributes = TableChangeSet(rawValue: 1 << 1)

    /// Names of the aspects, for output.
    public var names: [String] {
        [(TableChangeSet.comment, "comment"), (.attributes, "attributes")].filter { contains($0.0) }.map(\.1)
    }
}
