import Foundation
import SchemaSyncFirebirdClient
import XCTest

/// A fresh, empty database per test, on the server named by `SCHEMASYNC_FIREBIRD_URL`
/// (`integration/start-firebird.sh` prints one). Without the variable a test is skipped,
/// except under CI (`CI=true`), where it fails.
enum FirebirdTestDatabase {
    static let variable = "SCHEMASYNC_FIREBIRD_URL"

    static func endpoint() throws -> FirebirdEndpoint {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment[variable], !url.isEmpty else {
            let message = "\(variable) is not set; start a server with `export \(variable)=\"$(integration/start-firebird.sh)\"`"
            if environment["CI"] == "true" { throw MissingServer(message: message) }
            throw XCTSkip(message)
        }
        let endpoint = try FirebirdEndpoint(url: url)
        guard endpoint.isDirectory else {
            throw FirebirdError(code: .invalidURL, message: "\(variable) must name a directory (end in '/'), got \(endpoint)")
        }
        return endpoint
    }

    /// Creates `<dir>/<test>_<random>.fdb` and attaches to it; the test drops it with `drop(_:)`.
    static func create(for test: String) throws -> FirebirdConnection {
        let endpoint = try endpoint()
        let safe = test.filter { $0.isLetter || $0.isNumber }.suffix(40)
        let name = "\(safe)_\(UUID().uuidString.prefix(8).lowercased())"
        return try FirebirdConnection.create(endpoint, path: endpoint.databasePath(named: name))
    }

    static func drop(_ connection: FirebirdConnection?) {
        guard let connection, connection.isOpen else { return }
        do { try connection.dropDatabase() } catch { XCTFail("could not drop \(connection.databasePath): \(error)") }
    }
}

/// Thrown under CI, where a missing server is a failure rather than a reason to skip.
struct MissingServer: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
