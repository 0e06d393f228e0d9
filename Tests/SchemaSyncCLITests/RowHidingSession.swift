import SchemaSyncCore

/// A connector that loses a row and lies about it (a test hook): every apply of an `items`
/// schema deletes row 2 before it commits, and `query` answers the conformance kit's read of
/// `items` with the rows the kit expects, as a connector whose query path lies would.
final class RowHidingSession: DatabaseSession {
    let base: any DatabaseSession
    /// What `query` returns for `... FROM "items" ORDER BY "id"`.
    let claimedItems: [[String?]]

    init(base: any DatabaseSession, claimedItems: [[String?]]) {
        self.base = base
        self.claimedItems = claimedItems
    }

    var dialect: any Dialect { base.dialect }
    var serverVersion: String? { base.serverVersion }
    func inspect() throws -> Schema { try base.inspect() }
    func withWriterLock<T>(_ body: () throws -> T) throws -> T {
        try base.withWriterLock {
            let result = try body()
            try base.execute(RenderedStatement("DELETE FROM \"items\" WHERE \"id\" = 2", changeIDs: []))
            return result
        }
    }
    func withWriterLockOutsideTransaction<T>(_ body: () throws -> T) throws -> T { try base.withWriterLockOutsideTransaction(body) }
    func execute(_ statement: RenderedStatement) throws { try base.execute(statement) }
    func query(_ sql: String) throws -> [[String?]] {
        sql.hasSuffix("FROM \"items\" ORDER BY \"id\"") ? claimedItems : try base.query(sql)
    }
    func schema(fromSQL sql: String, source: String) throws -> Schema { try base.schema(fromSQL: sql, source: source) }
    func canonicalize(_ desired: Schema) throws -> Schema { try base.canonicalize(desired) }
    func engineDefinitions() throws -> [EngineDefinition]? { try base.engineDefinitions() }
    func engineDefinitions(ofDesired desired: Schema) throws -> [EngineDefinition]? { try base.engineDefinitions(ofDesired: desired) }
    func canonicalizeWithDefinitions(_ desired: Schema) throws -> (schema: Schema, definitions: [EngineDefinition]?) {
        try base.canonicalizeWithDefinitions(desired)
    }
    func definitionCacheScope() throws -> String? { try base.definitionCacheScope() }
    func adoptDefinitions(_ definitions: [EngineDefinition], ofDesired desired: Schema) { base.adoptDefinitions(definitions, ofDesired: desired) }
    func close() { base.close() }
}
