/// Sends statements to an engine a batch at a time (one round trip for up to ``size``
/// statements) and, when a batch fails, runs its statements again one at a time to find the
/// ones at fault, so the outcome is the same as running each alone.
///
/// The connector supplies how a batch and a single statement run, and undoes a failed batch
/// itself (a savepoint rolled back) before its statements run again:
/// ```swift
/// let failed = try StatementBatches().failures(running: statements, batch: { batch in
///     try runUnderSavepoint(batch.map(\.sql).joined(separator: ";\n"))   // its error, rolled back, or nil
/// }, single: { statement in
///     try runUnderSavepoint(statement.sql)
/// })
/// ```
/// An engine that reports which statement of a batch failed needs no second run: it only
/// takes the ``batches(of:)``.
public struct StatementBatches: Sendable {
    /// Statements per round trip.
    public var size: Int

    public init(size: Int = 100) {
        self.size = max(1, size)
    }

    /// `statements` cut into batches of ``size``, in order.
    public func batches<Statement>(of statements: [Statement]) -> [ArraySlice<Statement>] {
        stride(from: 0, to: statements.count, by: size).map { statements[$0..<min($0 + size, statements.count)] }
    }

    /// Runs `statements` and returns those that failed, with their errors, in order.
    /// - Parameters:
    ///   - batch: runs a batch of two or more statements in one go; returns its error, with
    ///     what it did undone, or nil.
    ///   - single: runs one statement (a batch of one, or each of a failed batch); returns its
    ///     error or nil.
    /// - throws: what either closure throws, which ends the run.
    public func failures<Statement>(running statements: [Statement],
                                    batch: (ArraySlice<Statement>) throws -> Error?,
                                    single: (Statement) throws -> Error?) rethrows -> [(Statement, Error)] {
        var failures: [(Statement, Error)] = []
        for statementsOfBatch in batches(of: statements) {
            if statementsOfBatch.count > 1, try batch(statementsOfBatch) == nil { continue }
            for statement in statementsOfBatch {
                if let error = try single(statement) { failures.append((statement, error)) }
            }
        }
        return failures
    }
}
