import SchemaSyncCore

/// How one target of a fleet run ended.
struct FleetOutcome: Sendable {
    let target: FleetTarget
    /// False when `--fail-fast` stopped the run before this target started.
    var ran: Bool
    /// The child's exit code (nil when it did not exit normally or did not run).
    var status: Int32?
    /// The signal that ended the child, if one did.
    var signal: Int32?
    var stdout = ""
    var stderr = ""
    var report: FleetChildReport?
    var seconds = 0.0

    init(target: FleetTarget, ran: Bool) {
        self.target = target
        self.ran = ran
    }

    /// The documented exit status this target contributes (a crash counts as a failed apply).
    var exitStatus: ExitStatus {
        guard ran else { return .success }
        guard let status else { return .applyFailed }
        return ExitStatus(rawValue: status) ?? .applyFailed
    }

    /// The target with the worst exit status (see ``ExitStatus/fleetSeverity``), nil for none.
    static func worst(of outcomes: [FleetOutcome]) -> FleetOutcome? {
        outcomes.max { $0.exitStatus.fleetSeverity < $1.exitStatus.fleetSeverity }
    }

    /// Anything but "done" and "changes pending" stops a `--fail-fast` run.
    var failed: Bool { ran && exitStatus != .success && exitStatus != .changesPending }

    /// The engine: what the run reported, else the URL's scheme.
    var engine: String { report?.engine ?? target.url.scheme }

    /// The child's last `error:` line, without the prefix.
    var errorLine: String? {
        if let signal { return "terminated by signal \(signal)" }
        guard failed else { return nil }
        let line = stderr.split(separator: "\n").last { $0.hasPrefix("error: ") }
        return line.map { String($0.dropFirst("error: ".count)) }
    }

    /// One phrase for the summary table.
    func result(command: String) -> String {
        guard ran else { return "not run (--fail-fast)" }
        if signal != nil { return "crashed" }
        switch exitStatus {
        case .success:
            guard let changes = report?.changes else { return "done" }
            if changes == 0 { return "in sync" }
            return command == "apply" ? "applied" : "changes pending"
        case .changesPending: return "changes pending"
        case .blocked: return "blocked"
        case .applyFailed: return "failed"
        case .notConverged: return "did not converge"
        case .invalidInput: return "invalid input"
        case .cannotConnect: return "cannot connect"
        case .planStale: return "plan is stale"
        case .usage: return "usage error"
        }
    }
}

extension ExitStatus {
    /// Rank for "the worst target's exit status": a database left different from what was
    /// declared is worse than a failed (rolled back) apply, which is worse than input the
    /// target refused, a stale plan, an unreachable server, a block, pending changes.
    var fleetSeverity: Int {
        switch self {
        case .success: return 0
        case .changesPending: return 1
        case .blocked: return 2
        case .cannotConnect: return 3
        case .planStale: return 4
        case .invalidInput: return 5
        case .applyFailed: return 6
        case .notConverged: return 7
        case .usage: return 8
        }
    }
}
