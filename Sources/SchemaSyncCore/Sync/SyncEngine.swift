/// Drives one database session through the pipeline: inspect → diff → data checks → render →
/// apply under the writer lock → inspect again to verify.
///
/// ```swift
/// let engine = SyncEngine(session: session)
/// let report = try engine.plan(desired: schema, allowDestructive: false)   // changes nothing
/// try engine.apply(desired: schema, allowDestructive: false)                // applies and verifies
/// ```
public struct SyncEngine {
    public let session: any DatabaseSession

    /// Options for ``apply(desired:allowDestructive:options:)``.
    public struct ApplyOptions: Sendable {
        /// Test hook: stop (throw) after this many statements, simulating a crash mid-apply.
        public var interruptAfterStatements: Int?
        /// Called after each statement with its index (1-based).
        public var onStatement: (@Sendable (Int, RenderedStatement) -> Void)?
        /// Opt-in: apply at most this many changes per transaction (and lock), re-planning from
        /// the live catalog before each batch, for plans too large for one transaction. A failure
        /// leaves earlier batches applied; running apply again converges. Nil: one transaction.
        public var changesPerTransaction: Int?
        /// Called just before each statement runs, with its index (1-based), for progress output.
        public var onStatementStart: (@Sendable (Int, RenderedStatement) -> Void)? = nil
        public init(interruptAfterStatements: Int? = nil, onStatement: (@Sendable (Int, RenderedStatement) -> Void)? = nil,
                    changesPerTransaction: Int? = nil) {
            self.interruptAfterStatements = interruptAfterStatements
            self.onStatement = onStatement
            self.changesPerTransaction = changesPerTransaction
        }
    }

    public init(session: any DatabaseSession) {
        self.session = session
    }

    /// Computes the plan and the statements without changing anything.
    /// Data checks run as read-only counting queries.
    public func plan(desired: Schema, allowDestructive: Bool) throws -> SyncReport {
        let current = try session.inspect()
        return try report(current: current, desired: desired, allowDestructive: allowDestructive)
    }

    /// The plan for `desired`, its data checks (always over every applicable change), and the
    /// statements for the first `limit` applicable changes (all when nil).
    private func report(current: Schema, desired: Schema, allowDestructive: Bool, limit: Int? = nil) throws -> SyncReport {
        try SchemaValidator.validate(desired)
        try SchemaValidator.validateNativeTypes(desired, dialect: session.dialect.name)
        try session.dialect.validate(desired)
        let canonical = try session.canonicalize(desired)
        let plan = try Differ(dialect: session.dialect).plan(from: current, to: canonical, allowDestructive: allowDestructive)
        let batch = limit.map { Array(plan.applicable.prefix($0)) } ?? plan.applicable
        let statements = try session.dialect.render(batch, current: current, desired: canonical)
        var failed: [DataCheckResult] = []
        let names = DataCheckNames(plan: plan)
        for change in plan.applicable {
            for check in change.dataChecks {
                let count = try session.count(session.dialect.dataCheckQuery(names.current(check)))
                if count > 0 {
                    failed.append(DataCheckResult(changeID: change.id, objectPath: change.change.objectPath, check: check, offendingRows: count))
                }
            }
        }
        return SyncReport(current: current, plan: plan, statements: statements, failedChecks: failed)
    }

    /// Applies what is missing under the writer lock, then verifies by inspecting again.
    ///
    /// - throws: ``SchemaSyncError/Code/dataCheckFailed`` (nothing changed) when a data check
    ///   finds offending rows; ``SchemaSyncError/Code/applyFailed`` when a statement fails;
    ///   ``SchemaSyncError/Code/notConverged`` when the database still differs afterwards.
    @discardableResult
    public func apply(desired: Schema, allowDestructive: Bool, options: ApplyOptions = .init()) throws -> SyncReport {
        var result: SyncReport?
        var executed: [RenderedStatement] = []
        var batches = 0
        while true {
            batches += 1
            let batch = try session.withWriterLock { () throws -> SyncReport in
                let current = try session.inspect()
                var report = try self.report(current: current, desired: desired, allowDestructive: allowDestructive,
                                        limit: options.changesPerTransaction)
                if !report.failedChecks.isEmpty {
                    throw SchemaSyncError(
                        .dataCheckFailed,
                        "data check failed, nothing \(batches > 1 ? "more " : "")was changed: "
                            + report.failedChecks.map(\.message).joined(separator: "; "),
                        hint: "fix the offending rows first, then apply again")
                }
                for statement in report.statements {
                    if let limit = options.interruptAfterStatements, executed.count >= limit {
                        throw SchemaSyncError(.applyFailed, "apply interrupted after \(limit) statements (test hook)")
                    }
                    options.onStatementStart?(executed.count + 1, statement)
                    try session.execute(statement)
                    executed.append(statement)
                    report.executed += 1
                    options.onStatement?(executed.count, statement)
                }
                return report
            }
            if result == nil { result = batch }
            // One transaction unless batching was asked for; batches stop when nothing is left.
            guard let size = options.changesPerTransaction, batch.plan.applicable.count > size else { break }
            guard !batch.statements.isEmpty else {
                throw SchemaSyncError(.notConverged, "batch \(batches) made no progress; still different: "
                    + batch.plan.applicable.prefix(5).map { $0.change.objectPath }.joined(separator: ", "))
            }
        }
        var final = result!
        if !executed.isEmpty || !final.plan.applicable.isEmpty {
            try verify(desired: desired, allowDestructive: allowDestructive)
        }
        final.statements = executed.isEmpty ? final.statements : executed
        final.executed = executed.count
        return final
    }

    /// Inspects again and fails with ``SchemaSyncError/Code/notConverged`` naming what still differs.
    public func verify(desired: Schema, allowDestructive: Bool) throws {
        let current = try session.inspect()
        let canonical = try session.canonicalize(desired)
        let plan = try Differ(dialect: session.dialect).plan(from: current, to: canonical, allowDestructive: allowDestructive)
        let remaining = plan.applicable
        guard remaining.isEmpty else {
            throw SchemaSyncError(
                .notConverged,
                "the database did not converge after apply; still different: "
                    + remaining.map { "\($0.change.objectPath) (\($0.change.summary))" }.joined(separator: ", "),
                hint: "this is a bug in the connector or an unsupported change; please report it with `schemasync inspect` output")
        }
    }
}
