import Foundation
import SchemaSyncCore

/// A live database named where a schema path is expected (`--schema URL`, a side of `diff`):
/// its tables and views, as its inspector reads them, are the desired schema.
enum LiveSchemaSource {
    /// A database URL when `source` names a registered scheme and is not an existing path, else nil.
    static func url(_ source: String) throws -> DatabaseURL? {
        guard source.contains(":"), !FileManager.default.fileExists(atPath: source) else { return nil }
        let url = try DatabaseURL(parsing: source)
        guard CLIEnvironment.registry.connector(forScheme: url.scheme) != nil else {
            throw SchemaSyncError(.unknownScheme, "no connector for URL scheme '\(InputEcho.cut(url.scheme))' in '\(InputEcho.cut(url))'",
                                  hint: "known schemes: \(CLIEnvironment.registry.schemes.joined(separator: ", ")); or give an existing schema path")
        }
        return url
    }

    /// Reads the source database (read only: a missing SQLite file is not created) and returns
    /// its schema for `target` — translated, with every lossy mapping, when the engines differ.
    /// Objects SchemaSync does not manage are not copied, and a note names them.
    static func load(_ url: DatabaseURL, for target: any DatabaseSession, targetURL: DatabaseURL,
                     options: ConnectionOptions, allowLossy: Bool) throws -> (Schema, CrossEngineCopy?) {
        guard url != targetURL else {
            throw SchemaSyncError(.usage, "--schema names the target database itself",
                                  hint: "pass another database (or a schema file) as the desired schema")
        }
        var readOnly = options
        readOnly.createIfMissing = false
        let source = try CLIEnvironment.registry.connect(to: url, options: readOnly)
        defer { source.close() }
        var schema = try source.inspect()
        if !schema.unmanaged.isEmpty {
            let names = schema.unmanaged.prefix(5).map { "\($0.kind) \($0.name)" }.joined(separator: ", ")
                + (schema.unmanaged.count > 5 ? " and \(schema.unmanaged.count - 5) more" : "")
            CLIEnvironment.err("note: \(url) holds objects SchemaSync does not manage; they are not copied: \(names)")
            schema.unmanaged = []
        }
        guard source.dialect.name != target.dialect.name else { return (schema, nil) }
        let (translated, copy) = try CrossEngineCopy.translate(schema, from: source.dialect, to: target.dialect,
                                                               sourceURL: url, allowLossy: allowLossy)
        return (translated, copy)
    }
}
