/// A conformance expectation that did not hold, naming the scenario and what was wrong.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public let scenario: String
    public let message: String
    public var description: String { "[\(scenario)] \(message)" }
}
