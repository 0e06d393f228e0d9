/// One conformance scenario: a name and a body run against a fresh empty database.
public struct ConformanceScenario: Sendable {
    public let name: String
    let body: @Sendable (ConformanceContext) throws -> Void

    public init(name: String, body: @escaping @Sendable (ConformanceContext) throws -> Void) {
        self.name = name
        self.body = body
    }
}
