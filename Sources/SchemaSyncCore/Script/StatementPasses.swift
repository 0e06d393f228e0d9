/// Runs the statements of a desired-schema script that may come in any order (a view or a
/// foreign key before the table it names): each pass runs, in script order, the statements the
/// pass before left failing, until all have run or a pass makes no progress.
///
/// The connector supplies the pass, the core the loop; what is left is the connector's to
/// report (typically the first statement still failing, by its ``SQLScript/Statement/number``).
/// ```swift
/// let left = StatementPasses.failures(runningEachOf: script.statements) { try connection.execute($0.sql) }
/// if let (statement, error) = left.first { throw invalid(statement.number, error) }
/// ```
public enum StatementPasses {
    /// The statements still failing after the last pass, with their errors, in script order;
    /// empty when every statement ran.
    /// - Parameter pass: runs the given statements in order and returns those that failed,
    ///   with their errors, in order. What it throws ends the run and passes through.
    public static func failures<Statement>(of statements: [Statement],
                                           pass: ([Statement]) throws -> [(Statement, Error)]) rethrows -> [(Statement, Error)] {
        var pending = statements
        var failures: [(Statement, Error)] = []
        while !pending.isEmpty {
            failures = try pass(pending)
            if failures.count == pending.count { break }
            pending = failures.map(\.0)
        }
        return failures
    }

    /// ``failures(of:pass:)`` with statements run one at a time: an error `run` throws is that
    /// statement's failure.
    public static func failures<Statement>(runningEachOf statements: [Statement],
                                           _ run: (Statement) throws -> Void) -> [(Statement, Error)] {
        failures(of: statements) { pending in
            pending.compactMap { statement in
                do { try run(statement); return nil } catch { return (statement, error) }
            }
        }
    }
}
