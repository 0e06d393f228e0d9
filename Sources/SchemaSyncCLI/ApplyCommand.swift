import ArgumentParser
import SchemaSyncCore

/// `schemasync apply`: applies what is missing under the writer lock, then verifies.
struct ApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply", abstract: "Apply what is missing, under a lock, then verify the database matches.")

    @OptionGroup var connection: ConnectionArguments
    @Option(name: .long, help: "Desired schema: a .yaml/.yml/.json file, a .sql file, or a directory of them.")
    var schema: String
    @Flag(name: .long, help: "Also apply destructive changes (drop table/column/view, narrowing types).")
    var allowDestructive = false
    @Flag(name: .long, help: "Show the plan and change nothing (exactly `plan`).")
    var dryRun = false
    @Option(name: .long, help: "Output format for the plan shown: text, sql or json.")
    var format: PlanFormat = .text

    func run() throws {
        try runReportingErrors {
            let run = try PreparedRun.prepare(connection: connection, schemaPath: schema)
            defer { run.session.close() }
            let engine = SyncEngine(session: run.session)
            if dryRun {
                let report = try engine.plan(desired: run.desired, allowDestructive: allowDestructive)
                print(PlanPrinter(report: report, dialect: run.session.dialect, url: run.url))
                return .success
            }
            let report = try engine.apply(desired: run.desired, allowDestructive: allowDestructive)
            let printer = PlanPrinter(report: report, dialect: run.session.dialect, url: run.url)
            print(printer)
            if format == .text {
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

    private func print(_ printer: PlanPrinter) {
        switch format {
        case .text: CLIEnvironment.out(printer.text())
        case .sql: CLIEnvironment.out(printer.sql())
        case .json: CLIEnvironment.out(printer.json())
        }
    }
}
