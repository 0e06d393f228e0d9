import SchemaSyncCore

/// `--online` on MariaDB: every change to an existing table that InnoDB can make in place while
/// writes go on says so — `ALGORITHM=INPLACE, LOCK=NONE` (which also admits INSTANT) — so the
/// server refuses it instead of silently copying the table or locking writers out. Changes the
/// hazards predict to copy the table (a column's type, a check, a foreign key with checks on,
/// table options, dropping the primary key) are refused before anything runs; without `--online`
/// they are allowed (and show the `rewrites-table` hazard).
struct MariaDBOnlineGuards {
    let dialect: MariaDBDialect
    let plan: [PlannedChange]
    let current: Schema

    func guarded(_ statements: [RenderedStatement]) throws -> [RenderedStatement] {
        var existing = Set(current.tables.map { dialect.identifierKey($0.name, kind: .table) })
        for planned in plan {
            if case let .renameTable(from, to) = planned.change, existing.contains(dialect.identifierKey(from, kind: .table)) {
                existing.insert(dialect.identifierKey(to, kind: .table))
            }
        }
        var onExisting = Set<Int>()
        var copies: [String] = []
        for planned in plan {
            guard let table = planned.change.tableName, existing.contains(dialect.identifierKey(table, kind: .table)) else { continue }
            let hazards = dialect.hazards(of: planned, in: plan, current: current, tableExists: true)
            // A type change on a key column suspends foreign keys, and adding one back copies the table.
            let suspendsKeys: Bool
            if case .alterColumn = planned.change {
                suspendsKeys = statements.contains { $0.changeIDs.contains(planned.id) && $0.sql.contains(" DROP FOREIGN KEY ") }
            } else {
                suspendsKeys = false
            }
            if hazards.contains(where: { $0.kind == .rewritesTable }) || suspendsKeys {
                copies.append("\(planned.change.objectPath) (\(planned.change.summary))")
            } else if !Self.hasOwnLockRules(planned.change) {
                onExisting.insert(planned.id)
            }
        }
        guard copies.isEmpty else {
            throw SchemaSyncError(.unsupportedChange,
                                  "--online: MariaDB copies the table for " + copies.prefix(8).joined(separator: "; ")
                                    + (copies.count > 8 ? "; and \(copies.count - 8) more" : "") + ", and writes wait for the copy; nothing was changed",
                                  hint: "run apply without --online to allow the copy, or leave these changes for a quiet hour")
        }
        return statements.map { statement in
            guard statement.changeIDs.allSatisfy(onExisting.contains) else { return statement }
            var copy = statement
            if statement.sql.hasPrefix("ALTER TABLE ") {
                copy.sql += ", ALGORITHM=INPLACE, LOCK=NONE"
            } else if statement.sql.hasPrefix("CREATE INDEX ") {
                copy.sql += " ALGORITHM=INPLACE LOCK=NONE"
            }
            return copy
        }
    }

    /// Full-text and spatial indexes take a shared lock by design: not guarded (their hazard says so).
    private static func hasOwnLockRules(_ change: Change) -> Bool {
        if case let .createIndex(_, index) = change, let method = index.method?.lowercased() {
            return method == "fulltext" || method == "spatial"
        }
        return false
    }
}
