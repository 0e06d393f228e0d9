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
    /// Tables apply created from the declared model and verified by the model alone: a scratch
    /// copy of them would run the same statements (see ``VerificationBaseline``).
    public var tablesVerifiedByModelOnly: Int = 0
    /// The hazards of each change, by ``PlannedChange/id`` (changes without any are absent).
    public var hazards: [Int: [ChangeHazard]] = [:]
    /// The transactions apply ran the plan in: 1, or more when it was batched (opted in with
    /// ``SyncEngine/ApplyOptions/changesPerTransaction``, or because a plan that only creates
    /// new objects does not fit in one transaction on the server).
    public var transactions: Int = 1
    /// Whether apply split the plan into several transactions by itself (a plan that only
    /// creates new objects, too large for one transaction on this server).
    public var splitAutomatically: Bool = false
    /// The most changes this batch's transaction ran (nil: the whole plan in one); apply's own bookkeeping.
    var batchLimit: Int? = nil

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
