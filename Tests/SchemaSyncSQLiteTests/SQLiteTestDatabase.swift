import Foundation
import SchemaSyncCore
import SchemaSyncSQLite

/// A fresh SQLite file in a temporary directory, removed on deinit.
final class SQLiteTestDatabase: @unchecked Sendable {
    let directory: URL
    let path: String
    var url: DatabaseURL { DatabaseURL(scheme: "sqlite", path: path) }

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("schemasync-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("test.db").path
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func session() throws -> SQLiteSession {
        try SQLiteConnector().connect(to: url, options: ConnectionOptions(lockTimeout: 5)) as! SQLiteSession
    }
}
