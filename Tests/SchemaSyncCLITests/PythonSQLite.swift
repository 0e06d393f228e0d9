import Foundation

/// SQLite read and written independently of SchemaSync, through Python's sqlite3 module.
enum PythonSQLite {
    /// Runs SQL with Python's sqlite3 module (foreign keys on, as an application would);
    /// returns the rows, tab-separated; throws when SQLite refuses it.
    static func run(_ path: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.execute("PRAGMA foreign_keys = ON")
            if sys.argv[2].strip().upper().startswith("SELECT"):
                print("\\n".join("\\t".join(str(v) for v in row) for row in c.execute(sys.argv[2])))
            else:
                c.executescript(sys.argv[2])
            c.commit()
            """, path, sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let error = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "sqlite", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: error])
        }
        return text.trimmingCharacters(in: .newlines)
    }
}
