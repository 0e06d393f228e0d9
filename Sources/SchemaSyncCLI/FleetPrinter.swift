import Foundation
import Synchronization
import SchemaSyncCore

/// Prints a fleet run: each target's own output as one block when it finishes (its standard
/// error on standard error, each line prefixed with the target's name), then the summary — a
/// table for `text` (on standard error for `sql`, so the script stays runnable), one JSON
/// document for `json`. Everything printed is redacted.
final class FleetPrinter: Sendable {
    let command: String
    let format: PlanFormat
    private let lock = Mutex(())

    init(command: String, format: PlanFormat) {
        self.command = command
        self.format = format
    }

    /// Prints the title of a target whose output streams through as it runs.
    func printHeader(of target: FleetTarget) {
        lock.withLock { _ in CLIEnvironment.out(header(target)) }
    }

    /// Prints what one target's run printed, whole, without interleaving with another's
    /// (`streamed`: its standard output went through already).
    func printOutput(of outcome: FleetOutcome, streamed: Bool = false) {
        lock.withLock { _ in
            if streamed {
                if format == .text { CLIEnvironment.out("") }
            } else if format != .json {
                CLIEnvironment.out(header(outcome.target) + "\n" + block(outcome))
            }
            let lines = Self.trimmed(outcome.stderr).split(separator: "\n", omittingEmptySubsequences: false)
            if !outcome.stderr.isEmpty {
                CLIEnvironment.err(lines.map { "[\(outcome.target.name)] \($0)" }.joined(separator: "\n"))
            }
        }
    }

    /// Prints the summary of all targets, in the order they were listed.
    func printSummary(_ outcomes: [FleetOutcome], jobs: Int) {
        lock.withLock { _ in
            switch format {
            case .json: CLIEnvironment.out(json(outcomes))
            case .text: CLIEnvironment.out(table(outcomes, jobs: jobs))
            case .sql: CLIEnvironment.err(table(outcomes, jobs: jobs))
            }
        }
    }

    func table(_ outcomes: [FleetOutcome], jobs: Int) -> String {
        var rows = [["TARGET", "ENGINE", "RESULT", "CHANGES", "TIME"]]
        for outcome in outcomes {
            rows.append([outcome.target.name, outcome.engine, outcome.result(command: command),
                         outcome.report.map { "\($0.changes)" } ?? "-",
                         outcome.ran ? String(format: "%.2f s", outcome.seconds) : "-"])
        }
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        var text = "\(command) on \(outcomes.count) targets (at most \(jobs) at once):\n" + lines.joined(separator: "\n")
        let errors = outcomes.compactMap { outcome in outcome.errorLine.map { "  \(outcome.target.name): \(InputEcho.shorten(line: $0))" } }
        if !errors.isEmpty { text += "\nerrors:\n" + errors.joined(separator: "\n") }
        let worst = FleetOutcome.worst(of: outcomes)
        if let worst, worst.exitStatus != .success {
            text += "\nexit \(worst.exitStatus.rawValue): \(worst.result(command: command)) (\(worst.target.name)), the worst result of the fleet"
        }
        return DatabaseURL.redact(text)
    }

    func json(_ outcomes: [FleetOutcome]) -> String {
        let worst = FleetOutcome.worst(of: outcomes)?.exitStatus ?? .success
        let targets: [[String: Any]] = outcomes.map { outcome in
            let report: Any = outcome.stdout.isEmpty ? NSNull()
                : (try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))) ?? outcome.stdout
            return [
                "name": outcome.target.name,
                "database": outcome.target.url.description,
                "engine": outcome.engine,
                "result": outcome.result(command: command),
                "exitCode": outcome.ran ? Int(outcome.exitStatus.rawValue) as Any : NSNull(),
                "changes": outcome.report.map { $0.changes as Any } ?? NSNull(),
                "seconds": outcome.ran ? (outcome.seconds * 1000).rounded() / 1000 as Any : NSNull(),
                "error": outcome.errorLine.map { $0 as Any } ?? NSNull(),
                "report": report,
            ]
        }
        let document: [String: Any] = ["formatVersion": 1, "command": command, "exitCode": Int(worst.rawValue), "targets": targets]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return DatabaseURL.redact(String(decoding: data, as: UTF8.self))
    }

    private func header(_ target: FleetTarget) -> String {
        format == .sql ? "-- === target \(Self.title(target)) ===" : "=== \(Self.title(target)) ==="
    }

    private static func title(_ target: FleetTarget) -> String {
        target.name == target.url.description ? target.name : "\(target.name) (\(target.url))"
    }

    /// The target's standard output, or a pointer to its error when it printed nothing.
    private func block(_ outcome: FleetOutcome) -> String {
        let text = Self.trimmed(outcome.stdout)
        guard text.isEmpty else { return text + "\n" }
        return (format == .sql ? "-- " : "") + "(no output: \(outcome.result(command: command)); the error is in the summary)\n"
    }

    private static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
