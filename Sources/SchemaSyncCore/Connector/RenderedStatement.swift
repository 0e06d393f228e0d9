/// One SQL statement a connector will execute, linked to the plan changes that produced it.
public struct RenderedStatement: Hashable, Sendable, Codable {
    /// The statement text, complete and ready to run (no trailing semicolon).
    public var sql: String
    /// The ``PlannedChange/id`` values this statement implements (several for a table rebuild).
    public var changeIDs: [Int]
    /// Runs outside the transaction (e.g. SQLite `PRAGMA foreign_keys`), or nil for inside.
    public var phase: Phase

    /// When a statement runs relative to the apply transaction.
    public enum Phase: String, Hashable, Sendable, Codable {
        case beforeTransaction = "before"
        case inTransaction = "in"
        /// After COMMIT, still under the writer lock, each statement committing by itself
        /// (see ``DatabaseSession/withWriterLockOutsideTransaction(_:)``); verification follows them.
        case afterTransaction = "after"
    }

    public init(_ sql: String, changeIDs: [Int], phase: Phase = .inTransaction) {
        self.sql = sql
        self.changeIDs = changeIDs
        self.phase = phase
    }
}
