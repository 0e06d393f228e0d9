import Foundation

/// Where a Firebird server is and how to log in, read from a `firebird://` URL.
///
/// ```swift
/// let endpoint = try FirebirdEndpoint(url: "firebird://SYSDBA:secret@127.0.0.1:30509//srv/db/")
/// endpoint.databasePath(named: "scenario_1")   // "/srv/db/scenario_1.fdb"
/// endpoint.connectionString(for: "/srv/db/scenario_1.fdb")   // "127.0.0.1/30509:/srv/db/scenario_1.fdb"
/// ```
///
/// A Firebird database is a file on the server, so the URL's path is a path on the server:
/// `firebird://user:password@host:port/` followed by an absolute path (hence `//`) or by an
/// alias from the server's databases.conf (`/employee` means the alias `employee`). A path that
/// ends in `/` names a directory in which databases are created (`isDirectory`).
/// The port defaults to 3050, the host to 127.0.0.1. User and password are percent-decoded.
/// `description` leaves the password out.
public struct FirebirdEndpoint: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    /// The server-side database path (or alias), or the directory for new databases.
    public var path: String

    public init(host: String = "127.0.0.1", port: Int = 3050, user: String, password: String, path: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.path = path
    }

    /// Reads `firebird://user:password@host:port//absolute/path`.
    /// - throws: `FirebirdError` with code `.invalidURL` for another scheme, a missing user or path.
    public init(url string: String) throws {
        guard let components = URLComponents(string: string), components.scheme?.lowercased() == "firebird" else {
            throw FirebirdError(code: .invalidURL, message: "expected firebird://user:password@host:port//path, got '\(Self.redacted(string))'")
        }
        guard let user = components.user, !user.isEmpty else {
            throw FirebirdError(code: .invalidURL, message: "the URL names no user: '\(Self.redacted(string))'")
        }
        var path = components.percentEncodedPath.removingPercentEncoding ?? components.percentEncodedPath
        if path.hasPrefix("/") { path.removeFirst() }
        guard !path.isEmpty else {
            throw FirebirdError(code: .invalidURL, message: "the URL names no database path or directory: '\(Self.redacted(string))'")
        }
        self.init(
            host: components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1",
            port: components.port ?? 3050,
            user: user,
            password: components.password ?? "",
            path: path
        )
    }

    /// Whether `path` names a directory for new databases rather than one database.
    public var isDirectory: Bool { path.hasSuffix("/") }

    /// The path of a database called `name` in the directory (`<dir>/<name>.fdb`), or `path`
    /// itself when the endpoint names one database.
    public func databasePath(named name: String) -> String {
        isDirectory ? path + name + ".fdb" : path
    }

    /// The classic connection string the client library takes: `host/port:path`.
    public func connectionString(for databasePath: String? = nil) -> String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "\(hostPart)/\(port):\(databasePath ?? path)"
    }

    public var description: String {
        "firebird://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(path)"
    }

    /// The URL with any password replaced, for error messages.
    private static func redacted(_ string: String) -> String {
        if var components = URLComponents(string: string) {
            if components.password != nil { components.password = "***" }
            if let redacted = components.string { return redacted }
        }
        // Unparseable: keep the scheme and what follows the last '@', hide what could be credentials.
        guard let at = string.lastIndex(of: "@") else { return string }
        let scheme = string.range(of: "://").map { String(string[..<$0.upperBound]) } ?? ""
        return scheme + "***" + string[at...]
    }
}
