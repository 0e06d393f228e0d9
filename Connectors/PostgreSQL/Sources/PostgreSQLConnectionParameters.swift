import SchemaSyncCore

/// Turns a ``DatabaseURL`` and ``ConnectionOptions`` into libpq keyword/value pairs.
struct PostgreSQLConnectionParameters {
    /// libpq keyword/value pairs for `PQconnectdbParams`.
    var keywords: [(String, String)]
    /// The schema SchemaSync manages (`schema` URL parameter, default `public`).
    var schema: String
    /// Strings that must never appear in output (the password).
    var secrets: [String]

    /// The URL query parameter that selects the schema; not passed to libpq.
    static let schemaParameter = "schema"

    init(url: DatabaseURL, options: ConnectionOptions) throws {
        var pairs: [(String, String)] = []
        var secrets: [String] = []
        if let host = url.host { pairs.append(("host", host)) }
        if let port = url.port {
            try PortNumber.check(port, in: url.description)
            pairs.append(("port", String(port)))
        }
        if let user = url.user { pairs.append(("user", user)) }
        if let password = url.password {
            pairs.append(("password", password))
            secrets.append(password)
        }
        let database = url.databaseName
        if !database.isEmpty { pairs.append(("dbname", database)) }
        var schema = "public"
        var hasConnectTimeout = false
        for key in url.query.keys.sorted() {
            let value = url.query[key] ?? ""
            switch key {
            case Self.schemaParameter:
                guard !value.isEmpty else {
                    throw SchemaSyncError(.invalidURL, "empty 'schema' parameter in '\(url)'",
                                          hint: "write ?schema=NAME or leave it out for 'public'")
                }
                schema = value
            case "port":
                // libpq takes a comma-separated list (one per host); each is a 1...65535 port
                // or empty (the default), never a number libpq would wrap or refuse later.
                for part in value.split(separator: ",", omittingEmptySubsequences: false) where !part.isEmpty {
                    _ = try PortNumber.parse(part, in: url.description)
                }
                pairs.removeAll { $0.0 == key }
                pairs.append((key, value))
            case "dbname", "host", "user", "password":
                // Explicit query parameters win over the URL parts, as in libpq's own URIs.
                pairs.removeAll { $0.0 == key }
                pairs.append((key, value))
                if key == "password" { secrets.append(value) }
            default:
                if key == "connect_timeout" { hasConnectTimeout = true }
                if key.lowercased().contains("password") { secrets.append(value) }
                pairs.append((key, value))
            }
        }
        if !hasConnectTimeout {
            pairs.append(("connect_timeout", String(max(options.connectTimeout, 2))))
        }
        if !pairs.contains(where: { $0.0 == "application_name" }) {
            pairs.append(("application_name", "schemasync"))
        }
        self.keywords = pairs
        self.schema = schema
        self.secrets = secrets
    }
}
