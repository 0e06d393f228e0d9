import Foundation
import SchemaSyncCore

/// A connection to one SQLite database.
///
/// The writer lock is `BEGIN IMMEDIATE`; the whole apply is one transaction. Foreign key
/// enforcement is switched off *outside* the transaction (SQLite ignores the pragma inside
/// one) so table rebuilds fire no ON DELETE action, and restored afterwards.
public final class SQLiteSession: DatabaseSession {
    let database: SQLiteDatabase
    private let sqliteDialect: SQLiteDialect
    /// The last scratch copy's definitions, reused when the same desired schema comes again (plan, then verify).
    private var scratchCache: (desired: Schema, definitions: [EngineDefinition])?

    init(database: SQLiteDatabase) {
        self.database = database
        self.sqliteDialect = SQLiteDialect(libraryVersion: SQLiteDatabase.libraryVersion)
    }

    public var dialect: any Dialect { sqliteDialect }

    public var serverVersion: String? { (try? query("SELECT sqlite_version()"))?.first?.first ?? nil }

    /// Queries run so far (catalog inspection costs a constant number).
    public var queryCount: Int { database.queryCount }

    public func inspect() throws -> Schema {
        try SQLiteCatalogInspector(database: database).inspect()
    }

    public func withWriterLock<T>(_ body: () throws -> T) throws -> T {
        let foreignKeysWereOn = (try? database.query("PRAGMA foreign_keys"))?.first?.first == "1"
        try run("PRAGMA foreign_keys = OFF")
        defer { if foreignKeysWereOn { try? database.execute("PRAGMA foreign_keys = ON") } }
        do {
            try database.execute("BEGIN IMMEDIATE")
        } catch let failure as SQLiteFailure {
            if failure.isBusy {
                throw SchemaSyncError(.lockTimeout, "another writer holds SQLite database '\(database.location)'",
                                      hint: "wait for the other apply to finish, or raise --lock-timeout", cause: failure.message)
            }
            throw SchemaSyncError(.applyFailed, "cannot start a transaction on '\(database.location)'", cause: failure.message)
        }
        do {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }

    public func execute(_ statement: RenderedStatement) throws {
        do {
            try database.execute(statement.sql)
        } catch let failure as SQLiteFailure {
            throw SchemaSyncError(.applyFailed, "statement failed on '\(database.location)': \(Self.abbreviate(statement.sql))",
                                  hint: "nothing was changed: the transaction was rolled back", cause: failure.message)
        }
    }

    public func query(_ sql: String) throws -> [[String?]] {
        do {
            return try database.query(sql)
        } catch let failure as SQLiteFailure {
            throw SchemaSyncError(.inspectionFailed, "query failed on '\(database.location)': \(Self.abbreviate(sql))", cause: failure.message)
        }
    }

    /// Loads the SQL into a scratch in-memory database and inspects it; this database is untouched.
    public func schema(fromSQL sql: String, source: String) throws -> Schema {
        let scratch = try SQLiteDatabase(path: ":memory:", busyTimeoutMilliseconds: 0)
        defer { scratch.close() }
        scratch.confine()
        do {
            try scratch.execute(sql)
        } catch let failure as SQLiteFailure {
            throw SchemaSyncError(.invalidSchema, "\(source): SQLite rejected the schema SQL", cause: failure.message)
        }
        var schema = try SQLiteCatalogInspector(database: scratch).inspect()
        try requireUnmanagedObjects(of: schema, source: source)
        schema.unmanaged = []
        schema.captureSourceDefinitions(try SQLiteDefinitionReader(database: scratch).read())
        return schema
    }

    /// Triggers and virtual tables are never created by apply: one the desired SQL declares must
    /// already be in the target under that name (it is then left as it is, and a table rebuild
    /// keeps the target's own definition); otherwise the SQL is refused by name instead of the
    /// object being silently left out. Names compare without regard to ASCII case, as in SQLite.
    private func requireUnmanagedObjects(of schema: Schema, source: String) throws {
        guard !schema.unmanaged.isEmpty else { return }
        struct Key: Hashable { let kind: String, name: String, table: String? }
        func key(_ object: UnmanagedObject) -> Key {
            Key(kind: object.kind, name: IdentifierRules.asciiLowercased(object.name), table: object.table.map(IdentifierRules.asciiLowercased))
        }
        let present = Set(try SQLiteCatalogInspector(database: database).inspect().unmanaged.map(key))
        let missing = schema.unmanaged.filter { !present.contains(key($0)) }
        guard !missing.isEmpty else { return }
        let names = missing.prefix(5).map { "\($0.kind) \($0.name)" }.joined(separator: ", ") + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
        throw SchemaSyncError(.invalidSchema, "\(source): declares objects SchemaSync does not manage and the target database does not have: \(names)",
                              hint: "create them in the target first (apply leaves them as they are), or keep them out of the desired schema")
    }

    public func engineDefinitions() throws -> [EngineDefinition]? {
        try SQLiteDefinitionReader(database: database).read()
    }

    /// Builds the scratch copy of `desired` (see ``engineDefinitions(ofDesired:)``) before
    /// anything is planned, so a check, predicate, generated or default expression SQLite rejects
    /// is invalid input (exit 5) at plan time, as on the server engines.
    public func canonicalize(_ desired: Schema) throws -> Schema {
        _ = try engineDefinitions(ofDesired: desired)
        return desired
    }

    /// Creates `desired` in a scratch in-memory database and reads SQLite's definitions there.
    public func engineDefinitions(ofDesired desired: Schema) throws -> [EngineDefinition]? {
        if let cached = scratchCache, cached.desired == desired { return cached.definitions }
        let definitions = try SQLiteScratchBuild(dialect: dialect).definitions(of: desired)
        scratchCache = (desired, definitions)
        return definitions
    }

    /// Kept definitions stand in for the scratch copy: ``canonicalize(_:)`` builds it only to
    /// read them (and to refuse what SQLite rejects, which a kept entry already passed).
    public func adoptDefinitions(_ definitions: [EngineDefinition], ofDesired desired: Schema) {
        scratchCache = (desired, definitions)
    }

    public func close() { database.close() }

    private func run(_ sql: String) throws {
        do {
            try database.execute(sql)
        } catch let failure as SQLiteFailure {
            throw SchemaSyncError(.applyFailed, "'\(sql)' failed on '\(database.location)'", cause: failure.message)
        }
    }

    static func abbreviate(_ sql: String) -> String {
        let oneLine = sql.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: " ")
        return oneLine.count > 200 ? String(oneLine.prefix(200)) + "…" : oneLine
    }
}
