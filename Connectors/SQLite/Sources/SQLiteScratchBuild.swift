import SchemaSyncCore

/// Builds a scratch copy of a desired schema in in-memory databases and reads SQLite's own
/// definitions there (see ``SQLiteSession/engineDefinitions(ofDesired:)``).
///
/// SQLite re-reads `sqlite_schema` after every `CREATE`, a scan of every object already there,
/// so one database of n tables costs O(n²) (1,000 tables of 4 statements: 1.6 s, like the
/// `sqlite3` shell loading the same file). The copy is therefore built in parts of at most
/// ``tablesPerPart`` tables. This is exact: every definition the reader reports for a table
/// comes from that table's own `CREATE TABLE` and `CREATE INDEX` text (pragma rows and stored
/// SQL; a foreign key's target is not resolved), so it is the same in any database holding
/// them. Views read their tables' columns, so they are built in a last part together with every
/// table they mention, and only the views' own definitions are kept from that part.
struct SQLiteScratchBuild {
    let dialect: any Dialect
    var tablesPerPart = 50

    func definitions(of desired: Schema) throws -> [EngineDefinition] {
        let script = try CreationScript(desired, dialect: dialect)
        guard desired.tables.count > tablesPerPart else { return try build(script.statements[...]) }
        var parts: [[RenderedStatement]] = []
        var partOfTable: [String: Int] = [:]
        var viewStatements: [RenderedStatement] = []
        var tableStatements: [String: [RenderedStatement]] = [:]
        for statement in script.statements {
            guard let table = script.table(of: statement) else {
                viewStatements.append(statement)
                continue
            }
            tableStatements[table, default: []].append(statement)
            if partOfTable[table] == nil {
                if parts.isEmpty || partOfTable.count % tablesPerPart == 0 { parts.append([]) }
                partOfTable[table] = parts.count - 1
            }
            parts[partOfTable[table]!].append(statement)
        }
        var result: [EngineDefinition] = []
        for part in parts { result += try build(part[...]) }
        guard !viewStatements.isEmpty else { return result }
        let read = desired.tables.map(\.name).filter { name in desired.views.contains { ViewOrdering.mentions($0.definition, name) } }
        let viewPart = read.flatMap { tableStatements[$0] ?? [] } + viewStatements
        // Only the views' own rows: their tables' rows came from the table parts.
        let viewNames = Set(desired.views.map { $0.name.lowercased() })
        result += try build(viewPart[...]).filter { $0.kind == "view" || ($0.table.map(viewNames.contains) ?? false) }
        return result
    }

    private func build(_ statements: ArraySlice<RenderedStatement>) throws -> [EngineDefinition] {
        let scratch = try SQLiteDatabase(path: ":memory:", busyTimeoutMilliseconds: 0)
        defer { scratch.close() }
        scratch.confine()
        for statement in statements {
            do {
                try scratch.execute(statement.sql)
            } catch let failure as SQLiteFailure {
                throw SchemaSyncError(.invalidSchema, "the desired schema does not build on an empty SQLite database: "
                    + SQLiteSession.abbreviate(statement.sql), hint: "fix the object named in the statement; nothing was changed",
                    cause: failure.message)
            }
        }
        return try SQLiteDefinitionReader(database: scratch).read()
    }
}
