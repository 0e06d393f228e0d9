import SchemaSyncCore

/// Makes a desired schema comparable with an inspected one.
///
/// PostgreSQL stores expressions rewritten (`email <> ''` becomes `(email <> ''::text)`), views
/// as `pg_get_viewdef` prints them, and type names as `format_type` spells them. Rather than
/// guess, the canonicalizer creates the desired tables and views in a scratch schema inside a
/// transaction that is rolled back, reads them back with the same inspector, and copies the
/// server's spelling of every expression, native type and default into the desired schema.
struct PostgreSQLCanonicalizer {
    let session: PostgreSQLSession

    private var dialectName: String { session.postgresDialect.name }

    func canonicalize(_ input: Schema) throws -> Schema {
        var desired = prepared(input)
        let last = session.lastInspected
        let viewsNeedServer = desired.views.contains { view in
            last?.view(named: view.name)?.definition != view.definition
        }
        // Views read the tables, so they need every table in the scratch schema.
        let needed = viewsNeedServer ? desired.tables : desired.tables.filter { table in
            needsServer(table) && !alreadyCanonical(table, catalog: last?.table(named: table.name))
        }
        guard !needed.isEmpty || viewsNeedServer else { return desired }

        let scratchSchema = try session.withScratchSchema { scratch -> Schema in
            let renderer = PostgreSQLRenderer(dialect: scratch)
            var statements: [(sql: String, object: String)] = []
            for table in needed {
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
            for view in ViewOrdering.creationOrder(viewsNeedServer ? desired.views : []) {
                var copy = view
                copy.comment = nil
                statements += try renderer.statements(for: .createView(copy)).map { ($0, "view '\(view.name)'") }
            }
            try run(statements)
            return try session.inspect(dialect: scratch)
        }

        merge(scratchSchema, into: &desired)
        return desired
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
        merge(scratchSchema, into: &desired)
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

    /// Runs `statements` a hundred per round trip; a batch that fails is run again a statement at
    /// a time to name the object at fault.
    private func run(_ statements: [(sql: String, object: String)]) throws {
        for start in stride(from: 0, to: statements.count, by: 100) {
            let batch = statements[start..<min(start + 100, statements.count)]
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

    /// Copies the server's spelling from the scratch copy into `desired`.
    private func merge(_ scratchSchema: Schema, into desired: inout Schema) {
        for t in desired.tables.indices {
            guard let server = scratchSchema.table(named: desired.tables[t].name) else { continue }
            merge(server, into: &desired.tables[t])
        }
        for v in desired.views.indices {
            if let server = scratchSchema.view(named: desired.views[v].name) {
                desired.views[v].definition = server.definition
                desired.views[v].attributes = desired.views[v].attributes.filter { !$0.key.hasPrefix("postgresql.") }
                    .merging(server.attributes) { a, _ in a }
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

    /// Whether the table holds anything the server spells its own way.
    private func needsServer(_ table: Table) -> Bool {
        if !table.checks.isEmpty { return true }
        if table.indexes.contains(where: Self.spelledByServer) { return true }
        return table.columns.contains { column in
            let type = column.type(for: dialectName, aliases: PostgreSQLTypeMapping.aliases)
            if column.generated != nil || type.isNative { return true }
            switch column.defaultValue {
            case .expression?: return true
            case .string?: return !PostgreSQLTypeMapping.isStringType(type)
            default: return false
            }
        }
    }

    /// Whether every server-spelled part of `table` is already written exactly as the catalog holds it.
    private func alreadyCanonical(_ table: Table, catalog: Table?) -> Bool {
        guard let catalog else { return false }
        for check in table.checks where catalog.checks.first(where: { $0.name == check.name })?.expression != check.expression {
            return false
        }
        for index in table.indexes where Self.spelledByServer(index) {
            guard let actual = catalog.indexes.first(where: { $0.name == index.name }),
                  actual.predicate == index.predicate, actual.parts == index.parts,
                  actual.storageParameters == index.storageParameters else { return false }
        }
        for column in table.columns {
            guard let actual = catalog.column(named: column.name) else { return false }
            if column.generated != nil, column.generated != actual.generated { return false }
            let type = column.type(for: dialectName, aliases: PostgreSQLTypeMapping.aliases)
            if type.isNative, PostgreSQLTypeMapping.sql(for: type) != PostgreSQLTypeMapping.sql(for: actual.type) { return false }
            switch column.defaultValue {
            case .expression?: if column.defaultValue != actual.defaultValue { return false }
            case .string?: if !PostgreSQLTypeMapping.isStringType(type), column.defaultValue != actual.defaultValue { return false }
            default: break
            }
        }
        return true
    }

    private func merge(_ server: Table, into table: inout Table) {
        for c in table.columns.indices {
            guard let actual = server.column(named: table.columns[c].name) else { continue }
            var column = table.columns[c]
            if column.nativeTypes[dialectName] != nil {
                column.nativeTypes[dialectName] = actual.type.description
            } else if column.type.isNative {
                column.type = actual.type
            }
            if column.generated != nil, let generated = actual.generated {
                column.generated = generated
            }
            if column.defaultValue != nil, column.identity == nil, column.generated == nil {
                column.defaultValue = actual.defaultValue
            }
            table.columns[c] = column
        }
        for k in table.checks.indices {
            if let actual = server.checks.first(where: { $0.name == table.checks[k].name }) {
                table.checks[k].expression = actual.expression
            }
        }
        for i in table.indexes.indices {
            if let actual = server.indexes.first(where: { $0.name == table.indexes[i].name }) {
                table.indexes[i].parts = actual.parts
                table.indexes[i].predicate = actual.predicate
                table.indexes[i].storageParameters = actual.storageParameters
            }
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
