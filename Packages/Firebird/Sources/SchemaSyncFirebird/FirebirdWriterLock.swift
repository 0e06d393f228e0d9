import Foundation
import SchemaSyncCore
import SchemaSyncFirebirdClient

/// The writer lock: a row lock on SchemaSync's own one-row table `SCHEMASYNC$LOCK`, taken by
/// the apply transaction itself (`UPDATE ... SET N = N + 1`) and let go at its COMMIT or ROLLBACK.
///
/// Firebird has no advisory locks, and a lock on an `RDB$` table would hold up every DDL
/// statement of the database, so SchemaSync creates this table (committed on its own, once)
/// the first time it applies. The inspector and the definition reader never report it.
/// A second apply waits on the row (the transaction's lock timeout is the session's) and, when the first
/// one commits, gets an update conflict: it starts a new transaction and tries again until the
/// session's lock timeout has passed, then fails with ``SchemaSyncError/Code/lockTimeout``.
struct FirebirdWriterLock {
    static let tableName = "SCHEMASYNC$LOCK"

    let connection: FirebirdConnection
    let timeoutSeconds: Int
    let displayURL: String

    /// Creates the table and its row when missing, each committed by itself.
    func prepare() throws {
        let exists = try connection.query("SELECT COUNT(*) FROM RDB$RELATIONS WHERE RDB$RELATION_NAME = '\(Self.tableName)'")
        if exists.first?.first ?? nil == "0" {
            do {
                try connection.execute("CREATE TABLE \(Self.tableName) (ID INTEGER NOT NULL PRIMARY KEY, N BIGINT NOT NULL)")
            } catch let error as FirebirdError {
                // Another session created it first.
                let again = try connection.query("SELECT COUNT(*) FROM RDB$RELATIONS WHERE RDB$RELATION_NAME = '\(Self.tableName)'")
                if again.first?.first ?? nil == "0" { throw error }
            }
        }
        // Reading does not wait for the holder of the row; writing it here would.
        if try connection.query("SELECT COUNT(*) FROM \(Self.tableName)").first?.first ?? nil == "0" {
            do {
                try connection.execute("INSERT INTO \(Self.tableName) (ID, N) VALUES (1, 0)")
            } catch let error as FirebirdError where Self.isLockConflict(error) || error.gdsCode == 335544665 {
                // Another session inserted it first (unique key violation or a conflict).
            }
        }
    }

    /// Begins a transaction holding the lock row.
    func beginLocked() throws {
        let deadline = Date().addingTimeInterval(TimeInterval(max(0, timeoutSeconds)))
        while true {
            try connection.begin(lockTimeout: Int32(clamping: max(1, timeoutSeconds)))
            do {
                try connection.execute("UPDATE \(Self.tableName) SET N = N + 1 WHERE ID = 1")
                return
            } catch let error as FirebirdError where Self.isLockConflict(error) {
                try? connection.rollback()
                if Date() >= deadline {
                    throw SchemaSyncError(.lockTimeout, "another SchemaSync apply holds the writer lock on '\(displayURL)' (waited \(timeoutSeconds) s)",
                                          hint: "wait for it to finish, or raise the lock timeout")
                }
                Thread.sleep(forTimeInterval: 0.2)
            } catch {
                try? connection.rollback()
                throw error
            }
        }
    }

    /// Lock conflict, deadlock / update conflict, lock timeout.
    static func isLockConflict(_ error: FirebirdError) -> Bool {
        [335544345, 335544336, 335544510, 335544878].contains(error.gdsCode)
    }
}
