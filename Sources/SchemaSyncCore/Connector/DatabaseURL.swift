import Foundation

/// A parsed database URL. Its ``description`` never shows the password.
///
/// Accepted shapes: `sqlite:PATH`, `sqlite:///abs/path.db`, `sqlite::memory:`,
/// `postgres://user:pass@host:port/db?sslmode=require`, `mariadb://user:pass@host:port/db`.
/// Percent-encoding in user, password, path and query is decoded.
public struct DatabaseURL: Hashable, Sendable, CustomStringConvertible {
    public var scheme: String
    public var user: String?
    public var password: String?
    public var host: String?
    public var port: Int?
    /// The path as written, percent-decoded: `/app` in `postgres://host/app`, `/abs/x.db` in
    /// `duckdb:///abs/x.db`, `app.db` in `sqlite:app.db`. A file-based connector opens it as a
    /// file path; a server connector reads ``databaseName``.
    public var path: String
    public var query: [String: String]

    public init(scheme: String, user: String? = nil, password: String? = nil, host: String? = nil,
                port: Int? = nil, path: String, query: [String: String] = [:]) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.path = path
        self.query = query
    }

    /// Parses `text`; throws ``SchemaSyncError/Code/invalidURL`` naming the (redacted) URL.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespaceAndNewlines()
        guard let colon = trimmed.firstIndex(of: ":"), colon != trimmed.startIndex else {
            throw SchemaSyncError(.invalidURL, "invalid database URL '\(DatabaseURL.shown(trimmed))'",
                                  hint: "expected SCHEME:..., e.g. sqlite:app.db or postgres://user@localhost/db")
        }
        let scheme = trimmed[..<colon].lowercased()
        guard scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else {
            throw SchemaSyncError(.invalidURL, "invalid database URL '\(DatabaseURL.shown(trimmed))': bad scheme")
        }
        let rest = String(trimmed[trimmed.index(after: colon)...])
        if !rest.hasPrefix("//") {
            // Opaque form: sqlite:relative/path.db, sqlite::memory:
            let (pathPart, queryPart) = DatabaseURL.splitQuery(rest)
            guard !pathPart.isEmpty else {
                throw SchemaSyncError(.invalidURL, "database URL '\(InputEcho.cut(scheme)):' has no path")
            }
            self.init(scheme: scheme, path: pathPart.removingPercentEncoding ?? pathPart,
                      query: try DatabaseURL.parseQuery(queryPart, url: trimmed))
            return
        }
        // The port is checked before URLComponents reads it: drivers take 16 bits, so an
        // out-of-range port would wrap around to another server.
        let explicitPort = try DatabaseURL.portText(inHierarchical: rest).map {
            try PortNumber.parse($0, in: DatabaseURL.shown(trimmed))
        }
        guard let components = URLComponents(string: trimmed) else {
            throw SchemaSyncError(.invalidURL, "invalid database URL '\(DatabaseURL.shown(trimmed))'",
                                  hint: "percent-encode special characters in the user name and password")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            query[item.name] = item.value ?? ""
        }
        // The path as written: what it means (a database name, a file) is the connector's
        // business, so the core knows no scheme. `sqlite:///abs/x.db` → `/abs/x.db`.
        let path = components.path
        self.init(
            scheme: scheme,
            user: components.user.flatMap { $0.isEmpty ? nil : $0 },
            password: components.password,
            host: components.host.flatMap { $0.isEmpty ? nil : $0 },
            port: explicitPort ?? components.port,
            path: path,
            query: query
        )
    }

    /// The path without one leading `/`: the database a server URL names (`app` in
    /// `postgres://host/app`).
    public var databaseName: String {
        path.hasPrefix("/") ? String(path.dropFirst()) : path
    }

    /// The URL with the password replaced by `***`.
    public var description: String {
        if host == nil && user == nil && port == nil {
            return "\(scheme):\(path)" + queryString
        }
        var text = "\(scheme)://"
        if let user {
            text += user
            if password != nil { text += ":***" }
            text += "@"
        }
        text += host ?? ""
        if let port { text += ":\(port)" }
        if !path.hasPrefix("/") && !path.isEmpty { text += "/" }
        text += path
        return text + queryString
    }

    private var queryString: String {
        guard !query.isEmpty else { return "" }
        return "?" + query.keys.sorted().map { key in
            let secret = ["password", "sslpassword", "pass"].contains(key.lowercased())
            return "\(key)=\(secret ? "***" : query[key]!)"
        }.joined(separator: "&")
    }

    /// Removes anything that looks like a password from free text holding a URL.
    public static func redact(_ text: String) -> String {
        // user:password@ → user:***@. The password runs to the last '@' of the URL, so
        // unencoded '/', ':' or '@' in it are hidden too.
        guard let regex = try? NSRegularExpression(pattern: "(//[^/@:\\s]*:)\\S*@") else { return text }
        let range = NSRange(text.startIndex..., in: text)
        let stripped = regex.stringByReplacingMatches(in: text, range: range, withTemplate: "$1***@")
        // ?password=... → ?password=***. The value ends at '&', whitespace or a quote, so the rest
        // of a message (the driver's cause, the hint) survives.
        guard let q = try? NSRegularExpression(pattern: "((?:password|sslpassword|pass)=)[^&\\s'\"]*", options: .caseInsensitive)
        else { return stripped }
        return q.stringByReplacingMatches(in: stripped, range: NSRange(stripped.startIndex..., in: stripped),
                                          withTemplate: "$1***")
    }

    /// The port text of `//authority/...` (after the userinfo's last `@`, after `]` for an IPv6
    /// host), or nil when the authority names no port or an empty one.
    static func portText(inHierarchical rest: String) -> Substring? {
        let afterSlashes = rest.dropFirst(2)
        let authority = afterSlashes.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        let portStart: Substring.Index
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return nil }
            let after = hostPort[hostPort.index(after: close)...]
            guard after.hasPrefix(":") else { return after.isEmpty ? nil : after }
            portStart = after.index(after: after.startIndex)
        } else {
            guard let colon = hostPort.firstIndex(of: ":") else { return nil }
            portStart = hostPort.index(after: colon)
        }
        let text = hostPort[portStart...]
        return text.isEmpty ? nil : text
    }

    /// Raw URL text as echoed in a parse error: redacted, and with the whole query hidden when
    /// it names a password (a raw value may hold a space or quote that ``redact(_:)`` stops at).
    static func shown(_ text: String) -> String {
        var text = text
        if let mark = text.firstIndex(of: "?"), text[mark...].lowercased().contains("pass") {
            text = String(text[..<mark]) + "?***"
        }
        return InputEcho.cut(redact(text))
    }

    private static func splitQuery(_ text: String) -> (String, String?) {
        guard let mark = text.firstIndex(of: "?") else { return (text, nil) }
        return (String(text[..<mark]), String(text[text.index(after: mark)...]))
    }

    private static func parseQuery(_ text: String?, url: String) throws -> [String: String] {
        guard let text, !text.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            result[key] = value
        }
        return result
    }
}
