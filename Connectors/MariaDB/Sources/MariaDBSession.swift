import Foundation
import SchemaSyncCore

/// An open session on one MariaDB database: inspection, the `GET_LOCK` writer lock, statements,
/// and server-side parsing of `.sql` schemas and expressions through a scratch database.
///
/// MariaDB commits every DDL statement on its own, so ``withWriterLock(_:)`` opens no
/// transaction: safety comes from statements that are each guarded (see ``MariaDBRenderer``)
/// and from re-planning against the live catalog, so an interrupted apply converges when run again.
public final class MariaDBSession: DatabaseSession {
    let connection: MariaDBConnection
    let settings: MariaDBConnectionSettings
    let options: ConnectionOptions
    let url: DatabaseURL
    /// The database this session manages.
    public let database: String
    var mariaDialect: MariaDBDialect
    private var databaseCharset: (String?, String?)?
    /// The last canonicalised desired schema (and its scratch copy's definitions, when read),
    /// reused when the same desired schema comes again (plan, apply, verify).
    private var canonicalCache: (desired: Schema, canonical: Schema, definitions: [EngineDefinition]?)?
    /// The target as last inspected: expressions already spelled as there need no scratch database.
    private var lastInspected: Schema?

    public var dialect: any Dialect { mariaDialect }

    public var serverVersion: String? { (try? connection.query("SELECT VERSION()"))?.first?.first ?? nil }

    /// How many queries and statements this session has sent (for tests of query counts).
    public var queryCount: Int { connection.roundTrips }

    /// Opens a session. - throws: ``SchemaSyncError`` naming the redacted URL.
    public init(url: DatabaseURL, options: ConnectionOptions = .init()) throws {
        let settings = try MariaDBConnectionSettings(url: url)
        self.settings = settings
        self.options = options
        self.url = url
        self.database = settings.database
        connection = try MariaDBConnection(settings: settings, options: options, displayURL: url.description,
                                           database: settings.database)
        let db = MariaDBDialect().quoteString(settings.database)
        let row = try connection.query(
            "SELECT @@lower_case_table_names, (SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = \(db)), "
                + "(SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = \(db)), CURRENT_USER()").first ?? []
        func value(_ i: Int) -> String? { i < row.count ? row[i] : nil }
        mariaDialect = MariaDBDialect(serverVersion: connection.serverVersion, lowerCaseTableNames: value(0).flatMap { Int($0) } ?? 0,
                                      databaseCharset: value(1), databaseCollation: value(2))
        mariaDialect.currentUser = value(3)
        mariaDialect.database = settings.database
        mariaDialect.lockTimeoutSeconds = options.lockTimeout
        mariaDialect.online = options.online
    }

    public func inspect() throws -> Schema {
        let schema = try MariaDBCatalogInspector(connection: connection, database: database, dialect: mariaDialect).inspect()
        lastInspected = schema
        return schema
    }

    /// Holds `GET_LOCK('schemasync:<database>')` around `body`; no transaction (MariaDB DDL commits implicitly).
    /// - throws: ``SchemaSyncError/Code/lockTimeout`` when another apply holds the lock longer than the lock timeout.
    public func withWriterLock<T>(_ body: () throws -> T) throws -> T {
        let timeout = max(0, options.lockTimeout)
        let got = try connection.query(mariaDialect.writerLockStatement).first?.first ?? nil
        guard got == "1" else {
            throw SchemaSyncError(.lockTimeout, "another SchemaSync apply holds the writer lock on '\(url)' (waited \(timeout) s)",
                                  hint: "wait for it to finish, or raise the lock timeout")
        }
        defer { _ = try? connection.query(mariaDialect.writerUnlockStatement) }
        try connection.execute(mariaDialect.lockWaitTimeoutStatement)
        defer { try? connection.execute("SET SESSION lock_wait_timeout = DEFAULT") }
        return try body()
    }

    public func execute(_ statement: RenderedStatement) throws {
        do {
            try connection.execute(statement.sql)
        } catch let error as SchemaSyncError where error.code == .applyFailed {
            let guarded = error.message.hasPrefix("MariaDB cannot make this change")
            throw SchemaSyncError(.applyFailed, guarded ? error.message : "statement failed on '\(url)': \(statement.sql)",
                                  hint: error.hint, cause: error.cause)
        }
    }

    public func query(_ sql: String) throws -> [[String?]] {
        try connection.query(sql)
    }

    public func schema(fromSQL sql: String, source: String) throws -> Schema {
        try scratch().run(purpose: "reading '\(source)'") { connection, name in
            do {
                try MariaDBSQLScript.run(sql, on: connection)
            } catch let error as SchemaSyncError {
                throw SchemaSyncError(.invalidSchema, "'\(source)' does not run on MariaDB", hint: nil,
                                      cause: error.cause ?? error.message)
            }
            var schema = try MariaDBCatalogInspector(connection: connection, database: name, dialect: mariaDialect).inspect()
            schema.unmanaged = []
            schema.captureSourceDefinitions(try MariaDBDefinitionReader(database: name, run: connection.query).read())
            return schema
        }
    }

    public func canonicalize(_ desired: Schema) throws -> Schema {
        if let cache = canonicalCache, cache.desired == desired { return cache.canonical }
        let canonical = try canonicalizer.canonicalize(desired)
        canonicalCache = (desired, canonical, nil)
        return canonical
    }

    /// One scratch database for both (see ``MariaDBCanonicalizer/canonicalizeWithDefinitions(_:)``).
    public func canonicalizeWithDefinitions(_ desired: Schema) throws -> (schema: Schema, definitions: [EngineDefinition]?) {
        if let cache = canonicalCache, cache.desired == desired, let definitions = cache.definitions {
            return (cache.canonical, definitions)
        }
        let (canonical, definitions) = try canonicalizer.canonicalizeWithDefinitions(desired)
        canonicalCache = (desired, canonical, definitions)
        return (canonical, definitions)
    }

    private var canonicalizer: MariaDBCanonicalizer {
        MariaDBCanonicalizer(dialect: mariaDialect, scratch: { try self.scratch() }, catalog: lastInspected)
    }

    public func engineDefinitions() throws -> [EngineDefinition]? {
        try MariaDBDefinitionReader(database: database, run: connection.query).read()
    }

    /// The definitions of the scratch database ``canonicalizeWithDefinitions(_:)`` builds; nil
    /// without one (no CREATE privilege, no --dev-url): verification then rests on the model.
    public func engineDefinitions(ofDesired desired: Schema) throws -> [EngineDefinition]? {
        try canonicalizeWithDefinitions(desired).definitions
    }

    public func close() {
        connection.close()
    }

    private func scratch() throws -> MariaDBScratchDatabase {
        if databaseCharset == nil {
            let row = try connection.query("""
                SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA
                WHERE SCHEMA_NAME = \(mariaDialect.quoteString(database))
                """).first
            databaseCharset = (row?[0] ?? nil, row?[1] ?? nil)
        }
        return MariaDBScratchDatabase(settings: settings, options: options, displayURL: url.description,
                                      charset: databaseCharset?.0, collation: databaseCharset?.1)
    }
}
