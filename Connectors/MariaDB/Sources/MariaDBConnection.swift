import CMariaDB
import Foundation
import SchemaSyncCore

/// One libmariadb connection (`MYSQL*`): connect with timeouts, TLS and utf8mb4, run queries and
/// statements, map client errors to ``SchemaSyncError`` without ever showing the password.
///
/// Used by one thread at a time. Every round trip to the server is counted in ``roundTrips``.
final class MariaDBConnection {
    private var handle: UnsafeMutablePointer<MYSQL>?
    /// The URL as shown to users: the password is redacted.
    let displayURL: String
    let readTimeout: Int
    /// Server version as `major * 10000 + minor * 100 + patch`.
    private(set) var serverVersion: Int = 0
    /// How many queries and statements this connection has sent.
    private(set) var roundTrips = 0

    private static let clientMultiStatements: UInt = 1 << 16

    /// Opens a connection to `settings.database` (or to no database when `database` is nil).
    ///
    /// - throws: ``SchemaSyncError/Code/connectionFailed`` or ``SchemaSyncError/Code/timeout``.
    init(settings: MariaDBConnectionSettings, options: ConnectionOptions, displayURL: String,
         database: String?, multiStatements: Bool = false) throws {
        self.displayURL = displayURL
        // 0: no limit (`--statement-timeout 0`); the read and write timeouts are then not set.
        self.readTimeout = max(0, options.queryTimeout)
        guard MariaDBClientLibrary.ensureInitialized() else {
            throw SchemaSyncError(.connectionFailed, "cannot connect to '\(displayURL)': the MariaDB client library failed to initialise")
        }
        guard let mysql = mysql_init(nil) else {
            throw SchemaSyncError(.connectionFailed, "cannot connect to '\(displayURL)': out of memory")
        }
        handle = mysql
        var connectTimeout = UInt32(max(1, options.connectTimeout))
        var readTimeout = UInt32(self.readTimeout)
        var writeTimeout = UInt32(self.readTimeout)
        mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        if self.readTimeout > 0 {
            mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &readTimeout)
            mysql_options(mysql, MYSQL_OPT_WRITE_TIMEOUT, &writeTimeout)
        }
        var tcp = UInt32(MYSQL_PROTOCOL_TCP.rawValue)
        mysql_options(mysql, MYSQL_OPT_PROTOCOL, &tcp)
        _ = "utf8mb4".withCString { mysql_options(mysql, MYSQL_SET_CHARSET_NAME, $0) }
        Self.configureTLS(mysql, settings)

        let started = Date()
        let flags = multiStatements ? Self.clientMultiStatements : 0
        let connected = mysql_real_connect(mysql, settings.host, settings.user, settings.password, database,
                                           UInt32(settings.port), nil, flags)
        if connected == nil {
            let (code, message) = lastError()
            mysql_close(mysql)
            handle = nil
            let elapsed = Date().timeIntervalSince(started)
            let timedOut = code == 2013 || message.lowercased().contains("timeout") || message.lowercased().contains("timed out")
            if timedOut && elapsed >= Double(connectTimeout) - 0.5 || code == 2013 {
                throw SchemaSyncError(.timeout, "connecting to '\(displayURL)' timed out after \(connectTimeout) s",
                                      hint: "check that a MariaDB server answers there", cause: Self.scrub(message, settings))
            }
            throw SchemaSyncError(.connectionFailed, "cannot connect to '\(displayURL)'",
                                  hint: code == 1045 ? "check the user name and password" : "check host, port and that the server is running",
                                  cause: Self.scrub(message, settings))
        }
        if [.required, .verifyCA, .verifyIdentity].contains(settings.tlsMode), mysql_get_ssl_cipher(mysql) == nil {
            // Never fall back to clear text when the URL asks for TLS, whatever the client library did.
            mysql_close(mysql)
            handle = nil
            throw SchemaSyncError(.connectionFailed, "cannot connect to '\(displayURL)': the server does not offer TLS, which ssl-mode requires",
                                  hint: "enable TLS on the server, or use ssl-mode=preferred")
        }
        serverVersion = Int(mysql_get_server_version(mysql))
        // Literal quoting escapes backslashes and uses single quotes: make the session agree.
        try execute("SET SESSION sql_mode = REPLACE(REPLACE(@@SESSION.sql_mode, 'NO_BACKSLASH_ESCAPES', ''), 'ANSI_QUOTES', '')")
    }

    deinit { close() }

    /// Closes the connection; safe to call twice.
    func close() {
        if let handle { mysql_close(handle) }
        handle = nil
    }

    /// Runs `sql` and returns every row of its (first) result set, values as text.
    func query(_ sql: String) throws -> [[String?]] {
        let mysql = try openHandle()
        try send(sql, mysql)
        var rows: [[String?]] = []
        repeat {
            if let result = mysql_store_result(mysql) {
                defer { mysql_free_result(result) }
                if rows.isEmpty { rows = Self.readRows(result) }
            } else if mysql_field_count(mysql) != 0 {
                throw failure(sql: sql, mysql)
            }
        } while try nextResult(mysql, sql)
        return rows
    }

    /// Runs one statement (or several, when the connection allows multi-statements), discarding results.
    func execute(_ sql: String) throws {
        _ = try query(sql)
    }

    /// Runs `statements` in one round trip (multi-statement connections only), discarding results.
    /// - throws: ``BatchFailure`` naming the index of the statement that failed (the rest did not run).
    func executeBatch(_ statements: [String]) throws {
        let sql = statements.joined(separator: ";\n")
        let mysql = try openHandle()
        var index = 0
        do {
            try send(sql, mysql)
            repeat {
                if let result = mysql_store_result(mysql) {
                    mysql_free_result(result)
                } else if mysql_field_count(mysql) != 0 {
                    throw failure(sql: sql, mysql)
                }
                index += 1
            } while try nextResult(mysql, sql)
        } catch let error as SchemaSyncError {
            throw BatchFailure(index: min(index, statements.count - 1), error: error)
        }
    }

    /// A statement of ``executeBatch(_:)`` failed.
    struct BatchFailure: Error {
        /// The index in the batch of the statement that failed.
        let index: Int
        let error: SchemaSyncError
    }

    private func nextResult(_ mysql: UnsafeMutablePointer<MYSQL>, _ sql: String) throws -> Bool {
        let status = mysql_next_result(mysql)
        if status > 0 { throw failure(sql: sql, mysql) }
        return status == 0
    }

    private func send(_ sql: String, _ mysql: UnsafeMutablePointer<MYSQL>) throws {
        roundTrips += 1
        let status = sql.withCString { pointer in
            mysql_real_query(mysql, pointer, UInt(strlen(pointer)))
        }
        if status != 0 { throw failure(sql: sql, mysql) }
    }

    private func openHandle() throws -> UnsafeMutablePointer<MYSQL> {
        guard let handle else {
            throw SchemaSyncError(.connectionFailed, "the connection to '\(displayURL)' is closed")
        }
        return handle
    }

    /// The server's error code of the last failure (e.g. 1064 syntax, 1142 denied), for callers that branch on it.
    private(set) var lastErrorCode: UInt32 = 0

    private func failure(sql: String, _ mysql: UnsafeMutablePointer<MYSQL>) -> SchemaSyncError {
        let (code, message) = lastError()
        lastErrorCode = code
        if code == 2013 || code == 2006 || message.contains("Read timeout") {
            return SchemaSyncError(.timeout, "the server at '\(displayURL)' did not answer within \(readTimeout) s or closed the connection",
                                   hint: "check the server; raise the query timeout for very slow servers",
                                   cause: "[\(code)] \(message)")
        }
        return MariaDBError(code: code, message: message, sql: sql).asSchemaSyncError(url: displayURL)
    }

    private func lastError() -> (UInt32, String) {
        guard let handle else { return (0, "no connection") }
        let code = mysql_errno(handle)
        let message = mysql_error(handle).map { String(cString: $0) } ?? "unknown error"
        return (code, message)
    }

    /// Removes the password from a client message, in case a driver ever echoes it.
    private static func scrub(_ message: String, _ settings: MariaDBConnectionSettings) -> String {
        guard let password = settings.password, !password.isEmpty else { return message }
        return message.replacingOccurrences(of: password, with: "***")
    }

    private static func readRows(_ result: UnsafeMutablePointer<MYSQL_RES>) -> [[String?]] {
        let fieldCount = Int(mysql_num_fields(result))
        var rows: [[String?]] = []
        while let row = mysql_fetch_row(result) {
            guard let lengths = mysql_fetch_lengths(result) else { break }
            var values: [String?] = []
            values.reserveCapacity(fieldCount)
            for i in 0..<fieldCount {
                guard let cell = row[i] else { values.append(nil); continue }
                let bytes = UnsafeRawBufferPointer(start: cell, count: Int(lengths[i]))
                values.append(String(decoding: bytes, as: UTF8.self))
            }
            rows.append(values)
        }
        return rows
    }

    private static func configureTLS(_ mysql: UnsafeMutablePointer<MYSQL>, _ settings: MariaDBConnectionSettings) {
        func set(_ option: mysql_option, _ value: String?) {
            guard let value else { return }
            _ = value.withCString { mysql_options(mysql, option, $0) }
        }
        set(MYSQL_OPT_SSL_CA, settings.tlsCA)
        set(MYSQL_OPT_SSL_CAPATH, settings.tlsCAPath)
        set(MYSQL_OPT_SSL_CERT, settings.tlsCert)
        set(MYSQL_OPT_SSL_KEY, settings.tlsKey)
        set(MYSQL_OPT_SSL_CIPHER, settings.tlsCipher)
        var yes: my_bool = 1
        var no: my_bool = 0
        switch settings.tlsMode {
        case .disabled, .preferred:
            mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &no)
        case .required:
            mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &yes)
            mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &no)
        case .verifyCA, .verifyIdentity:
            mysql_options(mysql, MYSQL_OPT_SSL_ENFORCE, &yes)
            mysql_options(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &yes)
        }
    }
}
