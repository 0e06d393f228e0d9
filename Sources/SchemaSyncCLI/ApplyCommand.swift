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

    func run() throws {
        try runReportingErrors {
            let run = try PreparedRun.prepare(connection: connection, schemaPath: desired.schema)
            defer { run.session.close() }
            let engine = SyncEngine(session: run.session)
            if dryRun {
                let report = try engine.plan(desired: run.desired, allowDestructive: desired.allowDestructive)
                desired.print(PlanPrinter(report: report, dialect: run.session.dialect, url: run.url))
                return .success
            }
            let report = try engine.apply(desired: run.desired, allowDestructive: desired.allowDestructive)
            let printer = PlanPrinter(report: report, dialect: run.session.dialect, url: run.url)
            desired.print(printer)
            if desired.format == .text {
                if report.statements.isEmpty {
                    CLIEnvironment.out("Nothing to apply.")
                } else {
                    CLIEnvironment.out("Applied \(report.statements.count) statements; verified: the database matches the desired schema"
                        + (report.plan.skipped.isEmpty ? "." : " except the skipped changes."))
                }
            }
            if !report.plan.skipped.isEmpty {
                CLIEnvironment.err("blocked: \(report.plan.skipped.count) destructive change(s) skipped; pass --allow-destructive to apply them")
                return .blocked
            }
            return .success
        }
    }
}
