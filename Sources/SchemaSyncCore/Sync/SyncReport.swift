/// What `plan` (or `apply --dry-run`) found: the plan, its statements and the data checks.
public struct SyncReport: Sendable, Codable {
    /// The inspected schema the plan starts from.
    public var current: Schema
    public var plan: Plan
    /// Exactly the statements `apply` would run, in order.
    public var statements: [RenderedStatement]
    /// Data checks that found offending rows; apply refuses while any is present.
    public var failedChecks: [DataCheckResult]
    /// Statements actually executed (apply only).
    public var executed: Int
    /// Whether the engine's own definitions were compared with a scratch copy of the desired
    /// schema (false when the connector cannot provide them, or the model already found changes).
    public var engineChecked: Bool = false
    /// Objects the model finds in sync but whose engine definitions differ (plan only; apply
    /// throws ``SchemaSyncError/Code/notConverged`` instead).
    public var engineMismatches: [DefinitionMismatch] = []

    public init(current: Schema, plan: Plan, statements: [RenderedStatement], failedChecks: [DataCheckResult], executed: Int = 0) {
        self.current = current
        self.plan = plan
        self.statements = statements
        self.failedChecks = failedChecks
        self.executed = executed
    }

    /// True when the database differs from the desired schema in any way, including
    /// destructive changes that apply would skip without permission.
    public var hasPendingChanges: Bool { !plan.changes.isEmpty || !engineMismatches.isEmpty }
}
