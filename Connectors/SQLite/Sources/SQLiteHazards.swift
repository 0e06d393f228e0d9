import SchemaSyncCore

extension SQLiteDialect {
    /// SQLite locks the whole database file for writing until COMMIT (readers in WAL mode go
    /// on), and rebuilds a table — copying every row — for the changes ALTER TABLE cannot make.
    public func hazards(of planned: PlannedChange, in plan: [PlannedChange], current: Schema, tableExists: Bool) -> [ChangeHazard] {
        var hazards = ChangeHazard.standard(for: planned, tableExists: tableExists, capabilities: capabilities)
        guard let table = planned.change.tableName, hazards.contains(where: { $0.kind == .blocksWrites }) else { return hazards }
        hazards.removeAll { $0.kind == .blocksWrites || $0.kind == .rewritesTable }
        if SQLiteRenderer.needsRebuild(planned.change, current: current) {
            hazards.append(ChangeHazard(.rewritesTable, "\(table) is rebuilt: every row is copied into a new table"))
        }
        hazards.append(ChangeHazard(.blocksWrites, "the whole database is locked for writing until COMMIT"))
        return hazards
    }
}
