import SchemaSyncCore

extension PostgreSQLDialect {
    /// PostgreSQL's locks, held until COMMIT because apply runs in one transaction:
    /// `CREATE INDEX` takes SHARE (writes wait, reads go on), `ADD FOREIGN KEY` SHARE ROW
    /// EXCLUSIVE on both tables, every other ALTER TABLE and DROP ACCESS EXCLUSIVE (reads wait too).
    /// Widening a varchar or turning it into text rewrites nothing.
    public func hazards(of planned: PlannedChange, in plan: [PlannedChange], current: Schema, tableExists: Bool) -> [ChangeHazard] {
        var hazards = ChangeHazard.standard(for: planned, tableExists: tableExists, capabilities: capabilities)
        guard let table = planned.change.tableName, hazards.contains(where: { $0.kind == .blocksWrites }) else { return hazards }
        hazards.removeAll { $0.kind == .blocksWrites }
        if online, PostgreSQLOnlineSteps.isOnline(planned, in: plan, existing: PostgreSQLOnlineSteps.existingTables(plan: plan, current: current), current: current) {
            return hazards + onlineHazards(of: planned.change, table: table)
        }
        switch planned.change {
        case .createIndex:
            hazards.append(ChangeHazard(.blocksWrites, "SHARE lock on \(table) until COMMIT: writes wait, reads go on"))
        case let .addForeignKey(_, key):
            hazards.append(ChangeHazard(.blocksWrites, "SHARE ROW EXCLUSIVE lock on \(table) and \(key.referencedTable) until COMMIT"))
        default:
            hazards.append(ChangeHazard(.blocksWrites, "ACCESS EXCLUSIVE lock on \(table) until COMMIT"))
            hazards.append(ChangeHazard(.blocksReads, "ACCESS EXCLUSIVE lock on \(table) until COMMIT"))
        }
        if case let .alterColumn(_, from, to, aspects) = planned.change, aspects.contains(.type), Self.convertsInPlace(from.type, to.type) {
            hazards.removeAll { $0.kind == .rewritesTable }
        }
        return hazards
    }

    /// What the steps of ``PostgreSQLOnlineSteps`` still hold up, and that they run after COMMIT.
    private func onlineHazards(of change: Change, table: String) -> [ChangeHazard] {
        let after = ChangeHazard(.notTransactional, "runs after COMMIT, one statement at a time; if it is interrupted, the next apply finishes it")
        switch change {
        case .createIndex, .dropIndex:
            // CONCURRENTLY takes SHARE UPDATE EXCLUSIVE: reads and writes go on; it waits for transactions already running.
            return [after]
        case let .addForeignKey(_, key):
            return [ChangeHazard(.blocksWrites, "briefly: SHARE ROW EXCLUSIVE on \(table) and \(key.referencedTable) to add the key NOT VALID; "
                                 + "VALIDATE CONSTRAINT then scans under SHARE UPDATE EXCLUSIVE, writes go on"), after]
        case .addCheck:
            return [ChangeHazard(.blocksWrites, "briefly: ACCESS EXCLUSIVE on \(table) to add the check NOT VALID; "
                                 + "VALIDATE CONSTRAINT then scans under SHARE UPDATE EXCLUSIVE, writes go on"), after]
        default:
            return [ChangeHazard(.blocksWrites, "briefly: ACCESS EXCLUSIVE on \(table) to add a NOT VALID check and, after it is validated "
                                 + "with writes going on, for SET NOT NULL without a scan"), after]
        }
    }

    /// Type changes PostgreSQL makes without rewriting the table: a longer varchar, varchar to text.
    static func convertsInPlace(_ from: DataType, _ to: DataType) -> Bool {
        switch (from, to) {
        case let (.varchar(a), .varchar(b)):
            guard let b else { return true }
            return a.map { b >= $0 } ?? false
        case (.varchar, .text): return true
        default: return false
        }
    }
}
