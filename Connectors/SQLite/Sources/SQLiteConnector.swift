import Foundation
import SchemaSyncCore

/// The SQLite connector: `sqlite:PATH`, `sqlite:///abs/path.db`, `sqlite::memory:`.
public struct SQLiteConnector: Connector {
    public init() {}

    public var schemes: [String] { ["sqlite"] }

    public func connect(to url: DatabaseURL, options: ConnectionOptions) throws -> any DatabaseSession {
        guard url.scheme == "sqlite" else {
            throw SchemaSyncError(.unknownScheme, "the SQLite connector cannot open '\(url)'")
        }
        guard !url.path.isEmpty else {
            throw SchemaSyncError(.invalidURL, "SQLite URL '\(url)' has no file path", hint: "e.g. sqlite:app.db or sqlite::memory:")
        }
        if url.path != ":memory:" {
            let directory = (url.path as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw SchemaSyncError(.connectionFailed, "cannot open SQLite database '\(InputEcho.cut(url.path))': directory '\(InputEcho.cut(directory))' does not exist")
            }
        }
        if !options.createIfMissing, url.path != ":memory:", !url.path.hasPrefix("file:"),
           !FileManager.default.fileExists(atPath: url.path) {
            throw SchemaSyncError(.connectionFailed, "SQLite database '\(InputEcho.cut(url.path))' does not exist",
                                  hint: "check the path; `schemasync apply` creates the file, or `touch` it to plan against an empty database")
        }
        let database = try SQLiteDatabase(path: url.path, busyTimeoutMilliseconds: Int32(max(0, options.lockTimeout) * 1000),
                                          create: options.createIfMissing)
        return SQLiteSession(database: database)
    }
}
