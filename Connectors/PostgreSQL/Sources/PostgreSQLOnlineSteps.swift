import Foundation
import SchemaSyncCore

/// How `--online` changes tables that already exist without holding their writers up for the
/// length of a scan or an index build.
///
/// - A plain (non-unique) index is built with `CREATE INDEX CONCURRENTLY` and dropped with
///   `DROP INDEX CONCURRENTLY`, after COMMIT. A build that is interrupted leaves an invalid
///   index; the next apply sees it as different, drops it concurrently and builds it again.
/// - A foreign key or check is added `NOT VALID` in the transaction (a brief lock, no scan) and
///   validated after COMMIT by `VALIDATE CONSTRAINT`, which lets writes go on.
/// - `SET NOT NULL` is a `CHECK (column IS NOT NULL) NOT VALID` in the transaction, validated
///   after COMMIT; then `SET NOT NULL` finds the valid check and skips its own scan, and the
///   check is dropped.
///
/// Unique indexes stay in the transaction (a foreign key of the same plan may need them), and so
/// does every change to a table the plan creates or that has no rows to protect.
struct PostgreSQLOnlineSteps {
    let renderer: PostgreSQLRenderer
    /// Tables of the current schema (and their new names when the plan renames them).
    let existing: Set<String>
    let plan: [PlannedChange]
    let current: Schema

    init(renderer: PostgreSQLRenderer, plan: [PlannedChange], current: Schema) {
        self.renderer = renderer
        self.plan = plan
        self.current = current
        existing = Self.existingTables(plan: plan, current: current)
    }

    static func existingTables(plan: [PlannedChange], current: Schema) -> Set<String> {
        var names = Set(current.tables.map(\.name))
        for planned in plan {
            if case let .renameTable(from, to) = planned.change, names.contains(from) { names.insert(to) }
        }
        return names
    }

    /// Whether `planned` takes the online path (see the type's description). Partitioned tables
    /// never do: PostgreSQL builds no index concurrently on them, nor adds a foreign key NOT VALID.
    static func isOnline(_ planned: PlannedChange, in plan: [PlannedChange], existing: Set<String>, current: Schema) -> Bool {
        guard let table = planned.change.tableName, existing.contains(table),
              current.table(named: table)?.attributes[PostgreSQLTableAttributes.partitionBy] == nil else { return false }
        switch planned.change {
        case let .createIndex(_, index):
            return !index.unique
        case let .dropIndex(_, index):
            // A relation the transaction creates under the same name needs the old index gone first.
            return !index.unique && !relationNamesCreatedInTransaction(plan, existing: existing, current: current).contains(index.name)
        case let .addForeignKey(_, key): return !key.notValid
        case let .addCheck(_, check): return !check.notValid
        case let .alterColumn(_, from, to, aspects):
            return aspects == [.nullability] && from.nullable && !to.nullable
        default:
            return false
        }
    }

    /// Names of relations (tables, indexes, key and unique constraints' indexes) that changes
    /// staying in the transaction create.
    static func relationNamesCreatedInTransaction(_ plan: [PlannedChange], existing: Set<String>, current: Schema) -> Set<String> {
        var names = Set<String>()
        for planned in plan {
            switch planned.change {
            case let .createIndex(_, index) where !isOnline(planned, in: [], existing: existing, current: current): names.insert(index.name)
            case let .addUnique(_, unique): names.insert(unique.name)
            case let .addPrimaryKey(_, key): if let name = key.name { names.insert(name) }
            case let .renameConstraint(_, _, to): names.insert(to)
            case let .createTable(table): names.insert(table.name)
            case let .renameTable(_, to): names.insert(to)
            default: continue
            }
        }
        return names
    }

    /// The statements for `planned` when it takes the online path, else nil.
    func statements(for planned: PlannedChange) throws -> [RenderedStatement]? {
        guard Self.isOnline(planned, in: plan, existing: existing, current: current), let t = planned.change.tableName else { return nil }
        let id = [planned.id]
        func inTransaction(_ change: Change) throws -> [RenderedStatement] {
            try renderer.statements(for: change).map { RenderedStatement($0, changeIDs: id) }
        }
        func after(_ sql: String) -> RenderedStatement { RenderedStatement(sql, changeIDs: id, phase: .afterTransaction) }
        let dialect = renderer.dialect
        let table = dialect.qualified(t)
        switch planned.change {
        case let .createIndex(_, index):
            let sql = renderer.createIndex(index, on: t)
            return [after(sql.replacingFirst("INDEX IF NOT EXISTS ", with: "INDEX CONCURRENTLY IF NOT EXISTS "))]
        case let .dropIndex(_, index):
            return [after("DROP INDEX CONCURRENTLY IF EXISTS \(dialect.qualified(index.name))")]
        case var .addForeignKey(_, key):
            key.notValid = true
            return try inTransaction(.addForeignKey(table: t, key: key))
                + [after("ALTER TABLE \(table) VALIDATE CONSTRAINT \(dialect.quoteIdentifier(key.name))")]
        case var .addCheck(_, check):
            check.notValid = true
            return try inTransaction(.addCheck(table: t, check: check))
                + [after("ALTER TABLE \(table) VALIDATE CONSTRAINT \(dialect.quoteIdentifier(check.name))")]
        case let .alterColumn(_, _, to, _):
            let name = Self.notNullCheckName(to.name)
            let check = CheckConstraint(name: name, expression: "\(dialect.quoteIdentifier(to.name)) IS NOT NULL", notValid: true)
            let quoted = dialect.quoteIdentifier(name)
            return try inTransaction(.addCheck(table: t, check: check)) + [
                after("ALTER TABLE \(table) VALIDATE CONSTRAINT \(quoted)"),
                after("ALTER TABLE \(table) ALTER COLUMN \(dialect.quoteIdentifier(to.name)) SET NOT NULL"),
                after("ALTER TABLE \(table) DROP CONSTRAINT IF EXISTS \(quoted)"),
            ]
        default:
            return nil
        }
    }

    /// The temporary check that stands for NOT NULL while rows are validated (63 bytes at most;
    /// a cut name ends in a digest of the whole column name, so two long names stay apart).
    static func notNullCheckName(_ column: String) -> String {
        let full = "schemasync_nn_" + column
        guard full.utf8.count > 63 else { return full }
        var name = ""
        for character in full {
            guard name.utf8.count + character.utf8.count <= 54 else { break }
            name.append(character)
        }
        return name + "_" + String(CatalogFingerprint.sha256(Data(column.utf8)).prefix(8))
    }

    /// The index a `CREATE [UNIQUE] INDEX CONCURRENTLY IF NOT EXISTS "name" ...` statement builds.
    static func indexName(inConcurrentCreate sql: String) -> String? {
        var rest = Substring(sql)
        for prefix in ["CREATE INDEX CONCURRENTLY IF NOT EXISTS \"", "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \""] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            var name = ""
            while let c = rest.first {
                rest = rest.dropFirst()
                if c == "\"" {
                    guard rest.first == "\"" else { return name }
                    rest = rest.dropFirst()
                }
                name.append(c)
            }
            return nil
        }
        return nil
    }
}

extension String {
    /// `self` with the first occurrence of `target` replaced.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
