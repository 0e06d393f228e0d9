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
        /// What verification compares against, from ``SyncEngine/verificationBaseline(desired:current:)``
        /// (a caller that showed a preview built it already); nil: apply builds it before the lock.
        public var baseline: VerificationBaseline? = nil
        /// The hazard kinds apply may run (`--allow-hazards`); a change with any other is refused
        /// before anything runs (``SchemaSyncError/Code/hazardNotAllowed``). Nil: every kind.
        public var allowedHazards: Set<ChangeHazard.Kind>? = nil
        public init(interruptAfterStatements: Int? = nil, onStatement: (@Sendable (Int, RenderedStatement) -> Void)? = nil,
                    changesPerTransaction: Int? = nil) {
            self.interruptAfterStatements = interruptAfterStatements
            self.onStatement = onStatement
            self.changesPerTransaction = changesPerTransaction
        }
    }

    /// Whether verification compares the engine's own definitions (the default) or rests on
    /// the model alone (for measuring the comparison's cost; never weaker by accident).
    public var compareEngineDefinitions: Bool
    /// Where the engine's definitions of desired schemas are kept between runs; nil: nowhere.
    public var definitionCache: DefinitionCache? {
        didSet { cacheKeys = DefinitionCacheKeys() }
    }
    /// ``definitionCache`` keys already computed (hashing a large schema is not free).
    private var cacheKeys = DefinitionCacheKeys()

    public init(session: any DatabaseSession) {
        self.init(session: session, compareEngineDefinitions: true)
    }

    public init(session: any DatabaseSession, compareEngineDefinitions: Bool) {
        self.session = session
        self.compareEngineDefinitions = compareEngineDefinitions
    }

    /// Computes the plan and the statements without changing anything.
    /// Data checks run as read-only counting queries.
    ///
    /// When the model finds nothing to apply, the engine's own definitions are compared too
    /// (see ``engineMismatches(expected:skipped:)``): a difference the model cannot see shows in
    /// ``SyncReport/engineMismatches`` and makes ``SyncReport/hasPendingChanges`` true.
    /// - parameter current: the database as just inspected, when the caller has it; nil inspects.
    public func plan(desired: Schema, allowDestructive: Bool, current: Schema? = nil) throws -> SyncReport {
        let current = try current ?? session.inspect()
        var report = try report(current: current, desired: desired, allowDestructive: allowDestructive)
        if report.plan.applicable.isEmpty {
            let mismatches = try engineMismatches(expected: try expectedDefinitions(desired: desired), skipped: report.plan.skipped)
            report.engineChecked = mismatches != nil
            report.engineMismatches = mismatches ?? []
        }
        return report
    }

    /// The plan for `desired`, its data checks (always over every applicable change), and the
    /// statements for the first `batchSize(applicable)` applicable changes (all when nil; kept in
    /// ``SyncReport/batchLimit``).
    private func report(current: Schema, desired: Schema, allowDestructive: Bool,
                        batchSize: ([PlannedChange]) -> Int? = { _ in nil }) throws -> SyncReport {
        try SchemaValidator.validate(desired, dialect: session.dialect)
        try SchemaValidator.validateNativeTypes(desired, dialect: session.dialect.name)
        try session.dialect.validate(desired)
        // Before anything is built from it in a scratch copy, where the engine's own error
        // would be less clear than the capability's.
        try CapabilityCheck.validate(desired, dialect: session.dialect)
        try adoptCachedDefinitions(desired)
        let canonical = try session.canonicalize(desired)
        let plan = try Differ(dialect: session.dialect).plan(from: current, to: canonical, allowDestructive: allowDestructive)
        let limit = batchSize(plan.applicable)
        let batch = limit.map { Array(plan.applicable.prefix($0)) } ?? plan.applicable
        let statements = try session.dialect.render(batch, current: current, desired: canonical)
        var report = SyncReport(current: current, plan: plan, statements: statements, failedChecks: try failedDataChecks(of: plan))
        report.batchLimit = limit
        report.hazards = Self.hazards(of: plan, current: current, dialect: session.dialect)
        return report
    }

    /// The hazards of each change of `plan` on `dialect`, by change id (see ``Dialect/hazards(of:in:current:tableExists:)``).
    public static func hazards(of plan: Plan, current: Schema, dialect: any Dialect) -> [Int: [ChangeHazard]] {
        let key = { (name: String) in dialect.identifierKey(name, kind: .table) }
        var existing = Set(current.tables.map { key($0.name) })
        for planned in plan.changes {
            if case let .renameTable(from, to) = planned.change, existing.contains(key(from)) { existing.insert(key(to)) }
        }
        var result: [Int: [ChangeHazard]] = [:]
        let applicable = plan.applicable // computed: once, not once per change
        for planned in plan.changes {
            let exists = planned.change.tableName.map { existing.contains(key($0)) } ?? true
            let hazards = dialect.hazards(of: planned, in: applicable, current: current, tableExists: exists)
            if !hazards.isEmpty { result[planned.id] = hazards }
        }
        return result
    }

    /// Refuses, before anything runs, an applicable change with a hazard `allowed` does not list.
    private func requireAllowedHazards(_ allowed: Set<ChangeHazard.Kind>?, plan: Plan, hazards: [Int: [ChangeHazard]]) throws {
        guard let allowed else { return }
        var refused: [(PlannedChange, ChangeHazard)] = []
        for planned in plan.applicable {
            for hazard in hazards[planned.id] ?? [] where !allowed.contains(hazard.kind) { refused.append((planned, hazard)) }
        }
        guard !refused.isEmpty else { return }
        let kinds = Set(refused.map(\.1.kind.rawValue)).union(allowed.map(\.rawValue)).sorted()
        throw SchemaSyncError(
            .hazardNotAllowed,
            "nothing was changed: " + refused.prefix(8).map { "\($0.0.change.objectPath) (\($0.0.change.summary)) \($0.1.kind.rawValue): \($0.1.detail)" }
                .joined(separator: "; ") + (refused.count > 8 ? "; and \(refused.count - 8) more" : ""),
            hint: "review these hazards; to run them anyway pass --allow-hazards \(kinds.joined(separator: ","))")
    }

    /// The data checks of `plan`'s applicable changes that find offending rows.
    private func failedDataChecks(of plan: Plan) throws -> [DataCheckResult] {
        var failed: [DataCheckResult] = []
        let names = DataCheckNames(plan: plan)
        for change in plan.applicable {
            for check in change.dataChecks {
                let count: Int
                do {
                    count = try session.count(session.dialect.dataCheckQuery(names.current(check)))
                } catch let error as SchemaSyncError where error.code == .inspectionFailed {
                    // The check's own SQL (e.g. a check expression over the current columns) does not run.
                    throw SchemaSyncError(.invalidSchema,
                                          "the data check '\(InputEcho.cut(check.description))' for \(change.change.objectPath) cannot run, nothing was changed",
                                          hint: "fix the expression in the desired schema", cause: error.cause ?? error.message)
                }
                if count > 0 {
                    failed.append(DataCheckResult(changeID: change.id, objectPath: change.change.objectPath, check: check, offendingRows: count))
                }
            }
        }
        return failed
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
        var lastChecked = false
        var lastModelOnly = 0
        var splitAutomatically = false
        var created = Set<String>()
        // Built before the writer lock and outside the apply transaction, so the scratch copy
        // holds no locks while the statements run. A desired schema that does not build there
        // fails after the plan's own checks had their say (they name the fix), before any statement runs.
        let expected = Result { try options.baseline ?? verificationBaseline(desired: desired, current: session.inspect()) }
        while true {
            batches += 1
            var afterCommit: [RenderedStatement] = []
            var committed: CatalogFingerprint?
            var batch = try session.withWriterLock { () throws -> SyncReport in
                let current = try session.inspect()
                // A plan that only creates new objects and does not fit in one transaction on
                // this server runs in several: nothing that exists changes, a re-run converges.
                var report = try self.report(current: current, desired: desired, allowDestructive: allowDestructive) { applicable in
                    if let size = options.changesPerTransaction { return size }
                    guard Plan.onlyCreatesNewObjects(applicable),
                          let size = session.dialect.changesPerTransaction(creating: applicable) else { return nil }
                    splitAutomatically = true
                    return max(1, size)
                }
                report.splitAutomatically = splitAutomatically
                try requireAllowedHazards(options.allowedHazards, plan: report.plan, hazards: report.hazards)
                if !report.failedChecks.isEmpty {
                    throw SchemaSyncError(
                        .dataCheckFailed,
                        "data check failed, nothing \(batches > 1 ? "more " : "")was changed: "
                            + report.failedChecks.map(\.message).joined(separator: "; "),
                        hint: "fix the offending rows first, then apply again")
                }
                let expectedDefinitions = try expected.get()
                afterCommit = report.statements.filter { $0.phase == .afterTransaction }
                try run(report.statements.filter { $0.phase != .afterTransaction }, options: options, executed: &executed)
                report.executed = executed.count
                if !afterCommit.isEmpty { committed = try fingerprint(of: session.inspect()) }
                for planned in report.plan.applicable.prefix(report.batchLimit ?? .max) {
                    if case let .createTable(table) = planned.change { created.insert(table.name) }
                }
                // Verify inside the writer lock and, where the engine has transactions, before
                // COMMIT: a database that does not match rolls back instead of being committed.
                let last = report.batchLimit.map { report.plan.applicable.count <= $0 } ?? true
                if last && afterCommit.isEmpty {
                    let baseline = try confirmed(expectedDefinitions, created: created, desired: desired)
                    report.engineChecked = try verify(desired: desired, allowDestructive: allowDestructive, against: baseline)
                    report.tablesVerifiedByModelOnly = baseline.modelOnlyTables.count
                }
                return report
            }
            if !afterCommit.isEmpty {
                // Statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VALIDATE
                // CONSTRAINT in its own step) run after COMMIT, still under the writer lock; then verify.
                let last = batch.batchLimit.map { batch.plan.applicable.count <= $0 } ?? true
                let verified = try session.withWriterLockOutsideTransaction { () throws -> (Bool, Int)? in
                    try requireUnchangedSinceCommit(committed)
                    try run(afterCommit, options: options, executed: &executed)
                    guard last else { return nil }
                    let baseline = try confirmed(try expected.get(), created: created, desired: desired)
                    return (try verify(desired: desired, allowDestructive: allowDestructive, against: baseline), baseline.modelOnlyTables.count)
                }
                batch.executed = executed.count
                if let (checked, modelOnly) = verified {
                    batch.engineChecked = checked
                    batch.tablesVerifiedByModelOnly = modelOnly
                }
            }
            if result == nil { result = batch }
            lastChecked = batch.engineChecked
            lastModelOnly = batch.tablesVerifiedByModelOnly
            // One transaction unless batching was asked for (or needed, see above); batches stop when nothing is left.
            guard let size = batch.batchLimit, batch.plan.applicable.count > size else { break }
            guard !batch.statements.isEmpty else {
                throw SchemaSyncError(.notConverged, "batch \(batches) made no progress; still different: "
                    + batch.plan.applicable.prefix(5).map { $0.change.objectPath }.joined(separator: ", "))
            }
        }
        var final = result!
        final.engineChecked = lastChecked
        final.tablesVerifiedByModelOnly = lastModelOnly
        final.transactions = batches
        final.splitAutomatically = splitAutomatically
        final.statements = executed.isEmpty ? final.statements : executed
        final.executed = executed.count
        return final
    }

    /// `baseline`, unless a table it leaves to the model was not created by this apply: another
    /// run created it meanwhile and nothing vouches for it, so the whole desired schema is copied
    /// after all (inside the lock; a rare race).
    private func confirmed(_ baseline: VerificationBaseline, created: Set<String>, desired: Schema) throws -> VerificationBaseline {
        guard !baseline.modelOnlyTables.isSubset(of: created) else { return baseline }
        return VerificationBaseline(definitions: try desiredDefinitions(desired))
    }

    /// The engine's definitions of a scratch copy of `desired`: from ``definitionCache`` when it
    /// holds them for this desired schema and server, else built (and then kept there).
    private func desiredDefinitions(_ desired: Schema) throws -> [EngineDefinition]? {
        guard let cache = definitionCache, let key = try cacheKey(desired) else {
            return try session.canonicalizeWithDefinitions(desired).definitions
        }
        if let kept = cacheKeys.definitions(forKey: key, in: cache) { return kept }
        let definitions = try session.canonicalizeWithDefinitions(desired).definitions
        if let definitions { cache.store(definitions, forKey: key) }
        return definitions
    }

    /// Hands the session what ``definitionCache`` keeps for `desired`, before it is canonicalised
    /// (see ``DatabaseSession/adoptDefinitions(_:ofDesired:)``).
    private func adoptCachedDefinitions(_ desired: Schema) throws {
        guard compareEngineDefinitions, let cache = definitionCache, let key = try cacheKey(desired),
              let kept = cacheKeys.definitions(forKey: key, in: cache) else { return }
        session.adoptDefinitions(kept, ofDesired: desired)
    }

    private func cacheKey(_ desired: Schema) throws -> String? {
        guard let cache = definitionCache else { return nil }
        return try cacheKeys.key(for: desired) {
            guard let scope = try session.definitionCacheScope() else { return nil }
            return cache.key(desired: desired, scope: scope)
        }
    }

    /// Runs exactly the statements of a reviewed plan (``SavedPlan``), then verifies as
    /// ``apply(desired:allowDestructive:options:)`` does.
    ///
    /// Under the writer lock the catalog is inspected again; when its ``CatalogFingerprint`` differs
    /// from the one the plan was made from, nothing runs (``SchemaSyncError/Code/planStale``, naming
    /// what changed). The plan's data checks run again, and its hazards meet
    /// ``ApplyOptions/allowedHazards``. The plan runs in one transaction.
    /// - parameter desired: the desired schema as read again (its hash must match the plan's); nil
    ///   uses the one the plan file holds.
    @discardableResult
    public func apply(saved: SavedPlan, desired: Schema? = nil, options: ApplyOptions = .init()) throws -> SyncReport {
        guard saved.dialect == session.dialect.name else {
            throw SchemaSyncError(.invalidSchema, "the saved plan was made for a \(saved.dialect) database (\(saved.database)), this one is \(session.dialect.name)",
                                  hint: "make the plan against this database with `schemasync plan --out FILE`")
        }
        guard saved.scope == session.dialect.statementScope else {
            throw SchemaSyncError(.planStale, "the saved plan's statements name schema '\(saved.scope ?? "")', this connection manages '\(session.dialect.statementScope ?? "")'; nothing was changed",
                                  hint: "apply it with the URL it was made for, or make a plan for this one with `schemasync plan --out FILE`")
        }
        let desired = desired ?? saved.desiredSchema
        guard SavedPlan.hash(of: desired) == saved.desiredSchemaHash else {
            throw SchemaSyncError(.planStale, "the desired schema differs from the one the saved plan was made for; nothing was changed",
                                  hint: "make and review the plan again with `schemasync plan --out FILE`, or apply it without --schema")
        }
        let expected = Result { try options.baseline ?? verificationBaseline(desired: desired, current: session.inspect()) }
        var created = Set<String>()
        for planned in saved.plan.applicable { if case let .createTable(table) = planned.change { created.insert(table.name) } }
        let afterCommit = saved.statements.filter { $0.phase == .afterTransaction }
        var executed: [RenderedStatement] = []
        var committed: CatalogFingerprint?
        var report = try session.withWriterLock { () throws -> SyncReport in
            let current = try session.inspect()
            let drift = try fingerprint(of: current).changes(since: saved.catalog)
            guard drift.isEmpty else {
                throw SchemaSyncError(
                    .planStale,
                    "the database changed since the plan was made, nothing was changed: " + drift.prefix(8).joined(separator: "; ")
                        + (drift.count > 8 ? "; and \(drift.count - 8) more" : ""),
                    hint: "make and review the plan again with `schemasync plan --out FILE`")
            }
            var hazards: [Int: [ChangeHazard]] = [:]
            for (id, list) in saved.hazards { if let n = Int(id) { hazards[n] = list } }
            try requireAllowedHazards(options.allowedHazards, plan: saved.plan, hazards: hazards)
            var report = SyncReport(current: current, plan: saved.plan, statements: saved.statements, failedChecks: try failedDataChecks(of: saved.plan))
            report.hazards = hazards
            if !report.failedChecks.isEmpty {
                throw SchemaSyncError(.dataCheckFailed, "data check failed, nothing was changed: " + report.failedChecks.map(\.message).joined(separator: "; "),
                                      hint: "fix the offending rows first, then apply the plan again")
            }
            let baseline = try expected.get()
            try run(saved.statements.filter { $0.phase != .afterTransaction }, options: options, executed: &executed)
            if !afterCommit.isEmpty { committed = try fingerprint(of: session.inspect()) }
            if afterCommit.isEmpty {
                let confirmedBaseline = try confirmed(baseline, created: created, desired: desired)
                report.engineChecked = try verify(desired: desired, allowDestructive: saved.allowDestructive, against: confirmedBaseline)
                report.tablesVerifiedByModelOnly = confirmedBaseline.modelOnlyTables.count
            }
            return report
        }
        if !afterCommit.isEmpty {
            let (checked, modelOnly) = try session.withWriterLockOutsideTransaction { () throws -> (Bool, Int) in
                try requireUnchangedSinceCommit(committed)
                try run(afterCommit, options: options, executed: &executed)
                let confirmedBaseline = try confirmed(try expected.get(), created: created, desired: desired)
                return (try verify(desired: desired, allowDestructive: saved.allowDestructive, against: confirmedBaseline),
                        confirmedBaseline.modelOnlyTables.count)
            }
            report.engineChecked = checked
            report.tablesVerifiedByModelOnly = modelOnly
        }
        report.executed = executed.count
        return report
    }

    /// The writer lock is let go at COMMIT and taken again for the steps after it: if another
    /// apply changed the database in between, those steps no longer follow from what was committed.
    private func requireUnchangedSinceCommit(_ committed: CatalogFingerprint?) throws {
        guard let committed else { return }
        let changes = try fingerprint(of: session.inspect()).changes(since: committed)
        guard changes.isEmpty else {
            throw SchemaSyncError(.notConverged,
                                  "another apply changed the database between this apply's COMMIT and the steps that run after it ("
                                    + changes.prefix(5).joined(separator: "; ") + "); those steps did not run",
                                  hint: "the transaction part stays applied; run apply again to plan the rest from the database as it is now")
        }
    }

    /// Runs `statements` in order through the session, with the test hook and the callbacks,
    /// appending each to `executed`.
    private func run(_ statements: [RenderedStatement], options: ApplyOptions, executed: inout [RenderedStatement]) throws {
        for statement in statements {
            if let limit = options.interruptAfterStatements, executed.count >= limit {
                throw SchemaSyncError(.applyFailed, "apply interrupted after \(limit) statements (test hook)")
            }
            options.onStatementStart?(executed.count + 1, statement)
            try session.execute(statement)
            executed.append(statement)
            options.onStatement?(executed.count, statement)
        }
    }

    /// A plan file for `report` (from ``plan(desired:allowDestructive:current:)``) of `desired`:
    /// its statements bound to the fingerprint of the catalog it was planned from.
    public func savedPlan(of report: SyncReport, desired: Schema, tool: String, database: String, createdAt: String) throws -> SavedPlan {
        return SavedPlan(tool: tool, createdAt: createdAt, dialect: session.dialect.name, serverVersion: session.serverVersion,
                         database: database, scope: session.dialect.statementScope,
                         allowDestructive: report.plan.allowDestructive, desiredSchema: desired,
                         catalog: try fingerprint(of: report.current), plan: report.plan,
                         hazards: Dictionary(uniqueKeysWithValues: report.hazards.map { (String($0.key), $0.value) }),
                         statements: report.statements)
    }

    /// The saved-plan fingerprint of the database, `current` being its inspection just now.
    public func fingerprint(of current: Schema) throws -> CatalogFingerprint {
        CatalogFingerprint(schema: current, definitions: try session.engineDefinitions(), ignoring: session.dialect.sessionDependentAttributes)
    }

    /// Inspects again and fails with ``SchemaSyncError/Code/notConverged`` naming what still differs:
    /// first through the model (the plan must be empty), then by the engine's own definitions of
    /// every managed object against a scratch copy of the desired schema.
    /// - returns: whether the engine's definitions were compared (false when the connector cannot provide them).
    /// - parameter expected: the desired schema's engine definitions from ``expectedDefinitions(desired:)``.
    @discardableResult
    public func verify(desired: Schema, allowDestructive: Bool, expected: [EngineDefinition]?) throws -> Bool {
        try verify(desired: desired, allowDestructive: allowDestructive, against: VerificationBaseline(definitions: expected))
    }

    /// ``verify(desired:allowDestructive:expected:)`` against `baseline`: the tables it leaves
    /// to the model are left out of the engine comparison.
    @discardableResult
    public func verify(desired: Schema, allowDestructive: Bool, against baseline: VerificationBaseline) throws -> Bool {
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
        guard let mismatches = try engineMismatches(expected: baseline.definitions, skipped: plan.skipped,
                                                    leavingOut: baseline.modelOnlyTables) else { return false }
        guard mismatches.isEmpty else {
            throw SchemaSyncError(
                .notConverged,
                "after apply the definitions the engine itself reports differ from the desired schema: " + Self.describe(mismatches),
                hint: "the difference lies outside what SchemaSync models, so it cannot change it; "
                    + "declare the object as the database has it, or change it by hand")
        }
        return true
    }

    /// What apply verifies against when it starts from `current`: the engine's definitions of
    /// `desired` without the tables it creates from the model (see ``VerificationBaseline``).
    public func verificationBaseline(desired: Schema, current: Schema) throws -> VerificationBaseline {
        guard compareEngineDefinitions else { return VerificationBaseline(definitions: nil) }
        if let captured = desired.sourceDefinitions { return VerificationBaseline(definitions: captured) }
        // Without transactional DDL the copy is also the rehearsal that refuses a table the
        // engine rejects before anything changes, so there every table stays in.
        var created = Set<String>()
        if session.dialect.capabilities.transactionalDDL {
            let plan = try Differ(dialect: session.dialect).plan(from: current, to: desired, allowDestructive: false)
            for planned in plan.changes { if case let .createTable(table) = planned.change { created.insert(table.name) } }
        }
        let modelOnly = VerificationBaseline.modelOnlyTables(desired: desired, created: created)
        let rest = VerificationBaseline.schema(desired, without: modelOnly)
        if !modelOnly.isEmpty && rest.tables.isEmpty && rest.views.isEmpty {
            return VerificationBaseline(definitions: [], modelOnlyTables: modelOnly)
        }
        return VerificationBaseline(definitions: try desiredDefinitions(rest), modelOnlyTables: modelOnly)
    }

    /// The engine's own definitions of `desired`: those its SQL created when it was read from SQL,
    /// else those of a scratch copy the connector builds; nil when the connector cannot tell.
    public func expectedDefinitions(desired: Schema) throws -> [EngineDefinition]? {
        guard compareEngineDefinitions else { return nil }
        if let captured = desired.sourceDefinitions { return captured }
        return try desiredDefinitions(desired)
    }

    /// Compares the engine's own definition of every managed object of the database with
    /// `expected`; nil when either side is unavailable. Objects that `skipped` changes leave
    /// different are left out.
    /// `leavingOut`: tables whose definitions are compared by the model alone (both sides).
    public func engineMismatches(expected: [EngineDefinition]?, skipped: [PlannedChange],
                                 leavingOut tables: Set<String> = []) throws -> [DefinitionMismatch]? {
        guard let expected, let actual = try session.engineDefinitions() else { return nil }
        let dialect = session.dialect
        return EngineDefinitionComparison(actual: actual, expected: expected, skipped: skipped, leavingOut: tables,
                                          tableKey: { dialect.identifierKey($0, kind: .table) },
                                          equivalent: { dialect.definitionsEquivalent($0, $1) }).mismatches
    }

    /// The first mismatches, one per object, for an error message.
    static func describe(_ mismatches: [DefinitionMismatch]) -> String {
        let shown = mismatches.prefix(8).map(\.description).joined(separator: "; ")
        return mismatches.count > 8 ? shown + "; and \(mismatches.count - 8) more" : shown
    }
}
