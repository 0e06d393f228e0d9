/// A check on existing rows that must find none before a risky change is applied.
public enum DataCheck: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Rows where `column` is NULL (before SET NOT NULL).
    case nulls(table: String, column: String)
    /// Rows whose `columns` values are duplicated (before a unique index or constraint).
    case duplicates(table: String, columns: [String], predicate: String?)
    /// Rows whose `columns` reference no row of `referencedTable` (before a foreign key).
    case orphans(table: String, columns: [String], referencedTable: String, referencedColumns: [String])
    /// Rows that violate `expression` (before a CHECK constraint).
    case violations(table: String, expression: String)
    /// Any rows at all (before adding a NOT NULL column that has no default).
    case rows(table: String, column: String)
    /// Rows whose `columns` are all set, before a foreign key to `referencedTable`, which the
    /// same plan creates empty: no such row can match.
    case unmatchable(table: String, columns: [String], referencedTable: String)
    /// Rows whose `column` value does not fit `type` (before narrowing it from `from`): too
    /// long, out of range, or with more digits than the new precision or scale keep.
    case unfit(table: String, column: String, type: DataType, from: DataType)

    public var description: String {
        switch self {
        case let .nulls(t, c): return "rows in \(t) with \(c) NULL"
        case let .duplicates(t, cols, _): return "rows in \(t) with duplicate (\(cols.joined(separator: ", ")))"
        case let .orphans(t, cols, rt, _):
            return "rows in \(t) whose (\(cols.joined(separator: ", "))) match no row of \(rt)"
        case let .violations(t, e): return "rows in \(t) violating \(e)"
        case let .rows(t, c): return "rows in \(t) that would need a value for new NOT NULL column \(c) without default"
        case let .unmatchable(t, cols, rt): return "rows in \(t) with (\(cols.joined(separator: ", "))) set, which the new, empty table \(rt) cannot match"
        case let .unfit(t, c, type, _): return "rows in \(t) whose \(c) does not fit \(type)"
        }
    }

    /// The table whose rows are checked.
    public var tableName: String {
        switch self {
        case let .nulls(t, _), let .duplicates(t, _, _), let .orphans(t, _, _, _), let .violations(t, _), let .rows(t, _),
             let .unmatchable(t, _, _), let .unfit(t, _, _, _):
            return t
        }
    }
}
