/// A whole schema: tables and views, plus objects seen but not managed.
public struct Schema: Hashable, Sendable, Codable {
    public var tables: [Table]
    public var views: [View]
    /// Objects the connector saw but SchemaSync does not manage (triggers, functions, ...).
    /// Reported, never changed. Empty for a desired schema.
    public var unmanaged: [UnmanagedObject]
    /// The engine's own definitions captured when this schema was read from SQL in the target's
    /// dialect, with the model they were captured with. Not encoded.
    public var source: SourceDefinitions? = nil
    /// The text this schema was read from, as a digest (see ``sourceTextDigest``). Not encoded.
    public var textDigest = SourceTextDigest()

    private enum CodingKeys: String, CodingKey { case tables, views, unmanaged }

    /// The engine's own definitions of this schema as its SQL created them (so verification
    /// compares with what the SQL itself made, including anything the model cannot hold); nil for
    /// neutral schema files, inspected databases, and a schema changed after it was read.
    public var sourceDefinitions: [EngineDefinition]? {
        guard let source, source.tables == tables, source.views == views else { return nil }
        return source.definitions
    }

    /// Records `definitions` as this schema's own, valid while its tables and views stay as they are now.
    public mutating func captureSourceDefinitions(_ definitions: [EngineDefinition]) {
        source = SourceDefinitions(definitions: definitions, tables: tables, views: views)
    }

    /// The SHA-256 of the schema-file text this schema was read from; nil for inspected
    /// databases, SQL read through a connector, and a schema changed after it was read.
    public var sourceTextDigest: String? {
        guard textDigest.value != nil, textDigest.tables == tables, textDigest.views == views else { return nil }
        return textDigest.value
    }

    /// Records `digest` (see ``SourceTextDigest/of(_:kind:)``) as the text of this schema's
    /// tables and views as they are now.
    public mutating func recordSourceText(digest: String) {
        textDigest = SourceTextDigest(value: digest, tables: tables, views: views)
    }

    public init(tables: [Table] = [], views: [View] = [], unmanaged: [UnmanagedObject] = []) {
        self.tables = tables
        self.views = views
        self.unmanaged = unmanaged
    }

    /// The table with this name, if any.
    public func table(named name: String) -> Table? {
        tables.first { $0.name == name }
    }

    /// The view with this name, if any.
    public func view(named name: String) -> View? {
        views.first { $0.name == name }
    }

    /// A copy with tables, views and every per-table list in a deterministic order
    /// (by name; columns keep their declared order).
    public func sorted() -> Schema {
        var copy = self
        copy.tables = tables.map { table in
            var t = table
            t.uniqueConstraints.sort { $0.name < $1.name }
            t.indexes.sort { $0.name < $1.name }
            t.foreignKeys.sort { $0.name < $1.name }
            t.checks.sort { $0.name < $1.name }
            return t
        }.sorted { $0.name < $1.name }
        copy.views.sort { $0.name < $1.name }
        copy.unmanaged.sort { ($0.kind, $0.name) < ($1.kind, $1.name) }
        return copy
    }
}

/// Engine definitions captured from a desired schema's SQL, with the model they describe.
public struct SourceDefinitions: Hashable, Sendable {
    public var definitions: [EngineDefinition]
    public var tables: [Table]
    public var views: [View]
    /// Where the connector ran the SQL (`a scratch database, dropped afterwards`), for telling the user.
    public var loadedIn: String? = nil
}

/// An object in the database that SchemaSync reports but never changes.
public struct UnmanagedObject: Hashable, Sendable, Codable {
    /// `trigger`, `function`, `sequence`, `procedure`, `event`, ...
    public var kind: String
    public var name: String
    /// The table it belongs to, if any.
    public var table: String?
    /// Its definition when the connector can read it (used to recreate triggers after a rebuild).
    public var definition: String?

    public init(kind: String, name: String, table: String? = nil, definition: String? = nil) {
        self.kind = kind
        self.name = name
        self.table = table
        self.definition = definition
    }
}
