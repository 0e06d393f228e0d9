import ArgumentParser
import Foundation
import SchemaSyncCore

/// `schemasync plan`: shows what apply would change; touches nothing.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show what apply would change, without changing anything.")

    @OptionGroup var connection: ConnectionArguments
    @OptionGroup var desired: DesiredSchemaArguments
    @Flag(name: .long, help: "Exit 2 when changes are pending, 0 when the database matches.")
    var exitCode = false
    @Option(name: .long, help: ArgumentHelp(
        "Also write the plan to FILE for review; `apply --plan FILE` runs exactly it.",
        discussion: "The file binds the statements to a fingerprint of the database; apply refuses (exit 7) once either changed."))
    var out: String?

    func run() throws {
        try runReportingErrors {
            try desired.checkAllowEmpty()
            if let fleet = try FleetRun.prepare(command: "plan", connection: connection, desired: desired) {
                guard out == nil else {
                    throw SchemaSyncError(.usage, "--out writes the plan of one database, and several were given",
                                          hint: "run `schemasync plan --out FILE --url URL` for each database to review")
                }
                return try fleet.run()
            }
            let run = try PreparedRun.prepare(connection: connection, schemaPath: try desired.schemaPath(), allowEmpty: desired.allowEmpty,
                                              allowLossy: desired.allowLossy)
            defer { run.session.close() }
            let engine = CLIEnvironment.engine(for: run.session)
            let report = try engine.plan(desired: run.desired, allowDestructive: desired.allowDestructive)
            if let out {
                let printer = PlanPrinter(report: report, dialect: run.session.dialect, url: run.url, crossEngine: run.crossEngine)
                if let size = printer.automaticTransactionSize {
                    throw SchemaSyncError(.planTooLarge, "the plan needs more locks than one transaction holds on this server, and a saved plan runs in one transaction; no plan file was written",
                                          hint: "apply it with `schemasync apply` (it splits such a plan into transactions of \(size) changes), or raise max_locks_per_transaction")
                }
                let saved = try engine.savedPlan(of: report, desired: run.desired, tool: "schemasync \(SchemaSyncCommand.configuration.version)",
                                                 database: run.url.description, createdAt: ISO8601DateFormatter().string(from: Date()))
                do {
                    try saved.encoded().write(to: URL(fileURLWithPath: out), options: .atomic)
                } catch {
                    throw SchemaSyncError(.usage, "cannot write the plan to '\(InputEcho.cut(out))'", hint: "pick a writable path", cause: "\(error)")
                }
                CLIEnvironment.err("note: plan written to \(out); review it, then run `schemasync apply --plan \(out)`")
            }
            FleetChildReport.record(engine: run.session.dialect.name, changes: report.plan.changes.count)
            desired.print(PlanPrinter(report: report, dialect: run.session.dialect, url: run.url, crossEngine: run.crossEngine))
            return exitCode && report.hasPendingChanges ? .changesPending : .success
        }
    }
}
