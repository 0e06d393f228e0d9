/// The statements that create a schema on an empty database of one dialect, in order, each with
/// the object it creates: what a connector runs to build a scratch copy of the desired schema.
///
/// ```swift
/// let script = try CreationScript(desired, dialect: scratchDialect)
/// for statement in script.statements { try run(statement.sql, naming: script.object(of: statement)) }
/// ```
public struct CreationScript: Sendable {
    public let statements: [RenderedStatement]
    private let objects: [Int: String]
    private let tables: [Int: String]

    /// Plans `schema` from nothing (declared renames dropped: a scratch copy has nothing to rename)
    /// and renders it with `dialect`.
    public init(_ schema: Schema, dialect: any Dialect) throws {
        var fresh = schema
        for t in fresh.tables.indices {
            fresh.tables[t].renamedFrom = nil
            for c in fresh.tables[t].columns.indices { fresh.tables[t].columns[c].renamedFrom = nil }
        }
        let plan = try Differ(dialect: dialect).plan(from: Schema(), to: fresh, allowDestructive: false)
        statements = try dialect.render(plan.applicable, current: Schema(), desired: fresh)
        objects = Dictionary(plan.applicable.map { ($0.id, $0.change.objectPath) }, uniquingKeysWith: { a, _ in a })
        tables = Dictionary(plan.applicable.compactMap { c in c.change.tableName.map { (c.id, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The path of the object `statement` creates (`users`, `users.users_email_key`), for errors.
    public func object(of statement: RenderedStatement) -> String? {
        statement.changeIDs.first.flatMap { objects[$0] }
    }

    /// The table `statement` creates or belongs to (its index, ...); nil for a view.
    public func table(of statement: RenderedStatement) -> String? {
        statement.changeIDs.first.flatMap { tables[$0] }
    }

    /// The statements in runs of at most `size`, for sending several per round trip.
    public func batches(of size: Int) -> [ArraySlice<RenderedStatement>] {
        stride(from: 0, to: statements.count, by: size).map { statements[$0..<min($0 + size, statements.count)] }
    }
}
