import SchemaSyncCore

/// Estimates how many entries in PostgreSQL's shared lock table one apply transaction needs,
/// and refuses a plan that would run out ("out of shared memory") before anything starts.
///
/// Every relation a transaction creates, alters or drops stays locked until COMMIT: a new table
/// locks itself, its TOAST table and index, each index and each identity sequence.
struct PostgreSQLLockBudget {
    /// The server's `max_locks_per_transaction`.
    let locksPerTransaction: Int
    /// `max_connections` + `max_prepared_transactions`.
    let slots: Int
    /// Entries in the server's shared lock table.
    var capacity: Int { locksPerTransaction * max(slots, 1) }
    /// Share of the nominal lock table one apply may use. PostgreSQL guarantees the nominal size;
    /// beyond it "out of shared memory" depends on spare shared memory and on other sessions.
    static let usableShare = 1.0

    /// Locks the plan needs, counted per relation touched.
    func estimate(_ changes: [PlannedChange]) -> Int {
        var relations = Set<String>()
        var extra = 0
        for planned in changes {
            switch planned.change {
            case let .createTable(t):
                countCreation(of: t, relations: &relations, extra: &extra)
            case let .dropTable(t):
                relations.insert(t.name)
                extra += 3 + t.indexes.count + t.uniqueConstraints.count
            case let .renameTable(from, to):
                relations.insert(from)
                relations.insert(to)
            case let .createIndex(t, _), let .addUnique(t, _), let .addPrimaryKey(t, _):
                relations.insert(t)
                extra += 1
            case let .addForeignKey(t, key):
                relations.insert(t)
                relations.insert(key.referencedTable)
            case let .createView(v), let .dropView(v):
                relations.insert("view " + v.name)
                extra += 1
            default:
                if let t = planned.change.tableName { relations.insert(t) }
            }
        }
        return relations.count + extra
    }

    /// Locks creating `schema` from nothing needs: what ``estimate(_:)`` counts for its creation
    /// plan (a table each, with its keys, indexes and sequences, and each view), without planning it.
    func estimateCreation(of schema: Schema) -> Int {
        var relations = Set<String>()
        var extra = 0
        for table in schema.tables { countCreation(of: table, relations: &relations, extra: &extra) }
        for view in schema.views {
            relations.insert("view " + view.name)
            extra += 1
        }
        return relations.count + extra
    }

    private func countCreation(of t: Table, relations: inout Set<String>, extra: inout Int) {
        relations.insert(t.name)
        if t.columns.contains(where: needsToast) { extra += 2 }
        extra += (t.primaryKey == nil ? 0 : 1) + t.uniqueConstraints.count + t.indexes.count
        extra += t.columns.filter { $0.identity != nil }.count
        for key in t.foreignKeys { relations.insert(key.referencedTable) }
    }

    /// Whether ``estimateCreation(of:)`` fits in one transaction.
    func fitsCreation(of schema: Schema) -> Bool {
        estimateCreation(of: schema) <= Int(Double(capacity) * Self.usableShare)
    }

    /// - throws: ``SchemaSyncError/Code/planTooLarge`` when the estimate exceeds the usable share.
    func check(_ changes: [PlannedChange]) throws {
        let needed = estimate(changes)
        let usable = Int(Double(capacity) * Self.usableShare)
        guard needed > usable else { return }
        let suggested = (needed * 5 / 4) / max(slots, 1) + 1
        throw SchemaSyncError(
            .planTooLarge,
            "the plan needs about \(needed) locks in one transaction, more than this server can hold "
                + "(max_locks_per_transaction = \(locksPerTransaction) × \(slots) connection slots = \(capacity) entries, \(usable) usable by one apply); nothing was changed",
            hint: "either raise max_locks_per_transaction on the server (to about \(max(suggested, 128)), then restart it), "
                + "or opt in to several transactions with apply --changes-per-transaction \(max(1, usable / 8)) "
                + "(each batch is guarded and re-planned, so a re-run after a failure converges, but a failure leaves earlier batches applied)")
    }

    /// Share of the usable lock table one transaction of a split plan fills, leaving room for
    /// other sessions and for the estimate's error.
    static let splitShare = 0.75

    /// For a plan that does not fit, the longest run of first changes that fills at most
    /// ``splitShare`` of the lock table; nil when the whole plan fits.
    func changesPerTransaction(_ changes: [PlannedChange]) -> Int? {
        let usable = Int(Double(capacity) * Self.usableShare)
        guard estimate(changes) > usable else { return nil }
        let budget = Int(Double(usable) * Self.splitShare)
        var low = 1, high = changes.count // the estimate grows with the prefix: find the longest that fits
        while low < high {
            let middle = (low + high + 1) / 2
            if estimate(Array(changes.prefix(middle))) <= budget { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private func needsToast(_ column: Column) -> Bool {
        switch column.type {
        case .text, .varchar, .binary, .json, .decimal, .native: return true
        default: return false
        }
    }
}
