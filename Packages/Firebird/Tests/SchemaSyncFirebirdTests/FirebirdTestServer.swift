import Foundation
import SchemaSyncCore
import SchemaSyncFirebirdClient
import XCTest

/// Fresh databases on the server named by `SCHEMASYNC_FIREBIRD_URL` (a directory URL, as
/// `integration/start-firebird.sh` prints). Without the variable a test is skipped with a
/// message naming it, except under CI (`CI=true`), where it fails.
enum FirebirdTestServer {
    static let variable = "SCHEMASYNC_FIREBIRD_URL"

    /// The directory URL, or the skip (or, under CI, the failure) naming the variable.
    static func directoryURL(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        guard let url = environment[variable], !url.isEmpty else {
            let message = "\(variable) is not set; start a server with `export \(variable)=\"$(integration/start-firebird.sh)\"`"
            if environment["CI"] == "true" { throw MissingFirebirdServer(message: message) }
            throw XCTSkip(message)
        }
        guard url.hasSuffix("/") else { throw MissingFirebirdServer(message: "\(variable) must name a directory (end in '/')") }
        return url
    }

    /// The URL of a database that does not exist yet in that directory (the session creates it).
    static func freshDatabaseURL(_ label: String) throws -> DatabaseURL {
        let safe = label.filter { $0.isLetter || $0.isNumber }.suffix(30)
        return try DatabaseURL(parsing: try directoryURL() + "\(safe)_\(UUID().uuidString.prefix(8).lowercased()).fdb")
    }

    /// Drops the database `url` names (attaching again: the session under test is closed).
    static func drop(_ url: DatabaseURL) {
        let endpoint = FirebirdEndpoint(host: url.host ?? "127.0.0.1", port: url.port ?? 3050, user: url.user ?? "SYSDBA",
                                        password: url.password ?? "", path: url.databaseName)
        if let connection = try? FirebirdConnection.attach(endpoint) { try? connection.dropDatabase() }
    }
}

/// Thrown under CI, where a missing server is a failure rather than a reason to skip.
struct MissingFirebirdServer: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
