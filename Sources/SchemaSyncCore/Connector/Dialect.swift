import Foundation

/// Everything dialect-specific that needs no connection: capabilities, comparison hooks for the
/// differ, validation of a desired schema, and rendering a plan into statements.
///
/// The core never switches on a dialect's name; it calls these requirements. Most have
/// defaults (see the extension below) so a new dialect starts small.
public protocol Dialect: Sendable {
    /// Lower-case name used for native type overrides in schema files (`sqlite`, `postgresql`).
    var name: String { get }
    var capabilities: DialectCapabilities { get }

    /// Quotes an identifier safely for this dialect (doubling embedded quote characters).
    func quoteIdentifier(_ name: String) -> String
    /// Quotes a string literal safely for this dialect.
    func quoteString(_ value: String) -> String

    /// The engine's own names for portable types, lower-case and without arguments (PostgreSQL:
    /// `int8` → bigint, `bytea` → binary), read wherever one of this dialect's native spellings
    /// is parsed (``columnType(_:)``, copies to other engines). Default: none — the SQL
    /// standard's spellings (``DataType/parse(_:aliases:)``) need no alias.
    var typeAliases: [String: DataType] { get }

    /// Whether an inspected column's type already satisfies the desired column's type.
    func typesEquivalent(desired: Column, actual: Column) -> Bool
    /// Whether two defaults mean the same in this dialect.
    func defaultsEquivalent(desired: ColumnDefault?, actual: ColumnDefault?, column: Column) -> Bool
    /// Whether two SQL expressions (check, predicate, generated, view body) are the same.
    func expressionsEquivalent(_ a: String, _ b: String) -> Bool
    /// Whether changing a column from `from` to `to` can lose data; nil defers to the core.
    func isNarrowing(from: Column, to: Column) -> Bool?
    /// Whether two attribute maps (table or column) are equivalent. Keys are `<dialect>.<name>`.
    func attributesEquivalent(desired: [String: String], actual: [String: String]) -> Bool
    /// The key under which the engine compares names of `kind` (equal keys: the same object).
    /// Default: ``defaultIdentifierKey(_:kind:)`` (case-sensitive unless the capabilities say otherwise).
    func identifierKey(_ name: String, kind: IdentifierKind) -> String
    /// Whether the engine can change the spelling of an existing `kind` name to one with the
    /// same key (e.g. `users` → `Users`); when not, the database's spelling is kept. Default: true.
    func canRespell(_ kind: IdentifierKind) -> Bool

    /// Rejects a desired schema this dialect cannot hold, naming the object and the fix.
    func validate(_ schema: Schema) throws
    /// Statements that implement `changes` (already ordered), each linked to its change IDs.
    /// `current` is the inspected schema, which rebuild-style dialects need.
    func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement]
    /// A query returning one row with one integer: how many rows fail `check`.
    func dataCheckQuery(_ check: DataCheck) -> String
    /// Statements that wrap an apply script when it is printed (`plan --format sql`), so the
    /// printed script does what apply does: e.g. SQLite's `PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE`.
    func scriptPrologue() -> [String]
    /// Statements that end a printed apply script (`COMMIT`, ...).
    func scriptEpilogue() -> [String]
    /// Notes shown with a change, e.g. "table rebuild" where the engine cannot alter in place.
    func notes(for change: Change, current: Schema) -> [String]
    /// Whether two of the engine's own definition texts (see ``EngineDefinition``) mean the same
    /// although they differ, e.g. because the engine prints an expression differently once it
    /// has re-read its own output. The default: only identical texts.
    func definitionsEquivalent(_ a: String, _ b: String) -> Bool
    /// For a plan that only creates new objects (``Plan/onlyCreatesNewObjects(_:)``) and is too
    /// large for one transaction on this server, how many of its first changes one transaction
    /// can hold; apply then runs it in several transactions of that size. Nil when the whole
    /// plan fits (the default).
    func changesPerTransaction(creating changes: [PlannedChange]) -> Int?

    /// What apply runs before and after the statements of phase
    /// ``RenderedStatement/Phase/afterTransaction`` (their lock and timeouts), for printed
    /// scripts. The defaults are empty.
    func outsideTransactionPrologue() -> [String]
    func outsideTransactionEpilogue() -> [String]

    /// The namespace rendered statements name, when they name one (PostgreSQL: the managed
    /// schema): a saved plan runs only where it is the same. Nil (the default): none.
    var statementScope: String? { get }

    /// Model attributes whose presence depends on the connecting user (MariaDB records a view's
    /// definer only when it is not `CURRENT_USER()`): left out of saved-plan fingerprints. Default: none.
    var sessionDependentAttributes: Set<String> { get }

    /// The hazards of `planned` on this engine (its locks, rewrites, scans), named alike on every
    /// engine, one of the applicable changes `plan` makes from `current`; `tableExists` is false for a table the same plan creates. The default is
    /// ``ChangeHazard/standard(for:tableExists:capabilities:)``.
    func hazards(of planned: PlannedChange, in plan: [PlannedChange], current: Schema, tableExists: Bool) -> [ChangeHazard]

    // Copying a schema to another engine (``SchemaTranslator``); defaults in `Dialect+Portable.swift`.

    /// Source side: the portable type nearest to `native`, one of this dialect's native types,
    /// with what is lost; nil when there is no safe one. Default: nil.
    func portableType(forNative native: String, column: Column) -> PortableTypeMapping?
    /// Source side: how another engine should read `column` when this dialect's catalog says less
    /// than the engine holds (SQLite's INTEGER PRIMARY KEY is 64-bit). Default: nil (as it is).
    func exportedType(of column: Column, in table: Table) -> PortableTypeMapping?
    /// Target side: a portable function call in this dialect. Default: `name(arguments)`.
    func portableFunction(_ name: String, arguments: [String], distinct: Bool) -> String
    /// Target side: a binary operator when this dialect does not write it `left op right`. Default: nil.
    func portableOperator(_ op: String, _ left: String, _ right: String) -> String?
    /// Target side: the type name `CAST(x AS ...)` takes for `type`; nil when there is none.
    func portableCastType(_ type: DataType) -> String?
    /// Target side: how this dialect stores `type` when only approximately (SQLite keeps a uuid as
    /// text), for the lossy-mappings list. Default: nil (exactly).
    func approximation(of type: DataType) -> String?
    /// Target side: the type this dialect needs instead of the portable `type` of a copied
    /// column — `keyParts` is the number of primary key columns when the column is one (MariaDB
    /// keys cannot hold TEXT). Default: nil (the type as it is).
    func targetType(for type: DataType, keyParts: Int?) -> PortableTypeMapping?
    /// Target side: a copied index adjusted to what this dialect can build (MariaDB: prefixes
    /// for several TEXT columns in one key), with a note. Default: nil (as it is).
    func targetIndex(_ index: Index, in table: Table) -> (index: Index, note: String)?
    /// Source side: attributes that change what the database does, not only how it stores
    /// (MariaDB's `ON UPDATE`): leaving one out needs `--allow-lossy`. Default: none.
    var behaviouralAttributes: Set<String> { get }
}

extension Dialect {
    public func quoteString(_ value: String) -> String {
        SQLQuoting.enclosing(value, in: "'")
    }

    public var typeAliases: [String: DataType] { [:] }

    /// The type `column` has on this dialect: its native override for this dialect, read with
    /// ``typeAliases``, else its portable type.
    public func columnType(_ column: Column) -> DataType {
        column.type(for: name, aliases: typeAliases)
    }

    public func typesEquivalent(desired: Column, actual: Column) -> Bool {
        columnType(desired) == columnType(actual)
    }

    public func defaultsEquivalent(desired: ColumnDefault?, actual: ColumnDefault?, column: Column) -> Bool {
        standardDefaultsEquivalent(desired, actual)
    }

    /// The default comparison: numbers by value, expressions by ``expressionsEquivalent(_:_:)``,
    /// everything else exactly. Dialects that override ``defaultsEquivalent(desired:actual:column:)``
    /// normalise first and then call this.
    public func standardDefaultsEquivalent(_ desired: ColumnDefault?, _ actual: ColumnDefault?) -> Bool {
        switch (desired, actual) {
        case (nil, nil): return true
        case let (.number(a)?, .number(b)?):
            if let x = Double(a), let y = Double(b) { return x == y }
            return a == b
        case let (.expression(a)?, .expression(b)?): return expressionsEquivalent(a, b)
        default: return desired == actual
        }
    }

    public func expressionsEquivalent(_ a: String, _ b: String) -> Bool {
        ExpressionText.normalized(a) == ExpressionText.normalized(b)
    }

    public func isNarrowing(from: Column, to: Column) -> Bool? { nil }

    /// Attributes are namespaced by dialect (`sqlite.collation`, `mariadb.on_update`): a dialect
    /// compares only its own, and only those the desired schema names (the database may report more).
    public func attributesEquivalent(desired: [String: String], actual: [String: String]) -> Bool {
        desired.allSatisfy { !$0.key.hasPrefix(name + ".") || actual[$0.key] == $0.value }
    }

    public func validate(_ schema: Schema) throws {}

    public func identifierKey(_ name: String, kind: IdentifierKind) -> String {
        defaultIdentifierKey(name, kind: kind)
    }

    public func canRespell(_ kind: IdentifierKind) -> Bool { true }

    public func notes(for change: Change, current: Schema) -> [String] { [] }

    public func definitionsEquivalent(_ a: String, _ b: String) -> Bool { a == b }

    public func changesPerTransaction(creating changes: [PlannedChange]) -> Int? { nil }

    public func outsideTransactionPrologue() -> [String] { [] }

    public var statementScope: String? { nil }

    public var sessionDependentAttributes: Set<String> { [] }

    public func outsideTransactionEpilogue() -> [String] { [] }

    public func hazards(of planned: PlannedChange, in plan: [PlannedChange], current: Schema, tableExists: Bool) -> [ChangeHazard] {
        ChangeHazard.standard(for: planned, tableExists: tableExists, capabilities: capabilities)
    }

    public func scriptPrologue() -> [String] { [] }

    public func scriptEpilogue() -> [String] { [] }

    public func dataCheckQuery(_ check: DataCheck) -> String {
        DataCheckSQL(dialect: self).query(for: check)
    }
}
