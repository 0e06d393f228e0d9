import SchemaSyncCore

/// Makes a desired schema comparable with what MariaDB's catalog reports.
///
/// - Indexes MariaDB adds for foreign keys (named like the key, same columns) are dropped from
///   the desired schema too: the key implies them.
/// - Expressions MariaDB rewrites (check clauses, generated columns, expression defaults, view
///   bodies) are replaced by the server's own rewriting (the core's ``ScratchNormalizer``): the
///   affected tables and every view are created in a scratch database and read back. When no scratch database can be made
///   (missing privilege), checks and generated columns are compared by normalised text, and a
///   schema with views is refused with a clear error (grant CREATE or pass a dev URL).
/// - A table or view whose expressions are already spelled exactly as the target's catalog
///   spells them (a schema written by `inspect`, a re-run after apply) is not sent to the
///   server: the server's spelling of its own spelling is that spelling.
struct MariaDBCanonicalizer {
    let dialect: MariaDBDialect
    let scratch: () throws -> MariaDBScratchDatabase
    /// The target as last inspected, whose spellings need no scratch database.
    var catalog: Schema? = nil

    /// Checks, generated columns, expression defaults and view bodies: the core's standard.
    private struct Spelling: ServerSpelling {}
    private let normalizer = ScratchNormalizer(spelling: Spelling())

    func canonicalize(_ desired: Schema) throws -> Schema {
        let schema = withoutImpliedIndexes(desired)
        do {
            return try normalizer.normalize(schema, catalog: catalog) { tables, views in try serverForm(of: tables, views: views) }
        } catch let error as SchemaSyncError where error.code == .invalidSchema {
            throw error // the server rejected a desired table: refuse before anything changes
        } catch let error as SchemaSyncError where schema.views.isEmpty {
            _ = error // checks and generated columns fall back to comparing normalised text
            return schema
        } catch let error as SchemaSyncError {
            // View bodies are rewritten too heavily to compare as text: say so instead of never converging.
            throw SchemaSyncError(.inspectionFailed, "views on MariaDB are compared through a scratch database: " + error.message,
                                  hint: error.hint, cause: error.cause)
        }
    }

    /// Canonicalises and reads MariaDB's definitions of the desired schema from one scratch copy:
    /// the whole schema (keys, indexes and views included) is created in a scratch database from
    /// the statements a plan from nothing renders, then read back through the inspector (for the
    /// server's spelling) and the definition reader (for verification). Without a scratch
    /// database, the definitions are nil and canonicalisation falls back as ``canonicalize(_:)`` does.
    func canonicalizeWithDefinitions(_ desired: Schema) throws -> (schema: Schema, definitions: [EngineDefinition]?) {
        let schema = withoutImpliedIndexes(desired)
        let script = try CreationScript(schema, dialect: dialect)
        do {
            let (parsed, definitions) = try scratch().run(purpose: "verifying against the desired schema") { connection, name in
                try build(script, on: connection)
                return (try MariaDBCatalogInspector(connection: connection, database: name, dialect: dialect).inspect(),
                        try MariaDBDefinitionReader(database: name, run: connection.query).read())
            }
            var canonical = schema
            normalizer.merge(parsed, into: &canonical)
            return (canonical, definitions)
        } catch let error as SchemaSyncError where MariaDBScratchDatabase.isUnavailable(error) {
            return (try canonicalize(desired), nil)
        }
    }

    /// Runs `script` a hundred statements per round trip; a failing statement is refused by the
    /// object it creates, before anything changes on the target.
    private func build(_ script: CreationScript, on connection: MariaDBConnection) throws {
        try execute(script.statements.map { ($0.sql, script.object(of: $0).map { "'\($0)'" } ?? "a statement") }, on: connection,
                    hint: "fix the object named in the cause; nothing was changed")
    }

    /// Runs `statements` a hundred per round trip (``StatementBatches``); the first that fails is
    /// refused as invalid desired schema, naming its object. MariaDB says which statement of a
    /// batch failed, so none runs twice (its DDL commits as it goes).
    private func execute(_ statements: [(sql: String, object: String)], on connection: MariaDBConnection, hint: String) throws {
        for batch in StatementBatches().batches(of: statements) {
            do {
                try connection.executeBatch(batch.map(\.sql))
            } catch let failure as MariaDBConnection.BatchFailure {
                throw SchemaSyncError(.invalidSchema, "\(batch[batch.startIndex + failure.index].object) of the desired schema is not valid on MariaDB",
                                      hint: hint, cause: failure.error.cause ?? failure.error.message)
            }
        }
    }

    /// Indexes MariaDB adds for foreign keys (named like the key, same columns) are implied by the key.
    private func withoutImpliedIndexes(_ desired: Schema) -> Schema {
        var schema = desired
        for i in schema.tables.indices {
            // A unique key over a whole TEXT/BLOB column is a "long unique" key MariaDB builds
            // USING HASH (it cannot be a B-tree), and its catalog says so.
            let long = { (part: String) in schema.tables[i].column(named: part).map(Self.isLongValueColumn) == true }
            for unique in schema.tables[i].uniqueConstraints where unique.columns.contains(where: long) {
                schema.tables[i].uniqueConstraints.removeAll { $0.name == unique.name }
                schema.tables[i].indexes.append(Index(name: unique.name, columns: unique.columns, unique: true))
            }
            // A plain key over a whole TEXT/BLOB column gets the longest prefix InnoDB allows.
            for k in schema.tables[i].indexes.indices where !schema.tables[i].indexes[k].unique && schema.tables[i].indexes[k].normalizedMethod == nil {
                for p in schema.tables[i].indexes[k].parts.indices {
                    let part = schema.tables[i].indexes[k].parts[p]
                    guard part.prefixLength == nil, let name = part.column, let column = schema.tables[i].column(named: name),
                          Self.isLongValueColumn(column), let prefix = impliedPrefix(of: column, in: schema.tables[i]) else { continue }
                    schema.tables[i].indexes[k].parts[p].prefixLength = prefix
                }
            }
            let table = schema.tables[i]
            for k in table.indexes.indices where table.indexes[k].unique && table.indexes[k].method == nil
                && table.indexes[k].parts.contains(where: { part in
                    part.prefixLength == nil && part.column.flatMap(table.column(named:)).map(Self.isLongValueColumn) == true
                }) {
                schema.tables[i].indexes[k].method = "hash"
            }
            let fks = schema.tables[i].foreignKeys
            schema.tables[i].indexes.removeAll { index in
                fks.contains { $0.name == index.name && index.columnNames == $0.columns && !index.unique
                    && index.parts.allSatisfy { $0.prefixLength == nil && !$0.descending } && index.method == nil }
            }
        }
        return schema
    }

    /// The prefix (in characters) MariaDB gives a key part over a whole TEXT/BLOB column: the
    /// row format's key limit (3072 bytes, 767 for COMPACT/REDUNDANT) over the bytes per
    /// character of the column's character set; nil when the character set is not known here.
    func impliedPrefix(of column: Column, in table: Table) -> Int? {
        let rowFormat = table.attributes[MariaDBDialect.Attribute.rowFormat]?.lowercased()
        let limit = rowFormat == "compact" || rowFormat == "redundant" ? 767 : 3072
        let type = MariaDBTypeMapping.columnType(column).lowercased()
        if type.hasSuffix("blob") { return limit }
        let charset = (column.attributes[MariaDBDialect.Attribute.charset] ?? table.attributes[MariaDBDialect.Attribute.charset]
            ?? dialect.databaseCharset ?? "utf8mb4").lowercased()
        let bytes: [String: Int] = ["utf8mb4": 4, "utf8mb3": 3, "utf8": 3, "latin1": 1, "ascii": 1, "binary": 1,
                                    "ucs2": 2, "utf16": 4, "utf16le": 4, "utf32": 4]
        return bytes[charset].map { limit / $0 }
    }

    /// TEXT, BLOB and JSON columns, which B-tree keys can hold only by a prefix.
    static func isLongValueColumn(_ column: Column) -> Bool {
        let type = MariaDBTypeMapping.columnType(column).lowercased()
        return type.hasSuffix("text") || type.hasSuffix("blob") || type == "json"
    }

    /// Creates `tables` (columns, primary key, checks) and `views` in a scratch database and reads them back.
    private func serverForm(of tables: [Table], views: [View]) throws -> Schema {
        let renderer = MariaDBRenderer(dialect: dialect, current: Schema(), desired: Schema())
        return try scratch().run(purpose: "comparing expressions") { connection, name in
            // A table MariaDB rejects here (e.g. another dialect's expression) would fail mid-apply,
            // where DDL cannot roll back: refuse it now, before anything changes.
            var statements: [(sql: String, object: String)] = []
            for var table in tables {
                table.foreignKeys = []
                table.indexes = []
                table.uniqueConstraints = []
                table.attributes = [:]
                statements.append((renderer.createTable(table), "table '\(table.name)'"))
            }
            try execute(statements, on: connection, hint: "fix the check, generated or default expression named in the cause")
            for view in views {
                try? connection.execute("CREATE OR REPLACE VIEW \(dialect.quoteIdentifier(view.name)) AS \(view.definition)")
            }
            return try MariaDBCatalogInspector(connection: connection, database: name, dialect: dialect).inspect()
        }
    }
}
