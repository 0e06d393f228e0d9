import SchemaSyncCore

/// The Firebird 3 connector, for `firebird://` URLs.
///
/// ```swift
/// let registry = ConnectorRegistry()
/// try registry.register(FirebirdConnector())
/// let session = try registry.connect(to: DatabaseURL(parsing: "firebird://SYSDBA:secret@127.0.0.1:3050//srv/db/app.fdb"))
/// ```
/// The path after the host is a path on the server (hence `//` for an absolute one) or an alias
/// from its databases.conf; see ``FirebirdSession``.
public struct FirebirdConnector: Connector {
    public init() {}

    public var schemes: [String] { ["firebird"] }

    /// - throws: ``SchemaSyncError/Code/invalidURL`` or ``SchemaSyncError/Code/connectionFailed``,
    ///   naming the URL without its password.
    public func connect(to url: DatabaseURL, options: ConnectionOptions) throws -> any DatabaseSession {
        try FirebirdSession(url: url, options: options)
    }
}
