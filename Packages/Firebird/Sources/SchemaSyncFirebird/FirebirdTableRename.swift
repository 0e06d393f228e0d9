import SchemaSyncCore

/// A table rename, which Firebird 3 has no statement for, done as a copy in two transactions.
///
/// 1. An empty copy under the new name, with the old table's columns and a marker comment
///    (`schemasync: rename target of ...`), then COMMIT: Firebird's DML cannot use a table created
///    in the same transaction. A marked copy left by an earlier failed attempt is dropped first.
/// 2. In the next transaction: the rows are copied, identity columns restarted after the
///    highest value, foreign keys pointing at the old table dropped, the old table dropped, its
///    keys, checks and indexes re-created under their names on the copy, the foreign keys added
///    again pointing at the copy, and the comment set back. Every step runs only while the old
///    table still exists (and the copy still bears the marker), so a replay does nothing.
///
/// `COMMIT` statements are the session's commit points (``FirebirdSession/execute(_:)``): it
/// commits and takes the writer lock again. So a plan with a rename is not all or nothing: if
/// the second transaction fails, the database holds the old table with every row and the
/// empty marked copy, which the inspector does not report and the next apply replaces.
/// A view reading the old table makes the DROP fail; drop the view in an earlier apply.
struct FirebirdTableRename {
    static let marker = "schemasync: rename target of "
    static let commitPoint = "COMMIT"

    let renderer: FirebirdRenderer
    private var dialect: FirebirdDialect { renderer.dialect }
    private var guarded: FirebirdGuard { FirebirdGuard(dialect: dialect) }
    private func q(_ name: String) -> String { dialect.quoteIdentifier(name) }

    /// - Parameter dropped: names of keys, constraints and indexes the plan dropped before the
    ///   rename (``FirebirdRenderer/droppedNames(_:)``): they are not re-created.
    func statements(from: String, to: String, current: Schema, dropped: Set<String> = []) throws -> [String] {
        guard let table = current.table(named: from) else {
            throw SchemaSyncError(.unsupportedChange, "table '\(from)' to rename to '\(to)' is not in the database")
        }
        let pending: [(FirebirdGuard.Fact, Bool)] = [(.relation(from), true)]
        var sql: [String] = []
        // 1. The empty, marked copy, committed.
        sql.append(guarded.only([(.renameCopy(to), true)], ["DROP TABLE \(q(to))"]))
        sql.append(Self.commitPoint)
        let columns = table.columns.map { renderer.columnDefinition($0) }
        sql.append(guarded.only([(.relation(from), true), (.relation(to), false)], [
            "CREATE TABLE \(q(to)) (\(columns.joined(separator: ", ")))",
            "COMMENT ON TABLE \(q(to)) IS \(dialect.quoteString(Self.marker + from))",
        ]))
        sql.append(Self.commitPoint)
        // 2. Rows, identities, keys.
        let stored = table.columns.filter { $0.generated == nil }.map(\.name)
        let list = renderer.columnList(stored)
        sql.append(guarded.only(pending + [(.renameCopy(to), true)],
                                ["INSERT INTO \(q(to)) (\(list)) SELECT \(list) FROM \(q(from))"]))
        for column in table.columns where column.identity != nil {
            let max = dialect.quoteString("SELECT COALESCE(MAX(\(q(column.name))), 0) FROM \(q(to))")
            let restart = dialect.quoteString("ALTER TABLE \(q(to)) ALTER COLUMN \(q(column.name)) RESTART WITH ")
            sql.append("EXECUTE BLOCK AS DECLARE m BIGINT; BEGIN IF (\(FirebirdGuard.Fact.renameCopy(to).exists(dialect.quoteString))) THEN BEGIN "
                + "EXECUTE STATEMENT \(max) INTO :m; EXECUTE STATEMENT \(restart) || m; END END")
        }
        let pointing = current.tables.filter { $0.name != from }.flatMap { other in
            other.foreignKeys.filter { $0.referencedTable == from && !dropped.contains($0.name) }.map { (other.name, $0) }
        }
        for (other, key) in pointing {
            sql.append(guarded.only(pending + [(.constraint(key.name), true)], ["ALTER TABLE \(q(other)) DROP CONSTRAINT \(q(key.name))"]))
        }
        sql.append(guarded.when(.relation(from), "DROP TABLE \(q(from))"))
        var moved = table
        moved.name = to
        if dropped.contains("primary key \(from)") { moved.primaryKey = nil }
        moved.uniqueConstraints.removeAll { dropped.contains($0.name) }
        moved.checks.removeAll { dropped.contains($0.name) }
        moved.indexes.removeAll { dropped.contains($0.name) }
        moved.foreignKeys.removeAll { dropped.contains($0.name) }
        for k in moved.foreignKeys.indices where moved.foreignKeys[k].referencedTable == from { moved.foreignKeys[k].referencedTable = to }
        if let key = moved.primaryKey {
            sql.append(try renderer.statements(for: .addPrimaryKey(table: to, key: key), current: current, desired: current)[0])
        }
        var changes: [Change] = moved.uniqueConstraints.map { .addUnique(table: to, constraint: $0) }
        changes += moved.checks.map { .addCheck(table: to, check: $0) }
        changes += moved.indexes.map { .createIndex(table: to, index: $0) }
        changes += moved.foreignKeys.map { .addForeignKey(table: to, key: $0) }
        for (other, key) in pointing {
            var again = key
            again.referencedTable = to
            changes.append(.addForeignKey(table: other, key: again))
        }
        for change in changes { sql += try renderer.statements(for: change, current: current, desired: current) }
        sql.append("COMMENT ON TABLE \(q(to)) IS \(table.comment.map(dialect.quoteString) ?? "NULL")")
        for column in table.columns where column.comment != nil {
            sql.append("COMMENT ON COLUMN \(q(to)).\(q(column.name)) IS \(dialect.quoteString(column.comment!))")
        }
        return sql
    }
}
