import ArgumentParser
import SchemaSyncCore

/// `schemasync plan`: shows what apply would change; touches nothing.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Show what apply would change, without changing anything.")

    @OptionGroup var connection: ConnectionArguments
    @OptionGroup var desired: DesiredSchemaArguments
    @Flag(name: .long, help: "Exit 2 when changes are pending, 0 when the database matches.")
    var exitCode = false

    func run() throws {
        try runReportingErrors {
            try desired.checkAllowEmpty()
            let run = try PreparedRun.prepare(connection: connection, schemaPath: desired.schema, allowEmpty: desired.allowEmpty)
            defer { run.session.close() }
            let report = try CLIEnvironment.engine(for: run.session).plan(desired: run.desired, allowDestructive: desired.allowDestructive)
            desired.print(PlanPrinter(report: report, dialect: run.session.dialect, url: run.url))
            return exitCode && report.hasPendingChanges ? .changesPending : .success
        }
    }
}
