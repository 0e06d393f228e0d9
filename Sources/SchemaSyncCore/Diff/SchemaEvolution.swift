/// Applies neutral changes to a schema model: the shape a database will have after a plan.
/// Connectors that rebuild tables use it to know the target table; tests use it as an oracle.
public enum SchemaEvolution {
    /// `schema` with `changes` applied in order.
    public static func applying(_ changes: [Change], to schema: Schema) -> Schema {
        var s = schema
        for change in changes { apply(change, to: &s) }
        return s
    }

    /// Applies one change in place. Changes naming objects that do not exist are ignored.
    public static func apply(_ change: Change, to s: inout Schema) {
        func withTable(_ name: String, _ body: (inout Table) -> Void) {
            guard let i = s.tables.firstIndex(where: { $0.name == name }) else { return }
            body(&s.tables[i])
        }
        switch change {
        case let .createTable(t):
            s.tables.removeAll { $0.name == t.name }
            s.tables.append(t)
        case let .dropTable(t): s.tables.removeAll { $0.name == t.name }
        case let .renameTable(from, to):
            withTable(from) { $0.name = to }
            for i in s.tables.indices {
                for j in s.tables[i].foreignKeys.indices where s.tables[i].foreignKeys[j].referencedTable == from {
                    s.tables[i].foreignKeys[j].referencedTable = to
                }
            }
        case let .alterTable(_, to, _): withTable(to.name) { table in
            table.comment = to.comment
            table.attributes = to.attributes
        }
        case let .addColumn(t, c): withTable(t) { table in
            var column = c
            column.renamedFrom = nil
            table.columns.removeAll { $0.name == c.name }
            table.columns.append(column)
        }
        case let .dropColumn(t, c): withTable(t) { $0.columns.removeAll { $0.name == c.name } }
        case let .renameColumn(t, from, to): withTable(t) { table in
            if let i = table.columns.firstIndex(where: { $0.name == from }) { table.columns[i].name = to }
            func rename(_ list: inout [String]) { list = list.map { $0 == from ? to : $0 } }
            if table.primaryKey != nil { rename(&table.primaryKey!.columns) }
            for i in table.uniqueConstraints.indices { rename(&table.uniqueConstraints[i].columns) }
            for i in table.foreignKeys.indices { rename(&table.foreignKeys[i].columns) }
            for i in table.indexes.indices {
                for j in table.indexes[i].parts.indices where table.indexes[i].parts[j].column == from {
                    table.indexes[i].parts[j].column = to
                }
            }
        }
        case let .alterColumn(t, from, to, _): withTable(t) { table in
            var column = to
            column.renamedFrom = nil
            if let i = table.columns.firstIndex(where: { $0.name == from.name }) { table.columns[i] = column }
        }
        case let .addPrimaryKey(t, k): withTable(t) { $0.primaryKey = k }
        case .dropPrimaryKey(let t, _): withTable(t) { $0.primaryKey = nil }
        case let .addUnique(t, u): withTable(t) { $0.uniqueConstraints.append(u) }
        case let .dropUnique(t, u): withTable(t) { $0.uniqueConstraints.removeAll { $0.name == u.name } }
        case let .createIndex(t, i): withTable(t) { $0.indexes.append(i) }
        case let .dropIndex(t, i): withTable(t) { table in
            // Where unique constraints are unique indexes, dropping the index drops the constraint.
            table.indexes.removeAll { $0.name == i.name }
            table.uniqueConstraints.removeAll { $0.name == i.name }
        }
        case let .addForeignKey(t, k): withTable(t) { $0.foreignKeys.append(k) }
        case let .dropForeignKey(t, k): withTable(t) { $0.foreignKeys.removeAll { $0 == k } }
        case let .addCheck(t, c): withTable(t) { $0.checks.append(c) }
        case let .dropCheck(t, c): withTable(t) { $0.checks.removeAll { $0 == c } }
        case let .renameConstraint(t, from, to): withTable(t) { table in
            if table.primaryKey?.name == from { table.primaryKey!.name = to }
            for i in table.uniqueConstraints.indices where table.uniqueConstraints[i].name == from { table.uniqueConstraints[i].name = to }
            for i in table.foreignKeys.indices where table.foreignKeys[i].name == from { table.foreignKeys[i].name = to }
            for i in table.checks.indices where table.checks[i].name == from { table.checks[i].name = to }
        }
        case let .createView(v):
            s.views.removeAll { $0.name == v.name }
            s.views.append(v)
        case let .dropView(v): s.views.removeAll { $0.name == v.name }
        }
    }
}
