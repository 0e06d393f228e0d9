/// One managed object's definition as the engine itself renders it — not as the neutral model
/// holds it — so verification cannot share the model's blind spots.
///
/// A connector reads these from its catalog (`pg_get_indexdef`, information_schema rows,
/// pragma rows, ...), with everything that names the schema or database removed, so the same
/// object in the target and in a scratch copy compares equal.
///
/// ```swift
/// EngineDefinition(kind: "index", table: "users", name: "users_email_key",
///                  text: "CREATE UNIQUE INDEX users_email_key ON users USING btree (email)")
/// ```
public struct EngineDefinition: Hashable, Sendable, Codable {
    /// What the object is: `table`, `column`, `index`, `constraint`, `view`, `sequence`, ...
    public var kind: String
    /// The table the object belongs to; nil for tables and views themselves.
    public var table: String?
    /// The object's name (for objects the engine keeps unnamed, a stable key derived from the definition).
    public var name: String
    /// The engine's own definition text.
    public var text: String

    public init(kind: String, table: String?, name: String, text: String) {
        self.kind = kind
        self.table = table
        self.name = name
        self.text = text
    }

    /// The kind of the row listing a table's columns in order, for engines that keep the order.
    public static let columnOrderKind = "column order"

    /// How users see the object: `users.email`, `users`, `view active_users`.
    public var objectPath: String {
        if let table { return "\(table).\(name)" }
        return kind == "view" ? "view \(name)" : name
    }

    /// The identity two definitions are matched by.
    public var key: String { "\(kind) \(table ?? "")\u{1F}\(name)" }

    /// ``key`` as a value that hashes its parts without joining them into a new string.
    struct Identity: Hashable {
        let kind: String
        let table: String?
        let name: String
    }

    var identity: Identity { Identity(kind: kind, table: table, name: name) }
}

/// A managed object whose engine definition differs between the database and the desired schema.
public struct DefinitionMismatch: Hashable, Sendable, Codable, CustomStringConvertible {
    public var kind: String
    public var objectPath: String
    /// The database's definition; nil when the object is missing there.
    public var actual: String?
    /// The definition a scratch copy of the desired schema has; nil when the desired schema has none.
    public var expected: String?

    public init(kind: String, objectPath: String, actual: String?, expected: String?) {
        self.kind = kind
        self.objectPath = objectPath
        self.actual = actual
        self.expected = expected
    }

    public var description: String { "\(kind) \(objectPath): \(detail)" }

    /// What differs, without the object's name.
    public var detail: String {
        switch (actual, expected) {
        case let (actual?, expected?):
            return "the database has `\(Self.excerpt(actual))`, the desired schema `\(Self.excerpt(expected))`"
        case let (actual?, nil):
            return "in the database (`\(Self.excerpt(actual))`), not in the desired schema"
        case let (nil, expected?):
            return "missing from the database (desired `\(Self.excerpt(expected))`)"
        case (nil, nil):
            return "differs"
        }
    }

    static func excerpt(_ text: String) -> String {
        text.count > 240 ? String(text.prefix(240)) + "…" : text
    }
}
