/// A conformance expectation that did not hold, naming the scenario and what was wrong.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public let scenario: String
    public let message: String
    public var description: String { "[\(scenario)] \(message)" }
}

/// A scenario that does not apply to the engine (it lacks the capability the scenario tests):
/// reported as skipped with the reason, never as passed.
public struct ConformanceSkip: Error, CustomStringConvertible {
    public let scenario: String
    public let reason: String
    public var description: String { "[\(scenario)] skipped: \(reason)" }
}
