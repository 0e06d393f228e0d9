import Foundation
import SchemaSyncConformance
import XCTest

/// A scratch database on a shared test server, for CLI tests against PostgreSQL and MariaDB.
/// Set up and read back with the engine's own client (`psql`, `mariadb`), never through
/// SchemaSync. Skips without the server URL, fails under CI (see ``CIEnvironment``).
final class ServerDatabase {
    enum Engine { case postgres, mariadb }
    struct Missing: Error { let message: String }

    let engine: Engine
    let name: String
    /// The scratch database's URL, as the CLI takes it.
    let url: String
    let host: String
    let port: Int
    private let user: String
    private let password: String?

    init(_ engine: Engine, file: StaticString = #filePath, line: UInt = #line) throws {
        let variable = engine == .postgres ? "SCHEMASYNC_POSTGRES_URL" : "SCHEMASYNC_MARIADB_URL"
        guard let server = ProcessInfo.processInfo.environment[variable], !server.isEmpty,
              let components = URLComponents(string: server), let host = components.host else {
            let message = "\(variable) is not set (see integration/start-postgres.sh / start-mariadb.sh)"
            if CIEnvironment.isCI {
                XCTFail(message, file: file, line: line)
                throw Missing(message: message)
            }
            throw XCTSkip(message)
        }
        self.engine = engine
        self.host = host
        self.port = components.port ?? (engine == .postgres ? 5432 : 3306)
        self.user = components.user ?? (engine == .postgres ? "postgres" : "root")
        self.password = components.password
        name = "ss_cli_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        var scratch = components
        scratch.path = "/" + name
        scratch.query = nil
        url = scratch.string!
        try admin("CREATE DATABASE \(name)")
    }

    deinit { try? admin(engine == .postgres ? "DROP DATABASE IF EXISTS \(name) WITH (FORCE)" : "DROP DATABASE IF EXISTS \(name)") }

    /// The URL with another port (for bad-port tests).
    func url(port: String) -> String {
        url.replacingOccurrences(of: "@\(host):\(self.port)/", with: "@\(host):\(port)/")
    }

    /// Runs `sql` in the scratch database; returns the rows, tab-separated.
    @discardableResult
    func query(_ sql: String) throws -> String { try client(database: name, sql) }

    private func admin(_ sql: String) throws {
        try client(database: engine == .postgres ? "postgres" : "mysql", sql)
    }

    @discardableResult
    private func client(database: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var env = ProcessInfo.processInfo.environment
        switch engine {
        case .postgres:
            process.arguments = ["psql", "-h", host, "-p", String(port), "-U", user, "-d", database, "-qAtX",
                                 "-v", "ON_ERROR_STOP=1", "-F", "\t", "-c", sql]
            if let password { env["PGPASSWORD"] = password }
        case .mariadb:
            process.arguments = ["mariadb", "--no-defaults", "--protocol=tcp", "-h", host, "-P", String(port), "-u", user,
                                 "-N", "-B", database, "-e", sql]
            if let password { env["MYSQL_PWD"] = password }
        }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "ServerDatabase", code: Int(process.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "\(sql): \(stderr)"])
        }
        return stdout.trimmingCharacters(in: .newlines)
    }
}
