import SchemaSyncCore

/// Renders planned changes as Firebird 3 statements, each safe to run again (see
/// ``FirebirdGuard``), on the core's shared ``DDLRendering`` toolkit.
///
/// Overrides: CREATE INDEX (no IF NOT EXISTS, one direction for the whole index), foreign key
/// rules always written (a rule left out is stored as RESTRICT), defaults as Firebird takes them
/// (no parentheses) and CREATE TABLE without IF NOT EXISTS. Views use `CREATE OR ALTER VIEW`;
/// comments `COMMENT ON`, which replaces. A table rename is a copy in two transactions
/// (``FirebirdTableRename``). Adding or dropping identity, a column becoming or ceasing to be
/// computed, and narrowing types are refused (Firebird 3 cannot do them in place).
struct FirebirdRenderer: DDLRendering {
    let dialect: FirebirdDialect

    private var guarded: FirebirdGuard { FirebirdGuard(dialect: dialect) }
    private func q(_ name: String) -> String { dialect.quoteIdentifier(name) }

    /// The statements of `changes` in order.
    ///
    /// The core renames tables before it drops their keys and indexes (by the new name). Should a
    /// drop come before its table's rename, it is sent to the old name, and what it removes is
    /// not copied by the rename (``FirebirdTableRename``).
    func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] {
        var out: [RenderedStatement] = []
        var pending: [String: String] = [:]   // new name -> old name, for renames not yet rendered
        for planned in changes { if case let .renameTable(from, to) = planned.change { pending[to] = from } }
        var dropped = Set<String>()
        for planned in changes {
            var change = planned.change
            let sql: [String]
            if case let .renameTable(from, to) = change {
                pending[to] = nil
                sql = try FirebirdTableRename(renderer: self).statements(from: from, to: to, current: current, dropped: dropped)
            } else {
                if let table = change.tableName, let old = pending[table] { change = Self.retarget(change, to: old) }
                dropped.formUnion(Self.droppedNames(change))
                sql = try statements(for: change, current: current, desired: desired)
            }
            out += sql.map { RenderedStatement($0, changeIDs: [planned.id]) }
        }
        return out
    }

    /// `change` on table `old` instead (the drops the core orders before a rename).
    static func retarget(_ change: Change, to old: String) -> Change {
        switch change {
        case let .dropForeignKey(_, key): return .dropForeignKey(table: old, key: key)
        case let .dropUnique(_, unique): return .dropUnique(table: old, constraint: unique)
        case let .dropIndex(_, index): return .dropIndex(table: old, index: index)
        case let .dropCheck(_, check): return .dropCheck(table: old, check: check)
        case let .dropPrimaryKey(_, key): return .dropPrimaryKey(table: old, key: key)
        default: return change
        }
    }

    /// The key, constraint or index names `change` drops (`primary key <table>` for a primary key).
    static func droppedNames(_ change: Change) -> Set<String> {
        switch change {
        case let .dropForeignKey(_, key): return [key.name]
        case let .dropUnique(_, unique): return [unique.name]
        case let .dropIndex(_, index): return [index.name]
        case let .dropCheck(_, check): return [check.name]
        case let .dropPrimaryKey(table, _): return ["primary key \(table)"]
        default: return []
        }
    }

    func statements(for change: Change, current: Schema, desired: Schema) throws -> [String] {
        switch change {
        case let .createTable(table):
            var sql = [guarded.unless(.relation(table.name), createTableSQL(table))]
            sql += table.indexes.map { createIndex($0, on: table.name) }
            sql += comments(of: table)
            return sql
        case let .dropTable(table):
            return [guarded.when(.relation(table.name), "DROP TABLE \(q(table.name))")]
        case let .renameTable(from, to):
            return try FirebirdTableRename(renderer: self).statements(from: from, to: to, current: current)
        case let .alterTable(_, to, aspects):
            return aspects.contains(.comment) ? [commentOn("TABLE \(q(to.name))", to.comment)] : []
        case let .addColumn(table, column):
            var sql = [guarded.unless(.column(table: table, column: column.name), "ALTER TABLE \(q(table)) ADD \(columnDefinition(column))")]
            if let comment = column.comment { sql.append(commentOn("COLUMN \(q(table)).\(q(column.name))", comment)) }
            return sql
        case let .dropColumn(table, column):
            return [guarded.when(.column(table: table, column: column.name), "ALTER TABLE \(q(table)) DROP \(q(column.name))")]
        case let .renameColumn(table, from, to):
            return [guarded.only([(.column(table: table, column: from), true), (.column(table: table, column: to), false)],
                                 "ALTER TABLE \(q(table)) ALTER COLUMN \(q(from)) TO \(q(to))")]
        case let .alterColumn(table, from, to, aspects):
            return try alterColumn(table, from: from, to: to, aspects: aspects)
        case let .addPrimaryKey(table, key):
            return [guarded.unless(.primaryKey(table: table),
                                   "ALTER TABLE \(q(table)) ADD \(constraintPrefix(key.name))PRIMARY KEY (\(columnList(key.columns)))")]
        case let .dropPrimaryKey(table, _):
            // The engine names an unnamed key (INTEG_n): find the name when the statement runs.
            let t = dialect.quoteString(table)
            return ["EXECUTE BLOCK AS DECLARE n VARCHAR(63); BEGIN FOR SELECT TRIM(RDB$CONSTRAINT_NAME) FROM RDB$RELATION_CONSTRAINTS "
                + "WHERE RDB$RELATION_NAME = \(t) AND RDB$CONSTRAINT_TYPE = 'PRIMARY KEY' INTO :n DO "
                + "EXECUTE STATEMENT \(dialect.quoteString("ALTER TABLE \(q(table)) DROP CONSTRAINT "))"
                + " || '\"' || REPLACE(n, '\"', '\"\"') || '\"'; END"]
        case let .addUnique(table, unique):
            return [guarded.unless(.constraint(unique.name),
                                   "ALTER TABLE \(q(table)) ADD CONSTRAINT \(q(unique.name)) UNIQUE (\(columnList(unique.columns)))")]
        case let .dropUnique(table, unique):
            return [dropConstraint(table, unique.name)]
        case let .createIndex(table, index):
            return [createIndex(index, on: table)]
        case let .dropIndex(_, index):
            return [guarded.when(.index(index.name), "DROP INDEX \(q(index.name))")]
        case let .addForeignKey(table, key):
            return [guarded.unless(.constraint(key.name), "ALTER TABLE \(q(table)) ADD " + foreignKeyClause(key, name: key.name))]
        case let .dropForeignKey(table, key):
            return [dropConstraint(table, key.name)]
        case let .addCheck(table, check):
            return [guarded.unless(.constraint(check.name), "ALTER TABLE \(q(table)) ADD " + checkClause(check, name: check.name))]
        case let .dropCheck(table, check):
            return [dropConstraint(table, check.name)]
        case let .renameConstraint(table, from, to):
            throw SchemaSyncError(.unsupportedChange, "constraint '\(from)' on '\(table)' cannot be renamed to '\(to)' on Firebird 3")
        case let .createView(view):
            var sql = ["CREATE OR ALTER VIEW \(q(view.name)) AS \(view.definition)"]
            if let comment = view.comment { sql.append(commentOn("VIEW \(q(view.name))", comment)) }
            return sql
        case let .dropView(view):
            return [guarded.when(.relation(view.name), "DROP VIEW \(q(view.name))")]
        }
    }

    private func dropConstraint(_ table: String, _ name: String) -> String {
        guarded.when(.constraint(name), "ALTER TABLE \(q(table)) DROP CONSTRAINT \(q(name))")
    }

    private func alterColumn(_ table: String, from: Column, to: Column, aspects: ColumnChangeSet) throws -> [String] {
        let t = q(table), c = q(to.name)
        var sql: [String] = []
        if aspects.contains(.identity) {
            throw SchemaSyncError(.unsupportedChange,
                                  "column '\(table).\(to.name)': Firebird 3 cannot add or drop identity on an existing column",
                                  hint: "add a new identity column and drop the old one")
        }
        if aspects.contains(.generated) {
            guard from.generated != nil, let generated = to.generated else {
                throw SchemaSyncError(.unsupportedChange,
                                      "column '\(table).\(to.name)': Firebird 3 cannot make a column computed or stop it being computed",
                                      hint: "add a new column and drop the old one")
            }
            sql.append("ALTER TABLE \(t) ALTER COLUMN \(c) COMPUTED BY (\(generated.expression))")
        }
        if aspects.contains(.type) && to.generated == nil {
            let old = dialect.columnType(from), new = dialect.columnType(to)
            let isBlob: (DataType) -> Bool = { $0 == .text || $0 == .binary || FirebirdTypeMapping.sql($0).uppercased().hasPrefix("BLOB") }
            if old.isNarrowing(to: new) == true || isBlob(old) != isBlob(new) {
                throw SchemaSyncError(.unsupportedChange,
                                      "column '\(table).\(to.name)': Firebird 3 cannot change \(old) to \(new) in place (it only widens, and never to or from a BLOB)",
                                      hint: "add a new column, copy the values in a separate step and drop the old one")
            }
            // Repeating the same type is accepted, so no guard is needed.
            sql.append("ALTER TABLE \(t) ALTER COLUMN \(c) TYPE \(FirebirdTypeMapping.sql(dialect.columnType(to)))")
        }
        if aspects.contains(.defaultValue) {
            if let value = to.defaultValue {
                sql.append("ALTER TABLE \(t) ALTER COLUMN \(c) SET DEFAULT \(defaultSQL(value, column: to))")
            } else {
                sql.append(guarded.when(.hasDefault(table: table, column: to.name), "ALTER TABLE \(t) ALTER COLUMN \(c) DROP DEFAULT"))
            }
        }
        if aspects.contains(.nullability) {
            sql.append(to.nullable
                ? guarded.when(.notNull(table: table, column: to.name), "ALTER TABLE \(t) ALTER COLUMN \(c) DROP NOT NULL")
                : guarded.unless(.notNull(table: table, column: to.name), "ALTER TABLE \(t) ALTER COLUMN \(c) SET NOT NULL"))
        }
        if aspects.contains(.comment) {
            sql.append(commentOn("COLUMN \(t).\(c)", to.comment))
        }
        return sql
    }

    /// `COMMENT ON <object> IS '...'` (or `IS NULL`): replaces, so it is safe to repeat.
    private func commentOn(_ object: String, _ comment: String?) -> String {
        "COMMENT ON \(object) IS \(comment.map(dialect.quoteString) ?? "NULL")"
    }

    private func comments(of table: Table) -> [String] {
        var sql: [String] = []
        if let comment = table.comment { sql.append(commentOn("TABLE \(q(table.name))", comment)) }
        for column in table.columns where column.comment != nil {
            sql.append(commentOn("COLUMN \(q(table.name)).\(q(column.name))", column.comment))
        }
        return sql
    }

    // MARK: Clauses

    /// `"name" TYPE [GENERATED BY DEFAULT AS IDENTITY] [DEFAULT x] [NOT NULL]`, or
    /// `"name" [TYPE] COMPUTED BY (expr)`.
    func columnDefinition(_ column: Column, primaryKey: Bool = false) -> String {
        let type = FirebirdTypeMapping.sql(dialect.columnType(column))
        if let generated = column.generated {
            return "\(q(column.name)) \(type) COMPUTED BY (\(generated.expression))"
        }
        var sql = "\(q(column.name)) \(type)"
        if column.identity != nil { sql += " GENERATED BY DEFAULT AS IDENTITY" }
        if let value = column.defaultValue { sql += " DEFAULT \(defaultSQL(value, column: column))" }
        if !column.nullable || primaryKey || column.identity != nil { sql += " NOT NULL" }
        return sql
    }

    func createTableSQL(_ table: Table) -> String {
        let keyColumns = Set(table.primaryKey?.columns ?? [])
        var elements = table.columns.map { columnDefinition($0, primaryKey: keyColumns.contains($0.name)) }
        if let key = table.primaryKey {
            elements.append("\(constraintPrefix(key.name))PRIMARY KEY (\(columnList(key.columns)))")
        }
        for unique in table.uniqueConstraints {
            elements.append("CONSTRAINT \(q(unique.name)) UNIQUE (\(columnList(unique.columns)))")
        }
        for key in table.foreignKeys { elements.append(foreignKeyClause(key, name: key.name)) }
        for check in table.checks { elements.append(checkClause(check, name: check.name)) }
        return "CREATE TABLE \(tableName(table.name)) (" + elements.joined(separator: ", ") + ")"
    }

    /// `CREATE [UNIQUE] [DESC] INDEX name ON table (columns)`, guarded by the index name.
    /// Firebird sorts a whole index one way (``FirebirdDialect/validate(_:)`` refuses mixed parts).
    func createIndex(_ index: Index, on table: String) -> String {
        let descending = index.parts.first?.descending == true
        let sql = "CREATE \(index.unique ? "UNIQUE " : "")\(descending ? "DESCENDING " : "")INDEX \(q(index.name)) ON \(tableName(table)) "
            + "(\(columnList(index.columnNames)))"
        return guarded.unless(.index(index.name), sql)
    }

    /// Both rules always written: Firebird stores a rule left out as RESTRICT, not NO ACTION.
    func foreignKeyReference(_ key: ForeignKey) -> String {
        "(\(columnList(key.columns))) REFERENCES \(tableName(key.referencedTable)) (\(columnList(key.referencedColumns)))"
            + " ON DELETE \(key.onDelete.rawValue.uppercased()) ON UPDATE \(key.onUpdate.rawValue.uppercased())"
    }

    func defaultSQL(_ value: ColumnDefault, column: Column) -> String {
        FirebirdDefaultValue.sql(value, quote: dialect.quoteString)
    }
}
