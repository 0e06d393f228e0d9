/// The one error type SchemaSync throws: a stable code, a message that names the object, and the cause.
///
/// ```swift
/// throw SchemaSyncError(.invalidSchema, "column 'users.email': unknown type 'varchr(320)'",
///                       hint: "use a portable type such as varchar(n) or a native type")
/// ```
/// The message never contains a password: URLs are always shown redacted.
public struct SchemaSyncError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable, machine-readable category. Exit codes are derived from it in one place (the CLI).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable {
            case invalidSchema, invalidURL, unknownScheme, connectionFailed, timeout
            case inspectionFailed, unsupportedChange, dataCheckFailed, destructiveBlocked
            case applyFailed, notConverged, lockTimeout, usage, registry, internalError
            case planTooLarge, planStale, hazardNotAllowed
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }
        public var description: String { value.rawValue }

        /// The desired schema (file or source) is malformed or inconsistent.
        public static let invalidSchema = Code(.invalidSchema)
        /// A database URL could not be parsed.
        public static let invalidURL = Code(.invalidURL)
        /// No connector is registered for the URL scheme.
        public static let unknownScheme = Code(.unknownScheme)
        /// The database could not be reached or refused the credentials.
        public static let connectionFailed = Code(.connectionFailed)
        /// The server accepted the connection but did not answer in time.
        public static let timeout = Code(.timeout)
        /// Reading the catalog failed.
        public static let inspectionFailed = Code(.inspectionFailed)
        /// The change cannot be done by this connector.
        public static let unsupportedChange = Code(.unsupportedChange)
        /// A data check found rows that would violate the change.
        public static let dataCheckFailed = Code(.dataCheckFailed)
        /// A saved plan no longer matches the database it was made from, or was edited.
        public static let planStale = Code(.planStale)
        /// A change has a hazard `--allow-hazards` did not list; nothing was changed.
        public static let hazardNotAllowed = Code(.hazardNotAllowed)
        /// A destructive change was skipped because `--allow-destructive` was not given.
        public static let destructiveBlocked = Code(.destructiveBlocked)
        /// A statement failed while applying.
        public static let applyFailed = Code(.applyFailed)
        /// After apply the database still differs from the desired schema.
        public static let notConverged = Code(.notConverged)
        /// The writer lock could not be taken in time.
        public static let lockTimeout = Code(.lockTimeout)
        /// The command line was used wrongly.
        public static let usage = Code(.usage)
        /// A connector registry was misconfigured (e.g. a scheme registered twice).
        public static let registry = Code(.registry)
        /// The plan would exceed a server limit; nothing was started.
        public static let planTooLarge = Code(.planTooLarge)
        /// A bug in SchemaSync.
        public static let internalError = Code(.internalError)
    }

    public var code: Code
    /// What happened, naming the object (table, column, file, URL without password).
    public var message: String
    /// What the user can do about it, if known.
    public var hint: String?
    /// The underlying cause (driver message, parser message), already free of secrets.
    public var cause: String?

    public init(_ code: Code, _ message: String, hint: String? = nil, cause: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.cause = cause
    }

    public var description: String {
        var text = message
        if let cause, !cause.isEmpty { text += ": \(cause)" }
        if let hint, !hint.isEmpty { text += " (\(hint))" }
        return text
    }
}
