import Synchronization

/// Connectors looked up by URL scheme. Registering a scheme twice is an error.
public final class ConnectorRegistry: Sendable {
    private let connectors = Mutex<[String: any Connector]>([:])

    public init() {}

    /// Registers `connector` for each of its schemes.
    /// - throws: ``SchemaSyncError/Code/registry`` if a scheme is already taken.
    public func register(_ connector: any Connector) throws {
        try connectors.withLock { table in
            for scheme in connector.schemes {
                let key = scheme.lowercased()
                if table[key] != nil {
                    throw SchemaSyncError(.registry, "URL scheme '\(key)' is registered twice",
                                          hint: "register each connector once")
                }
            }
            for scheme in connector.schemes { table[scheme.lowercased()] = connector }
        }
    }

    /// The connector for `scheme`, or nil.
    public func connector(forScheme scheme: String) -> (any Connector)? {
        connectors.withLock { $0[scheme.lowercased()] }
    }

    /// Every registered scheme, sorted.
    public var schemes: [String] {
        connectors.withLock { $0.keys.sorted() }
    }

    /// Opens a session for `url` with the connector registered for its scheme.
    public func connect(to url: DatabaseURL, options: ConnectionOptions = .init()) throws -> any DatabaseSession {
        guard let connector = connector(forScheme: url.scheme) else {
            throw SchemaSyncError(.unknownScheme, "no connector for URL scheme '\(url.scheme)' in '\(url)'",
                                  hint: "known schemes: \(schemes.joined(separator: ", "))")
        }
        return try connector.connect(to: url, options: options)
    }
}
