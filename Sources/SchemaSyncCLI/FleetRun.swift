import Foundation
import Synchronization
import SchemaSyncCore

/// `plan` or `apply` on several databases: each target runs as its own child process of this
/// executable (same arguments, one URL, handed over in `DATABASE_URL` so no password shows in
/// a process list), so each takes its own writer lock and a crash or a hang on one cannot
/// corrupt another. At most `jobs` run at once; with `failFast` no target starts after one
/// failed. Every target's output is printed whole, then a summary; the exit status is the
/// worst target's.
struct FleetRun: Sendable {
    let command: String
    let targets: [FleetTarget]
    let jobs: Int
    let failFast: Bool
    let format: PlanFormat
    /// The command line of each child, without the fleet's own options.
    let childArguments: [String]

    /// The options that make a run a fleet; children never get them.
    static let fleetOptions: Set<String> = ["--url", "--targets", "--jobs"]
    static let fleetFlags: Set<String> = ["--fail-fast"]

    /// `arguments` without `--url`, `--targets`, `--jobs` (and their values) and `--fail-fast`.
    static func childArguments(from arguments: [String]) -> [String] {
        var result: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if argument == "--" { result += arguments[(index - 1)...]; break }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if fleetFlags.contains(argument) { continue }
            if fleetOptions.contains(name) {
                if !argument.contains("=") { index += 1 }
                continue
            }
            result.append(argument)
        }
        return result
    }

    /// One target at a time in text or SQL: its output goes straight through as it runs
    /// (progress of a long apply shows); otherwise each target's output is printed whole.
    var streams: Bool { jobs == 1 && format != .json }

    /// Runs every target and prints their outputs and the summary.
    func run() throws -> ExitStatus {
        let workspace = try FleetWorkspace()
        defer { workspace.remove() }
        let executable = Self.executable()
        let queue = FleetQueue(count: targets.count)
        let outcomes = Mutex<[FleetOutcome?]>(Array(repeating: nil, count: targets.count))
        let printer = FleetPrinter(command: command, format: format)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, targets.count)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while let index = queue.take() {
                    if streams { printer.printHeader(of: targets[index]) }
                    let outcome = runTarget(index, executable: executable, workspace: workspace)
                    if failFast && outcome.failed { queue.stop() }
                    printer.printOutput(of: outcome, streamed: streams)
                    outcomes.withLock { $0[index] = outcome }
                }
            }
        }
        group.wait()
        let all = outcomes.withLock { list in
            list.enumerated().map { $1 ?? FleetOutcome(target: targets[$0], ran: false) }
        }
        printer.printSummary(all, jobs: jobs)
        return FleetOutcome.worst(of: all)?.exitStatus ?? .success
    }

    /// Runs one target as a child process and collects what it printed.
    private func runTarget(_ index: Int, executable: URL, workspace: FleetWorkspace) -> FleetOutcome {
        let started = ContinuousClock.now
        var outcome = runChild(index, executable: executable, workspace: workspace)
        outcome.seconds = Self.seconds(ContinuousClock.now - started)
        return outcome
    }

    private func runChild(_ index: Int, executable: URL, workspace: FleetWorkspace) -> FleetOutcome {
        let target = targets[index]
        let files = workspace.files(for: index)
        var outcome = FleetOutcome(target: target, ran: true)
        let process = Process()
        process.executableURL = executable
        process.arguments = childArguments
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = target.urlText
        environment[FleetChildReport.variable] = files.report
        process.environment = environment
        do {
            guard FileManager.default.createFile(atPath: files.stdout, contents: nil),
                  FileManager.default.createFile(atPath: files.stderr, contents: nil),
                  let out = FileHandle(forWritingAtPath: files.stdout), let err = FileHandle(forWritingAtPath: files.stderr) else {
                throw SchemaSyncError(.internalError, "cannot create the output files of target \(target.name) in \(workspace.directory.path)")
            }
            defer { try? out.close(); try? err.close() }
            process.standardOutput = streams ? FileHandle.standardOutput : out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            outcome.status = process.terminationReason == .exit ? process.terminationStatus : nil
            outcome.signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        } catch {
            outcome.stderr = "error: could not start \(executable.path) for target \(target.name): \(error)\n"
            outcome.status = ExitStatus.applyFailed.rawValue
            return outcome
        }
        outcome.stdout = Self.text(atPath: files.stdout)
        outcome.stderr = Self.text(atPath: files.stderr)
        outcome.report = FleetChildReport.read(files.report)
        return outcome
    }

    private static func text(atPath path: String) -> String {
        DatabaseURL.redact(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// This very executable (a third party's build of the CLI runs its own connectors).
    static func executable() -> URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        if FileManager.default.fileExists(atPath: proc.path) { return proc.resolvingSymlinksInPath() }
        if let path = Bundle.main.executablePath { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0])
    }
}

/// Hands out target indexes to the worker threads, in order, until stopped.
final class FleetQueue: Sendable {
    private let state: Mutex<(next: Int, stopped: Bool)>
    private let count: Int

    init(count: Int) {
        self.count = count
        state = Mutex((next: 0, stopped: false))
    }

    /// The next target to run, or nil when all started or the queue was stopped.
    func take() -> Int? {
        state.withLock { state in
            guard !state.stopped, state.next < count else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    /// No further target starts (`--fail-fast`); running ones finish.
    func stop() { state.withLock { $0.stopped = true } }
}

/// A private directory (mode 0700) for the children's output files, removed afterwards.
struct FleetWorkspace: Sendable {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("schemasync-fleet-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw SchemaSyncError(.internalError, "cannot create a working directory for the fleet run in \(directory.deletingLastPathComponent().path)",
                                  hint: "set TMPDIR to a writable directory", cause: "\(error)")
        }
    }

    func files(for index: Int) -> (stdout: String, stderr: String, report: String) {
        let base = directory.appendingPathComponent("target-\(index)").path
        return (base + ".out", base + ".err", base + ".json")
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension FleetRun {
    /// The fleet run `connection` asks for, or nil when it names one database. The desired
    /// schema is checked once here (a neutral file is read; `.sql` needs each target's engine),
    /// so bad input fails before any target runs.
    static func prepare(command: String, connection: ConnectionArguments, desired: DesiredSchemaArguments,
                        schemaRequired: Bool = true) throws -> FleetRun? {
        guard let targets = try connection.fleetTargets() else { return nil }
        if connection.devURL != nil && (connection.jobs > 1 || Set(targets.map(\.url.scheme)).count > 1) {
            throw SchemaSyncError(.usage, "--dev-url serves one engine, one run at a time, and this fleet runs several engines or several jobs",
                                  hint: "run the fleet with --jobs 1 and one engine, or without --dev-url")
        }
        if schemaRequired || desired.schema != nil {
            let path = try desired.schemaPath()
            if try LiveSchemaSource.url(path) == nil, !SchemaSource.needsSQLLoader(path) {
                _ = try SchemaSource.load(path: path, sqlLoader: nil, allowEmpty: desired.allowEmpty)
            }
        }
        // `apply --dry-run` changes nothing: its results read as a plan's.
        let arguments = childArguments(from: CLIEnvironment.arguments)
        let label = command == "apply" && arguments.contains("--dry-run") ? "apply --dry-run" : command
        return FleetRun(command: label, targets: targets, jobs: connection.jobs, failFast: connection.failFast,
                        format: desired.format, childArguments: arguments)
    }
}
