import CSQLite
import Foundation
import SchemaSyncCore

/// A thin owner of one `sqlite3*` handle: open, execute, query. Not thread-safe; one owner at a time.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    /// Where the database lives, for error messages (`app.db`, `:memory:`).
    let location: String
    /// Number of queries run through ``query(_:)`` (for the constant-queries benchmark and tests).
    private(set) var queryCount = 0
    /// The catalog rows last read, the schema version they belong to and who read them (see ``SQLiteCatalogRows``).
    var keptCatalogRows: (version: String, readBy: SQLiteCatalogRows.Reader, rows: SQLiteCatalogRows)?

    /// Opens the database at `path`, creating it if needed when `create` is true.
    init(path: String, busyTimeoutMilliseconds: Int32, create: Bool = true) throws {
        location = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw SchemaSyncError(.connectionFailed, "cannot open SQLite database '\(InputEcho.cut(path))'", hint: "check that the directory exists and is writable", cause: message)
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit { close() }

    func close() {
        keptCatalogRows = nil
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Confines this connection to its own database: no ATTACH, so neither `ATTACH` nor
    /// `VACUUM INTO` can write other files (extension loading is off by default). Used for the
    /// scratch database that runs a user's `.sql` schema.
    func confine() {
        guard let handle else { return }
        sqlite3_limit(handle, SQLITE_LIMIT_ATTACHED, 0)
    }

    /// The SQLite library version number, e.g. 3040001.
    static var libraryVersion: Int32 { sqlite3_libversion_number() }

    /// Executes one or more statements that return no rows.
    func execute(_ sql: String) throws {
        guard let handle else { throw closedError() }
        keptCatalogRows = nil
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw SQLiteFailure(code: rc, message: message)
        }
    }

    /// Runs a query and returns every row, values as text (nil for NULL).
    func query(_ sql: String, _ arguments: [String] = []) throws -> [[String?]] {
        guard let handle else { throw closedError() }
        queryCount += 1
        var statement: OpaquePointer?
        var rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteFailure(code: rc, message: String(cString: sqlite3_errmsg(handle)))
        }
        defer { sqlite3_finalize(statement) }
        if sqlite3_stmt_readonly(statement) == 0 { keptCatalogRows = nil }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (i, argument) in arguments.enumerated() {
            sqlite3_bind_text(statement, Int32(i + 1), argument, -1, transient)
        }
        var rows: [[String?]] = []
        let columns = sqlite3_column_count(statement)
        while true {
            rc = sqlite3_step(statement)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else {
                throw SQLiteFailure(code: rc, message: String(cString: sqlite3_errmsg(handle)))
            }
            var row: [String?] = []
            row.reserveCapacity(Int(columns))
            for c in 0..<columns {
                if sqlite3_column_type(statement, c) == SQLITE_NULL {
                    row.append(nil)
                } else {
                    row.append(String(cString: sqlite3_column_text(statement, c)))
                }
            }
            rows.append(row)
        }
        return rows
    }

    private func closedError() -> SchemaSyncError {
        SchemaSyncError(.internalError, "SQLite database '\(location)' is closed")
    }
}

/// An error reported by libsqlite3.
struct SQLiteFailure: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    var isBusy: Bool { code & 0xff == SQLITE_BUSY || code & 0xff == SQLITE_LOCKED }
    var description: String { message }
}
