import SchemaSyncCore

extension PostgreSQLDialect {
    /// PostgreSQL's locks, held until COMMIT because apply runs in one transaction:
    /// `CREATE INDEX` takes SHARE (writes wait, reads go on), `ADD FOREIGN KEY` SHARE ROW
    /// EXCLUSIVE on both tables, every other ALTER TABLE and DROP ACCESS EXCLUSIVE (reads wait too).
    /// Widening a varchar or turning it into text rewrites nothing.
    public func hazards(of planned: PlannedChange, current: Schema, tableExists: Bool) -> [ChangeHazard] {
        var hazards = ChangeHazard.standard(for: planned, tableExists: tableExists, capabilities: capabilities)
        guard let table = planned.change.tableName, hazards.contains(where: { $0.kind == .blocksWrites }) else { return hazards }
        hazards.removeAll { $0.kind == .blocksWrites }
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
