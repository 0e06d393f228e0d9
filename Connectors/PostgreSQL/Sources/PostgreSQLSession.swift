import Foundation
import SchemaSyncCore

/// One libpq connection to a PostgreSQL database, managing one schema.
///
/// - Every query has a deadline (`statement_timeout` on the server and a client-side wait limit),
///   so a silent server is a ``SchemaSyncError/Code/timeout`` error, never a hang.
/// - ``withWriterLock(_:)`` runs the whole apply in one transaction holding a transaction-scoped
///   advisory lock, with `lock_timeout` so a blocked ALTER fails fast.
/// - Error messages name the URL without its password.
public final class PostgreSQLSession: DatabaseSession {
    /// The dialect bound to this session's schema and server settings.
    public let postgresDialect: PostgreSQLDialect
    public var dialect: any Dialect { postgresDialect }

    public var serverVersion: String? { (try? connection.run("SHOW server_version"))?.first?.first ?? nil }
    /// The URL this session connected to (its description hides the password).
    public let url: DatabaseURL
    let options: ConnectionOptions
    let connection: PGConnection
    /// Catalog queries run by ``inspect()`` since the session opened (to prove the count is constant).
    public private(set) var catalogQueryCount = 0
    private var scratchCounter = 0
    /// The schema the last ``inspect()`` read: tables already in the catalog's spelling need no scratch copy.
    var lastInspected: Schema?
    /// The last canonicalized schema, reused when the same desired schema comes again (plan, then verify).
    var canonicalCache: (desired: Schema, canonical: Schema)?
    /// The scratch copy's definitions of the last desired schema canonicalised with them.
    var desiredDefinitionsCache: (canonical: Schema, definitions: [EngineDefinition])?

    /// The advisory lock class shared by every SchemaSync writer ("SSYN").
    static let advisoryLockClass: Int32 = 0x5353_594E

    /// Opens a session; see ``PostgreSQLConnector``.
    /// - throws: ``SchemaSyncError/Code/connectionFailed`` or ``SchemaSyncError/Code/timeout``.
    public init(url: DatabaseURL, options: ConnectionOptions = .init()) throws {
        let parameters = try PostgreSQLConnectionParameters(url: url, options: options)
        self.url = url
        self.options = options
        do {
            connection = try PGConnection.open(parameters: parameters.keywords, secrets: parameters.secrets,
                                               queryTimeout: options.queryTimeout)
        } catch let error as PGConnection.PGError {
            let timedOut = error.message.lowercased().contains("timeout expired")
            throw SchemaSyncError(timedOut ? .timeout : .connectionFailed, "cannot connect to '\(url)'",
                                  hint: timedOut ? "the server did not answer; check host, port and firewall"
                                      : "check that the server runs and that user, password and database are right",
                                  cause: error.message)
        }
        var dialect = PostgreSQLDialect(schema: parameters.schema)
        dialect.lockTimeoutSeconds = max(options.lockTimeout, 1)
        dialect.online = options.online
        do {
            let path = parameters.schema == "public"
                ? dialect.quoteIdentifier("public")
                : dialect.quoteIdentifier(parameters.schema) + ", public"
            // jit off: the catalog queries' per-row subqueries make the planner's cost estimate
            // pass jit_above_cost, and compiling them took 0.7 of the 0.9 s the index query
            // needed at 1,000 tables; nothing this session runs gains from JIT.
            try connection.run("SET client_min_messages = warning; SET search_path TO \(path); "
                + "SET statement_timeout = \(max(options.queryTimeout, 0) * 1000); SET jit = off")
            let settings = try connection.run("SELECT current_setting('max_locks_per_transaction'), "
                + "current_setting('max_connections'), current_setting('max_prepared_transactions')")
            if let row = settings.first, let locks = Int(row[0] ?? ""), let connections = Int(row[1] ?? "") {
                dialect.maxLocksPerTransaction = locks
                dialect.lockSlots = connections + (Int(row[2] ?? "") ?? 0)
            }
        } catch {
            connection.close()
            let cause = (error as? PGConnection.PGError)?.message ?? String(describing: error)
            throw SchemaSyncError(.connectionFailed, "cannot set up the session on '\(url)'", cause: cause)
        }
        if connection.serverMajorVersion < 12 {
            connection.close()
            throw SchemaSyncError(.connectionFailed, "'\(url)' runs PostgreSQL \(connection.serverMajorVersion); SchemaSync needs 12 or later")
        }
        postgresDialect = dialect
    }

    deinit { connection.close() }

    public func close() { connection.close() }

    // MARK: Inspection

    public func inspect() throws -> Schema {
        let schema = try inspect(dialect: postgresDialect)
        lastInspected = schema
        return schema
    }

    func inspect(dialect: PostgreSQLDialect) throws -> Schema {
        let inspector = PostgreSQLInspector(dialect: dialect, serverMajorVersion: connection.serverMajorVersion) { [self] sql in
            catalogQueryCount += 1
            do {
                return try connection.run(sql)
            } catch {
                throw fail(error, .inspectionFailed, "reading the catalog of '\(url)' (schema '\(dialect.schema)') failed")
            }
        }
        return try inspector.inspect()
    }

    // MARK: Statements

    /// Outside a transaction (the `--online` steps after COMMIT) a statement that waited the
    /// whole lock timeout for its table lock is tried again, up to three more times with a growing
    /// pause, so a busy table delays the step instead of failing it; inside the transaction a lock
    /// timeout fails the apply, which rolls back.
    public func execute(_ statement: RenderedStatement) throws {
        var attempt = 0
        while true {
            do {
                try connection.run(statement.sql)
                return
            } catch let error as PGConnection.PGError where error.sqlState == "55P03" && !connection.inTransaction && attempt < Self.lockRetries {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.25 * Double(1 << attempt))
                // A concurrent build that timed out leaves an invalid index, which IF NOT EXISTS would keep.
                if let name = PostgreSQLOnlineSteps.indexName(inConcurrentCreate: statement.sql) {
                    _ = try? connection.run("DROP INDEX CONCURRENTLY IF EXISTS \(postgresDialect.qualified(name))")
                }
            } catch {
                throw failure(statement, error, attempts: attempt + 1)
            }
        }
    }

    /// How often a statement outside the transaction is tried again after a lock timeout.
    static let lockRetries = 3

    /// The error a failed statement is reported as: its SQL (scrubbed), the server's cause and a hint.
    private func failure(_ statement: RenderedStatement, _ error: Error, attempts: Int) -> Error {
        guard let error = error as? PGConnection.PGError else { return error }
        var hint: String? = nil
        if error.sqlState == "55P03" {
            hint = "another session holds a lock on this object; retry later or raise the lock timeout (now \(options.lockTimeout) s)"
        } else if error.sqlState == "57014" {
            hint = "the statement ran longer than the query timeout (\(options.queryTimeout) s)"
        }
        return SchemaSyncError(error.timedOut ? .timeout : .applyFailed,
                               "statement failed on '\(url)'\(attempts > 1 ? " after \(attempts) attempts" : ""): \(connection.scrub(Self.excerpt(statement.sql)))",
                               hint: hint, cause: error.message)
    }

    /// Holds a session-level advisory lock on the same key as ``withWriterLock(_:)``, with
    /// `lock_timeout` set for the session, around statements that must run outside a transaction.
    public func withWriterLockOutsideTransaction<T>(_ body: () throws -> T) throws -> T {
        guard !connection.inTransaction else {
            throw SchemaSyncError(.internalError, "withWriterLockOutsideTransaction called inside an open transaction on '\(url)'")
        }
        let prologue = postgresDialect.outsideTransactionPrologue(), epilogue = postgresDialect.outsideTransactionEpilogue()
        try run(prologue[0], .applyFailed, "cannot set lock_timeout")
        defer { _ = try? connection.run(epilogue[1]) }
        do {
            try connection.run(prologue[1])
        } catch let error as PGConnection.PGError where error.sqlState == "55P03" {
            throw SchemaSyncError(.lockTimeout,
                "another SchemaSync apply holds the writer lock on '\(url)' (schema '\(postgresDialect.schema)')",
                hint: "the first part of this apply is committed; run apply again to finish it", cause: error.message)
        }
        defer { _ = try? connection.run(epilogue[0]) }
        return try body()
    }

    public func query(_ sql: String) throws -> [[String?]] {
        do {
            return try connection.run(sql)
        } catch {
            throw fail(error, .inspectionFailed, "query failed on '\(url)': \(connection.scrub(Self.excerpt(sql)))")
        }
    }

    // MARK: Writer lock

    public func withWriterLock<T>(_ body: () throws -> T) throws -> T {
        guard !connection.inTransaction else {
            throw SchemaSyncError(.internalError, "withWriterLock called inside an open transaction on '\(url)'")
        }
        try run("BEGIN", .applyFailed, "cannot start a transaction on '\(url)'")
        do {
            try run(postgresDialect.lockTimeoutStatement, .applyFailed, "cannot set lock_timeout")
            do {
                try connection.run(postgresDialect.writerLockStatement)
            } catch let error as PGConnection.PGError where error.sqlState == "55P03" {
                throw SchemaSyncError(.lockTimeout,
                    "another SchemaSync apply holds the writer lock on '\(url)' (schema '\(postgresDialect.schema)')",
                    hint: "wait for it to finish, or raise the lock timeout (now \(options.lockTimeout) s)", cause: error.message)
            }
            let result = try body()
            try run("COMMIT", .applyFailed, "commit failed on '\(url)'; nothing was changed")
            return result
        } catch {
            if connection.inTransaction { _ = try? connection.run("ROLLBACK") }
            if var error = error as? SchemaSyncError {
                if error.code == .applyFailed || error.code == .timeout {
                    error.message += " (the transaction was rolled back; nothing was changed)"
                }
                throw error
            }
            throw fail(error, .applyFailed, "apply failed on '\(url)'; nothing was changed")
        }
    }

    // MARK: Scratch schemas

    public func schema(fromSQL sql: String, source: String) throws -> Schema {
        try requireExtensions(of: sql, source: source)
        var schema = try loadSchema(fromSQL: sql, source: source)
        try requireUnmanagedObjects(of: schema, source: source)
        schema.unmanaged = schema.unmanaged.filter { $0.kind != "sequence" }
        return schema
    }

    /// Objects the model does not hold (functions, triggers, standalone sequences, policies,
    /// exclusion constraints, ...) are never created by apply: one the desired SQL declares must
    /// already be in the target (it is then left as it is); otherwise the SQL is refused by name
    /// instead of the object being silently left out.
    private func requireUnmanagedObjects(of schema: Schema, source: String) throws {
        guard !schema.unmanaged.isEmpty else { return }
        struct Key: Hashable { let kind: String, name: String, table: String? }
        let present = Set(try query(PostgreSQLCatalogQueries.unmanaged(postgresDialect.quoteString(postgresDialect.schema)))
            .compactMap { row in row[0].flatMap { kind in row[1].map { Key(kind: kind, name: $0, table: row[2]) } } })
        let missing = schema.unmanaged.filter { !present.contains(Key(kind: $0.kind, name: $0.name, table: $0.table)) }
        guard !missing.isEmpty else { return }
        let names = missing.prefix(5).map { "\($0.kind) \($0.table.map { "\($0)." } ?? "")\($0.name)" }.joined(separator: ", ")
            + (missing.count > 5 ? " and \(missing.count - 5) more" : "")
        throw SchemaSyncError(.invalidSchema,
            "'\(source)' declares objects SchemaSync does not manage and the target database does not have: \(names)",
            hint: "create them on the target by hand first (apply then leaves them as they are), or keep them out of the desired schema")
    }

    private func loadSchema(fromSQL sql: String, source: String) throws -> Schema {
        if let devURL = options.devURL, devURL != url {
            guard PostgreSQLConnector().schemes.contains(devURL.scheme) else {
                throw SchemaSyncError(.usage, "the dev database '\(devURL)' is not a PostgreSQL URL",
                                      hint: "a .sql schema for PostgreSQL needs a postgres:// dev database")
            }
            var devOptions = options
            devOptions.devURL = nil
            let dev = try PostgreSQLSession(url: devURL, options: devOptions)
            defer { dev.close() }
            return try dev.loadSchema(fromSQL: sql, source: source)
        }
        let database = PostgreSQLScratchDatabase(session: self)
        guard database.isAvailable() else { return try loadInScratchSchema(sql, source: source, why: "the user may not create databases") }
        do {
            var schema = try database.run { try PostgreSQLSQLLoader(session: $0).load(sql, source: source) }
            schema.source?.loadedIn = "a scratch database on the same server, dropped afterwards"
            return schema
        } catch let error as SchemaSyncError where error.code == .invalidSchema {
            // The SQL may need what only the target has (a type or extension it does not create itself).
            guard let schema = try? loadInScratchSchema(sql, source: source, why: "it needs objects only the target database has") else {
                throw error
            }
            return schema
        }
    }

    /// Extensions are not managed: one the desired SQL creates must already be in the target,
    /// where the desired schema is built again before planning (and where apply would need it).
    private func requireExtensions(of sql: String, source: String) throws {
        guard sql.range(of: "extension", options: .caseInsensitive) != nil else { return } // no second lexing pass
        let wanted = PostgreSQLSQLScript(sql, schema: postgresDialect.schema, scratch: postgresDialect.schema)
            .statements.compactMap(\.createdExtension)
        guard !wanted.isEmpty else { return }
        let installed = Set(try query("SELECT extname FROM pg_extension").compactMap { $0.first ?? nil })
        let missing = wanted.filter { !installed.contains($0) }
        guard !missing.isEmpty else { return }
        let names = missing.map { "\"\($0)\"" }.joined(separator: ", ")
        throw SchemaSyncError(.invalidSchema,
            "'\(source)' creates extension\(missing.count > 1 ? "s" : "") \(names), which the target database does not have; SchemaSync does not manage extensions",
            hint: "create \(missing.count > 1 ? "them" : "it") on the target first: " + missing.map { "CREATE EXTENSION IF NOT EXISTS \"\($0)\"" }.joined(separator: "; "))
    }

    private func loadInScratchSchema(_ sql: String, source: String, why: String) throws -> Schema {
        var schema = try PostgreSQLSQLLoader(session: self).load(sql, source: source)
        schema.source?.loadedIn = "a scratch schema of the target database, rolled back (\(why))"
        return schema
    }

    public func canonicalize(_ desired: Schema) throws -> Schema {
        if let cache = canonicalCache, cache.desired == desired { return cache.canonical }
        let canonical = try PostgreSQLCanonicalizer(session: self).canonicalize(desired)
        canonicalCache = (desired, canonical)
        return canonical
    }

    /// Runs `body` with a fresh schema first on the `search_path`, inside a transaction (or a
    /// savepoint, when one is already open) that is always rolled back: nothing persists.
    func withScratchSchema<T>(_ body: (PostgreSQLDialect) throws -> T) throws -> T {
        let nested = connection.inTransaction
        scratchCounter += 1
        let name = "schemasync_scratch_\(ProcessInfo.processInfo.processIdentifier)_\(scratchCounter)"
        var scratch = postgresDialect
        scratch.schema = name
        scratch.maxLocksPerTransaction = nil
        try run(nested ? "SAVEPOINT schemasync_scratch" : "BEGIN", .inspectionFailed, "cannot open a scratch transaction")
        func rollback() {
            if nested {
                _ = try? connection.run("ROLLBACK TO SAVEPOINT schemasync_scratch; RELEASE SAVEPOINT schemasync_scratch")
            } else if connection.inTransaction {
                _ = try? connection.run("ROLLBACK")
            }
        }
        do {
            let q = scratch.quoteIdentifier(name)
            // The managed schema stays visible, so its types (enums, domains) resolve in the scratch copy.
            let live = postgresDialect.schema == "public" ? "" : ", " + scratch.quoteIdentifier(postgresDialect.schema)
            try run("CREATE SCHEMA \(q); SET LOCAL search_path TO \(q)\(live), public", .inspectionFailed,
                    "cannot create a scratch schema on '\(url)'",
                    hint: "the user needs CREATE permission on the database, or pass a dev database URL")
            let result = try body(scratch)
            rollback()
            return result
        } catch {
            rollback()
            throw error
        }
    }

    // MARK: Engine definitions

    public func engineDefinitions() throws -> [EngineDefinition]? {
        try definitionReader(schema: postgresDialect.schema).read()
    }

    /// One scratch copy for both (see ``PostgreSQLCanonicalizer/canonicalizeWithDefinitions(_:)``);
    /// the definitions are nil when the copy would not fit in one transaction's locks.
    public func canonicalizeWithDefinitions(_ desired: Schema) throws -> (schema: Schema, definitions: [EngineDefinition]?) {
        if let cache = canonicalCache, cache.desired == desired,
           let defined = desiredDefinitionsCache, defined.canonical == cache.canonical {
            return (cache.canonical, defined.definitions)
        }
        guard scratchCopyFits(desired) else { return (try canonicalize(desired), nil) }
        let (canonical, definitions) = try PostgreSQLCanonicalizer(session: self).canonicalizeWithDefinitions(desired)
        canonicalCache = (desired, canonical)
        desiredDefinitionsCache = (canonical, definitions)
        return (canonical, definitions)
    }

    /// Whether creating `desired` from nothing fits in one transaction's locks.
    private func scratchCopyFits(_ desired: Schema) -> Bool {
        guard let locks = postgresDialect.maxLocksPerTransaction else { return true }
        return PostgreSQLLockBudget(locksPerTransaction: locks, slots: postgresDialect.lockSlots).fitsCreation(of: desired)
    }

    /// The definitions of the scratch copy ``canonicalizeWithDefinitions(_:)`` builds (canonicalising
    /// an already canonical schema changes nothing). Nil when the copy would need more locks than
    /// one transaction can hold (the opt-in `--changes-per-transaction` case): verification then
    /// rests on the model.
    public func engineDefinitions(ofDesired desired: Schema) throws -> [EngineDefinition]? {
        if let cache = desiredDefinitionsCache, cache.canonical == desired { return cache.definitions }
        return try canonicalizeWithDefinitions(desired).definitions
    }

    func definitionReader(schema: String) -> PostgreSQLDefinitionReader {
        PostgreSQLDefinitionReader(schema: schema, serverMajorVersion: connection.serverMajorVersion) { [self] sql in
            do {
                return try connection.run(sql)
            } catch {
                throw fail(error, .inspectionFailed, "reading PostgreSQL's definitions of schema '\(schema)' failed")
            }
        }
    }

    // MARK: Helpers

    private func run(_ sql: String, _ code: SchemaSyncError.Code, _ message: String, hint: String? = nil) throws {
        do {
            try connection.run(sql)
        } catch {
            throw fail(error, code, message, hint: hint)
        }
    }

    /// Wraps a driver error into a ``SchemaSyncError`` (timeouts keep their own code).
    func fail(_ error: Error, _ code: SchemaSyncError.Code, _ message: String, hint: String? = nil) -> SchemaSyncError {
        if let error = error as? SchemaSyncError { return error }
        guard let error = error as? PGConnection.PGError else {
            return SchemaSyncError(code, message, hint: hint, cause: String(describing: error))
        }
        if error.timedOut {
            return SchemaSyncError(.timeout, message, hint: "the server did not answer within \(options.queryTimeout) s",
                                   cause: error.message)
        }
        return SchemaSyncError(code, message, hint: hint, cause: error.message)
    }

    static func excerpt(_ sql: String) -> String {
        let flat = sql.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: " ")
        return flat.count > 300 ? String(flat.prefix(300)) + "…" : flat
    }
}
