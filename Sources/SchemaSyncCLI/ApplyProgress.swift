import Foundation
import Synchronization
import SchemaSyncCore

/// Live progress of `apply`: each statement when it starts and its duration when done, and
/// the outcome (for text and for `--format json`).
///
/// On a terminal the line of the running statement is rewritten in place when it finishes;
/// otherwise each start and each end is one line. Text output goes to standard output; with
/// `--format sql|json` progress goes to standard error so the document stays machine-readable.
final class ApplyProgress: Sendable {
    struct Ran: Sendable {
        let sql: String
        /// Duration in milliseconds (fractional).
        let milliseconds: Double
    }

    private struct State {
        var ran: [Ran] = []
        var running: (index: Int, sql: String, started: ContinuousClock.Instant)?
    }

    private let state = Mutex(State())
    private let total: Int
    private let toStandardError: Bool
    private let live: Bool
    /// On a terminal: characters of SQL that fit on the live line without wrapping.
    private let width: Int

    init(total: Int, format: PlanFormat) {
        self.total = total
        toStandardError = format != .text
        let fd = toStandardError ? STDERR_FILENO : STDOUT_FILENO
        live = isatty(fd) == 1
        var size = winsize()
        let columns = live && ioctl(fd, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        width = max(20, columns - 30) // room for the marker, the counter and "(12.3 ms)"
    }

    /// Statements that finished, in order.
    var ran: [Ran] { state.withLock { $0.ran } }

    /// The statement that started and did not finish (it failed), if any.
    var failedStatement: String? { state.withLock { $0.running?.sql } }

    func started(_ index: Int, _ statement: RenderedStatement) {
        state.withLock { $0.running = (index, statement.sql, .now) }
        let line = "\(counter(index)) \(Self.oneLine(statement.sql, limit: live ? width : 120))"
        if live { write("▶ " + line, newline: false) } else { write("▶ " + line) }
    }

    func finished(_ index: Int, _ statement: RenderedStatement) {
        let ms = state.withLock { state -> Double in
            let started = state.running?.started ?? .now
            let ms = Self.milliseconds(ContinuousClock.now - started)
            state.ran.append(Ran(sql: statement.sql, milliseconds: ms))
            state.running = nil
            return ms
        }
        if live {
            write("\r\u{1B}[K✓ \(counter(index)) \(Self.oneLine(statement.sql, limit: width)) (\(Self.format(ms)))")
        } else {
            write("✓ \(counter(index)) done in \(Self.format(ms))")
        }
    }

    /// Ends a failed apply's progress: the statement that failed and what had run before it.
    /// `firstAfterCommit`: the index (1-based) of the first statement that runs after COMMIT, if any.
    func failed(_ error: SchemaSyncError, transactional: Bool, batched: Bool, firstAfterCommit: Int? = nil) {
        let (running, count) = state.withLock { ($0.running, $0.ran.count) }
        if let running {
            let ms = Self.milliseconds(ContinuousClock.now - running.started)
            write((live ? "\r\u{1B}[K" : "") + "✗ \(counter(running.index)) failed after \(Self.format(ms))"
                  + (live ? ": \(Self.oneLine(running.sql, limit: width))" : ""))
        }
        let ran = "\(count) statement\(count == 1 ? "" : "s") had run before"
        let one = count == 1
        let summary: String
        switch ExitStatus.forError(error) {
        case .blocked where error.code == .hazardNotAllowed:
            summary = "Nothing was changed: a change has a hazard --allow-hazards does not list."
        case .blocked:
            summary = "Nothing was changed: a data check found rows that the plan cannot keep (see ✗ above)."
        case .planStale:
            summary = "Nothing was changed: the saved plan no longer matches the database."
        case .notConverged:
            summary = "Ran \(count) statement\(count == 1 ? "" : "s"); verification failed: the database does not match the desired schema."
        default:
            if running == nil {
                summary = "Apply failed after \(count) statement\(count == 1 ? "" : "s")."
            } else if let first = firstAfterCommit, running!.index >= first {
                summary = "Apply failed at statement \(running!.index), after COMMIT; \(ran) it and \(one ? "stays" : "stay") applied "
                    + "(the online steps run one by one); run apply again to finish."
            } else if transactional && !batched {
                summary = "Apply failed at statement \(running!.index); \(ran) it and \(one ? "was" : "were") rolled back: nothing was changed."
            } else if transactional {
                summary = "Apply failed at statement \(running!.index); \(ran) it: earlier batches stay applied, the failed batch was rolled back; run apply again to converge."
            } else {
                summary = "Apply failed at statement \(running!.index); \(ran) it and \(one ? "stays" : "stay") applied (no DDL transactions); run apply again to converge."
            }
        }
        write(summary)
    }

    /// The `outcome` object of `apply --format json`.
    func outcome(status: ExitStatus, verified: Bool, error: SchemaSyncError?) -> SchemaDocument {
        let ran = self.ran
        let name: String
        switch (status, error) {
        case (_, nil): name = ran.isEmpty ? "nothing to apply" : "applied"
        case (.blocked, _?): name = "blocked"
        case (.notConverged, _?): name = "not converged"
        default: name = "failed"
        }
        var fields: [(String, SchemaDocument)] = [
            ("status", .string(name)),
            ("exitCode", .number(String(status.rawValue))),
            ("statementsExecuted", .number(String(ran.count))),
            ("executed", .list(ran.map { .map([("sql", .string($0.sql)), ("milliseconds", .number(String(format: "%.3f", $0.milliseconds)))]) })),
            ("verified", .bool(verified)),
        ]
        if let failed = failedStatement { fields.append(("failedStatement", .string(failed))) }
        if let error {
            fields.append(("error", .map([
                ("code", .string(error.code.description)),
                ("message", .string(InputEcho.shorten(line: DatabaseURL.redact(error.description)))),
            ])))
        }
        return .map(fields)
    }

    private func counter(_ index: Int) -> String {
        index <= total ? "[\(index)/\(total)]" : "[\(index)]"
    }

    private func write(_ text: String, newline: Bool = true) {
        let data = Data((text + (newline ? "\n" : "")).utf8)
        (toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(data)
    }

    /// The statement on one line, whitespace collapsed, cut to `limit` characters.
    static func oneLine(_ sql: String, limit: Int = 120) -> String {
        let flat = sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// `0.4 ms`, `12 ms`, `3.2 s`.
    static func format(_ ms: Double) -> String {
        if ms < 10 { return String(format: "%.1f ms", ms) }
        if ms < 10_000 { return String(format: "%.0f ms", ms) }
        return String(format: "%.1f s", ms / 1000)
    }
}
