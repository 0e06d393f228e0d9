/// What a dialect's engine can do; the core and conformance kit consult these instead of
/// guessing from the dialect's name.
public struct DialectCapabilities: Hashable, Sendable {
    /// DDL runs inside a transaction and rolls back with it (PostgreSQL, SQLite).
    public var transactionalDDL: Bool
    /// Partial (filtered) indexes.
    public var partialIndexes: Bool
    /// Indexes over expressions.
    public var expressionIndexes: Bool
    /// UNIQUE constraints exist apart from unique indexes.
    public var uniqueConstraintsDistinctFromIndexes: Bool
    /// The catalog keeps foreign key names (SQLite does not).
    public var namedForeignKeys: Bool
    /// The catalog keeps check constraint names.
    public var namedChecks: Bool
    /// DEFERRABLE foreign keys.
    public var deferrableForeignKeys: Bool
    /// Identity generated ALWAYS (not only by default).
    public var identityAlways: Bool
    /// Views can be inspected and created.
    public var views: Bool
    /// Column comments are kept.
    public var comments: Bool
    /// Table names that differ only in case name the same table (SQLite).
    public var caseInsensitiveTableNames: Bool
    /// Column names that differ only in case name the same column (SQLite, MariaDB).
    public var caseInsensitiveColumnNames: Bool
    /// Values must fit the declared type (lengths, ranges, precision): narrowing a column can
    /// cut or reject values, so it gets a data check. SQLite keeps any value whatever the type.
    public var enforcesDeclaredTypes: Bool
    /// Index details the engine holds beyond the basics; the core refuses the others.
    public var indexFeatures: IndexFeatures
    /// `serial` columns (a default over an owned sequence) exist apart from identity; without
    /// them the core compares ``Column/Identity/serial`` as ``Column/Identity/byDefault``.
    public var serialColumns: Bool
    /// Identity/serial sequence options (start, increment, ...) are kept; the core refuses them otherwise.
    public var sequenceOptions: Bool
    /// Constraints can be renamed in place (`ALTER TABLE ... RENAME CONSTRAINT`): a constraint
    /// whose definition matches under another name is renamed, not dropped and re-added.
    public var renamesConstraints: Bool
    /// Checks and foreign keys can be NOT VALID (existing rows unchecked) and validated later.
    public var notValidConstraints: Bool
    /// Checks can be NO INHERIT.
    public var noInheritChecks: Bool
    /// The engine keeps and can change the order of a table's columns (MariaDB `AFTER`/`FIRST`,
    /// SQLite by rebuild): a column out of its declared place is a change.
    public var columnOrder: Bool
    /// A table may have no columns at all (PostgreSQL).
    public var zeroColumnTables: Bool
    /// Foreign keys keep `MATCH FULL`.
    public var matchFullForeignKeys: Bool
    /// Generated columns may be virtual (computed on read), not only stored.
    public var virtualGeneratedColumns: Bool
    /// Foreign keys keep `ON DELETE/UPDATE SET DEFAULT` (MariaDB's InnoDB turns it into RESTRICT).
    public var setDefaultActions: Bool
    /// The longest name the engine keeps whole (PostgreSQL: 63 bytes; MariaDB: 64 characters);
    /// nil: no limit. The core refuses longer names, which the engine would cut or reject.
    public var identifierLimit: IdentifierLimit?
    /// Index names share one namespace per schema with tables and views (PostgreSQL, SQLite),
    /// not one per table (MariaDB): the core refuses a name used twice.
    public var schemaWideIndexNames: Bool

    public init(
        transactionalDDL: Bool, partialIndexes: Bool, expressionIndexes: Bool,
        uniqueConstraintsDistinctFromIndexes: Bool, namedForeignKeys: Bool, namedChecks: Bool,
        deferrableForeignKeys: Bool, identityAlways: Bool, views: Bool = true, comments: Bool,
        caseInsensitiveTableNames: Bool = false, caseInsensitiveColumnNames: Bool = false,
        enforcesDeclaredTypes: Bool = true,
        indexFeatures: IndexFeatures = [], serialColumns: Bool = false, sequenceOptions: Bool = false,
        renamesConstraints: Bool = false, notValidConstraints: Bool = false, noInheritChecks: Bool = false,
        columnOrder: Bool = false,
        zeroColumnTables: Bool = false, matchFullForeignKeys: Bool = false, setDefaultActions: Bool = true,
        virtualGeneratedColumns: Bool = true, identifierLimit: IdentifierLimit? = nil, schemaWideIndexNames: Bool = false
    ) {
        self.transactionalDDL = transactionalDDL
        self.partialIndexes = partialIndexes
        self.expressionIndexes = expressionIndexes
        self.uniqueConstraintsDistinctFromIndexes = uniqueConstraintsDistinctFromIndexes
        self.namedForeignKeys = namedForeignKeys
        self.namedChecks = namedChecks
        self.deferrableForeignKeys = deferrableForeignKeys
        self.identityAlways = identityAlways
        self.views = views
        self.comments = comments
        self.caseInsensitiveTableNames = caseInsensitiveTableNames
        self.caseInsensitiveColumnNames = caseInsensitiveColumnNames
        self.enforcesDeclaredTypes = enforcesDeclaredTypes
        self.indexFeatures = indexFeatures
        self.serialColumns = serialColumns
        self.sequenceOptions = sequenceOptions
        self.renamesConstraints = renamesConstraints
        self.notValidConstraints = notValidConstraints
        self.noInheritChecks = noInheritChecks
        self.columnOrder = columnOrder
        self.zeroColumnTables = zeroColumnTables
        self.matchFullForeignKeys = matchFullForeignKeys
        self.setDefaultActions = setDefaultActions
        self.virtualGeneratedColumns = virtualGeneratedColumns
        self.identifierLimit = identifierLimit
        self.schemaWideIndexNames = schemaWideIndexNames
    }
}

/// The longest name an engine keeps, in bytes of UTF-8 or in characters.
public struct IdentifierLimit: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable { case bytes, characters }
    public var count: Int
    public var unit: Unit

    public init(_ count: Int, _ unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// The length of `name` in this limit's unit.
    public func length(of name: String) -> Int {
        unit == .bytes ? name.utf8.count : name.count
    }

    /// Whether the engine keeps `name` whole.
    public func admits(_ name: String) -> Bool { length(of: name) <= count }
}
