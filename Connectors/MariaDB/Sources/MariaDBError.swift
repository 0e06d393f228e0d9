import SchemaSyncCore

/// A server or client error from libmariadb, before it becomes a ``SchemaSyncError``.
struct MariaDBError: Error {
    var code: UInt32
    var message: String
    var sql: String

    /// Server error codes that mean "you lack a privilege".
    static let privilegeCodes: Set<UInt32> = [1044, 1045, 1142, 1143, 1227]
    /// `ALGORITHM=INPLACE` / `LOCK=NONE` refused: the change needs a table copy or a lock (the `--online` guards).
    static let onlineGuardCodes: Set<UInt32> = [1845, 1846]

    func asSchemaSyncError(url: String) -> SchemaSyncError {
        let statement = sql.count > 300 ? String(sql.prefix(300)) + "…" : sql
        if Self.privilegeCodes.contains(code) {
            return SchemaSyncError(.applyFailed, "permission denied on '\(url)' running: \(statement)",
                                   hint: "grant the user the privilege named in the message", cause: "[\(code)] \(message)")
        }
        if Self.onlineGuardCodes.contains(code) {
            return SchemaSyncError(.applyFailed, "MariaDB cannot make this change without copying or locking the table, so --online refused it: \(statement)",
                                   hint: "the statements before it stay applied; run apply without --online to allow the copy (writes wait for it)",
                                   cause: "[\(code)] \(message)")
        }
        return SchemaSyncError(.applyFailed, "statement failed on '\(url)': \(statement)", cause: "[\(code)] \(message)")
    }
}
