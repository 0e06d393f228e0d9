import Foundation

/// Reads and seeds an SQLite database file with the `sqlite3` command-line shell (Debian package
/// `sqlite3`), not through any SchemaSync code.
///
/// ```swift
/// ConformanceTarget(session: try SQLiteConnector().connect(to: url, options: .init()),
///                   reader: SQLite3Reader(path: url.path))
/// ```
/// Each call runs `sqlite3 -batch -bail -ascii` with foreign keys on and a 5 s busy timeout.
/// Values are separated by U+001F, rows end with U+001E, and NULL prints as U+0018, so NULL and
/// the empty string differ; a value that itself holds one of those characters cannot be read.
public struct SQLite3Reader: IndependentReader {
    public let path: String
    let client: ClientProcess

    /// - Parameters:
    ///   - path: the database file (not `:memory:`: the shell must open the session's database).
    ///   - program: the shell, looked up on `PATH` unless it contains a `/`.
    public init(path: String, program: String = "sqlite3") {
        self.path = path
        client = ClientProcess(program: program, package: "sqlite3")
    }

    public var name: String { "sqlite3" }

    public func rows(_ sql: String) throws -> [[String?]] {
        let output = String(decoding: try client.run(arguments(sql)), as: UTF8.self)
        var records = output.split(separator: Separators.row, omittingEmptySubsequences: false)
        guard records.last == "" else {
            throw IndependentReaderError(program: client.program, message: "output does not end with a row separator: \(output.debugDescription)")
        }
        records.removeLast()
        return records.map { record in
            record.split(separator: Separators.value, omittingEmptySubsequences: false)
                .map { $0 == Separators.nullText ? nil : String($0) }
        }
    }

    public func execute(_ sql: String) throws {
        _ = try client.run(arguments(sql))
    }

    private func arguments(_ sql: String) -> [String] {
        // A path starting with "-" would read as an option.
        let file = path.hasPrefix("-") ? "./" + path : path
        return ["-batch", "-bail", "-ascii", "-nullvalue", Separators.nullText,
                "-cmd", ".timeout 5000", "-cmd", "PRAGMA foreign_keys = ON", file, sql]
    }
}

/// The control characters the readers ask the clients to separate values and rows with.
enum Separators {
    static let value: Character = "\u{1F}"
    static let row: Character = "\u{1E}"
    static let nullText = "\u{18}"
}
