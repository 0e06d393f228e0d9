import SchemaSyncCore

/// The documented exit codes of `schemasync`, mapped from error codes in one place.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Done; or `plan --exit-code` found the database in sync.
    case success = 0
    /// A statement failed while applying (transactional engines rolled back).
    case applyFailed = 1
    /// `plan --exit-code`: changes are pending.
    case changesPending = 2
    /// Blocked: a destructive change was skipped without `--allow-destructive`, or a data check failed.
    case blocked = 3
    /// After apply the database still differs from the desired schema.
    case notConverged = 4
    /// Invalid input: schema file, URL, or a change the connector cannot do.
    case invalidInput = 5
    /// Cannot connect, timed out, or could not take the writer lock.
    case cannotConnect = 6
    /// `apply --plan`: the database changed since the plan was made, or the plan file was edited.
    case planStale = 7
    /// Wrong command-line usage.
    case usage = 64

    /// The exit status for an error.
    public static func forError(_ error: SchemaSyncError) -> ExitStatus {
        switch error.code {
        case .applyFailed, .inspectionFailed, .internalError: return .applyFailed
        case .dataCheckFailed, .destructiveBlocked, .hazardNotAllowed: return .blocked
        case .planStale: return .planStale
        case .notConverged: return .notConverged
        case .invalidSchema, .invalidURL, .unknownScheme, .unsupportedChange, .planTooLarge: return .invalidInput
        case .connectionFailed, .timeout, .lockTimeout: return .cannotConnect
        case .usage, .registry: return .usage
        default: return .applyFailed
        }
    }
}
