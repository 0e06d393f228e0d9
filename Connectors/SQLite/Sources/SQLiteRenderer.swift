import SchemaSyncCore

/// Renders a plan for SQLite: in-place `ALTER TABLE` where SQLite can, otherwise one
/// ``SQLiteTableRebuild`` per table covering all of that table's changes. Clauses come from
/// ``DDLRendering``; SQLite takes key expressions bare and collation names whole.
struct SQLiteRenderer: DDLRendering {
    let dialect: SQLiteDialect
    let current: Schema
    /// The desired schema, whose column order rebuilt tables take.
    var desired: Schema? = nil

    /// Whether SQLite's ALTER TABLE cannot do `change` in place.
    static func needsRebuild(_ change: Change, current: Schema) -> Bool {
        switch change {
        case .alterColumn, .dropColumn, .addPrimaryKey, .dropPrimaryKey, .addUnique, .dropUnique,
             .addCheck, .dropCheck, .dropForeignKey:
            return true
        case .alterTable:
            return true // STRICT and WITHOUT ROWID are fixed at CREATE TABLE
        case let .addForeignKey(table, _):
            return current.table(named: table) != nil
        case let .dropIndex(table, index):
            // Indexes behind inline UNIQUE constraints go only with a rebuild.
            return current.table(named: table)?.uniqueConstraints.contains { $0.name == index.name } ?? false
        case let .addColumn(_, column):
            // ADD COLUMN cannot add NOT NULL without a constant default, non-constant defaults, or stored generated columns.
            if column.identity != nil { return true }
            if let generated = column.generated { return generated.stored }
            if case .function? = column.defaultValue { return true }
            if case .expression? = column.defaultValue { return true }
            return !column.nullable && column.defaultValue == nil
        default:
            return false
        }
    }

    func render(_ changes: [PlannedChange]) throws -> [RenderedStatement] {
        let q = dialect.quoteIdentifier
        // Which existing tables are rebuilt, and after which change (the table's last one).
        var rebuildIDs: [String: [Int]] = [:]
        var lastChange: [String: Int] = [:]
        var created = Set<String>()
        for planned in changes {
            if case let .createTable(t) = planned.change { created.insert(t.name) }
        }
        // Changes to a table the plan drops (e.g. a foreign key dropped to break a cycle) need no
        // statement of their own: foreign keys are off, and DROP TABLE removes them with the table.
        var absorbed: [String: [Int]] = [:]
        for planned in changes {
            if case let .dropTable(t) = planned.change { absorbed[t.name] = [] }
        }
        for planned in changes {
            guard let table = planned.change.tableName, absorbed[table] != nil else { continue }
            if case .dropTable = planned.change { continue }
            absorbed[table]!.append(planned.id)
        }
        for planned in changes {
            guard let table = planned.change.tableName, !created.contains(table), absorbed[table] == nil else { continue }
            if case .renameTable = planned.change { continue }
            if case .dropTable = planned.change { continue }
            lastChange[table] = planned.id
            if Self.needsRebuild(planned.change, current: current) { rebuildIDs[table] = [] }
        }
        // ADD COLUMN appends: a table whose columns would end out of their declared order is rebuilt.
        let final = SchemaEvolution.applying(changes.map(\.change), to: current)
        for table in lastChange.keys where rebuildIDs[table] == nil {
            guard let wanted = desired?.table(named: table)?.columns.map(\.name),
                  let got = final.table(named: table)?.columns.map(\.name) else { continue }
            if got.filter(wanted.contains) != wanted.filter(got.contains) { rebuildIDs[table] = [] }
        }
        for planned in changes {
            guard let table = planned.change.tableName, rebuildIDs[table] != nil else { continue }
            if case .renameTable = planned.change { continue }
            if case .renameColumn = planned.change { continue }
            rebuildIDs[table]!.append(planned.id)
        }

        // Table and column renames run in place first (SQLite then rewrites views and triggers that
        // name them); rebuilds start from the renamed tables.
        var baseline = current
        var renamedTables = Set<String>()
        for planned in changes {
            switch planned.change {
            case let .renameTable(from, to):
                SchemaEvolution.apply(planned.change, to: &baseline)
                for i in baseline.unmanaged.indices where baseline.unmanaged[i].table == from { baseline.unmanaged[i].table = to }
                renamedTables.insert(to)
            case let .renameColumn(table, _, _):
                SchemaEvolution.apply(planned.change, to: &baseline)
                renamedTables.insert(table)
            default: break
            }
        }
        // A rebuild recreates triggers from the text read before the plan, which predates the
        // renames SQLite applies to it: refuse rather than recreate a stale trigger.
        for table in rebuildIDs.keys.sorted() where renamedTables.contains(table) {
            if let trigger = baseline.unmanaged.first(where: { $0.kind == "trigger" && $0.table == table }) {
                throw SchemaSyncError(
                    .unsupportedChange,
                    "table '\(table)' has trigger '\(trigger.name)' and this plan both renames (in) it and rebuilds it",
                    hint: "apply the renames on their own first, then the table's other changes in a second apply")
            }
        }
        var shape = current  // the schema as it stands after each rendered change
        var statements: [RenderedStatement] = []
        var rebuilt: [String] = []
        for planned in changes {
            let id = planned.id
            SchemaEvolution.apply(planned.change, to: &shape)
            if let table = planned.change.tableName, absorbed[table]?.contains(id) == true { continue }
            if let table = planned.change.tableName, let ids = rebuildIDs[table], ids.contains(id) {
                if lastChange[table] == id {
                    statements += SQLiteTableRebuild(dialect: dialect, before: baseline, after: shape, desired: desired, table: table,
                                                     changes: changes.filter { ids.contains($0.id) }).statements()
                    rebuilt.append(table)
                }
                continue
            }
            switch planned.change {
            case let .createTable(table):
                var full = table
                // Foreign keys the differ deferred (cycles) go inline: SQLite resolves them lazily.
                for other in changes {
                    if case let .addForeignKey(t, key) = other.change, t == table.name { full.foreignKeys.append(key) }
                }
                statements.append(RenderedStatement(createTable(full), changeIDs: [id]))
                statements += table.indexes.map { RenderedStatement(createIndex($0, on: table.name), changeIDs: [id]) }
            case .dropTable(let table):
                statements.append(RenderedStatement("DROP TABLE IF EXISTS \(q(table.name))", changeIDs: (absorbed[table.name] ?? []) + [id]))
            case let .renameTable(from, to) where IdentifierRules.asciiLowercased(from) == IdentifierRules.asciiLowercased(to):
                // SQLite refuses a rename to the same name in another case: go through a scratch name.
                let scratch = q("schemasync_rename_\(to)")
                statements.append(RenderedStatement("ALTER TABLE \(q(from)) RENAME TO \(scratch)", changeIDs: [id]))
                statements.append(RenderedStatement("ALTER TABLE \(scratch) RENAME TO \(q(to))", changeIDs: [id]))
            case let .renameTable(from, to):
                statements.append(RenderedStatement("ALTER TABLE \(q(from)) RENAME TO \(q(to))", changeIDs: [id]))
            case let .renameColumn(table, from, to):
                statements.append(RenderedStatement("ALTER TABLE \(q(table)) RENAME COLUMN \(q(from)) TO \(q(to))", changeIDs: [id]))
            case let .addColumn(table, column):
                statements.append(RenderedStatement(
                    "ALTER TABLE \(q(table)) ADD COLUMN \(dialect.columnDefinition(column, inlinePrimaryKey: false))", changeIDs: [id]))
            case let .createIndex(table, index):
                statements.append(RenderedStatement(createIndex(index, on: table), changeIDs: [id]))
            case let .dropIndex(_, index):
                statements.append(RenderedStatement("DROP INDEX IF EXISTS \(q(index.name))", changeIDs: [id]))
            case let .addForeignKey(table, _) where created.contains(table):
                continue // rendered inside CREATE TABLE
            case let .createView(view):
                statements.append(RenderedStatement("CREATE VIEW IF NOT EXISTS \(q(view.name)) AS \(view.definition)", changeIDs: [id]))
            case let .dropView(view):
                statements.append(RenderedStatement("DROP VIEW IF EXISTS \(q(view.name))", changeIDs: [id]))
            default:
                throw SchemaSyncError(.internalError, "SQLite cannot render \(planned.change.objectPath): \(planned.change.summary)")
            }
        }
        // Rebuilt tables must hold no dangling references once every change is in place.
        for table in rebuilt {
            let ids = rebuildIDs[table] ?? []
            statements.append(RenderedStatement(
                "INSERT INTO temp.schemasync_guard (what, ok) SELECT \(dialect.quoteString("foreign keys of \(table)")), "
                    + "NOT EXISTS (SELECT 1 FROM pragma_foreign_key_check(\(dialect.quoteString(table))))",
                changeIDs: ids))
        }
        return statements
    }

    /// `CREATE TABLE` for `table`, created under `name` (a rebuild's scratch name) when given.
    /// SQLite's catalog keeps no constraint names, so a name SchemaSync would generate anyway
    /// (`<table>_<columns>_fkey`, `_key`, `<table>_check<n>`) is not written: an unnamed
    /// constraint stays unnamed, and the created text is what was declared.
    func indexExpression(_ expression: String) -> String { expression }
    func qualifiedName(_ name: String) -> String { dialect.quoteIdentifier(name) }

    func createTable(_ table: Table, as name: String? = nil) -> String {
        let inlineKey = table.columns.first { $0.identity != nil && table.primaryKey?.columns == [$0.name] }?.name
        var lines = table.columns.map { dialect.columnDefinition($0, inlinePrimaryKey: $0.name == inlineKey) }
        if let pk = table.primaryKey, inlineKey == nil {
            lines.append("PRIMARY KEY (\(columnList(pk.columns)))")
        }
        for fk in table.foreignKeys {
            lines.append(foreignKeyClause(fk, table: table.name))
        }
        // The catalog keeps no names for unnamed constraints: generated names are left out.
        for unique in table.uniqueConstraints {
            let generated = unique.name == GeneratedName.make(table.name, unique.columns, "key")
            lines.append(constraintPrefix(generated ? nil : unique.name) + "UNIQUE (\(columnList(unique.columns)))")
        }
        for check in table.checks {
            lines.append(checkClause(check, name: Self.isGeneratedCheckName(check.name, table: table.name) ? nil : check.name))
        }
        var options: [String] = []
        if table.attributes["sqlite.without_rowid"] == "true" { options.append("WITHOUT ROWID") }
        if table.attributes["sqlite.strict"] == "true" { options.append("STRICT") }
        return createTable(name ?? table.name, elements: lines, suffix: options.isEmpty ? "" : " " + options.joined(separator: ", "))
    }

    /// `<table>_check`, `<table>_check2`, ...: the names given to unnamed checks.
    static func isGeneratedCheckName(_ name: String, table: String) -> Bool {
        guard name.hasPrefix(table + "_check") else { return false }
        let rest = name.dropFirst(table.count + 6)
        return rest.isEmpty || (rest.allSatisfy(\.isASCII) && rest.allSatisfy(\.isNumber) && rest.first != "0")
    }

    func foreignKeyClause(_ fk: ForeignKey, table: String) -> String {
        let generated = fk.name == GeneratedName.make(table, fk.columns, "fkey")
        return foreignKeyClause(fk, name: generated ? nil : fk.name)
    }
}
