import SchemaSyncCore

/// Reads a desired schema written as PostgreSQL SQL: the statements run in a scratch schema
/// inside a transaction that is rolled back, and the scratch schema is inspected.
///
/// Statements may come in any order (a foreign key or view before the table it needs): each
/// runs under a savepoint, and the ones that fail are retried after the others, until a pass
/// makes no progress. Qualified names of the managed schema load into the scratch schema
/// (see ``PostgreSQLSQLScript``), so the target's objects are never touched.
struct PostgreSQLSQLLoader {
    let session: PostgreSQLSession

    func load(_ sql: String, source: String) throws -> Schema {
        try session.withScratchSchema { scratch in
            let script = PostgreSQLSQLScript(sql, schema: session.postgresDialect.schema, scratch: scratch.schema)
            if let bad = script.statements.first(where: { ["rollback", "savepoint", "release", "prepare"].contains($0.firstWord) }) {
                throw SchemaSyncError(.invalidSchema, "'\(source)': statement \(bad.number) ends or splits the transaction (\(bad.firstWord.uppercased()))",
                                      hint: "remove transaction control statements from the schema SQL")
            }
            // Statements about schemas themselves are left out: the scratch schema stands in for the managed one.
            var failures = try StatementPasses.failures(of: script.statements.filter { !$0.isAboutSchema }) {
                try runPass($0, scratch: scratch, source: source)
            }
            // Statements about roles, schemas or extensions may fail without making the script invalid.
            failures.removeAll { $0.0.isOptional }
            if let (statement, error) = failures.first, !failures.isEmpty {
                throw session.fail(error, .invalidSchema,
                    "'\(source)' does not run on PostgreSQL: statement \(statement.number) (\(PostgreSQLSession.excerpt(statement.sql)))"
                        + (failures.count > 1 ? " and \(failures.count - 1) more" : ""),
                    hint: "fix the statement named in the cause")
            }
            // The script may have changed search_path (dumps clear it): restore it, so the catalog
            // prints names unqualified, as for the target.
            let live = session.postgresDialect.schema == "public" ? "" : ", " + scratch.quoteIdentifier(session.postgresDialect.schema)
            try session.connection.run("SET LOCAL search_path TO \(scratch.quoteIdentifier(scratch.schema))\(live), public")
            var schema = try session.inspect(dialect: scratch)
            schema.captureSourceDefinitions(try session.definitionReader(schema: scratch.schema).read())
            return schema
        }
    }

    /// Runs `pending` in order and returns the statements that failed, with their errors. Groups
    /// of a hundred (``StatementBatches``) go in one round trip under one savepoint; a group with
    /// a failing statement is rolled back and run again one statement at a time, so the outcome
    /// is the same as one savepoint per statement. (One savepoint each was 3 round trips a
    /// statement, and thousands of subtransactions slow every catalog lookup of the transaction
    /// that follows.)
    private func runPass(_ pending: [PostgreSQLSQLScript.Statement], scratch: PostgreSQLDialect,
                         source: String) throws -> [(PostgreSQLSQLScript.Statement, Error)] {
        // A line break before each `;`: a statement may end in a `--` comment.
        try StatementBatches().failures(running: pending, batch: { group in
            try run(group.map(\.sql).joined(separator: "\n;\n"), scratch: scratch, source: source)
        }, single: { statement in
            try run(statement.sql, scratch: scratch, source: source)
        })
    }

    /// Runs one statement (or a group, in one round trip) under a savepoint; returns its error
    /// (rolled back) instead of throwing.
    private func run(_ sql: String, scratch: PostgreSQLDialect, source: String) throws -> Error? {
        let connection = session.connection
        try connection.run("SAVEPOINT schemasync_statement")
        do {
            try connection.run(sql)
        } catch {
            guard connection.inTransaction else { throw ended(source, scratch) }
            try connection.run("ROLLBACK TO SAVEPOINT schemasync_statement; RELEASE SAVEPOINT schemasync_statement")
            return error
        }
        guard connection.inTransaction else { throw ended(source, scratch) }
        try connection.run("RELEASE SAVEPOINT schemasync_statement")
        return nil
    }

    private func ended(_ source: String, _ scratch: PostgreSQLDialect) -> SchemaSyncError {
        // The SQL committed or rolled back on its own: remove what may have persisted.
        _ = try? session.connection.run("DROP SCHEMA IF EXISTS \(scratch.quoteIdentifier(scratch.schema)) CASCADE")
        return SchemaSyncError(.invalidSchema, "'\(source)' ends the transaction (COMMIT/ROLLBACK/BEGIN)",
                        hint: "remove transaction control statements from the schema SQL")
    }
}
