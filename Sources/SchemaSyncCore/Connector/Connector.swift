/// A database connector: the URL schemes it serves and how to open a session.
///
/// Third-party dialects implement this in their own package and register it with a
/// ``ConnectorRegistry``; the core needs no change.
public protocol Connector: Sendable {
    /// URL schemes served, lower-case (`sqlite`; `postgres`, `postgresql`).
    var schemes: [String] { get }
    /// Opens a session; throws ``SchemaSyncError/Code/connectionFailed`` or ``SchemaSyncError/Code/timeout``
    /// with a message that names the redacted URL.
    func connect(to url: DatabaseURL, options: ConnectionOptions) throws -> any DatabaseSession
}
