import ArgumentParser
import SchemaSyncCore

/// `schemasync plan`: shows what apply would change; touches nothing.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show what apply would change, without changing anything.")

    @OptionGroup var connection: ConnectionArguments
    @Option(name: .long, help: "Desired schema: a .yaml/.yml/.json file, a .sql file, or a directory of them.")
    var schema: String
    @Flag(name: .long, help: "Include destructive changes (drops, narrowing) as to-be-applied.")
    var allowDestructive = false
    @Option(name: .long, help: "Output format: text, sql or json.")
    var format: PlanFormat = .text
    @Flag(name: .long, help: "Exit 2 when changes are pending, 0 when the database matches.")
    var exitCode = false

    func run() throws {
        try runReportingErrors {
            let run = try PreparedRun.prepare(connection: connection, schemaPath: schema)
            defer { run.session.close() }
            let report = try SyncEngine(session: run.session).plan(desired: run.desired, allowDestructive: allowDestructive)
            let printer = PlanPrinter(report: report, dialect: run.session.dialect, url: run.url)
            switch format {
            case .text: CLIEnvironment.out(printer.text())
            case .sql: CLIEnvironment.out(printer.sql())
            case .json: CLIEnvironment.out(printer.json())
            }
            return exitCode && report.hasPendingChanges ? .changesPending : .success
        }
    }
}
