import SchemaSyncCore

/// What one scenario runs against: the session under test on a fresh, empty database, and an
/// ``IndependentReader`` on the same database that the kit seeds and reads rows through.
///
/// ```swift
/// let suite = ConformanceSuite {
///     let url = try freshEmptyDatabaseURL()
///     return ConformanceTarget(session: try MyConnector().connect(to: url, options: .init()),
///                              reader: PsqlReader(url: url))
/// }
/// ```
public struct ConformanceTarget {
    public var session: any DatabaseSession
    /// Nil only for suites made with ``ConformanceSuite/init(makeSession:)``.
    public var reader: (any IndependentReader)?

    public init(session: any DatabaseSession, reader: any IndependentReader) {
        self.session = session
        self.reader = reader
    }

    init(session: any DatabaseSession) {
        self.session = session
        self.reader = nil
    }
}
