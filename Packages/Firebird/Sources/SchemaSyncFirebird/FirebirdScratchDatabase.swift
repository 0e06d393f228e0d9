import Foundation
import SchemaSyncCore
import SchemaSyncFirebirdClient

/// A scratch database beside the target (`<its directory>/schemasync_scratch_<random>.fdb`,
/// where the server's `DatabaseAccess` already allows databases), created, used and dropped.
///
/// It holds scratch copies of a desired schema, for the engine's own definitions of it
/// (``FirebirdSession/engineDefinitions(ofDesired:)``) and for reading `.sql` schemas; it never
/// touches the target. Unavailable (nil) when the target is named by an alias, not a path.
struct FirebirdScratchDatabase {
    let endpoint: FirebirdEndpoint
    let directory: String

    init?(endpoint: FirebirdEndpoint, databasePath: String) {
        guard let slash = databasePath.lastIndex(of: "/") else { return nil }
        self.endpoint = endpoint
        self.directory = String(databasePath[...slash])
    }

    /// Runs `body` on a fresh scratch database, dropped afterwards whatever happens.
    func run<T>(_ body: (FirebirdConnection) throws -> T) throws -> T {
        let path = directory + "schemasync_scratch_\(UUID().uuidString.prefix(12).lowercased()).fdb"
        let connection: FirebirdConnection
        do {
            connection = try FirebirdConnection.create(endpoint, path: path)
        } catch let error as FirebirdError {
            throw SchemaSyncError(.connectionFailed, "cannot create a scratch database in '\(directory)' on \(endpoint.host):\(endpoint.port)",
                                  hint: "the server must allow databases there (DatabaseAccess)", cause: error.message)
        }
        defer { try? connection.dropDatabase(); connection.close() }
        return try body(connection)
    }
}
