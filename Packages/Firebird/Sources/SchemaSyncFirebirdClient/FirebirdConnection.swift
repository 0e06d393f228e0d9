import CFirebird
import Dispatch
import Foundation

/// One attachment to a Firebird 3 database through the legacy ISC API of libfbclient.
///
/// ```swift
/// let endpoint = try FirebirdEndpoint(url: url)
/// let db = try FirebirdConnection.create(endpoint, path: endpoint.databasePath(named: "t1"))
/// try db.execute("CREATE TABLE T (ID INTEGER NOT NULL PRIMARY KEY, NAME VARCHAR(20))")
/// try db.execute("INSERT INTO T VALUES (1, 'one')")
/// let rows = try db.query("SELECT ID, NAME FROM T")   // [["1", "one"]]
/// try db.dropDatabase()
/// ```
///
/// Statements run in the transaction opened by `begin()`; without one, each `execute` or `query`
/// runs in its own transaction, committed when it succeeds and rolled back when it fails.
/// Firebird's DDL is transactional, but an object created in a transaction cannot be used by
/// DML until that transaction commits.
///
/// The connection character set is UTF8 and statements use SQL dialect 3. Values come back as
/// text, NULL as `nil`; see `query(_:)` for the spelling of each type.
/// Not thread-safe: use one connection from one task at a time.
public final class FirebirdConnection {
    public enum Isolation: Sendable {
        /// READ COMMITTED RECORD_VERSION: each statement sees what is committed when it starts.
        case readCommitted
        /// SNAPSHOT (Firebird's CONCURRENCY): the transaction sees the database as at its start.
        case snapshot
    }

    /// The server-side path (or alias) this connection is attached to.
    public let databasePath: String
    private var database: isc_db_handle = 0
    private var transaction: isc_tr_handle = 0
    private let status = StatusVector()
    private static let dialect: UInt16 = 3
    private static let lockTimeoutSeconds: Int32 = 10

    private init(databasePath: String, handle: isc_db_handle) {
        self.databasePath = databasePath
        self.database = handle
    }

    deinit { close() }

    /// Attaches to an existing database.
    /// - Parameter path: the server-side path or alias; defaults to the endpoint's path.
    /// - throws: `FirebirdError` with code `.connection` (wrong password, unknown file, server down).
    /// - Parameter connectTimeout: seconds to wait for the server to answer (nil: the client's default).
    public static func attach(_ endpoint: FirebirdEndpoint, path: String? = nil, connectTimeout: Int32? = nil) throws -> FirebirdConnection {
        let target = path ?? endpoint.path
        var dpb = try connectionParameters(endpoint, connectTimeout: connectTimeout)
        defer { dpb.wipe() }
        return try open(endpoint, target) { status, name, handle in
            isc_attach_database(status, Int16(name.utf8.count), name, handle, Int16(dpb.bytes.count), dpb.bytes)
        }
    }

    /// Creates a database file on the server (default character set UTF8, 8 KiB pages, writes
    /// not forced to disk) and attaches to it. Fails when the file exists.
    /// - throws: `FirebirdError` with code `.connection`.
    public static func create(_ endpoint: FirebirdEndpoint, path: String? = nil, pageSize: Int32 = 8192,
                              connectTimeout: Int32? = nil) throws -> FirebirdConnection {
        let target = path ?? endpoint.path
        var dpb = try connectionParameters(endpoint, connectTimeout: connectTimeout)
        defer { dpb.wipe() }
        try dpb.append(Int32(isc_dpb_set_db_charset), string: "UTF8")
        dpb.append(Int32(isc_dpb_page_size), integer: pageSize)
        dpb.append(Int32(isc_dpb_sql_dialect), integer: Int32(dialect))
        dpb.append(Int32(isc_dpb_force_write), integer: 0)
        return try open(endpoint, target) { status, name, handle in
            isc_create_database(status, Int16(name.utf8.count), name, handle, Int16(dpb.bytes.count), dpb.bytes, 0)
        }
    }

    private static func connectionParameters(_ endpoint: FirebirdEndpoint, connectTimeout: Int32?) throws -> ParameterBuffer {
        var dpb = ParameterBuffer(version: Int32(isc_dpb_version1))
        if let connectTimeout { dpb.append(Int32(isc_dpb_connect_timeout), integer: max(1, connectTimeout)) }
        try dpb.append(Int32(isc_dpb_user_name), string: endpoint.user)
        try dpb.append(Int32(isc_dpb_password), string: endpoint.password)
        try dpb.append(Int32(isc_dpb_lc_ctype), string: "UTF8")
        return dpb
    }

    private static func open(
        _ endpoint: FirebirdEndpoint,
        _ path: String,
        _ call: (UnsafeMutablePointer<ISC_STATUS>, String, UnsafeMutablePointer<isc_db_handle>) -> ISC_STATUS
    ) throws -> FirebirdConnection {
        let status = StatusVector()
        let name = endpoint.connectionString(for: path)
        var handle: isc_db_handle = 0
        _ = call(status.pointer, name, &handle)
        if status.failed {
            let cause = status.error(.connection, sql: nil)
            throw FirebirdError(
                code: .connection,
                message: "\(endpoint.user)@\(name): \(cause.message)",
                gdsCode: cause.gdsCode, sqlCode: cause.sqlCode, sqlState: cause.sqlState
            )
        }
        return FirebirdConnection(databasePath: path, handle: handle)
    }

    /// Whether the connection is still attached.
    public var isOpen: Bool { database != 0 }

    /// Whether `begin()` opened a transaction that is not yet committed or rolled back.
    public var inTransaction: Bool { transaction != 0 }

    /// Rolls back an open transaction and detaches. Safe to call more than once.
    public func close() {
        if transaction != 0 { _ = isc_rollback_transaction(status.pointer, &transaction); transaction = 0 }
        if database != 0 { _ = isc_detach_database(status.pointer, &database); database = 0 }
    }

    /// Drops the attached database (deletes its file on the server) and detaches.
    /// - throws: `FirebirdError` with code `.connection`, e.g. when other attachments use it.
    public func dropDatabase() throws {
        try requireOpen()
        if transaction != 0 { try rollback() }
        _ = isc_drop_database(status.pointer, &database)
        try status.check(.connection)
        database = 0
    }

    // MARK: Transactions

    /// Starts the transaction later statements run in (read-write, waiting up to `lockTimeout`
    /// seconds for locks, 10 s by default).
    /// - throws: `FirebirdError` with code `.misuse` when one is already open.
    public func begin(_ isolation: Isolation = .readCommitted, lockTimeout: Int32? = nil) throws {
        try requireOpen()
        guard transaction == 0 else {
            throw FirebirdError(code: .misuse, message: "begin() while a transaction is open")
        }
        transaction = try startTransaction(isolation, lockTimeout: lockTimeout ?? Self.lockTimeoutSeconds)
    }

    /// Commits the transaction opened by `begin()`.
    public func commit() throws {
        guard transaction != 0 else { throw FirebirdError(code: .misuse, message: "commit() without begin()") }
        _ = isc_commit_transaction(status.pointer, &transaction)
        if status.failed {
            let error = status.error(.transaction, sql: nil)
            _ = isc_rollback_transaction(status.pointer, &transaction)
            transaction = 0
            throw error
        }
        transaction = 0
    }

    /// Rolls back the transaction opened by `begin()`.
    public func rollback() throws {
        guard transaction != 0 else { throw FirebirdError(code: .misuse, message: "rollback() without begin()") }
        _ = isc_rollback_transaction(status.pointer, &transaction)
        transaction = 0
        try status.check(.transaction)
    }

    private func startTransaction(_ isolation: Isolation, lockTimeout: Int32 = lockTimeoutSeconds) throws -> isc_tr_handle {
        var tpb = ParameterBuffer(version: Int32(isc_tpb_version3))
        tpb.append(Int32(isc_tpb_write))
        switch isolation {
        case .readCommitted:
            tpb.append(Int32(isc_tpb_read_committed))
            tpb.append(Int32(isc_tpb_rec_version))
        case .snapshot:
            tpb.append(Int32(isc_tpb_concurrency))
        }
        tpb.append(Int32(isc_tpb_wait))
        tpb.append(Int32(isc_tpb_lock_timeout), integer: max(1, lockTimeout))
        var handle: isc_tr_handle = 0
        _ = cfb_start_transaction(status.pointer, &handle, &database, UInt16(tpb.bytes.count), tpb.bytes)
        try status.check(.transaction)
        return handle
    }

    /// Runs `body` in the open transaction, or in one of its own that it commits on success.
    private func inSomeTransaction<T>(_ body: () throws -> T) throws -> T {
        try requireOpen()
        if transaction != 0 { return try body() }
        transaction = try startTransaction(.readCommitted)
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            if transaction != 0 { try? rollback() }
            throw error
        }
    }

    private func requireOpen() throws {
        guard database != 0 else { throw FirebirdError(code: .misuse, message: "the connection is closed") }
    }

    // MARK: Statements

    /// Seconds one `execute` or `query` may run before it is cancelled on the server
    /// (`fb_cancel_operation`) and throws a `FirebirdError` with GDS code 335544794
    /// (`isc_cancelled`); nil: no limit.
    public var statementTimeout: Int?

    /// Runs `body` with a watchdog that cancels the attachment's running request once
    /// ``statementTimeout`` has passed. Cancelling from another thread is what the call is for.
    private func watched<T>(_ body: () throws -> T) throws -> T {
        guard let seconds = statementTimeout, seconds > 0 else { return try body() }
        let handle = database
        let state = WatchState()
        let watchdog = DispatchWorkItem {
            state.lock.lock()
            defer { state.lock.unlock() }
            guard !state.done else { return }   // never cancel a later request
            var target = handle
            var status = [ISC_STATUS](repeating: 0, count: 20)
            _ = fb_cancel_operation(&status, &target, UInt16(fb_cancel_raise))
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds), execute: watchdog)
        defer {
            state.lock.lock()
            state.done = true
            state.lock.unlock()
            watchdog.cancel()
        }
        return try body()
    }

    /// Runs one statement that returns no rows (DDL or DML) with `isc_dsql_execute_immediate`.
    /// - throws: `FirebirdError` with code `.statement`, carrying the SQL.
    public func execute(_ sql: String) throws {
        try inSomeTransaction {
            try watched {
                _ = isc_dsql_execute_immediate(status.pointer, &database, &transaction, 0, sql, Self.dialect, nil)
                try status.check(.statement, sql: sql)
            }
        }
    }

    /// Runs a statement and returns its rows, each value as text or `nil` for NULL.
    ///
    /// Spelling: integers in decimal, NUMERIC/DECIMAL with their scale ("12.50"), floating point
    /// as Swift prints it, DATE "2024-02-29", TIME "13:45:00.1230", TIMESTAMP
    /// "2024-02-29 13:45:00.1230", BOOLEAN "true"/"false", CHAR without its trailing padding,
    /// text BLOBs (sub_type 1) read whole, and CHARACTER SET OCTETS values and binary BLOBs as
    /// lowercase hex. A statement without result columns returns `[]`; one with output
    /// parameters but no cursor (`EXECUTE PROCEDURE`, `... RETURNING`) returns its single row.
    /// - throws: `FirebirdError` with code `.statement`, or `.unsupportedType` for ARRAY columns.
    public func query(_ sql: String) throws -> [[String?]] {
        try inSomeTransaction { try watched { try run(sql) } }
    }

    private func run(_ sql: String) throws -> [[String?]] {
        var statement: isc_stmt_handle = 0
        _ = isc_dsql_allocate_statement(status.pointer, &database, &statement)
        try status.check(.statement, sql: sql)
        defer { _ = isc_dsql_free_statement(status.pointer, &statement, UInt16(DSQL_drop)) }

        let output = OutputDescriptor(capacity: 16)
        _ = isc_dsql_prepare(status.pointer, &transaction, &statement, 0, sql, Self.dialect, output.sqlda)
        try status.check(.statement, sql: sql)
        if output.count > output.capacity {
            output.grow(to: output.count)
            _ = isc_dsql_describe(status.pointer, &statement, UInt16(SQLDA_VERSION1), output.sqlda)
            try status.check(.statement, sql: sql)
        }
        output.bindBuffers()

        let type = try statementType(&statement, sql: sql)
        if type != Int32(isc_info_sql_stmt_select) && type != Int32(isc_info_sql_stmt_select_for_upd) {
            // No cursor: execute2 fills the output row, if the statement has one.
            _ = isc_dsql_execute2(status.pointer, &transaction, &statement, UInt16(SQLDA_VERSION1), nil,
                                  output.count > 0 ? output.sqlda : nil)
            try status.check(.statement, sql: sql)
            return output.count > 0 ? [try row(output, sql: sql)] : []
        }

        _ = isc_dsql_execute(status.pointer, &transaction, &statement, UInt16(SQLDA_VERSION1), nil)
        try status.check(.statement, sql: sql)
        var rows: [[String?]] = []
        while true {
            let result = isc_dsql_fetch(status.pointer, &statement, UInt16(SQLDA_VERSION1), output.sqlda)
            if result == 100 { break }
            try status.check(.statement, sql: sql)
            rows.append(try row(output, sql: sql))
        }
        return rows
    }

    private func statementType(_ statement: inout isc_stmt_handle, sql: String) throws -> Int32 {
        let items: [CChar] = [CChar(isc_info_sql_stmt_type)]
        var buffer = [CChar](repeating: 0, count: 16)
        _ = isc_dsql_sql_info(status.pointer, &statement, Int16(items.count), items, Int16(buffer.count), &buffer)
        try status.check(.statement, sql: sql)
        // [item, length (2 bytes, little-endian), value (length bytes, little-endian)]
        guard buffer[0] == CChar(isc_info_sql_stmt_type) else { return 0 }
        let length = Int(UInt8(bitPattern: buffer[1])) | Int(UInt8(bitPattern: buffer[2])) << 8
        var value: Int32 = 0
        for index in 0..<min(length, 4) {
            value |= Int32(UInt8(bitPattern: buffer[3 + index])) << (8 * Int32(index))
        }
        return value
    }

    // MARK: Values

    private func row(_ output: OutputDescriptor, sql: String) throws -> [String?] {
        try (0..<output.count).map { try value(output, $0, sql: sql) }
    }

    private func value(_ output: OutputDescriptor, _ index: Int, sql: String) throws -> String? {
        let column = output.column(index).pointee
        if let indicator = column.sqlind, indicator.pointee < 0 { return nil }
        guard let data = column.sqldata.map(UnsafeRawPointer.init) else { return nil }
        let type = Int32(column.sqltype) & ~1
        let scale = Int(column.sqlscale)
        let isOctets = (Int32(column.sqlsubtype) & 0xFF) == 1      // character set OCTETS

        switch type {
        case SQL_VARYING:
            let length = Int(data.loadUnaligned(as: Int16.self))
            let bytes = UnsafeRawBufferPointer(start: data + 2, count: length)
            return isOctets ? FirebirdValueText.hex(bytes) : String(decoding: bytes, as: UTF8.self)
        case SQL_TEXT:
            let bytes = UnsafeRawBufferPointer(start: data, count: Int(column.sqllen))
            if isOctets { return FirebirdValueText.hex(bytes) }
            var end = bytes.count
            while end > 0 && bytes[end - 1] == 0x20 { end -= 1 }
            return String(decoding: bytes[..<end], as: UTF8.self)
        case SQL_SHORT:
            return FirebirdValueText.scaledInteger(Int64(data.loadUnaligned(as: Int16.self)), scale: scale)
        case SQL_LONG:
            return FirebirdValueText.scaledInteger(Int64(data.loadUnaligned(as: Int32.self)), scale: scale)
        case SQL_INT64:
            return FirebirdValueText.scaledInteger(data.loadUnaligned(as: Int64.self), scale: scale)
        case SQL_FLOAT:
            return String(describing: data.loadUnaligned(as: Float.self))
        case SQL_DOUBLE, SQL_D_FLOAT:
            return String(describing: data.loadUnaligned(as: Double.self))
        case SQL_TIMESTAMP:
            return FirebirdValueText.timestamp(date: data.loadUnaligned(as: Int32.self),
                                               time: (data + 4).loadUnaligned(as: UInt32.self))
        case SQL_TYPE_DATE:
            return FirebirdValueText.date(data.loadUnaligned(as: Int32.self))
        case SQL_TYPE_TIME:
            return FirebirdValueText.time(data.loadUnaligned(as: UInt32.self))
        case SQL_BOOLEAN:
            return data.load(as: UInt8.self) != 0 ? "true" : "false"
        case SQL_BLOB:
            let bytes = try readBlob(data.loadUnaligned(as: ISC_QUAD.self), sql: sql)
            return column.sqlsubtype == 1 ? String(decoding: bytes, as: UTF8.self) : FirebirdValueText.hex(bytes)
        case SQL_NULL:
            return nil
        default:
            throw FirebirdError(code: .unsupportedType,
                                message: "column \(output.name(of: index)) has SQL type \(type), which this client does not read",
                                sql: sql)
        }
    }

    /// Reads a whole blob with `isc_open_blob2` and `isc_get_segment`.
    private func readBlob(_ id: ISC_QUAD, sql: String) throws -> [UInt8] {
        var blobID = id
        var blob: isc_blob_handle = 0
        _ = isc_open_blob2(status.pointer, &database, &transaction, &blob, &blobID, 0, nil)
        try status.check(.statement, sql: sql)
        defer { _ = isc_close_blob(status.pointer, &blob) }

        var bytes: [UInt8] = []
        var segment = [CChar](repeating: 0, count: 32_768)
        while true {
            var length: UInt16 = 0
            let result = isc_get_segment(status.pointer, &blob, &length, UInt16(segment.count), &segment)
            if result == ISC_STATUS(CFB_GDS_SEGSTR_EOF) { break }
            if result != 0 && result != ISC_STATUS(CFB_GDS_SEGMENT) {
                try status.check(.statement, sql: sql)
                break
            }
            bytes.append(contentsOf: segment[..<Int(length)].map { UInt8(bitPattern: $0) })
        }
        return bytes
    }
}

/// Whether the statement a watchdog guards has finished, under a lock.
private final class WatchState: @unchecked Sendable {
    let lock = NSLock()
    var done = false
}
