import Foundation
import SchemaSyncConformance
import SchemaSyncCore

/// Reads and seeds a Firebird database with `isql-fb` (Debian package `firebird3.0-utils`), not
/// through any SchemaSync code: the conformance suite's ``IndependentReader`` for Firebird.
///
/// The URL's user goes in `ISC_USER` and its password in `ISC_PASSWORD`, never in the
/// arguments or any output. Each call runs `isql-fb -q -b -ch UTF8 -i FILE host/port:path`
/// with the SQL in a temporary file (`SET AUTODDL OFF`, the statement, `COMMIT`).
///
/// Rows: isql prints tables for people, so a query is asked twice. First with
/// `SET SQLDA_DISPLAY ON` and `SET PLANONLY ON` (prepared, not run) for its number of
/// columns n; then as `SELECT <one text> FROM (query) AS Q (C1..Cn)` in `SET LIST ON` mode, the
/// text being each value cast to VARCHAR, prefixed `v` (or `n` for NULL) and joined by U+001F.
/// A value holding a line break or U+001F cannot be read; text longer than 8,000 / n
/// characters is refused by the server.
struct IsqlReader: IndependentReader {
    let url: DatabaseURL
    var program = "isql-fb"

    var name: String { "isql-fb" }

    func rows(_ sql: String) throws -> [[String?]] {
        let described = try run("SET SQLDA_DISPLAY ON;\nSET PLANONLY ON;\n\(sql);\n", commit: false)
        guard let line = described.split(separator: "\n").first(where: { $0.contains("OUTPUT message field count:") }),
              let count = Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)), count > 0 else {
            throw reader("cannot tell the columns of: \(sql)")
        }
        let width = max(1, 8000 / count)
        let columns = (1...count).map { "C\($0)" }
        let parts = columns.map { "COALESCE('v' || CAST(\($0) AS VARCHAR(\(width))), 'n')" }
        let wrapped = "SET LIST ON;\nSELECT \(parts.joined(separator: " || ASCII_CHAR(31) || ")) AS R FROM (\(sql)) AS Q (\(columns.joined(separator: ", ")));\n"
        let output = try run(wrapped, commit: false)
        var result: [[String?]] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            guard line.hasPrefix("R ") else { continue }
            let value = line.dropFirst(1).drop(while: { $0 == " " })
            let fields = value.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard fields.count == count else { throw reader("a row does not have \(count) values: \(line.prefix(200))") }
            result.append(fields.map { $0.first == "v" ? String($0.dropFirst()) : nil })
        }
        return result
    }

    func execute(_ sql: String) throws {
        _ = try run("\(sql);\n", commit: true)
    }

    private func run(_ sql: String, commit: Bool) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("isql-\(UUID().uuidString).sql")
        try ("SET AUTODDL OFF;\n" + sql + (commit ? "COMMIT;\n" : "")).write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let database = "\(url.host ?? "127.0.0.1")/\(url.port ?? 3050):\(url.databaseName)"
        process.arguments = [program, "-q", "-b", "-ch", "UTF8", "-i", file.path, database]
        var environment = ProcessInfo.processInfo.environment
        environment["ISC_USER"] = url.user ?? "SYSDBA"
        environment["ISC_PASSWORD"] = url.password ?? ""
        process.environment = environment
        // Output goes to files (not pipes), so a large result cannot fill a pipe and stall the client.
        let outFile = file.appendingPathExtension("out"), errFile = file.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outFile); try? FileManager.default.removeItem(at: errFile) }
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw reader("cannot run it: \(error) (install the Debian package firebird3.0-utils)") }
        process.waitUntilExit()
        let output = (try? Data(contentsOf: outFile)) ?? Data(), errors = (try? Data(contentsOf: errFile)) ?? Data()
        let stderr = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, stderr.isEmpty else {
            throw reader("exit status \(process.terminationStatus): \(stderr)")
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func reader(_ message: String) -> IsqlReaderError {
        IsqlReaderError(program: program, message: message)
    }
}

/// `isql-fb` could not run, or the server refused the SQL. (The kit's `IndependentReaderError`
/// has no public initialiser, so a reader outside the kit brings its own.)
struct IsqlReaderError: Error, CustomStringConvertible {
    let program: String
    let message: String
    var description: String { "\(program): \(message)" }
}
