import SchemaSyncCore

/// The conformance suite every connector passes, ours or a third party's.
///
/// Give it, per scenario, a session on a fresh, empty database and an ``IndependentReader`` on
/// the same database (the engine's own command-line client, say): the kit seeds rows and reads
/// them back through the reader, so a connector cannot pass by agreeing with itself.
/// ```swift
/// let suite = ConformanceSuite {
///     let url = try freshEmptyDatabaseURL()
///     return ConformanceTarget(session: try MyConnector().connect(to: url, options: .init()),
///                              reader: PsqlReader(url: url))
/// }
/// XCTAssertEqual(suite.failures(), [])   // prints one line per scenario
/// ```
/// Scenarios apply schemas with the real ``SyncEngine``, seed rows, and read them back with
/// plain queries: convergence (re-plan empty), replay safety, hostile identifiers, destructive
/// changes blocked by default, data checks refusing with counts, and rows surviving every change.
///
/// Without a reader yet, ``init(makeSession:)`` still runs every scenario, seeding and reading
/// rows through the session under test; each such result says so (``Result/readThroughSession``,
/// and its line ends with `(rows read through the session under test)`), and ``failures()``
/// prints a warning.
public struct ConformanceSuite {
    /// The outcome of one scenario.
    public struct Result: CustomStringConvertible, Sendable {
        public let scenario: String
        /// True when the scenario passed or was skipped (see ``skipped``): not a failure.
        public let passed: Bool
        public let message: String
        /// The scenario does not apply to the engine; ``message`` says why.
        public var skipped = false
        /// The name of the ``IndependentReader`` the scenario was given; nil when it had none.
        public var reader: String?
        /// True when the scenario seeded or read rows through the session under test because it
        /// had no reader: a connector whose query path returns wrong rows would pass it.
        public var readThroughSession = false
        /// `✓ name`, `✗ name: why`, or `- name — skipped: why`; a scenario that seeded or read
        /// rows through the session under test ends with `(rows read through the session under test)`.
        public var description: String {
            let line = skipped ? "- \(scenario) — skipped: \(message)" : passed ? "✓ \(scenario)" : "✗ \(scenario): \(message)"
            return readThroughSession && !skipped ? line + " (rows read through the session under test)" : line
        }
    }

    private let makeTarget: () throws -> ConformanceTarget

    /// - Parameter makeTarget: opens a session on a fresh, empty database and a reader on the
    ///   same database (called once per scenario).
    public init(makeTarget: @escaping () throws -> ConformanceTarget) {
        self.makeTarget = makeTarget
    }

    /// For a connector without an ``IndependentReader`` yet: rows are seeded and read back
    /// through the session under test, and the output says so. Prefer ``init(makeTarget:)``.
    /// - Parameter makeSession: opens a session on a fresh, empty database (called once per scenario).
    public init(makeSession: @escaping () throws -> any DatabaseSession) {
        self.makeTarget = { ConformanceTarget(session: try makeSession()) }
    }

    /// Every scenario, in a fixed order.
    public static var scenarios: [ConformanceScenario] { ConformanceScenarios.all }

    /// Runs one scenario; throws ``ConformanceFailure``, ``ConformanceSkip`` or the error that escaped.
    public func run(_ scenario: ConformanceScenario) throws {
        let result = self.result(of: scenario)
        if let error = result.error { throw error }
    }

    /// Runs every scenario and reports each.
    public func runAll() -> [Result] {
        Self.scenarios.map { scenario in
            let outcome = self.result(of: scenario)
            var result: Result
            switch outcome.error {
            case nil: result = Result(scenario: scenario.name, passed: true, message: "")
            case let skip as ConformanceSkip: result = Result(scenario: scenario.name, passed: true, message: skip.reason, skipped: true)
            case let error?: result = Result(scenario: scenario.name, passed: false, message: "\(error)")
            }
            result.reader = outcome.reader
            result.readThroughSession = outcome.readThroughSession
            return result
        }
    }

    private func result(of scenario: ConformanceScenario) -> (error: (any Error)?, reader: String?, readThroughSession: Bool) {
        let target: ConformanceTarget
        do { target = try makeTarget() } catch { return (error, nil, false) }
        defer { target.session.close() }
        let context = ConformanceContext(session: target.session, reader: target.reader, scenario: scenario.name)
        do {
            try scenario.body(context)
            return (nil, target.reader?.name, context.readThroughSession)
        } catch {
            return (error, target.reader?.name, context.readThroughSession)
        }
    }

    /// Runs every scenario, prints one line each (`✓ name` / `✗ name: why` /
    /// `- name — skipped: why`) and then which reader seeded and read the rows (a warning when
    /// it was the session under test), and returns the descriptions of those that failed:
    /// empty when the connector conforms.
    public func failures() -> [String] {
        let results = runAll()
        print(results.map(\.description).joined(separator: "\n"))
        print(Self.readBackSummary(results))
        return results.filter { !$0.passed }.map(\.description)
    }

    /// One line on how rows were seeded and read back: through which reader, or a warning
    /// counting the scenarios that used the session under test.
    public static func readBackSummary(_ results: [Result]) -> String {
        let throughSession = results.filter(\.readThroughSession)
        if !throughSession.isEmpty {
            return "⚠ \(throughSession.count) of \(results.count) scenarios seeded and read rows through the session under test, "
                + "not independently: a connector whose query path returns wrong rows passes them. "
                + "Give the suite an IndependentReader: ConformanceSuite { ConformanceTarget(session: ..., reader: ...) }"
        }
        let readers = Array(Set(results.compactMap(\.reader))).sorted()
        if readers.isEmpty { return "No independent reader was given, and no scenario read rows" }
        return "Rows seeded and read back through \(readers.joined(separator: ", ")), not the session under test"
    }
}
