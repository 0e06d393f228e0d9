import SchemaSyncCore

/// What a `mariadb://` or `mysql://` URL asks for: server, credentials, database and TLS.
///
/// ```
/// mariadb://user:password@host:3306/database?ssl-mode=verify-ca&ssl-ca=/etc/ca.pem
/// ```
/// Query parameters: `ssl-mode` (`disabled`, `preferred`, `required`, `verify-ca`,
/// `verify-identity`), `ssl-ca`, `ssl-capath`, `ssl-cert`, `ssl-key`, `ssl-cipher`; the spellings
/// `sslmode`, `sslca`, `sslcert`, `sslkey` are accepted too. Unknown parameters are an error.
struct MariaDBConnectionSettings: Sendable {
    enum TLSMode: String, Sendable {
        case disabled, preferred, required
        case verifyCA = "verify-ca"
        case verifyIdentity = "verify-identity"
    }

    var host: String
    var port: Int
    var user: String?
    var password: String?
    var database: String
    var tlsMode: TLSMode
    var tlsCA: String?
    var tlsCAPath: String?
    var tlsCert: String?
    var tlsKey: String?
    var tlsCipher: String?

    static let defaultPort = 3306

    /// - throws: ``SchemaSyncError/Code/invalidURL`` naming the redacted URL.
    init(url: DatabaseURL) throws {
        guard ["mariadb", "mysql"].contains(url.scheme.lowercased()) else {
            throw SchemaSyncError(.invalidURL, "'\(url)' is not a mariadb:// or mysql:// URL")
        }
        host = url.host ?? "127.0.0.1"
        if host == "localhost" { host = "127.0.0.1" } // TCP, not the default Unix socket path
        port = url.port ?? Self.defaultPort
        // The client library reads 0 as "the default port" and truncates to 16 bits.
        try PortNumber.check(port, in: url.description)
        user = url.user
        password = url.password
        database = url.path.trimmingCharacters(in: ["/"])
        guard !database.isEmpty else {
            throw SchemaSyncError(.invalidURL, "database URL '\(url)' names no database",
                                  hint: "add the database name: mariadb://user@host:3306/DATABASE")
        }
        tlsMode = .preferred
        var seen: [String: String] = [:]
        for (rawKey, value) in url.query {
            let key = rawKey.lowercased().replacingOccurrences(of: "_", with: "-")
            let canonical: String
            switch key {
            case "ssl-mode", "sslmode", "tls-mode": canonical = "ssl-mode"
            case "ssl-ca", "sslca", "sslrootcert": canonical = "ssl-ca"
            case "ssl-capath", "sslcapath": canonical = "ssl-capath"
            case "ssl-cert", "sslcert": canonical = "ssl-cert"
            case "ssl-key", "sslkey": canonical = "ssl-key"
            case "ssl-cipher", "sslcipher": canonical = "ssl-cipher"
            default:
                throw SchemaSyncError(.invalidURL, "database URL '\(url)': unknown parameter '\(rawKey)'",
                                      hint: "known parameters: ssl-mode, ssl-ca, ssl-capath, ssl-cert, ssl-key, ssl-cipher")
            }
            seen[canonical] = value
        }
        if let mode = seen["ssl-mode"] {
            let normalized = mode.lowercased().replacingOccurrences(of: "_", with: "-")
            guard let parsed = TLSMode(rawValue: normalized == "require" ? "required" : normalized) else {
                throw SchemaSyncError(.invalidURL, "database URL '\(url)': unknown ssl-mode '\(mode)'",
                                      hint: "use disabled, preferred, required, verify-ca or verify-identity")
            }
            tlsMode = parsed
        }
        tlsCA = seen["ssl-ca"]
        tlsCAPath = seen["ssl-capath"]
        tlsCert = seen["ssl-cert"]
        tlsKey = seen["ssl-key"]
        tlsCipher = seen["ssl-cipher"]
        if seen["ssl-mode"] == nil, tlsCA != nil || tlsCAPath != nil { tlsMode = .verifyCA }
    }
}
