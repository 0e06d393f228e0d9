import SchemaSyncCore

/// A dialect with absurd quoting, proving the core never hard-codes a real dialect's syntax.
struct FakeDialect: Dialect {
    var name: String { "fake" }
    var capabilities: DialectCapabilities {
        DialectCapabilities(transactionalDDL: true, partialIndexes: true, expressionIndexes: true,
                            uniqueConstraintsDistinctFromIndexes: true, namedForeignKeys: true, namedChecks: true,
                            deferrableForeignKeys: true, identityAlways: true, comments: true)
    }
    func quoteIdentifier(_ name: String) -> String { "«" + name.replacingOccurrences(of: "»", with: "»»") + "»" }
    func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] {
        changes.map { RenderedStatement("FAKE \($0.change.kind) \(quoteIdentifier($0.change.objectPath))", changeIDs: [$0.id]) }
    }
}
