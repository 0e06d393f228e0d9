import ArgumentParser
import SchemaSyncCore

/// The `schemasync` root command. An executable registers connectors in
/// ``CLIEnvironment/registry`` and then calls `SchemaSyncCommand.main()`.
public struct SchemaSyncCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schemasync",
        abstract: "Keep a live database's schema equal to a declared schema.",
        discussion: """
        Exit codes: 0 success / in sync, 1 apply failed, 2 changes pending (plan --exit-code),
        3 blocked (destructive change skipped or data check failed), 4 did not converge,
        5 invalid input, 6 cannot connect or lock, 64 usage error.
        """,
        version: "0.1.0",
        subcommands: [PlanCommand.self, ApplyCommand.self, InspectCommand.self, DiffCommand.self])

    public init() {}

    /// Parses `arguments` and runs, exiting with the documented exit code (usage errors: 64).
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
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
            if !message.isEmpty { CLIEnvironment.err(DatabaseURL.redact(message)) }
            exit(withError: ExitCode(ExitStatus.usage.rawValue))
        }
    }
}
