internal import CLibPQ
import Foundation
import SchemaSyncCore

/// A thin owner of one libpq connection: runs SQL with a client-side deadline, returns text rows,
/// and turns server errors into ``PGError`` values whose text is free of secrets.
final class PGConnection {
    /// A server or client error, already scrubbed of the password.
    struct PGError: Error {
        var message: String
        /// The five-character SQLSTATE, when the server sent one.
        var sqlState: String?
        /// True when the client-side deadline expired (the server did not answer).
        var timedOut: Bool = false
    }

    private var handle: OpaquePointer?
    private let secrets: [String]
    /// Seconds to wait for one query's answer before giving up (0 = no client deadline).
    let queryTimeout: Int

    private init(handle: OpaquePointer, secrets: [String], queryTimeout: Int) {
        self.handle = handle
        self.secrets = secrets
        self.queryTimeout = queryTimeout
    }

    deinit { close() }

    /// Opens a connection from libpq keyword/value pairs.
    static func open(parameters: [(String, String)], secrets: [String], queryTimeout: Int) throws -> PGConnection {
        var keywords = parameters.map { strdup($0.0) }
        var values = parameters.map { strdup($0.1) }
        keywords.append(nil)
        values.append(nil)
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        let conn: OpaquePointer? = keywords.withUnsafeBufferPointer { k in
            values.withUnsafeBufferPointer { v in
                k.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: k.count) { kp in
                    v.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: v.count) { vp in
                        PQconnectdbParams(kp, vp, 0)
                    }
                }
            }
        }
        guard let conn else { throw PGError(message: "out of memory while connecting") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let text = String(cString: PQerrorMessage(conn))
            PQfinish(conn)
            throw PGError(message: scrub(text, secrets: secrets))
        }
        PQsetNoticeProcessor(conn, { _, _ in }, nil)
        return PGConnection(handle: conn, secrets: secrets, queryTimeout: queryTimeout)
    }

    /// Closes the connection. Safe to call twice.
    func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Whether a transaction block is open (or failed and awaiting ROLLBACK).
    var inTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// The server's major version number (15 for 15.4).
    var serverMajorVersion: Int {
        guard let handle else { return 0 }
        return Int(PQserverVersion(handle)) / 10000
    }

    /// Runs `sql` (one or several statements) and returns the rows of the last result as text.
    @discardableResult
    func run(_ sql: String) throws -> [[String?]] {
        guard let handle else { throw PGError(message: "the connection is closed") }
        guard PQsendQuery(handle, sql) == 1 else { throw lastError(handle) }
        let deadline = queryTimeout > 0 ? Date().addingTimeInterval(TimeInterval(queryTimeout) + 5) : nil
        var rows: [[String?]] = []
        var failure: PGError?
        while true {
            try waitForResult(handle, deadline: deadline)
            guard let result = PQgetResult(handle) else { break }
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_TUPLES_OK:
                rows = Self.rows(of: result)
            case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
                rows = []
            default:
                if failure == nil { failure = error(from: result) }
            }
        }
        if let failure { throw failure }
        return rows
    }

    /// Waits until libpq can hand out the next result without blocking, or throws on the deadline.
    private func waitForResult(_ handle: OpaquePointer, deadline: Date?) throws {
        while PQflush(handle) == 1 { try poll(handle, events: Int16(POLLOUT), deadline: deadline) }
        while PQisBusy(handle) == 1 {
            try poll(handle, events: Int16(POLLIN), deadline: deadline)
            guard PQconsumeInput(handle) == 1 else { throw lastError(handle) }
        }
    }

    private func poll(_ handle: OpaquePointer, events: Int16, deadline: Date?) throws {
        var descriptor = pollfd(fd: PQsocket(handle), events: events, revents: 0)
        var timeout: Int32 = -1
        if let deadline {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { throw cancelForTimeout(handle) }
            timeout = Int32(min(remaining * 1000, 60_000))
        }
        let ready = Foundation.poll(&descriptor, 1, timeout)
        if ready < 0 && errno != EINTR { throw PGError(message: "waiting for the server failed (errno \(errno))") }
        if ready == 0, let deadline, deadline.timeIntervalSinceNow <= 0 { throw cancelForTimeout(handle) }
    }

    private func cancelForTimeout(_ handle: OpaquePointer) -> PGError {
        if let cancel = PQgetCancel(handle) {
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancel, &buffer, Int32(buffer.count))
            PQfreeCancel(cancel)
        }
        close()
        return PGError(message: "the server did not answer within \(queryTimeout) s; the connection was closed",
                       sqlState: nil, timedOut: true)
    }

    private func lastError(_ handle: OpaquePointer) -> PGError {
        PGError(message: Self.scrub(String(cString: PQerrorMessage(handle)), secrets: secrets))
    }

    private func error(from result: OpaquePointer) -> PGError {
        var text = String(cString: PQresultErrorMessage(result))
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
        if text.isEmpty { text = "unknown server error" }
        return PGError(message: Self.scrub(text, secrets: secrets), sqlState: state)
    }

    private static func rows(of result: OpaquePointer) -> [[String?]] {
        let rowCount = PQntuples(result), columnCount = PQnfields(result)
        var rows: [[String?]] = []
        rows.reserveCapacity(Int(rowCount))
        for r in 0..<rowCount {
            var row: [String?] = []
            row.reserveCapacity(Int(columnCount))
            for c in 0..<columnCount {
                if PQgetisnull(result, r, c) == 1 {
                    row.append(nil)
                } else {
                    row.append(String(cString: PQgetvalue(result, r, c)))
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// `text` without this connection's secrets.
    func scrub(_ text: String) -> String { Self.scrub(text, secrets: secrets) }

    /// Removes the password (and anything URL-shaped that carries one) from driver text.
    static func scrub(_ text: String, secrets: [String]) -> String {
        var clean = DatabaseURL.redact(text)
        for secret in secrets where secret.count >= 3 {
            clean = clean.replacingOccurrences(of: secret, with: "***")
        }
        return clean.trimmingWhitespaceAndNewlines()
            .replacingOccurrences(of: "\n", with: " ")
    }
}
