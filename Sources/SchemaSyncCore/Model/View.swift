/// A view: a name and its defining query in the target's dialect.
public struct View: Hashable, Sendable, Codable {
    public var name: String
    /// The SELECT statement, without `CREATE VIEW ... AS`.
    public var definition: String
    /// Other views or tables this view reads, when known; used to order creates and drops.
    public var dependsOn: [String]
    public var comment: String?
    /// Typed dialect extras (`postgresql.security_barrier`, `mariadb.algorithm`, ...), keyed `<dialect>.<name>`.
    public var attributes: [String: String]

    public init(name: String, definition: String, dependsOn: [String] = [], comment: String? = nil,
                attributes: [String: String] = [:]) {
        self.name = name
        self.definition = definition
        self.dependsOn = dependsOn
        self.comment = comment
        self.attributes = attributes
    }

    private enum CodingKeys: String, CodingKey { case name, definition, dependsOn, comment, attributes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        definition = try c.decode(String.self, forKey: .definition)
        dependsOn = try c.decodeIfPresent([String].self, forKey: .dependsOn) ?? []
        comment = try c.decodeIfPresent(String.self, forKey: .comment)
        attributes = try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
    }
}
