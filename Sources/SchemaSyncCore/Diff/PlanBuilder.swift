/// Collects changes with the phase they belong to, then orders them by dependency.
struct PlanBuilder {
    /// Dependency phases, in execution order. Tables are renamed before their keys and
    /// constraints are dropped, since those changes name the table by its new name; column and
    /// constraint renames come after the drops (a constraint may be renamed to a dropped one's name).
    enum Phase: Int, Comparable {
        case dropViews, renameTables, dropForeignKeys, dropConstraints, renames, createTables, alterColumns
        case addConstraints, addForeignKeys, createViews, dropColumns, dropTables

        static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }
    }

    struct Entry {
        var change: Change
        var phase: Phase
        var order: Int
        var sequence: Int
        var safety: PlannedChange.Safety
        var checks: [DataCheck]
    }

    private(set) var entries: [Entry] = []

    var count: Int { entries.count }

    mutating func add(_ change: Change, phase: Phase, safety: PlannedChange.Safety, checks: [DataCheck] = [], order: Int = 0) {
        let safety: PlannedChange.Safety = (safety == .safe && !checks.isEmpty) ? .needsDataCheck : safety
        entries.append(Entry(change: change, phase: phase, order: order, sequence: entries.count, safety: safety, checks: checks))
    }

    /// Replaces each data check with `transform`'s result (nil removes it).
    mutating func rewriteChecks(_ transform: (DataCheck) -> DataCheck?) {
        for i in entries.indices {
            entries[i].checks = entries[i].checks.compactMap(transform)
            if entries[i].checks.isEmpty && entries[i].safety == .needsDataCheck { entries[i].safety = .safe }
        }
    }

    /// Stable order: phase, then the position given within the phase, then insertion order.
    func ordered() -> [PlannedChange] {
        entries.sorted { ($0.phase, $0.order, $0.sequence) < ($1.phase, $1.order, $1.sequence) }
            .enumerated()
            .map { PlannedChange(id: $0.offset + 1, change: $0.element.change, safety: $0.element.safety, dataChecks: $0.element.checks) }
    }
}
