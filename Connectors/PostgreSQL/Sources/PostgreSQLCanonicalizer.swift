import SchemaSyncCore

/// Makes a desired schema comparable with an inspected one.
///
/// PostgreSQL stores expressions rewritten (`email <> ''` becomes `(email <> ''::text)`), views
/// as `pg_get_viewdef` prints them, and type names as `format_type` spells them. Rather than
/// guess, the core's ``ScratchNormalizer`` has what needs it created in a scratch schema inside
/// a transaction that is rolled back, read back with the same inspector, and the server's
/// spelling (``PostgreSQLServerSpelling``) copied into the desired schema. This type adds what
/// PostgreSQL decides unasked (names, NOT NULL) and the scratch schema itself.
struct PostgreSQLCanonicalizer {
    let session: PostgreSQLSession

    private var dialectName: String { session.postgresDialect.name }

    private var normalizer: ScratchNormalizer<PostgreSQLServerSpelling> {
        ScratchNormalizer(spelling: PostgreSQLServerSpelling(dialectName: dialectName))
    }

    func canonicalize(_ input: Schema) throws -> Schema {
        try normalizer.normalize(prepared(input), catalog: session.lastInspected) { tables, views in
            try session.withScratchSchema { scratch -> Schema in
                let renderer = PostgreSQLRenderer(dialect: scratch)
                var statements: [(sql: String, object: String)] = []
                for table in tables {
                    var copy = table
                    copy.foreignKeys = []
                    copy.comment = nil
                    copy.renamedFrom = nil
                    for c in copy.columns.indices {
                        copy.columns[c].comment = nil
                        copy.columns[c].renamedFrom = nil
                    }
                    statements += renderer.createTable(copy).map { ($0, "table '\(table.name)'") }
                }
                for view in views {
                    var copy = view
                    copy.comment = nil
                    statements += try renderer.statements(for: .createView(copy)).map { ($0, "view '\(view.name)'") }
                }
                try run(statements)
                return try session.inspect(dialect: scratch)
            }
        }
    }

    /// Canonicalises and reads PostgreSQL's definitions of the desired schema from one scratch
    /// copy: every table (foreign keys included) and view is created in a scratch schema from the
    /// statements a plan from nothing renders, then read back both through the inspector (for the
    /// server's spelling) and through the definition reader (for verification).
    func canonicalizeWithDefinitions(_ input: Schema) throws -> (schema: Schema, definitions: [EngineDefinition]) {
        var desired = prepared(input)
        let (scratchSchema, definitions) = try session.withScratchSchema { scratch in
            try build(desired, in: scratch)
            return (try session.inspect(dialect: scratch), try session.definitionReader(schema: scratch.schema).read())
        }
        normalizer.merge(scratchSchema, into: &desired)
        return (desired, definitions)
    }

    /// What PostgreSQL decides without being asked: key and identity columns NOT NULL, names of
    /// unnamed primary keys and checks.
    private func prepared(_ input: Schema) -> Schema {
        var desired = input
        for t in desired.tables.indices {
            normalizeNullability(&desired.tables[t])
            // An unnamed primary key gets the name PostgreSQL gives it.
            if desired.tables[t].primaryKey != nil, desired.tables[t].primaryKey?.name == nil {
                let name = Self.defaultName(desired.tables[t].name, "pkey")
                desired.tables[t].primaryKey?.name = name
            }
            Self.nameUnnamedChecks(&desired.tables[t])
        }
        return desired
    }

    /// Creates all of `desired` in the scratch schema.
    private func build(_ desired: Schema, in scratch: PostgreSQLDialect) throws {
        let script = try CreationScript(desired, dialect: scratch)
        try run(script.statements.map { ($0.sql, script.object(of: $0).map { "'\($0)'" } ?? "a statement") })
    }

    /// Runs `statements` a hundred per round trip (``StatementBatches``); a batch that fails is
    /// run again a statement at a time to name the object at fault, and nothing after it runs.
    private func run(_ statements: [(sql: String, object: String)]) throws {
        for batch in StatementBatches().batches(of: statements) {
            do {
                try session.connection.run("SAVEPOINT schemasync_build; " + batch.map(\.sql).joined(separator: ";\n")
                                           + "; RELEASE SAVEPOINT schemasync_build")
            } catch {
                _ = try? session.connection.run("ROLLBACK TO SAVEPOINT schemasync_build")
                for statement in batch {
                    try run(statement.sql, what: statement.object)
                }
                throw session.fail(error, .invalidSchema, "the desired schema is not valid on PostgreSQL",
                                   hint: "fix the object named in the cause")
            }
        }
    }

    /// Checks the schema file left unnamed get the names PostgreSQL would give them:
    /// `<table>_<column>_check` when the expression reads exactly one column, else
    /// `<table>_check`, numbered (`..._check1`) when taken.
    static func nameUnnamedChecks(_ table: inout Table) {
        guard table.checks.contains(where: \.nameIsGenerated) else { return }
        var used = Set(table.checks.filter { !$0.nameIsGenerated }.map(\.name) + table.uniqueConstraints.map(\.name)
            + table.foreignKeys.map(\.name) + [table.primaryKey?.name].compactMap { $0 })
        for k in table.checks.indices where table.checks[k].nameIsGenerated {
            let expression = withoutStringLiterals(table.checks[k].expression)
            let columns = table.columns.map(\.name).filter { reads(expression, $0) }
            var label = "check", pass = 0
            var name = defaultName(table.name, columns.count == 1 ? columns[0] : nil, label)
            while used.contains(name) {
                pass += 1
                label = "check\(pass)"
                name = defaultName(table.name, columns.count == 1 ? columns[0] : nil, label)
            }
            used.insert(name)
            table.checks[k].name = name
            table.checks[k].nameIsGenerated = false
        }
    }

    private static func withoutStringLiterals(_ text: String) -> String {
        text.replacingOccurrences(of: #"'([^']|'')*'"#, with: "''", options: .regularExpression)
    }

    /// Whether `expression` names `column` (unquoted, any case, or quoted exactly).
    private static func reads(_ expression: String, _ column: String) -> Bool {
        if expression.contains("\"" + column.replacingOccurrences(of: "\"", with: "\"\"") + "\"") { return true }
        guard column == column.lowercased() else { return false }
        return ViewOrdering.mentions(expression.replacingOccurrences(of: #""([^"]|"")*""#, with: "", options: .regularExpression), column)
    }

    /// `<table>_<column>_<label>` as PostgreSQL's makeObjectName builds it: the longer of the
    /// two names is clipped, a character at a time, until the whole fits in 63 bytes.
    static func defaultName(_ table: String, _ column: String?, _ label: String) -> String {
        var a = table, b = column ?? ""
        func total() -> Int { a.utf8.count + (column == nil ? 0 : b.utf8.count + 1) + label.utf8.count + 1 }
        while total() > 63 {
            if a.utf8.count > b.utf8.count { a.removeLast() } else { b.removeLast() }
        }
        return column == nil ? "\(a)_\(label)" : "\(a)_\(b)_\(label)"
    }

    /// `<table>_<label>` as PostgreSQL builds it (makeObjectName): the table name is clipped,
    /// on a character boundary, so the whole fits in 63 bytes.
    static func defaultName(_ table: String, _ label: String) -> String {
        var prefix = ""
        for ch in table where prefix.utf8.count + String(ch).utf8.count + label.utf8.count + 1 <= 63 { prefix.append(ch) }
        return prefix + "_" + label
    }

    /// PostgreSQL makes primary key and identity columns NOT NULL whatever was declared.
    private func normalizeNullability(_ table: inout Table) {
        let keyColumns = Set(table.primaryKey?.columns ?? [])
        for c in table.columns.indices where keyColumns.contains(table.columns[c].name) || table.columns[c].identity != nil {
            table.columns[c].nullable = false
        }
    }

    /// Index details PostgreSQL prints its own way: predicates, expressions, operator classes
    /// (a default one named explicitly disappears), collations and storage parameter values.
    static func spelledByServer(_ index: Index) -> Bool {
        index.predicate != nil || !index.storageParameters.isEmpty
            || index.parts.contains { $0.expression != nil || $0.opclass != nil || $0.collation != nil }
    }

    private func run(_ sql: String, what: String) throws {
        do {
            try session.connection.run(sql)
        } catch {
            throw session.fail(error, .invalidSchema, "\(what) of the desired schema is not valid on PostgreSQL",
                               hint: "fix the expression or type named in the cause")
        }
    }
}
