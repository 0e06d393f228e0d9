import SchemaSyncCore

/// The MariaDB (and MySQL-protocol) connector, for `mariadb://` and `mysql://` URLs.
///
/// ```swift
/// let registry = ConnectorRegistry()
/// try registry.register(MariaDBConnector())
/// let session = try registry.connect(to: DatabaseURL(parsing: "mariadb://app:secret@127.0.0.1:3306/app"))
/// ```
/// See ``MariaDBConnectionSettings`` for the URL's TLS parameters and ``MariaDBTypeMapping`` for types.
public struct MariaDBConnector: Connector {
    public init() {}

    public var schemes: [String] { ["mariadb", "mysql"] }

    /// - throws: ``SchemaSyncError/Code/invalidURL``, ``SchemaSyncError/Code/connectionFailed`` or
    ///   ``SchemaSyncError/Code/timeout``, naming the URL without its password.
    public func connect(to url: DatabaseURL, options: ConnectionOptions) throws -> any DatabaseSession {
        try MariaDBSession(url: url, options: options)
    }
}
