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
        public init(interruptAfterStatements: Int? = nil, onStatement: (@Sendable (Int, RenderedStatement) -> Void)? = nil) {
            self.interruptAfterStatements = interruptAfterStatements
            self.onStatement = onStatement
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

    private func report(current: Schema, desired: Schema, allowDestructive: Bool) throws -> SyncReport {
        try SchemaValidator.validate(desired)
        try SchemaValidator.validateNativeTypes(desired, dialect: session.dialect.name)
        try session.dialect.validate(desired)
        let canonical = try session.canonicalize(desired)
        let plan = try Differ(dialect: session.dialect).plan(from: current, to: canonical, allowDestructive: allowDestructive)
        let statements = try session.dialect.render(plan.applicable, current: current, desired: canonical)
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
        var result = try session.withWriterLock { () throws -> SyncReport in
            let current = try session.inspect()
            var report = try report(current: current, desired: desired, allowDestructive: allowDestructive)
            if !report.failedChecks.isEmpty {
                throw SchemaSyncError(
                    .dataCheckFailed,
                    "data check failed, nothing was changed: " + report.failedChecks.map(\.message).joined(separator: "; "),
                    hint: "fix the offending rows first, then apply again")
            }
            for (offset, statement) in report.statements.enumerated() {
                if let limit = options.interruptAfterStatements, offset >= limit {
                    throw SchemaSyncError(.applyFailed, "apply interrupted after \(limit) statements (test hook)")
                }
                try session.execute(statement)
                report.executed += 1
                options.onStatement?(offset + 1, statement)
            }
            return report
        }
        if result.executed > 0 || !result.plan.applicable.isEmpty {
            try verify(desired: desired, allowDestructive: allowDestructive)
        }
        result.executed = result.statements.count
        return result
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
