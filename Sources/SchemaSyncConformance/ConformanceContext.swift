import SchemaSyncCore

/// What a scenario works with: a session on a fresh empty database, plus helpers to seed rows,
/// read them back through the ``IndependentReader`` (not the session under test), and assert.
public final class ConformanceContext {
    public let session: any DatabaseSession
    /// Seeds and reads rows; nil when the suite was given none (then the session does, and
    /// ``readThroughSession`` records that it did).
    public let reader: (any IndependentReader)?
    public let scenario: String
    /// True once a row was seeded or read back through the session under test for want of a reader.
    private(set) var readThroughSession = false
    var dialect: any Dialect { session.dialect }
    var engine: SyncEngine { SyncEngine(session: session) }

    init(session: any DatabaseSession, reader: (any IndependentReader)?, scenario: String) {
        self.session = session
        self.reader = reader
        self.scenario = scenario
    }

    func fail(_ message: String) -> ConformanceFailure {
        ConformanceFailure(scenario: scenario, message: message)
    }

    /// Ends the scenario as skipped (not passed) unless the engine has what it tests.
    func requires(_ capability: Bool, _ reason: String) throws {
        if !capability { throw ConformanceSkip(scenario: scenario, reason: reason) }
    }

    func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw fail(message()) }
    }

    /// Applies `schema` and checks it converged: a second plan is empty and a second apply runs nothing.
    @discardableResult
    func applyAndConverge(_ schema: Schema, allowDestructive: Bool = false) throws -> SyncReport {
        let report = try engine.apply(desired: schema, allowDestructive: allowDestructive)
        let again = try engine.plan(desired: schema, allowDestructive: allowDestructive)
        try expect(again.plan.applicable.isEmpty,
                   "after apply the plan is not empty: " + again.plan.applicable.map { "\($0.change.objectPath) \($0.change.summary)" }.joined(separator: "; "))
        return report
    }

    /// Inserts rows of literal values (Int or String; nil for NULL), through the reader.
    func insert(_ table: String, _ columns: [String], _ rows: [[Any?]]) throws {
        for row in rows {
            let sql = insertStatement(table, columns, row)
            if let reader {
                do { try reader.execute(sql) } catch { throw fail("\(reader.name) could not seed \(table): \(error)") }
            } else {
                readThroughSession = true
                try session.execute(RenderedStatement(sql, changeIDs: []))
            }
        }
    }

    /// Asserts the database refuses to insert `row` (`constraint` says what should refuse it).
    /// Through a reader any refusal counts (the scenario then reads the rows back); through the
    /// session it must be an ``SchemaSyncError/Code/applyFailed`` error.
    func expectInsertRefused(_ table: String, _ columns: [String], _ row: [Any?], by constraint: String) throws {
        let sql = insertStatement(table, columns, row)
        if let reader {
            do { try reader.execute(sql) } catch { return }
        } else {
            readThroughSession = true
            do {
                try session.execute(RenderedStatement(sql, changeIDs: []))
            } catch let error as SchemaSyncError {
                try expect(error.code == .applyFailed, "expected an applyFailed error, got \(error.code): \(error)")
                return
            }
        }
        throw fail("the database accepted a row into \(table) that \(constraint) should refuse")
    }

    private func insertStatement(_ table: String, _ columns: [String], _ row: [Any?]) -> String {
        let q = dialect.quoteIdentifier
        let values = row.map { value -> String in
            switch value {
            case nil: return "NULL"
            case let i as Int: return String(i)
            case let s as String: return dialect.quoteString(s)
            default: return dialect.quoteString("\(value!)")
            }
        }
        return "INSERT INTO \(q(table)) (\(columns.map(q).joined(separator: ", "))) VALUES (\(values.joined(separator: ", ")))"
    }

    /// Reads `columns` of every row, ordered by the first column, as text, through the reader.
    func rows(_ table: String, _ columns: [String]) throws -> [[String?]] {
        let q = dialect.quoteIdentifier
        let sql = "SELECT \(columns.map(q).joined(separator: ", ")) FROM \(q(table)) ORDER BY \(q(columns[0]))"
        let rows: [[String?]]
        if let reader {
            do { rows = try reader.rows(sql) } catch { throw fail("\(reader.name) could not read \(table): \(error)") }
        } else {
            readThroughSession = true
            rows = try session.query(sql)
        }
        return rows.map { $0.map { $0.map(Self.normalizeNumber) } }
    }

    /// `5.00` → `5`, so engines that print decimals differently compare equal.
    static func normalizeNumber(_ text: String) -> String {
        guard text.contains("."), Double(text) != nil else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// Asserts the table holds exactly `expected` (ordered by the first column).
    func expectRows(_ table: String, _ columns: [String], _ expected: [[String?]]) throws {
        let actual = try rows(table, columns)
        try expect(actual == expected, "rows of \(table) are \(actual), expected \(expected)")
    }

    /// Asserts `body` throws a ``SchemaSyncError`` with `code` whose message contains `text`.
    func expectError(_ code: SchemaSyncError.Code, containing text: String? = nil, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as SchemaSyncError {
            try expect(error.code == code, "expected a \(code) error, got \(error.code): \(error)")
            if let text { try expect(error.description.contains(text), "error does not mention '\(text)': \(error)") }
            return
        }
        throw fail("expected a \(code) error, but nothing was thrown")
    }

    /// The inspected table, or a failure naming it.
    func inspectedTable(_ name: String) throws -> Table {
        guard let table = try session.inspect().table(named: name) else { throw fail("table \(name) is missing after apply") }
        return table
    }
}
