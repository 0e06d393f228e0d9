/// A whole schema: tables and views, plus objects seen but not managed.
public struct Schema: Hashable, Sendable, Codable {
    public var tables: [Table]
    public var views: [View]
    /// Objects the connector saw but SchemaSync does not manage (triggers, functions, ...).
    /// Reported, never changed. Empty for a desired schema.
    public var unmanaged: [UnmanagedObject]

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
