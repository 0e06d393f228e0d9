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
    public static func load(path: String, sqlLoader: SQLLoader?) throws -> Schema {
        var merged = Schema()
        var sources = try files(at: path)
        // The .sql files of a directory are read together, so a statement in one may name a
        // table another creates (in any order).
        let sqlFiles = sources.filter { $0.lowercased().hasSuffix(".sql") }
        var combinedSQL: String?
        if sqlFiles.count > 1 {
            var parts: [String] = []
            for file in sqlFiles {
                let sql = try readText(file)
                guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw SchemaSyncError(.invalidSchema, "\(file): the schema file is empty",
                                          hint: "an empty file is refused so it can never mean 'drop everything'")
                }
                parts.append(sql)
            }
            combinedSQL = parts.joined(separator: "\n;\n")
            sources.removeAll { sqlFiles.contains($0) && $0 != sqlFiles[0] }
        }
        for file in sources {
            let part: Schema
            if file.lowercased().hasSuffix(".sql"), let sql = combinedSQL, let sqlLoader {
                part = try sqlLoader(sql, sqlFiles.joined(separator: ", "))
                if part.tables.isEmpty && part.views.isEmpty {
                    throw SchemaSyncError(.invalidSchema, "\(path): the SQL files create no tables and no views")
                }
            } else if file.lowercased().hasSuffix(".sql") {
                guard let sqlLoader else {
                    throw SchemaSyncError(.invalidSchema, "\(file): a .sql schema needs a database connection to read it")
                }
                let sql = try readText(file)
                guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                    throw SchemaSyncError(.invalidSchema, "\(file): the schema file is empty",
                                          hint: "an empty file is refused so it can never mean 'drop everything'")
                }
                part = try sqlLoader(sql, file)
                if part.tables.isEmpty && part.views.isEmpty {
                    throw SchemaSyncError(.invalidSchema, "\(file): the SQL creates no tables and no views")
                }
            } else {
                part = try SchemaFileReader.read(path: file)
            }
            for table in part.tables where merged.table(named: table.name) != nil {
                throw SchemaSyncError(.invalidSchema, "\(file): table '\(table.name)' is also declared in another file")
            }
            for view in part.views where merged.view(named: view.name) != nil {
                throw SchemaSyncError(.invalidSchema, "\(file): view '\(view.name)' is also declared in another file")
            }
            merged.tables += part.tables
            merged.views += part.views
        }
        do {
            try SchemaValidator.validate(merged)
        } catch var error as SchemaSyncError {
            error.message = "\(path): " + error.message
            throw error
        }
        return merged
    }

    /// The schema files at `path`: the file itself, or a directory's files in name order.
    public static func files(at path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SchemaSyncError(.invalidSchema, "schema path '\(path)' does not exist")
        }
        guard isDirectory.boolValue else {
            let ext = (path as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else {
                throw SchemaSyncError(.invalidSchema, "schema file '\(path)' has an unknown extension",
                                      hint: "use .yaml, .yml, .json or .sql")
            }
            return [path]
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw SchemaSyncError(.invalidSchema, "cannot read schema directory '\(path)'", cause: error.localizedDescription)
        }
        let files = names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
            .sorted()
            .map { (path as NSString).appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw SchemaSyncError(.invalidSchema, "schema directory '\(path)' holds no .yaml, .yml, .json or .sql files")
        }
        return files
    }

    private static func readText(_ file: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SchemaSyncError(.invalidSchema, "cannot read schema file '\(file)'")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SchemaSyncError(.invalidSchema, "\(file): not UTF-8 text")
        }
        return text
    }
}
