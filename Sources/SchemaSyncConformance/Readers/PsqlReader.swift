import Foundation
import SchemaSyncCore

/// Reads and seeds a PostgreSQL database with `psql` (Debian package `postgresql-client`), not
/// through any SchemaSync code.
///
/// ```swift
/// ConformanceTarget(session: try PostgreSQLConnector().connect(to: url, options: .init()),
///                   reader: PsqlReader(url: url))
/// ```
/// The URL's host, port, user and database become `-h`, `-p`, `-U` and `-d`; its password goes
/// in `PGPASSWORD` and `sslmode` in `PGSSLMODE`, never in the arguments or any output. Each call
/// runs `psql -X -w -q -A -v ON_ERROR_STOP=1 -c SQL` with values separated by U+001F, rows by
/// U+001E and NULL printed as U+0018 (so NULL and the empty string differ); the row-count footer
/// is checked against the rows parsed.
public struct PsqlReader: IndependentReader {
    public let url: DatabaseURL
    let client: ClientProcess

    /// - Parameters:
    ///   - url: the session's database (`postgres://user:pass@host:port/db?sslmode=...`).
    ///   - program: the client, looked up on `PATH` unless it contains a `/`.
    public init(url: DatabaseURL, program: String = "psql") {
        self.url = url
        client = ClientProcess(program: program, package: "postgresql-client")
    }

    public var name: String { "psql" }

    public func rows(_ sql: String) throws -> [[String?]] {
        let output = String(decoding: try run(sql, footer: true), as: UTF8.self)
        // Header, rows, "(N rows)" footer, each ended by the row separator but the last by "\n".
        var text = Substring(output)
        if text.hasSuffix("\n") { text.removeLast() }
        var records = text.split(separator: Separators.row, omittingEmptySubsequences: false)
        guard records.count >= 2, let footer = records.last, let count = Self.rowCount(footer) else {
            throw IndependentReaderError(program: client.program, message: "unexpected output: \(output.prefix(200).debugDescription)")
        }
        records.removeFirst()
        records.removeLast()
        guard records.count == count else {
            throw IndependentReaderError(program: client.program,
                                         message: "parsed \(records.count) rows, psql reports \(count) (a value holds a separator?)")
        }
        return records.map { record in
            record.split(separator: Separators.value, omittingEmptySubsequences: false)
                .map { $0 == Separators.nullText ? nil : String($0) }
        }
    }

    public func execute(_ sql: String) throws {
        _ = try run(sql, footer: false)
    }

    /// `(3 rows)` / `(1 row)` → the count.
    static func rowCount(_ footer: Substring) -> Int? {
        guard footer.hasPrefix("("), footer.hasSuffix(")") else { return nil }
        let words = footer.dropFirst().dropLast().split(separator: " ")
        guard words.count == 2, words[1] == "row" || words[1] == "rows" else { return nil }
        return Int(words[0])
    }

    private func run(_ sql: String, footer: Bool) throws -> Data {
        var arguments = ["-X", "-w", "-q", "-A", "-v", "ON_ERROR_STOP=1",
                         "-F", String(Separators.value), "-R", String(Separators.row),
                         "-P", "null=" + Separators.nullText, "-P", "footer=" + (footer ? "on" : "off")]
        if let host = url.host { arguments += ["-h", host] }
        if let port = url.port { arguments += ["-p", String(port)] }
        if let user = url.user { arguments += ["-U", user] }
        if !url.databaseName.isEmpty { arguments += ["-d", url.databaseName] }
        arguments += ["-c", sql]
        // C messages, so the footer is English; UTF-8 whatever the locale.
        var environment = ["LC_ALL": "C", "PGCLIENTENCODING": "UTF8", "PGCONNECT_TIMEOUT": "10"]
        if let password = url.password { environment["PGPASSWORD"] = password }
        if let sslmode = url.query["sslmode"] { environment["PGSSLMODE"] = sslmode }
        return try client.run(arguments, environment: environment)
    }
}
