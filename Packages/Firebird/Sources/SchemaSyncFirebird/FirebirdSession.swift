import Foundation
import SchemaSyncCore
import SchemaSyncFirebirdClient

/// An open session on one Firebird 3 database: inspection, the writer lock, statements, and
/// scratch databases for the engine's definitions of a desired schema.
///
/// URL: `firebird://USER:PASSWORD@HOST:PORT//absolute/path.fdb` (a path on the server) or
/// `firebird://USER:PASSWORD@HOST:PORT/alias`. The port defaults to 3050. A database file that
/// does not exist is created when ``ConnectionOptions/createIfMissing`` allows it.
///
/// Transactions: ``withWriterLock(_:)`` runs the whole apply in one transaction (Firebird DDL
/// is transactional) holding the lock row of ``FirebirdWriterLock``. An object created in that
/// transaction cannot be used by DML before COMMIT ("Table unknown"), so the renderer emits no
/// data step after DDL; data checks run before the statements, on the tables as committed.
public final class FirebirdSession: DatabaseSession {
    let connection: FirebirdConnection
    let endpoint: FirebirdEndpoint
    let url: DatabaseURL
    let options: ConnectionOptions
    let firebirdDialect = FirebirdDialect()
    private var lastInspected: Schema?

    public var dialect: any Dialect { firebirdDialect }

    /// Opens a session. - throws: ``SchemaSyncError`` naming the redacted URL.
    public init(url: DatabaseURL, options: ConnectionOptions = .init()) throws {
        self.url = url
        self.options = options
        let environment = ProcessInfo.processInfo.environment
        guard let user = url.user ?? environment["ISC_USER"] else {
            throw SchemaSyncError(.invalidURL, "database URL '\(url)' names no user", hint: "firebird://USER:PASSWORD@HOST:PORT//path/to/db.fdb")
        }
        let path = url.databaseName
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw SchemaSyncError(.invalidURL, "database URL '\(url)' names no database file",
                                  hint: "firebird://USER:PASSWORD@HOST:PORT//path/to/db.fdb (a path on the server) or an alias")
        }
        endpoint = FirebirdEndpoint(host: url.host ?? "127.0.0.1", port: url.port ?? 3050, user: user,
                                    password: url.password ?? environment["ISC_PASSWORD"] ?? "", path: path)
        let started = Date()
        do {
            do {
                connection = try FirebirdConnection.attach(endpoint, connectTimeout: Int32(clamping: options.connectTimeout))
            } catch let error as FirebirdError where options.createIfMissing && error.gdsCode == 335544344 && path.hasPrefix("/") {
                // I/O error: no such file.
                connection = try FirebirdConnection.create(endpoint, connectTimeout: Int32(clamping: options.connectTimeout))
            }
        } catch let error as FirebirdError {
            // A server that never answers shows as "connection rejected by remote interface" once
            // the connect timeout has passed.
            let timedOut = error.gdsCode == 335544975 || Date().timeIntervalSince(started) >= Double(options.connectTimeout) - 0.1
            throw SchemaSyncError(timedOut ? .timeout : .connectionFailed,
                                  timedOut ? "'\(url)' did not answer within \(options.connectTimeout) s" : "cannot connect to '\(url)'",
                                  cause: DatabaseURL.redact(error.message))
        }
        connection.statementTimeout = options.queryTimeout
    }

    /// GDS code of a statement cancelled by the query timeout.
    static let cancelled = 335544794

    public var serverVersion: String? {
        (try? connection.query("SELECT RDB$GET_CONTEXT('SYSTEM', 'ENGINE_VERSION') FROM RDB$DATABASE"))?.first?.first ?? nil
    }

    public func inspect() throws -> Schema {
        let schema = FirebirdCatalogInspector(rows: try catalogRows()).inspect()
        lastInspected = schema
        return schema
    }

    private func catalogRows(on other: FirebirdConnection? = nil) throws -> FirebirdCatalogRows {
        let target = other ?? connection
        do {
            return try FirebirdCatalogRows(run: target.query)
        } catch let error as FirebirdError {
            throw SchemaSyncError(.inspectionFailed, "cannot read the catalog of '\(url)'", cause: error.message)
        }
    }

    /// One transaction holding the lock row (see ``FirebirdWriterLock``): committed when `body`
    /// returns, rolled back when it throws.
    public func withWriterLock<T>(_ body: () throws -> T) throws -> T {
        let lock = FirebirdWriterLock(connection: connection, timeoutSeconds: options.lockTimeout, displayURL: url.description)
        do {
            try lock.prepare()
            try lock.beginLocked()
        } catch let error as FirebirdError {
            throw SchemaSyncError(.applyFailed, "cannot take the writer lock on '\(url)'", cause: error.message)
        }
        let result: T
        do {
            result = try body()
        } catch {
            if connection.inTransaction { try? connection.rollback() }
            throw error
        }
        do {
            try connection.commit()
        } catch let error as FirebirdError {
            throw SchemaSyncError(.applyFailed, "COMMIT failed on '\(url)'; nothing was changed", cause: error.message)
        }
        return result
    }

    /// Runs one statement. `COMMIT` (only ``FirebirdTableRename`` renders it) is a commit point:
    /// the transaction commits and a new one takes the writer lock again.
    public func execute(_ statement: RenderedStatement) throws {
        if statement.sql == FirebirdTableRename.commitPoint {
            guard connection.inTransaction else { return }
            do {
                try connection.commit()
                try FirebirdWriterLock(connection: connection, timeoutSeconds: options.lockTimeout, displayURL: url.description).beginLocked()
            } catch let error as FirebirdError {
                throw SchemaSyncError(.applyFailed, "COMMIT failed on '\(url)'", cause: error.message)
            }
            return
        }
        do {
            try connection.execute(statement.sql)
        } catch let error as FirebirdError {
            if error.gdsCode == Self.cancelled {
                throw SchemaSyncError(.timeout, "statement on '\(url)' did not finish within \(options.queryTimeout) s: \(statement.sql)")
            }
            throw SchemaSyncError(.applyFailed, "statement failed on '\(url)': \(statement.sql)", cause: error.message)
        }
    }

    public func query(_ sql: String) throws -> [[String?]] {
        do {
            return try connection.query(sql)
        } catch let error as FirebirdError {
            if error.gdsCode == Self.cancelled {
                throw SchemaSyncError(.timeout, "query on '\(url)' did not answer within \(options.queryTimeout) s: \(sql)")
            }
            throw SchemaSyncError(.inspectionFailed, "query failed on '\(url)': \(sql)", cause: error.message)
        }
    }

    /// Runs the script in a scratch database and reads it back. Statements are split as isql
    /// splits them (``FirebirdScript``): PSQL bodies need `SET TERM`.
    public func schema(fromSQL sql: String, source: String) throws -> Schema {
        guard let scratch = scratchDatabase() else {
            throw SchemaSyncError(.unsupportedChange, "reading '\(source)' needs a scratch database beside '\(url)'",
                                  hint: "name the database by its path on the server, not an alias")
        }
        return try scratch.run { db in
            try db.begin()
            for statement in FirebirdScript.statements(sql) {
                do { try db.execute(statement) } catch let error as FirebirdError {
                    throw SchemaSyncError(.invalidSchema, "'\(source)' does not run on Firebird", cause: error.message)
                }
            }
            try db.commit()
            var schema = FirebirdCatalogInspector(rows: try catalogRows(on: db)).inspect()
            schema.unmanaged = []
            return schema
        }
    }

    /// Firebird stores check, default and view texts as written, so the desired schema is put
    /// in the form the renderer writes: names in expressions quoted (``FirebirdExpressionNames``),
    /// defaults as they read back, primary key and identity columns NOT NULL.
    public func canonicalize(_ desired: Schema) throws -> Schema {
        var schema = desired
        let known = (desired.tables + (lastInspected?.tables ?? []))
        var viewNames = Set(known.flatMap { [$0.name] + $0.columns.map(\.name) })
        viewNames.formUnion(desired.views.map(\.name))
        for t in schema.tables.indices {
            let table = schema.tables[t]
            let names = Set(table.columns.map(\.name))
            let keyColumns = Set(table.primaryKey?.columns ?? [])
            for c in table.columns.indices {
                var column = table.columns[c]
                if keyColumns.contains(column.name) || column.identity != nil { column.nullable = false }
                column.defaultValue = FirebirdDefaultValue.canonical(column.defaultValue, quote: firebirdDialect.quoteString)
                if let generated = column.generated {
                    column.generated?.expression = FirebirdExpressionNames.quote(generated.expression, names: names)
                }
                schema.tables[t].columns[c] = column
            }
            for k in table.checks.indices {
                schema.tables[t].checks[k].expression = FirebirdExpressionNames.quote(table.checks[k].expression, names: names)
            }
        }
        for v in schema.views.indices {
            schema.views[v].definition = FirebirdExpressionNames.quote(schema.views[v].definition.trimmingWhitespaceAndNewlines(),
                                                                      names: viewNames, aliases: true)
        }
        return schema
    }

    public func engineDefinitions() throws -> [EngineDefinition]? {
        FirebirdDefinitionReader(rows: try catalogRows()).read()
    }

    /// Builds `desired` in a scratch database (one transaction, then read inside it) and reads
    /// its definitions; nil when the target is named by an alias.
    public func engineDefinitions(ofDesired desired: Schema) throws -> [EngineDefinition]? {
        guard let scratch = scratchDatabase() else { return nil }
        let canonical = try canonicalize(desired)
        let script = try CreationScript(canonical, dialect: firebirdDialect)
        return try scratch.run { db in
            try db.begin()
            for statement in script.statements {
                do { try db.execute(statement.sql) } catch let error as FirebirdError {
                    throw SchemaSyncError(.invalidSchema, "the desired schema does not build on Firebird at \(script.object(of: statement) ?? "?")",
                                          hint: "fix the object in the desired schema", cause: error.message)
                }
            }
            let definitions = FirebirdDefinitionReader(rows: try catalogRows(on: db)).read()
            try db.rollback()
            return definitions
        }
    }

    public func definitionCacheScope() throws -> String? {
        serverVersion.map { "firebird \($0)" }
    }

    public func close() {
        connection.close()
    }

    private func scratchDatabase() -> FirebirdScratchDatabase? {
        FirebirdScratchDatabase(endpoint: endpoint, databasePath: endpoint.path)
    }
}
