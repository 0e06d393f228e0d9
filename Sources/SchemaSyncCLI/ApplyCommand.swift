import ArgumentParser
import SchemaSyncCore

/// `schemasync apply`: applies what is missing under the writer lock, then verifies.
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

    func run() throws {
        try runReportingErrors {
            let run = try PreparedRun.prepare(connection: connection, schemaPath: desired.schema, mayCreate: !dryRun)
            defer { run.session.close() }
            let engine = CLIEnvironment.engine(for: run.session)
            if dryRun {
                let report = try engine.plan(desired: run.desired, allowDestructive: desired.allowDestructive)
                desired.print(PlanPrinter(report: report, dialect: run.session.dialect, url: run.url))
                return .success
            }
            if let n = changesPerTransaction, n < 1 {
                throw SchemaSyncError(.usage, "--changes-per-transaction must be at least 1")
            }
            let report = try engine.apply(desired: run.desired, allowDestructive: desired.allowDestructive,
                                          options: .init(changesPerTransaction: changesPerTransaction))
            let printer = PlanPrinter(report: report, dialect: run.session.dialect, url: run.url)
            desired.print(printer)
            if desired.format == .text {
                if report.statements.isEmpty {
                    CLIEnvironment.out("Nothing to apply.")
                } else {
                    let n = report.statements.count
                    CLIEnvironment.out("Applied \(n) statement\(n == 1 ? "" : "s"); verified: the database matches the desired schema"
                        + (report.plan.skipped.isEmpty ? "" : " except the skipped changes")
                        + (report.engineChecked ? " (the engine's own definitions agree)."
                            : " (by the model only: this connector cannot compare the engine's own definitions here)."))
                }
            }
            if !report.plan.skipped.isEmpty {
                let n = report.plan.skipped.count
                CLIEnvironment.err("blocked: \(n) destructive change\(n == 1 ? " was" : "s were") skipped; pass --allow-destructive to apply \(n == 1 ? "it" : "them")")
                return .blocked
            }
            return .success
        }
    }
}
