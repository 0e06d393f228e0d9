import SchemaSyncCore

extension MariaDBDialect {
    /// MariaDB's online DDL: indexes are built in place while writes go on (a metadata lock only
    /// at the start and the end); adding a foreign key, or changing a column's type, copies the
    /// table and blocks writes for the whole copy. Every statement commits by itself.
    public func hazards(of planned: PlannedChange, in plan: [PlannedChange], current: Schema, tableExists: Bool) -> [ChangeHazard] {
        var hazards = ChangeHazard.standard(for: planned, tableExists: tableExists, capabilities: capabilities)
        guard let table = planned.change.tableName, hazards.contains(where: { $0.kind == .blocksWrites }) else { return hazards }
        hazards.removeAll { $0.kind == .blocksWrites }
        switch planned.change {
        case let .createIndex(_, index) where ["fulltext", "spatial"].contains(index.method?.lowercased() ?? ""):
            hazards.append(ChangeHazard(.blocksWrites, "a \(index.method!.uppercased()) index is built under a shared lock: writes to \(table) wait for the build"))
        case .createIndex, .addUnique:
            hazards.append(ChangeHazard(.blocksWrites, "briefly: a metadata lock on \(table) at the start and end of the in-place build"))
        case .addForeignKey:
            hazards.append(ChangeHazard(.rewritesTable, "\(table) is copied to add the foreign key (foreign key checks on)"))
            hazards.append(ChangeHazard(.blocksWrites, "writes to \(table) wait for the whole table copy"))
        case let .alterColumn(_, from, to, aspects) where aspects.contains(.type):
            if case let (.varchar(a?), .varchar(b?)) = (from.type, to.type), b >= a {
                hazards.removeAll { $0.kind == .rewritesTable }
                hazards.append(ChangeHazard(.blocksWrites, "briefly: a metadata lock on \(table); a longer varchar is made in place while writes go on (rebuilt in place when its length crosses 255 bytes)"))
            } else {
                hazards.append(ChangeHazard(.blocksWrites, "writes to \(table) wait for the whole table copy"))
            }
        case .addCheck:
            hazards.append(ChangeHazard(.rewritesTable, "\(table) is copied to add the check"))
            hazards.append(ChangeHazard(.blocksWrites, "writes to \(table) wait for the whole table copy"))
        case .dropPrimaryKey:
            hazards.append(ChangeHazard(.rewritesTable, "\(table) is rebuilt without (or with a new) primary key"))
            hazards.append(ChangeHazard(.blocksWrites, "writes to \(table) wait for the rebuild"))
        case let .alterTable(_, _, aspects) where aspects != [.comment]:
            hazards.append(ChangeHazard(.rewritesTable, "table options (engine, character set, row format) may copy \(table)"))
            hazards.append(ChangeHazard(.blocksWrites, "writes to \(table) wait for the copy"))
        default:
            hazards.append(ChangeHazard(.blocksWrites, "a metadata lock on \(table) while the statement runs"))
        }
        return hazards
    }
}
