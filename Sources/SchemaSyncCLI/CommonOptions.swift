import ArgumentParser
import Foundation
import SchemaSyncCore

/// `--url` (defaulting to `$DATABASE_URL`), timeouts and `--dev-url`: the connection of
/// `plan` and `apply`. `inspect` and `diff` declare only the options they use.
struct ConnectionArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Database URL (default: $DATABASE_URL). sqlite:PATH, postgres://..., mariadb://...",
        discussion: "Repeat it to run on several databases (a fleet): each in turn, or --jobs at once, then a summary."))
    var url: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Run on every database listed in FILE: one URL (or NAME URL) a line, or YAML with name and url per target.",
        discussion: "${VAR} in a URL is taken from the environment, so passwords stay out of the file."))
    var targets: String?

    @Option(name: .long, help: "With several databases: how many run at once.")
    var jobs: Int = 1

    @Flag(name: .long, help: "With several databases: start no further one after one fails.")
    var failFast = false

    @Option(name: .long, help: "Seconds to wait for the writer lock and table locks.")
    var lockTimeout: Int = 5

    @Option(name: .long, help: "Seconds to wait for the server to accept a connection.")
    var connectTimeout: Int = 10

    @Option(name: .long, help: ArgumentHelp(
        "Seconds any one statement may run (0: no limit), apart from --lock-timeout.",
        discussion: "Raise it for index builds and validations on large tables (e.g. with --online)."))
    var statementTimeout: Int = 300

    @Option(name: .long, help: "Scratch database used to read .sql desired schemas (server engines).")
    var devURL: String?

    @Flag(name: .long, help: ArgumentHelp(
        "Let writers go on: PostgreSQL builds indexes concurrently and validates after COMMIT; MariaDB refuses table copies.",
        discussion: "PostgreSQL runs those steps after the transaction, one by one (an interrupted run is finished by running apply again); MariaDB adds ALGORITHM=INPLACE, LOCK=NONE to each change of an existing table."))
    var online = false

    /// The parsed URL; a usage or invalid-input error before anything connects.
    func databaseURL() throws -> DatabaseURL {
        guard url.count <= 1, targets == nil else {
            throw SchemaSyncError(.internalError, "several databases were given where one was expected")
        }
        return try Self.databaseURL(url.first)
    }

    /// The databases of a fleet run (`--url` repeated, or `--targets FILE`); nil for one database.
    func fleetTargets() throws -> [FleetTarget]? {
        guard jobs >= 1 else { throw SchemaSyncError(.usage, "--jobs must be at least 1") }
        if let targets {
            guard url.isEmpty else {
                throw SchemaSyncError(.usage, "--targets and --url both name databases", hint: "list every database in the targets file, or pass only --url")
            }
            return try Self.registered(FleetTarget.read(file: targets))
        }
        guard url.count > 1 else { return nil }
        return try Self.registered(FleetTarget.fromURLs(url))
    }

    /// Refuses, before anything runs, a target no connector serves.
    private static func registered(_ targets: [FleetTarget]) throws -> [FleetTarget] {
        for target in targets where CLIEnvironment.registry.connector(forScheme: target.url.scheme) == nil {
            throw SchemaSyncError(.unknownScheme, "target \(target.name): no connector for the URL scheme '\(InputEcho.cut(target.url.scheme))'",
                                  hint: "use one of \(CLIEnvironment.registry.schemes.joined(separator: ", "))")
        }
        return targets
    }

    /// The connection options; `createIfMissing` only for a command that writes (`apply`).
    func options(createIfMissing: Bool = false) throws -> ConnectionOptions {
        var options = try Self.options(connectTimeout: connectTimeout, lockTimeout: lockTimeout, devURL: devURL,
                                       createIfMissing: createIfMissing)
        guard statementTimeout >= 0 else { throw SchemaSyncError(.usage, "--statement-timeout must be 0 (no limit) or a positive number of seconds") }
        options.online = online
        options.queryTimeout = statementTimeout
        return options
    }

    /// `url`, else `$DATABASE_URL`, parsed.
    static func databaseURL(_ url: String?) throws -> DatabaseURL {
        guard let text = url ?? ProcessInfo.processInfo.environment["DATABASE_URL"], !text.isEmpty else {
            throw SchemaSyncError(.usage, "no database URL", hint: "pass --url or set DATABASE_URL")
        }
        return try DatabaseURL(parsing: text)
    }

    /// Checked connection options (the defaults where a command has no such option).
    static func options(connectTimeout: Int, lockTimeout: Int = 5, devURL: String? = nil,
                        createIfMissing: Bool = false) throws -> ConnectionOptions {
        guard lockTimeout >= 0, connectTimeout > 0 else {
            throw SchemaSyncError(.usage, "timeouts must be positive numbers of seconds")
        }
        return ConnectionOptions(connectTimeout: connectTimeout, lockTimeout: lockTimeout,
                                 devURL: try devURL.map { try DatabaseURL(parsing: $0) }, createIfMissing: createIfMissing)
    }
}

/// `--schema`, `--allow-destructive` and `--format`, shared by `plan` and `apply`.
struct DesiredSchemaArguments: ParsableArguments {
    @Option(name: .long, help: "Desired schema: a .yaml/.yml/.json file, a .sql file, a directory of them, or a database URL.")
    var schema: String?
    @Flag(name: .long, help: "Copying from another engine: leave out what has no safe mapping (listed) instead of refusing.")
    var allowLossy = false

    /// `--schema`, which every command but `apply --plan` needs.
    func schemaPath() throws -> String {
        guard let schema else { throw SchemaSyncError(.usage, "missing --schema", hint: "pass --schema PATH (a .yaml/.json/.sql file or a directory)") }
        return schema
    }
    @Flag(name: .long, help: "Include destructive changes (drop table/column/view, narrowing types).")
    var allowDestructive = false
    @Flag(name: .long, help: "Accept an empty desired schema, which drops every table and view (needs --allow-destructive).")
    var allowEmpty = false

    /// `--allow-empty` means "drop everything": refused unless destruction is allowed too.
    func checkAllowEmpty() throws {
        if allowEmpty && !allowDestructive {
            throw SchemaSyncError(.usage, "--allow-empty needs --allow-destructive: an empty desired schema drops every table and view",
                                  hint: "pass both, or declare the tables to keep")
        }
    }
    @Option(name: .long, help: "Output format: text, sql or json.")
    var format: PlanFormat = .text

    /// Prints `printer` in the chosen format.
    func print(_ printer: PlanPrinter) {
        switch format {
        case .text: CLIEnvironment.out(printer.text())
        case .sql: CLIEnvironment.out(printer.sql())
        case .json: CLIEnvironment.out(printer.json())
        }
    }
}

/// Output formats of `plan`.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, sql, json
}

/// Output formats of `inspect`.
enum SchemaFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json, sql
}

/// Runs a command body, turning ``SchemaSyncError`` into a one-line message and its exit code.
func runReportingErrors(_ body: () throws -> ExitStatus) throws {
    Terminal.configure()
    let status: ExitStatus
    do {
        status = try body()
    } catch let error as SchemaSyncError {
        // One line, whatever the driver's message holds.
        let line = error.description.split(whereSeparator: \.isNewline)
            .map { $0.trimmingWhitespace() }.joined(separator: " ")
        // Redacted first, then every echoed piece of input cut to about 200 characters.
        CLIEnvironment.err("error: \(InputEcho.shorten(line: DatabaseURL.redact(line)))")
        status = ExitStatus.forError(error)
    }
    if status != .success { throw ExitCode(status.rawValue) }
}
