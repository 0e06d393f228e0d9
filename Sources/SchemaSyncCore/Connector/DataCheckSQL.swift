/// Default SQL for ``DataCheck`` counts, written with the dialect's quoting in standard SQL
/// that PostgreSQL, MariaDB and SQLite all accept. A dialect may override ``Dialect/dataCheckQuery(_:)``.
public struct DataCheckSQL<D: Dialect> {
    public let dialect: D
    public init(dialect: D) { self.dialect = dialect }

    public func query(for check: DataCheck) -> String {
        let q = dialect.quoteIdentifier
        switch check {
        case let .nulls(table, column):
            return "SELECT COUNT(*) FROM \(q(table)) WHERE \(q(column)) IS NULL"
        case let .duplicates(table, columns, predicate):
            let cols = columns.map(q).joined(separator: ", ")
            let notNull = columns.map { "\(q($0)) IS NOT NULL" }.joined(separator: " AND ")
            let filter = predicate.map { " AND (\($0))" } ?? ""
            return "SELECT COALESCE(SUM(n), 0) FROM (SELECT COUNT(*) AS n FROM \(q(table)) WHERE \(notNull)\(filter) "
                + "GROUP BY \(cols) HAVING COUNT(*) > 1) AS schemasync_dups"
        case let .orphans(table, columns, refTable, refColumns):
            let notNull = columns.map { "c.\(q($0)) IS NOT NULL" }.joined(separator: " AND ")
            let match = zip(columns, refColumns).map { "p.\(q($1)) = c.\(q($0))" }.joined(separator: " AND ")
            return "SELECT COUNT(*) FROM \(q(table)) AS c WHERE \(notNull) AND NOT EXISTS "
                + "(SELECT 1 FROM \(q(refTable)) AS p WHERE \(match))"
        case let .violations(table, expression):
            return "SELECT COUNT(*) FROM \(q(table)) WHERE NOT (\(expression))"
        case let .rows(table, _):
            return "SELECT COUNT(*) FROM \(q(table))"
        case let .unmatchable(table, columns, _):
            return "SELECT COUNT(*) FROM \(q(table)) WHERE " + columns.map { "\(q($0)) IS NOT NULL" }.joined(separator: " AND ")
        case let .unfit(table, column, type, from):
            guard let condition = NarrowingCheck.condition(q(column), type: type, from: from) else {
                return "SELECT 0" // not countable; never planned (see NarrowingCheck.canCount)
            }
            return "SELECT COUNT(*) FROM \(q(table)) WHERE \(condition)"
        }
    }
}
