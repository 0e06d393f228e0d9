/// What an engine spells its own way when it stores a schema (`email <> ''` read back as
/// `(email <> ''::text)`), so that a desired schema can take the engine's spelling from a
/// scratch copy (``ScratchNormalizer``) and compare equal to what the catalog holds.
///
/// The defaults cover what every engine with a scratch space rewrites: check expressions,
/// generated-column expressions, expression defaults and view bodies. A connector conforms and
/// adds what its engine also rewrites, calling the `standard…` forms for the rest.
public protocol ServerSpelling {
    /// Whether `table` holds anything the engine spells its own way.
    func needsServer(_ table: Table) -> Bool
    /// Whether every server-spelled part of `table` is already written as `catalog` (the same
    /// table as the engine last reported it) spells it: then the engine's spelling of it is itself.
    func matchesCatalog(_ table: Table, _ catalog: Table) -> Bool
    /// Copies the engine's spelling of every server-spelled part of `server` (the scratch copy
    /// read back) into `table`, keeping everything else.
    func takeSpelling(from server: Table, into table: inout Table)
    /// The same for a view.
    func takeSpelling(from server: View, into view: inout View)
}

extension ServerSpelling {
    public func needsServer(_ table: Table) -> Bool { standardNeedsServer(table) }
    public func matchesCatalog(_ table: Table, _ catalog: Table) -> Bool { standardMatchesCatalog(table, catalog) }
    public func takeSpelling(from server: Table, into table: inout Table) { standardTakeSpelling(from: server, into: &table) }
    public func takeSpelling(from server: View, into view: inout View) { view.definition = server.definition }

    /// Checks, generated columns or expression defaults.
    public func standardNeedsServer(_ table: Table) -> Bool {
        !table.checks.isEmpty || table.columns.contains { $0.generated != nil || $0.defaultValue?.isExpression == true }
    }

    /// Check expressions by name, generated expressions and expression defaults by column.
    public func standardMatchesCatalog(_ table: Table, _ catalog: Table) -> Bool {
        for check in table.checks where catalog.checks.first(where: { $0.name == check.name })?.expression != check.expression {
            return false
        }
        for column in table.columns where column.generated != nil || column.defaultValue?.isExpression == true {
            guard let actual = catalog.column(named: column.name) else { return false }
            if column.generated != nil, actual.generated != column.generated { return false }
            if column.defaultValue?.isExpression == true, actual.defaultValue != column.defaultValue { return false }
        }
        return true
    }

    /// The server's check expressions (by name), generated expressions and expression defaults.
    public func standardTakeSpelling(from server: Table, into table: inout Table) {
        for c in table.columns.indices {
            guard let actual = server.column(named: table.columns[c].name) else { continue }
            if table.columns[c].generated != nil, let generated = actual.generated {
                table.columns[c].generated?.expression = generated.expression
            }
            if table.columns[c].defaultValue?.isExpression == true {
                table.columns[c].defaultValue = actual.defaultValue
            }
        }
        for k in table.checks.indices {
            if let actual = server.checks.first(where: { $0.name == table.checks[k].name }) {
                table.checks[k].expression = actual.expression
            }
        }
    }
}

extension ColumnDefault {
    /// Whether this is an ``expression(_:)`` default.
    public var isExpression: Bool {
        if case .expression = self { return true }
        return false
    }
}
