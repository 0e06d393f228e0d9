import SchemaSyncCore

/// PostgreSQL's table-level properties as typed table attributes: `postgresql.unlogged`,
/// `postgresql.with.<parameter>` (storage parameters such as fillfactor or autovacuum settings),
/// `postgresql.partition_by` (a partitioned table's key, as `pg_get_partkeydef` prints it),
/// `postgresql.inherits` (parents; schema-qualified when in another schema). They compare both
/// ways, so a property the database has and the schema omits is a difference, never silently
/// equal. Row level security goes with the policies, which are not managed: it is reported
/// (see ``rowSecurityNotes(_:table:)``), never switched.
enum PostgreSQLTableAttributes {
    static let unlogged = "postgresql.unlogged"
    static let withPrefix = "postgresql.with."
    static let partitionBy = "postgresql.partition_by"
    static let inherits = "postgresql.inherits"
    static let known: Set<String> = [unlogged, partitionBy, inherits]

    /// Attributes from a row of ``PostgreSQLCatalogQueries/tables(_:)``.
    static func read(_ row: [String?]) throws -> [String: String] {
        var attributes: [String: String] = [:]
        if row[3] == "u" { attributes[unlogged] = "true" }
        for (key, value) in try PostgreSQLInspector.storageParameters(row[4]) { attributes[withPrefix + key] = value }
        if let key = row[5] { attributes[partitionBy] = key }
        if let parents = row[6] { attributes[inherits] = parents }
        return attributes
    }

    /// Row level security on a table (enabled / forced), reported as not managed.
    static func rowSecurityNotes(_ row: [String?], table: String) -> [UnmanagedObject] {
        guard row[7] == "t" else { return [] }
        return [UnmanagedObject(kind: row[8] == "t" ? "row level security (forced)" : "row level security", name: table, table: table)]
    }

    /// Rejects unknown `postgresql.*` table attributes (a typo must not read as "no property").
    static func validate(_ table: Table) throws {
        for key in table.attributes.keys where key.hasPrefix("postgresql.") && !known.contains(key) {
            let parameter = key.hasPrefix(withPrefix) ? String(key.dropFirst(withPrefix.count)) : nil
            if let parameter, parameter.range(of: #"^[a-z_][a-z0-9_.]*$"#, options: .regularExpression) != nil { continue }
            throw SchemaSyncError(.invalidSchema, "table '\(table.name)': unknown PostgreSQL table attribute '\(key)'",
                                  hint: "use " + known.sorted().joined(separator: ", ") + " or postgresql.with.<storage parameter>")
        }
    }

    /// `CREATE [UNLOGGED] TABLE` prefix word, and the clauses after the column list.
    static func createClauses(_ table: Table, renderer: PostgreSQLRenderer) -> (prefix: String, suffix: String) {
        let a = table.attributes
        var suffix = ""
        if let parents = a[inherits] { suffix += " INHERITS (\(parents))" }
        if let key = a[partitionBy] { suffix += " PARTITION BY \(key)" }
        let parameters = storageParameters(a)
        if !parameters.isEmpty { suffix += " WITH (\(renderer.storageParameters(parameters)))" }
        return (a[unlogged] == "true" ? "UNLOGGED " : "", suffix)
    }

    /// Statements turning `from`'s properties into `to`'s.
    /// - throws: ``SchemaSyncError/Code/unsupportedChange`` for partitioning and inheritance.
    static func alter(from: Table, to: Table, qualified: String, renderer: PostgreSQLRenderer) throws -> [String] {
        let a = from.attributes, b = to.attributes
        for key in [partitionBy, inherits] where a[key] != b[key] {
            let what = key == partitionBy ? "partitioning" : "inheritance"
            throw SchemaSyncError(.unsupportedChange,
                "table '\(to.name)': PostgreSQL cannot change a table's \(what) in place (\(a[key] ?? "none") → \(b[key] ?? "none"))",
                hint: "create a new table with the declared \(what), move the rows, and drop the old one")
        }
        var sql: [String] = []
        if (a[unlogged] == "true") != (b[unlogged] == "true") {
            sql.append("ALTER TABLE \(qualified) SET \(b[unlogged] == "true" ? "UNLOGGED" : "LOGGED")")
        }
        let old = storageParameters(a), new = storageParameters(b)
        let reset = old.keys.filter { new[$0] == nil }.sorted()
        if !reset.isEmpty { sql.append("ALTER TABLE \(qualified) RESET (\(reset.joined(separator: ", ")))") }
        let set = new.filter { old[$0.key] != $0.value }
        if !set.isEmpty { sql.append("ALTER TABLE \(qualified) SET (\(renderer.storageParameters(set)))") }
        return sql
    }

    private static func storageParameters(_ attributes: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in attributes where key.hasPrefix(withPrefix) { result[String(key.dropFirst(withPrefix.count))] = value }
        return result
    }
}
