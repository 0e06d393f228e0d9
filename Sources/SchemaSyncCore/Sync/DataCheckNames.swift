/// Maps the names in a data check back to the names the database has *before* the plan's
/// declared renames, since checks run before any change is made.
struct DataCheckNames {
    private var tables: [String: String] = [:]             // new table name → current name
    private var columns: [String: [String: String]] = [:]  // new table name → new column → current column

    init(plan: Plan) {
        for planned in plan.changes {
            switch planned.change {
            case let .renameTable(from, to): tables[to] = from
            case let .renameColumn(table, from, to): columns[table, default: [:]][to] = from
            default: break
            }
        }
    }

    /// `check` with table and column names as they are in the database now.
    func current(_ check: DataCheck) -> DataCheck {
        func t(_ name: String) -> String { tables[name] ?? name }
        func c(_ table: String, _ names: [String]) -> [String] { names.map { columns[table]?[$0] ?? $0 } }
        switch check {
        case let .nulls(table, column): return .nulls(table: t(table), column: c(table, [column])[0])
        case let .rows(table, column): return .rows(table: t(table), column: column)
        case let .duplicates(table, cols, predicate): return .duplicates(table: t(table), columns: c(table, cols), predicate: predicate)
        case let .orphans(table, cols, refTable, refCols):
            return .orphans(table: t(table), columns: c(table, cols), referencedTable: t(refTable), referencedColumns: c(refTable, refCols))
        case let .violations(table, expression): return .violations(table: t(table), expression: expression)
        case let .unmatchable(table, cols, refTable): return .unmatchable(table: t(table), columns: c(table, cols), referencedTable: refTable)
        case let .unfit(table, column, type, from): return .unfit(table: t(table), column: c(table, [column])[0], type: type, from: from)
        }
    }
}
