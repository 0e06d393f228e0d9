import SchemaSyncCore

/// A session whose inspector is deliberately blind to something (a test hook): everything is
/// forwarded to `base` except that ``inspect()`` passes its result through `blind`.
///
/// It proves that verification does not share the model's blind spots: with a blinded
/// inspector the model sees no difference, and only the engine's own definitions can.
///
/// ```swift
/// let blinded = BlindedSession(base: session) { schema in
///     var s = schema; for t in s.tables.indices { for c in s.tables[t].columns.indices { s.tables[t].columns[c].defaultValue = nil } }; return s
/// }
/// ```
public final class BlindedSession: DatabaseSession {
    public let base: any DatabaseSession
    let blind: (Schema) -> Schema

    public init(base: any DatabaseSession, blind: @escaping (Schema) -> Schema) {
        self.base = base
        self.blind = blind
    }

    public var dialect: any Dialect { base.dialect }
    public var serverVersion: String? { base.serverVersion }
    public func inspect() throws -> Schema { blind(try base.inspect()) }
    public func withWriterLock<T>(_ body: () throws -> T) throws -> T { try base.withWriterLock(body) }
    public func withWriterLockOutsideTransaction<T>(_ body: () throws -> T) throws -> T { try base.withWriterLockOutsideTransaction(body) }
    public func execute(_ statement: RenderedStatement) throws { try base.execute(statement) }
    public func query(_ sql: String) throws -> [[String?]] { try base.query(sql) }
    public func schema(fromSQL sql: String, source: String) throws -> Schema { try base.schema(fromSQL: sql, source: source) }
    public func canonicalize(_ desired: Schema) throws -> Schema { try base.canonicalize(desired) }
    public func engineDefinitions() throws -> [EngineDefinition]? { try base.engineDefinitions() }
    public func engineDefinitions(ofDesired desired: Schema) throws -> [EngineDefinition]? {
        try base.engineDefinitions(ofDesired: desired)
    }
    public func canonicalizeWithDefinitions(_ desired: Schema) throws -> (schema: Schema, definitions: [EngineDefinition]?) {
        try base.canonicalizeWithDefinitions(desired)
    }
    public func close() { base.close() }

    /// A blind spot for tests: every column default is dropped from what the inspector reports.
    public static func withoutDefaults(_ schema: Schema) -> Schema {
        var copy = schema
        for t in copy.tables.indices {
            for c in copy.tables[t].columns.indices { copy.tables[t].columns[c].defaultValue = nil }
        }
        return copy
    }
}
