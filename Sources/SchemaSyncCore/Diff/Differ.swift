/// Compares an inspected schema with a desired one and produces an ordered, classified ``Plan``.
///
/// One engine for every dialect: dialect differences enter only through ``Dialect`` hooks
/// (type, default and expression equivalence; narrowing; capabilities).
///
/// ```swift
/// let plan = try Differ(dialect: session.dialect).plan(from: current, to: desired, allowDestructive: false)
/// ```
/// - throws: ``SchemaSyncError/Code/invalidSchema`` when a rename hint matches nothing.
public struct Differ {
    public let dialect: any Dialect

    public init(dialect: any Dialect) {
        self.dialect = dialect
    }

    /// The plan that turns `current` into `desired`.
    public func plan(from current: Schema, to desired: Schema, allowDestructive: Bool) throws -> Plan {
        try CapabilityCheck.validate(desired, dialect: dialect)
        let names = IdentifierMatching(dialect: dialect)
        try names.checkDeclaredTwice(desired)
        let current = foldUniques(try names.resolvingReferences(in: current, strict: false))
        let desired = foldUniques(try names.resolvingReferences(
            in: names.aligning(try names.resolvingReferences(in: desired, strict: true), to: current), strict: true))
        var builder = PlanBuilder()
        var unchanged: [String] = []
        let currentNames = Set(current.tables.map(\.name))
        let desiredNames = Set(desired.tables.map(\.name))

        // Table renames: declared only.
        var renamedFrom: [String: String] = [:] // old name -> new name
        for table in desired.tables {
            guard let old = table.renamedFrom, old != table.name else { continue }
            if currentNames.contains(table.name) { continue } // already renamed
            if currentNames.contains(old) {
                if desiredNames.contains(old) {
                    throw SchemaSyncError(.invalidSchema, "table '\(table.name)' is renamed from '\(old)', but '\(old)' is also declared",
                                          hint: "remove renamedFrom or the other table")
                }
                renamedFrom[old] = table.name
                builder.add(.renameTable(from: old, to: table.name), phase: .renameTables, safety: .safe)
            } else if !current.tables.isEmpty {
                throw SchemaSyncError(.invalidSchema, "table '\(table.name)': renamedFrom '\(old)' matches no table in the database",
                                      hint: "fix or remove the renamedFrom hint; SchemaSync never guesses renames")
            }
        }

        let creating = desired.tables.filter { !currentNames.contains($0.name) && !renamedFrom.values.contains($0.name) }
        let creatingNames = Set(creating.map(\.name))

        // Existing tables, compared column by column, with table renames applied (so foreign
        // keys pointing at a renamed table are not seen as changed).
        var renamedCurrent = current
        for (old, new) in renamedFrom { SchemaEvolution.apply(.renameTable(from: old, to: new), to: &renamedCurrent) }
        // Declared column renames, applied to the foreign keys that reference those columns.
        let renamedCurrentByName = renamedCurrent.tables.byName
        for table in desired.tables {
            guard let existing = renamedCurrentByName[table.name] else { continue }
            for column in table.columns {
                guard let old = column.renamedFrom, existing.column(named: column.name) == nil,
                      existing.column(named: old) != nil else { continue }
                for i in renamedCurrent.tables.indices {
                    for j in renamedCurrent.tables[i].foreignKeys.indices
                    where renamedCurrent.tables[i].foreignKeys[j].referencedTable == table.name {
                        renamedCurrent.tables[i].foreignKeys[j].referencedColumns =
                            renamedCurrent.tables[i].foreignKeys[j].referencedColumns.map { $0 == old ? column.name : $0 }
                    }
                }
            }
        }
        var changedExisting = Set<String>()
        let currentTables = renamedCurrent.tables.byName // after the column renames above
        for table in desired.tables where !creatingNames.contains(table.name) {
            let oldName = renamedFrom.first { $0.value == table.name }?.key ?? table.name
            let existing = currentTables[table.name]!
            let before = builder.count
            try TableDiffer(dialect: dialect, current: existing, desired: table).diff(into: &builder)
            if builder.count == before && oldName == table.name { unchanged.append(table.name) }
            if builder.count != before { changedExisting.insert(table.name) }
        }

        addForeignKeysDependingOnDroppedKeys(current: renamedCurrent, desired: desired, builder: &builder)

        // New tables, referenced tables first. Foreign keys closing a cycle, or pointing at an
        // existing table this plan changes (a new column or key), are added after everything else.
        let ordering = ForeignKeyOrdering(tables: creating)
        let creatingByName = creating.byName
        for name in ordering.order {
            var table = creatingByName[name]!
            let deferred = (ordering.deferred[name] ?? []) + table.foreignKeys.filter { changedExisting.contains($0.referencedTable) }
            table.foreignKeys.removeAll { deferred.contains($0) }
            table.renamedFrom = nil
            builder.add(.createTable(table), phase: .createTables, safety: .safe, order: builder.count)
            for fk in deferred {
                builder.add(.addForeignKey(table: name, key: fk), phase: .addForeignKeys, safety: .safe)
            }
        }

        // Foreign keys from existing tables to tables or columns this plan creates: rows cannot be
        // matched before the target exists. A new, empty target table matches no row at all.
        builder.rewriteChecks { check in
            guard case let .orphans(table, columns, referencedTable, referencedColumns) = check else { return check }
            if creatingNames.contains(referencedTable) {
                return .unmatchable(table: table, columns: columns, referencedTable: referencedTable)
            }
            let target = currentTables[referencedTable]
            if target == nil || !referencedColumns.allSatisfy({ target!.column(named: $0) != nil }) { return nil }
            return check
        }

        // Tables no longer declared; foreign keys that close a cycle among them go first.
        let dropping = current.tables.filter { !desiredNames.contains($0.name) && renamedFrom[$0.name] == nil }
        let dropOrdering = ForeignKeyOrdering(tables: dropping)
        for (table, keys) in dropOrdering.deferred.sorted(by: { $0.key < $1.key }) {
            for key in keys { builder.add(.dropForeignKey(table: table, key: key), phase: .dropForeignKeys, safety: .destructive) }
        }
        let droppingByName = dropping.byName
        for (position, name) in dropOrdering.order.reversed().enumerated() {
            let table = droppingByName[name]!
            builder.add(.dropTable(table), phase: .dropTables, safety: .destructive, order: position)
        }

        diffViews(current: current, desired: desired, builder: &builder, unchanged: &unchanged, allowDestructive: allowDestructive)

        var changes = builder.ordered()
        for index in changes.indices {
            changes[index].notes += dialect.notes(for: changes[index].change, current: current)
        }
        return Plan(changes: changes, unchanged: unchanged.sorted(), unmanaged: current.unmanaged,
                    allowDestructive: allowDestructive)
    }

    /// A primary key, unique constraint or unique index that the plan drops cannot go while
    /// foreign keys rely on it: those keys are dropped first and added again afterwards (as the
    /// desired schema declares them), unless the plan already drops them.
    private func addForeignKeysDependingOnDroppedKeys(current: Schema, desired: Schema, builder: inout PlanBuilder) {
        // Engines that keep foreign keys as named constraints (PostgreSQL, MariaDB) tie them to the
        // referenced key's index; SQLite resolves them by column names and needs no such step.
        guard dialect.capabilities.namedForeignKeys else { return }
        var droppedKeys: [(table: String, columns: Set<String>)] = []
        for entry in builder.entries {
            switch entry.change {
            case let .dropPrimaryKey(t, key): droppedKeys.append((t, Set(key.columns)))
            case let .dropUnique(t, u): droppedKeys.append((t, Set(u.columns)))
            case let .dropIndex(t, index) where index.unique && index.predicate == nil && index.columnNames.count == index.parts.count:
                droppedKeys.append((t, Set(index.columnNames)))
            default: break
            }
        }
        guard !droppedKeys.isEmpty else { return }
        let alreadyDropped = Set(builder.entries.compactMap { entry -> String? in
            if case let .dropForeignKey(t, key) = entry.change { return "\(t).\(key.name)" }
            return nil
        })
        let desiredByName = desired.tables.byName
        for table in current.tables where desiredByName[table.name] != nil {
            for key in table.foreignKeys where !alreadyDropped.contains("\(table.name).\(key.name)") {
                guard droppedKeys.contains(where: { $0.table == key.referencedTable && $0.columns == Set(key.referencedColumns) }) else { continue }
                builder.add(.dropForeignKey(table: table.name, key: key), phase: .dropForeignKeys, safety: .safe)
                if let again = desiredByName[table.name]?.foreignKeys.first(where: { $0.name == key.name }) {
                    builder.add(.addForeignKey(table: table.name, key: again), phase: .addForeignKeys, safety: .safe,
                                checks: [.orphans(table: table.name, columns: again.columns, referencedTable: again.referencedTable,
                                                  referencedColumns: again.referencedColumns)])
                }
            }
        }
    }

    /// Views: create missing, replace changed, drop undeclared; also recreate views over
    /// tables whose columns change shape, since engines refuse to alter such columns.
    private func diffViews(current: Schema, desired: Schema, builder: inout PlanBuilder, unchanged: inout [String],
                           allowDestructive: Bool) {
        let touchedTables = Set(builder.entries.compactMap { entry -> String? in
            if entry.safety == .destructive && !allowDestructive { return nil }
            switch entry.change {
            case .alterColumn, .dropColumn, .renameColumn, .dropTable, .renameTable: return entry.change.tableName
            default: return nil
            }
        })
        let renamedOld = Set(builder.entries.compactMap { entry -> String? in
            if case let .renameTable(from, _) = entry.change { return from }
            return nil
        })
        var toCreate: [View] = []
        var toDrop: [View] = []
        for view in desired.views {
            guard let existing = current.view(named: view.name) else {
                toCreate.append(view)
                continue
            }
            let dependsOnTouched = (touchedTables.union(renamedOld)).contains { ViewOrdering.mentions(existing.definition, $0) }
            if !dialect.expressionsEquivalent(view.definition, existing.definition) || dependsOnTouched
                || !dialect.attributesEquivalent(desired: view.attributes, actual: existing.attributes) {
                toDrop.append(existing)
                toCreate.append(view)
            } else {
                unchanged.append(view.name)
            }
        }
        // A view that reads a view being recreated must be recreated too.
        var changed = true
        while changed {
            changed = false
            for view in desired.views where !toCreate.contains(where: { $0.name == view.name }) {
                if toDrop.contains(where: { ViewOrdering.mentions(view.definition, $0.name) }),
                   let existing = current.view(named: view.name) {
                    toDrop.append(existing)
                    toCreate.append(view)
                    unchanged.removeAll { $0 == view.name }
                    changed = true
                }
            }
        }
        for (position, view) in ViewOrdering.creationOrder(toDrop).reversed().enumerated() {
            builder.add(.dropView(view), phase: .dropViews, safety: .safe, order: position)
        }
        let removed = current.views.filter { desired.view(named: $0.name) == nil }
        for (position, view) in ViewOrdering.creationOrder(removed).reversed().enumerated() {
            builder.add(.dropView(view), phase: .dropViews, safety: .destructive, order: position)
        }
        for (position, view) in ViewOrdering.creationOrder(toCreate).enumerated() {
            builder.add(.createView(view), phase: .createViews, safety: .safe, order: position)
        }
    }

    /// Where the engine has no UNIQUE constraints apart from unique indexes, both sides are
    /// compared as unique indexes.
    private func foldUniques(_ schema: Schema) -> Schema {
        guard !dialect.capabilities.uniqueConstraintsDistinctFromIndexes else { return schema }
        var copy = schema
        for i in copy.tables.indices {
            let uniques = copy.tables[i].uniqueConstraints
            copy.tables[i].uniqueConstraints = []
            copy.tables[i].indexes += uniques.map { Index(name: $0.name, columns: $0.columns, unique: true) }
        }
        return copy
    }
}
