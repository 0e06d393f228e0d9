/// A view: a name and its defining query in the target's dialect.
public struct View: Hashable, Sendable, Codable {
    public var name: String
    /// The SELECT statement, without `CREATE VIEW ... AS`.
    public var definition: String
    /// Other views or tables this view reads, when known; used to order creates and drops.
    public var dependsOn: [String]
    public var comment: String?
    /// Typed dialect extras (PostgreSQL `postgresql.security_barrier`, ...), keyed `<dialect>.<name>`.
    public var attributes: [String: String]

    public init(name: String, definition: String, dependsOn: [String] = [], comment: String? = nil,
                attributes: [String: String] = [:]) {
        self.name = name
        self.definition = definition
        self.dependsOn = dependsOn
        self.comment = comment
        self.attributes = attributes
    }
}
