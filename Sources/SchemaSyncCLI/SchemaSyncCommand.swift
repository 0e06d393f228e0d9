import ArgumentParser
import SchemaSyncCore

/// The `schemasync` root command. An executable builds a ``ConnectorRegistry`` of the connectors
/// it links and hands it to ``run(registry:arguments:)``:
/// ```swift
/// let registry = ConnectorRegistry()
/// try registry.register(SQLiteConnector())
/// try registry.register(MyConnector())
/// SchemaSyncCommand.run(registry: registry)
/// ```
public struct SchemaSyncCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schemasync",
        abstract: "Keep a live database's schema equal to a declared schema.",
        discussion: """
        Exit codes:
          0   success; plan --exit-code: the database matches
          1   apply failed (transactional engines rolled back)
          2   plan --exit-code: changes are pending
          3   blocked: destructive changes skipped, a data check found rows, or a hazard not allowed
          4   did not converge after apply
          5   invalid input (schema file, URL, unsupported change)
          6   cannot connect, timed out, or could not take the lock
          7   apply --plan: the database changed since the plan was made, or the file was edited
          64  usage error
        """,
        version: "0.1.0",
        subcommands: [PlanCommand.self, ApplyCommand.self, InspectCommand.self, DiffCommand.self])

    public init() {}

    /// Parses `arguments` and runs with the connectors of `registry`, exiting with the
    /// documented exit code (usage errors: 64).
    public static func run(registry: ConnectorRegistry, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        CLIEnvironment.registry = registry
        CLIEnvironment.arguments = arguments
        do {
            try RepeatedOptions.check(arguments)
        } catch let error as SchemaSyncError {
            CLIEnvironment.err("error: \(InputEcho.shorten(line: DatabaseURL.redact(error.description)))")
            exit(withError: ExitCode(ExitStatus.usage.rawValue))
        } catch {}
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit(withError: nil)
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            let exitCode = self.exitCode(for: error)
            if exitCode == .success || exitCode.rawValue == 0 {
                exit(withError: error)
            }
            // Usage errors (bad flag, missing option) get the documented usage code.
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
                CLIEnvironment.err(lines.map { InputEcho.shorten(line: DatabaseURL.redact(String($0))) }.joined(separator: "\n"))
            }
            exit(withError: ExitCode(ExitStatus.usage.rawValue))
        }
    }
}
