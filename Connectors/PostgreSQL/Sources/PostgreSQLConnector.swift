import SchemaSyncCore

/// The PostgreSQL connector: serves `postgres://` and `postgresql://` URLs through libpq.
///
/// ```swift
/// let registry = ConnectorRegistry()
/// try registry.register(PostgreSQLConnector())
/// let session = try registry.connect(to: DatabaseURL(parsing: "postgres://app@localhost/app?schema=billing"))
/// ```
/// URL query parameters other than `schema` are passed to libpq unchanged (`sslmode`,
/// `application_name`, `sslrootcert`, ...). `schema` selects the managed schema (default `public`).
public struct PostgreSQLConnector: Connector {
    public init() {}

    public var schemes: [String] { ["postgres", "postgresql"] }

    public func connect(to url: DatabaseURL, options: ConnectionOptions) throws -> any DatabaseSession {
        try PostgreSQLSession(url: url, options: options)
    }
}
