/// An open connection to one database, owned by one thread at a time.
///
/// A connector's session inspects the catalog, runs queries and statements, and provides the
/// writer lock. The core drives it; it never sees dialect syntax beyond what ``dialect`` renders.
public protocol DatabaseSession: AnyObject {
    /// The dialect of this database (possibly tuned to the server version read at connect time).
    var dialect: any Dialect { get }

    /// Reads the whole managed schema in a constant number of catalog queries.
    func inspect() throws -> Schema

    /// Runs `body` holding the writer lock, inside one transaction when the engine has
    /// transactional DDL; commits when `body` returns, rolls back when it throws.
    /// Statements with phase ``RenderedStatement/Phase/beforeTransaction`` are the connector's
    /// to handle (the core passes them in `body` through ``execute(_:)`` in order).
    func withWriterLock<T>(_ body: () throws -> T) throws -> T

    /// Runs `body` holding the writer lock outside any transaction, for the statements of phase
    /// ``RenderedStatement/Phase/afterTransaction`` (PostgreSQL `CREATE INDEX CONCURRENTLY`),
    /// each of which commits by itself. The default is ``withWriterLock(_:)``, for connectors
    /// that render no such statements.
    func withWriterLockOutsideTransaction<T>(_ body: () throws -> T) throws -> T

    /// Executes one statement; throws ``SchemaSyncError/Code/applyFailed`` naming the statement.
    func execute(_ statement: RenderedStatement) throws

    /// Runs a query that returns rows; values as text (nil for SQL NULL).
    func query(_ sql: String) throws -> [[String?]]

    /// Turns desired-schema SQL in this dialect into a neutral schema without changing this
    /// database (SQLite: a scratch in-memory database; servers: a scratch schema or the dev URL).
    func schema(fromSQL sql: String, source: String) throws -> Schema

    /// Makes a desired schema comparable with an inspected one, e.g. by letting the server
    /// rewrite expressions the way its catalog stores them. The default returns it unchanged.
    func canonicalize(_ desired: Schema) throws -> Schema

    /// The engine's own definitions of every managed object of this database (see
    /// ``EngineDefinition``), read in a constant number of queries, inside the current transaction
    /// when one is open. Nil when the connector cannot provide them: verification then rests on
    /// the neutral model alone. The default returns nil.
    func engineDefinitions() throws -> [EngineDefinition]?

    /// The engine's own definitions of `desired` created from nothing in a scratch space (a
    /// scratch schema rolled back, a scratch database dropped, an in-memory database), never
    /// touching this database's objects. Nil when unsupported. The default returns nil.
    func engineDefinitions(ofDesired desired: Schema) throws -> [EngineDefinition]?

    /// ``canonicalize(_:)`` and ``engineDefinitions(ofDesired:)`` of its result in one step, for
    /// verification: a connector whose canonicaliser builds a scratch copy anyway overrides this
    /// to build it once (whole, foreign keys and views included) and read both the neutral form
    /// and the engine's definitions from it. The default calls the two in turn.
    func canonicalizeWithDefinitions(_ desired: Schema) throws -> (schema: Schema, definitions: [EngineDefinition]?)

    /// The server's own version string (`15.4`, `10.11.6-MariaDB`, `3.40.1`), recorded in saved
    /// plans; nil when unknown (the default).
    var serverVersion: String? { get }

    /// Everything besides the desired schema that decides the engine's definitions of a scratch
    /// copy (server version, settings that change how the engine spells things, the managed
    /// schema or database), read in one query: the key under which ``DefinitionCache`` keeps
    /// them. Nil (the default): never cached.
    func definitionCacheScope() throws -> String?

    /// Definitions of `desired`'s scratch copy kept by ``DefinitionCache`` from an earlier run,
    /// handed over before anything is canonicalised: a connector whose ``canonicalize(_:)``
    /// builds the copy only to read them (SQLite) keeps them and builds nothing. A kept entry
    /// means this very schema built on the same engine before. The default ignores them.
    func adoptDefinitions(_ definitions: [EngineDefinition], ofDesired desired: Schema)

    /// Closes the connection. Safe to call twice.
    func close()
}

extension DatabaseSession {
    public func canonicalize(_ desired: Schema) throws -> Schema { desired }

    public var serverVersion: String? { nil }

    public func withWriterLockOutsideTransaction<T>(_ body: () throws -> T) throws -> T {
        try withWriterLock(body)
    }

    public func engineDefinitions() throws -> [EngineDefinition]? { nil }

    public func engineDefinitions(ofDesired desired: Schema) throws -> [EngineDefinition]? { nil }

    public func definitionCacheScope() throws -> String? { nil }

    public func adoptDefinitions(_ definitions: [EngineDefinition], ofDesired desired: Schema) {}

    public func canonicalizeWithDefinitions(_ desired: Schema) throws -> (schema: Schema, definitions: [EngineDefinition]?) {
        let canonical = try canonicalize(desired)
        return (canonical, try engineDefinitions(ofDesired: canonical))
    }

    /// The statements that create `desired` on an empty database of this dialect, in order:
    /// what a connector runs to build a scratch copy for ``engineDefinitions(ofDesired:)``.
    public func creationStatements(for desired: Schema, dialect: any Dialect) throws -> [RenderedStatement] {
        try CreationScript(desired, dialect: dialect).statements
    }

    /// Runs a counting query and returns its single integer.
    public func count(_ sql: String) throws -> Int {
        let rows = try query(sql)
        guard let value = rows.first?.first ?? nil, let n = Int(value) else { return 0 }
        return n
    }
}
