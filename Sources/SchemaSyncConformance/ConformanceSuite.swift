import SchemaSyncCore

/// The conformance suite every connector passes, ours or a third party's.
///
/// Give it a way to open a session on a fresh, empty database; each scenario gets its own.
/// ```swift
/// let suite = ConformanceSuite { try MyConnector().connect(to: freshDatabaseURL(), options: .init()) }
/// XCTAssertEqual(suite.failures(), [])   // prints one line per scenario
/// ```
/// Scenarios apply schemas with the real ``SyncEngine``, seed rows, and read them back with
/// plain queries: convergence (re-plan empty), replay safety, hostile identifiers, destructive
/// changes blocked by default, data checks refusing with counts, and rows surviving every change.
public struct ConformanceSuite {
    /// The outcome of one scenario.
    public struct Result: CustomStringConvertible, Sendable {
        public let scenario: String
        /// True when the scenario passed or was skipped (see ``skipped``): not a failure.
        public let passed: Bool
        public let message: String
        /// The scenario does not apply to the engine; ``message`` says why.
        public var skipped = false
        /// `✓ name`, `✗ name: why`, or `- name — skipped: why`.
        public var description: String {
            skipped ? "- \(scenario) — skipped: \(message)" : passed ? "✓ \(scenario)" : "✗ \(scenario): \(message)"
        }
    }

    private let makeSession: () throws -> any DatabaseSession

    /// - Parameter makeSession: opens a session on a fresh, empty database (called once per scenario).
    public init(makeSession: @escaping () throws -> any DatabaseSession) {
        self.makeSession = makeSession
    }

    /// Every scenario, in a fixed order.
    public static var scenarios: [ConformanceScenario] { ConformanceScenarios.all }

    /// Runs one scenario; throws ``ConformanceFailure``, ``ConformanceSkip`` or the error that escaped.
    public func run(_ scenario: ConformanceScenario) throws {
        let session = try makeSession()
        defer { session.close() }
        try scenario.body(ConformanceContext(session: session, scenario: scenario.name))
    }

    /// Runs every scenario and reports each.
    public func runAll() -> [Result] {
        Self.scenarios.map { scenario in
            do {
                try run(scenario)
                return Result(scenario: scenario.name, passed: true, message: "")
            } catch let skip as ConformanceSkip {
                return Result(scenario: scenario.name, passed: true, message: skip.reason, skipped: true)
            } catch {
                return Result(scenario: scenario.name, passed: false, message: "\(error)")
            }
        }
    }

    /// Runs every scenario, prints one line each (`✓ name` / `✗ name: why` /
    /// `- name — skipped: why`), and returns the descriptions of those that failed: empty when
    /// the connector conforms.
    public func failures() -> [String] {
        let results = runAll()
        print(results.map(\.description).joined(separator: "\n"))
        return results.filter { !$0.passed }.map(\.description)
    }
}
