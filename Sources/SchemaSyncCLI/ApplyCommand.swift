import ArgumentParser
import SchemaSyncCore

/// `schemasync apply`: applies what is missing under the writer lock, then verifies.
///
/// Prints the plan first, then each statement as it starts and its duration when done, then
/// the outcome — also when it fails (the plan, what ran, and the statement that failed).
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Apply what is missing, under a lock, then verify the database matches.")

    @OptionGroup var connection: ConnectionArguments
    @OptionGroup var desired: DesiredSchemaArguments
    @Flag(name: .long, help: "Show the plan and change nothing (exactly `plan`).")
    var dryRun = false
    @Option(name: .long, help: ArgumentHelp(
        "Opt in to several transactions of at most N changes each, for plans too large for one.",
        discussion: "Each batch is re-planned from the catalog under the lock; a failure leaves earlier batches applied and a re-run converges."))
    var changesPerTransaction: Int?
    @Option(name: .long, help: ArgumentHelp(
        "Run exactly the statements of a plan file written by `plan --out`, if the database has not changed since.",
        discussion: "Refused with exit 7 when the database or the file changed; --schema, when given, must be the schema the plan was made for."))
    var plan: String?
    @Option(name: .long, help: ArgumentHelp(
        "Run only changes whose hazards are all in this comma-separated list (e.g. blocks-writes,builds-index).",
        discussion: "Kinds: \(ChangeHazard.Kind.allCases.map(\.rawValue).joined(separator: ", ")). Without it every hazard is allowed."))
    var allowHazards: String?

    /// The `--allow-hazards` kinds; nil when not given.
    func allowedHazards() throws -> Set<ChangeHazard.Kind>? {
        guard let allowHazards else { return nil }
        var kinds = Set<ChangeHazard.Kind>()
        for name in allowHazards.split(separator: ",").map({ $0.trimmingWhitespace() }) where !name.isEmpty {
            guard let kind = ChangeHazard.Kind(rawValue: String(name)) else {
                throw SchemaSyncError(.usage, "--allow-hazards: unknown hazard '\(InputEcho.cut(String(name)))'",
                                      hint: "use any of \(ChangeHazard.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kinds.insert(kind)
        }
        return kinds
    }

    func run() throws {
        try runReportingErrors {
            if !dryRun, let n = changesPerTransaction, n < 1 {
                throw SchemaSyncError(.usage, "--changes-per-transaction must be at least 1")
            }
            try desired.checkAllowEmpty()
            let allowed = try allowedHazards()
            if let fleet = try FleetRun.prepare(command: "apply", connection: connection, desired: desired, schemaRequired: plan == nil) {
                guard plan == nil else {
                    throw SchemaSyncError(.usage, "--plan runs the saved plan of one database, and several were given",
                                          hint: "pass the one --url the plan was made for")
                }
                return try fleet.run()
            }
            let saved = try plan.map(SavedPlanFile.read)
            if saved != nil && (dryRun || changesPerTransaction != nil || desired.allowDestructive || connection.online) {
                throw SchemaSyncError(.usage, "--plan runs the saved plan as it was reviewed: it takes no --dry-run, --changes-per-transaction, --allow-destructive or --online",
                                      hint: "make a new plan with `schemasync plan --out FILE` for other options")
            }
            let run = try PreparedRun.prepare(connection: connection, schemaPath: saved == nil ? try desired.schemaPath() : desired.schema,
                                              mayCreate: !dryRun && saved == nil, allowEmpty: desired.allowEmpty || saved != nil,
                                              allowLossy: desired.allowLossy, fallback: saved?.desiredSchema)
            defer { run.session.close() }
            if let saved, saved.dialect != run.session.dialect.name {
                throw SchemaSyncError(.invalidSchema, "the saved plan was made for a \(saved.dialect) database (\(saved.database)), this one is \(run.session.dialect.name)",
                                      hint: "make the plan against this database with `schemasync plan --out FILE`")
            }
            let engine = CLIEnvironment.engine(for: run.session)
            let dialect = run.session.dialect
            // The plan as it stands, shown before anything runs (apply re-plans under the lock and
            // verifies by the engine's definitions there, so the preview skips that comparison).
            // The scratch copy apply verifies against is built first: the preview reuses it.
            let current = try run.session.inspect()
            let baseline = dryRun ? nil : try engine.verificationBaseline(desired: run.desired, current: current)
            var preview = engine
            preview.compareEngineDefinitions = false
            let planned = try saved.map { SavedPlanFile.report(of: $0, current: current) }
                ?? preview.plan(desired: run.desired, allowDestructive: desired.allowDestructive, current: current)
            FleetChildReport.record(engine: dialect.name, changes: planned.plan.changes.count)
            if dryRun {
                desired.print(PlanPrinter(report: planned, dialect: dialect, url: run.url, crossEngine: run.crossEngine))
                return .success
            }
            if desired.format == .text { CLIEnvironment.out(PlanPrinter(report: planned, dialect: dialect, url: run.url, crossEngine: run.crossEngine).text()) }
            let progress = ApplyProgress(total: planned.statements.count, format: desired.format)
            var options = SyncEngine.ApplyOptions(onStatement: progress.finished, changesPerTransaction: changesPerTransaction)
            options.onStatementStart = progress.started
            options.baseline = baseline
            options.allowedHazards = allowed
            let report: SyncReport
            do {
                if let saved {
                    report = try engine.apply(saved: saved, desired: desired.schema == nil ? nil : run.desired, options: options)
                } else {
                    report = try engine.apply(desired: run.desired, allowDestructive: desired.allowDestructive, options: options)
                }
            } catch let error as SchemaSyncError {
                let printer = PlanPrinter(report: planned, dialect: dialect, url: run.url, crossEngine: run.crossEngine)
                let inTransaction = planned.statements.filter { $0.phase != .afterTransaction }.count
                let batched = changesPerTransaction != nil || printer.automaticTransactionSize != nil
                progress.failed(error, transactional: dialect.capabilities.transactionalDDL, batched: batched,
                                firstAfterCommit: !batched && inTransaction < planned.statements.count ? inTransaction + 1 : nil)
                switch desired.format {
                case .text: break
                case .sql: CLIEnvironment.out(printer.sql())
                case .json: CLIEnvironment.out(printer.json(outcome: progress.outcome(status: ExitStatus.forError(error), verified: false, error: error)))
                }
                throw error
            }
            let status: ExitStatus = report.plan.skipped.isEmpty ? .success : .blocked
            let printer = PlanPrinter(report: report, dialect: dialect, url: run.url, crossEngine: run.crossEngine)
            switch desired.format {
            case .text:
                if progress.ran.isEmpty {
                    CLIEnvironment.out("Nothing to apply.")
                } else {
                    let n = progress.ran.count, ms = progress.ran.reduce(0) { $0 + $1.milliseconds }
                    let transactions = report.transactions > 1 ? " in \(report.transactions) transactions" : ""
                    CLIEnvironment.out("Applied \(n) statement\(n == 1 ? "" : "s")\(transactions) in \(ApplyProgress.format(ms)); verified: the database matches the desired schema"
                        + (report.plan.skipped.isEmpty ? "" : " except the skipped changes")
                        + Self.verification(report))
                }
            case .sql: CLIEnvironment.out(printer.sql())
            case .json: CLIEnvironment.out(printer.json(outcome: progress.outcome(status: status, verified: true, error: nil)))
            }
            if !report.plan.skipped.isEmpty {
                let n = report.plan.skipped.count
                CLIEnvironment.err("blocked: \(n) destructive change\(n == 1 ? " was" : "s were") skipped; pass --allow-destructive to apply \(n == 1 ? "it" : "them")")
            }
            return status
        }
    }

    /// How the database was verified, for the closing line.
    static func verification(_ report: SyncReport) -> String {
        let modelOnly = report.tablesVerifiedByModelOnly
        let created = modelOnly == 0 ? ""
            : "; the \(modelOnly) table\(modelOnly == 1 ? "" : "s") created from the declared model \(modelOnly == 1 ? "was" : "were") checked by the model, "
                + "as a scratch copy would run the same statements"
        guard report.engineChecked else {
            return " (by the model only: no scratch copy to compare the definitions the engine reports with)."
        }
        return " (the definitions the engine reports agree\(created))."
    }
}
