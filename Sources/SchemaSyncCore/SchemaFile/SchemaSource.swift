import Foundation

/// Loads a desired schema from `--schema PATH`: a `.yaml`/`.yml`/`.json` neutral file, a `.sql`
/// file in the target's dialect, or a directory of such files (merged, in name order).
public enum SchemaSource {
    /// Turns dialect SQL into a neutral schema (usually ``DatabaseSession/schema(fromSQL:source:)``).
    public typealias SQLLoader = (_ sql: String, _ source: String) throws -> Schema

    /// File extensions read from a directory.
    public static let extensions: Set<String> = ["yaml", "yml", "json", "sql"]

    /// Whether loading `path` needs a database session (it is or contains `.sql`).
    public static func needsSQLLoader(_ path: String) -> Bool {
        (try? files(at: path))?.contains { $0.hasSuffix(".sql") } ?? false
    }

    /// Loads and merges the schema at `path`, then validates it as a whole.
    /// - throws: ``SchemaSyncError/Code/invalidSchema`` naming the file and problem.
    /// - parameter allowEmpty: an empty file, or files declaring nothing, are the empty schema
    ///   (`--allow-empty`, which the CLI accepts only with `--allow-destructive`).
    public static func load(path: String, sqlLoader: SQLLoader?, allowEmpty: Bool = false) throws -> Schema {
        var merged = Schema()
        var definitions: [EngineDefinition]? = []
        // The file digests, in order, while every part read so far came from a schema file.
        var digests: [String]? = []
        func merge(_ part: Schema, from file: String) throws {
            for table in part.tables where merged.table(named: table.name) != nil {
                throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(file)): table '\(InputEcho.cut(table.name))' is also declared in another file")
            }
            for view in part.views where merged.view(named: view.name) != nil {
                throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(file)): view '\(InputEcho.cut(view.name))' is also declared in another file")
            }
            merged.tables += part.tables
            merged.views += part.views
            // The engine's own definitions stand for the whole schema only when every part has them.
            if let captured = part.sourceDefinitions, let sofar = definitions {
                definitions = sofar + captured
            } else {
                definitions = nil
            }
            if let digest = part.sourceTextDigest, let sofar = digests { digests = sofar + [digest] } else { digests = nil }
        }
        // The .sql files of a directory are read together, so a statement may need an object
        // another file creates (a foreign key or view before its table, in any order).
        var sqlFiles: [(file: String, text: String)] = []
        for file in try files(at: path) {
            if file.lowercased().hasSuffix(".sql") {
                guard sqlLoader != nil else {
                    throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(file)): a .sql schema needs a database connection to read it")
                }
                let sql = try readText(file)
                guard !sql.trimmingWhitespaceAndNewlines().isEmpty else {
                    if allowEmpty { continue }
                    throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(file)): the schema file is empty",
                                          hint: "an empty file is refused so it can never mean 'drop everything'")
                }
                sqlFiles.append((file, sql))
            } else {
                try merge(try SchemaFileReader.read(path: file, allowEmpty: allowEmpty), from: file)
            }
        }
        if let sqlLoader, !sqlFiles.isEmpty {
            let source = sqlFiles.count == 1 ? sqlFiles[0].file : "\(path) (\(sqlFiles.count) .sql files)"
            let part = try sqlLoader(joinScripts(sqlFiles.map(\.text)), source)
            if part.tables.isEmpty && part.views.isEmpty && !allowEmpty {
                throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(source)): the SQL creates no tables and no views")
            }
            try merge(part, from: source)
        }
        if let definitions { merged.captureSourceDefinitions(definitions) }
        if let digests { merged.recordSourceText(digest: digests.count == 1 ? digests[0] : SourceTextDigest.of(digests, kind: "digests")) }
        do {
            try SchemaValidator.validate(merged)
        } catch var error as SchemaSyncError {
            error.message = "\(InputEcho.cut(path)): " + error.message
            throw error
        }
        return merged
    }

    /// The schema files at `path`: the file itself, or a directory's files in name order.
    public static func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SchemaSyncError(.invalidSchema, "schema path '\(InputEcho.cut(path))' does not exist")
        }
        guard isDirectory.boolValue else {
            let ext = (path as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else {
                throw SchemaSyncError(.invalidSchema, "schema file '\(InputEcho.cut(path))' has an unknown extension",
                                      hint: "use .yaml, .yml, .json or .sql")
            }
            return [path]
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw SchemaSyncError(.invalidSchema, "cannot read schema directory '\(InputEcho.cut(path))'", cause: error.localizedDescription)
        }
        let files = names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
            .sorted()
            .map { (path as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw SchemaSyncError(.invalidSchema, "schema directory '\(InputEcho.cut(path))' holds no .yaml, .yml, .json or .sql files")
        }
        return files
    }

    /// The scripts as one, a `;` added only where a script's last statement has none (an empty
    /// statement is an error on some engines).
    static func joinScripts(_ scripts: [String]) -> String {
        var out = ""
        for (i, script) in scripts.enumerated() {
            out += script
            guard i < scripts.count - 1 else { break }
            let lines = script.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
            let lastCode = lines.last { !$0.isEmpty && !$0.hasPrefix("--") } ?? ""
            out += lastCode.hasSuffix(";") || lastCode.isEmpty ? "\n" : "\n;\n"
        }
        return out
    }

    private static func readText(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SchemaSyncError(.invalidSchema, "cannot read schema file '\(InputEcho.cut(file))'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(file)): not UTF-8 text")
        }
        return text
    }
}
