import SchemaSyncCore

/// The statements that rebuild one table into a new shape, keeping every row:
/// create the new table, copy rows, compare row counts, drop the old table, rename, and
/// recreate indexes and triggers. Runs inside the apply transaction with foreign keys off
/// (set by the session outside the transaction), so no ON DELETE action fires.
struct SQLiteTableRebuild {
    let dialect: SQLiteDialect
    /// The schema when the rebuild starts: before the plan, with table renames done.
    let before: Schema
    /// The schema after every change of this table.
    let after: Schema
    /// The desired schema: the rebuilt table takes its column order.
    var desired: Schema? = nil
    let table: String
    let changes: [PlannedChange]

    func statements() -> [RenderedStatement] {
        let q = dialect.quoteIdentifier
        let ids = changes.map(\.id)
        guard var target = after.table(named: table) else { return [] }
        if let order = desired?.table(named: table)?.columns.map(\.name) {
            let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            target.columns = target.columns.enumerated().sorted {
                (rank[$0.element.name] ?? order.count + $0.offset, $0.offset) < (rank[$1.element.name] ?? order.count + $1.offset, $1.offset)
            }.map(\.element)
        }
        guard let old = before.table(named: table) else { return [] }
        let scratch = "schemasync_new_\(table)"
        let renderer = SQLiteRenderer(dialect: dialect, current: before)

        // Columns copied: target columns that existed before (under their old name), except generated ones.
        var copyTarget: [String] = []
        var copySource: [String] = []
        // A column that was generated and becomes plain keeps its computed values.
        for column in target.columns where column.generated == nil {
            let source = column.name // renames ran in place before the rebuild
            guard old.column(named: source) != nil else { continue }
            copyTarget.append(q(column.name))
            copySource.append(q(source))
        }
        var sql: [String] = [
            "CREATE TEMP TABLE IF NOT EXISTS schemasync_guard (what TEXT, ok INTEGER, CONSTRAINT rebuild_must_keep_rows_and_foreign_keys CHECK (ok))",
            "DROP TABLE IF EXISTS \(q(scratch))",
            renderer.createTable(target, as: scratch),
        ]
        if !copyTarget.isEmpty {
            sql.append("INSERT INTO \(q(scratch)) (\(copyTarget.joined(separator: ", "))) SELECT \(copySource.joined(separator: ", ")) FROM \(q(table))")
        }
        if target.columns.contains(where: { $0.identity != nil }) {
            // Keep AUTOINCREMENT's promise: ids of deleted rows are never reused after the rebuild.
            sql += [
                "DELETE FROM sqlite_sequence WHERE name = \(dialect.quoteString(scratch))",
                "INSERT INTO sqlite_sequence (name, seq) SELECT \(dialect.quoteString(scratch)), seq FROM sqlite_sequence WHERE name = \(dialect.quoteString(table))",
            ]
        }
        sql += [
            "INSERT INTO temp.schemasync_guard (what, ok) SELECT \(dialect.quoteString("row count of \(table)")), "
                + "(SELECT COUNT(*) FROM \(q(table))) = (SELECT COUNT(*) FROM \(q(scratch)))",
            "DROP TABLE \(q(table))",
            // Views and triggers elsewhere keep naming the table; the legacy rename leaves them untouched.
            "PRAGMA legacy_alter_table = ON",
            "ALTER TABLE \(q(scratch)) RENAME TO \(q(table))",
            "PRAGMA legacy_alter_table = OFF",
        ]
        sql += after.table(named: table)!.indexes.map { renderer.createIndex($0, on: table) }
        for trigger in before.unmanaged where trigger.kind == "trigger" && trigger.table == table {
            if let definition = trigger.definition { sql.append(definition) }
        }
        return sql.map { RenderedStatement($0, changeIDs: ids) }
    }
}
