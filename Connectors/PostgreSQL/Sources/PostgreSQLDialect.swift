import Foundation
import SchemaSyncCore

/// PostgreSQL's dialect: quoting, capabilities, comparison hooks and rendering.
///
/// A dialect value is bound to one schema (`public` unless the URL says `?schema=NAME`): every
/// rendered statement names its objects schema-qualified, so the SQL means the same whatever
/// the reader's `search_path` is.
public struct PostgreSQLDialect: Dialect {
    /// The schema whose objects are managed.
    public var schema: String
    /// The server's `max_locks_per_transaction`, read at connect time; nil skips the lock estimate.
    public var maxLocksPerTransaction: Int?
    /// `--lock-timeout` in seconds (at least 1): apply's `SET LOCAL lock_timeout`, also in printed scripts.
    public var lockTimeoutSeconds: Int = 5
    /// `--online`: index builds, validations and SET NOT NULL on existing tables let writes go
    /// on (see ``PostgreSQLOnlineSteps``), partly after COMMIT.
    public var online = false
    /// `max_connections` + `max_prepared_transactions`: the lock table holds
    /// `maxLocksPerTransaction` × this many entries.
    public var lockSlots: Int

    public init(schema: String = "public", maxLocksPerTransaction: Int? = nil, lockSlots: Int = 100) {
        self.schema = schema
        self.maxLocksPerTransaction = maxLocksPerTransaction
        self.lockSlots = lockSlots
    }

    public var name: String { "postgresql" }

    public var capabilities: DialectCapabilities {
        DialectCapabilities(
            transactionalDDL: true, partialIndexes: true, expressionIndexes: true,
            uniqueConstraintsDistinctFromIndexes: true, namedForeignKeys: true, namedChecks: true,
            deferrableForeignKeys: true, identityAlways: true, views: true, comments: true,
            indexFeatures: IndexFeatures.all.subtracting(.prefixLengths), serialColumns: true, sequenceOptions: true, renamesConstraints: true,
            notValidConstraints: true, noInheritChecks: true, zeroColumnTables: true,
            matchFullForeignKeys: true, virtualGeneratedColumns: false,
            identifierLimit: IdentifierLimit(63, .bytes), schemaWideIndexNames: true)
    }

    public var typeAliases: [String: DataType] { PostgreSQLTypeMapping.aliases }

    public func quoteIdentifier(_ name: String) -> String {
        SQLQuoting.enclosing(name, in: "\"")
    }

    public func quoteString(_ value: String) -> String {
        // standard_conforming_strings is on since 9.1: only the quote needs doubling.
        SQLQuoting.enclosing(value, in: "'")
    }

    /// `"schema"."name"`.
    func qualified(_ name: String) -> String {
        quoteIdentifier(schema) + "." + quoteIdentifier(name)
    }

    public func typesEquivalent(desired: Column, actual: Column) -> Bool {
        PostgreSQLTypeMapping.comparisonKey(columnType(desired))
            == PostgreSQLTypeMapping.comparisonKey(columnType(actual))
    }

    public func defaultsEquivalent(desired: ColumnDefault?, actual: ColumnDefault?, column: Column) -> Bool {
        let type = columnType(column)
        let a = desired.flatMap { normalizedDefault($0, type: type) }
        let b = actual.flatMap { normalizedDefault($0, type: type) }
        switch (a, b) {
        case (nil, nil): return true
        case let (.number(x)?, .number(y)?):
            if x == y { return true }
            if let p = Decimal(string: x), let q = Decimal(string: y) { return p == q }
            return false
        case let (.expression(x)?, .expression(y)?): return expressionsEquivalent(x, y)
        default: return a == b
        }
    }

    /// A default re-read the way the catalog would show it (an `.expression("now()")` is the function).
    private func normalizedDefault(_ value: ColumnDefault, type: DataType) -> ColumnDefault? {
        switch value {
        case let .expression(text): return PostgreSQLDefaultParser.parse(text, type: type)
        case let .string(text) where PostgreSQLTypeMapping.isNumericType(type) && PostgreSQLDefaultParser.isNumber(text):
            return .number(text)
        default: return value
        }
    }

    public func expressionsEquivalent(_ a: String, _ b: String) -> Bool {
        let x = Self.comparable(a), y = Self.comparable(b)
        return x == y
    }

    /// Normalised text for expression comparison: whitespace, case, outer parentheses, a trailing
    /// semicolon, and the casts PostgreSQL adds to literals.
    static func comparable(_ text: String) -> String {
        var s = text.trimmingWhitespaceAndNewlines()
        while s.hasSuffix(";") { s = String(s.dropLast()).trimmingWhitespaceAndNewlines() }
        s = ExpressionText.normalized(s)
        let casts = #"::(text|character varying|bpchar|integer|bigint|smallint|numeric|jsonb|json|boolean|date|"#
            + #"timestamp with time zone|timestamp without time zone|double precision|real)(\[\])?"#
        s = s.replacingOccurrences(of: casts, with: "", options: .regularExpression)
        return ExpressionText.stripOuterParentheses(PostgreSQLParentheses.simplify(s))
    }

    /// Column attribute: the column's collation when not its type's default (`C`, `en_US`).
    public static let collationAttribute = "postgresql.collation"
    /// View attributes: the view's options, as `pg_class.reloptions` holds them.
    public static let viewOptionAttributes = ["postgresql.check_option", "postgresql.security_barrier", "postgresql.security_invoker"]

    public func attributesEquivalent(desired: [String: String], actual: [String: String]) -> Bool {
        // PostgreSQL's own attributes compare both ways: one the database has and the desired
        // schema does not name is a difference (the default), not "anything goes".
        let prefix = name + "."
        func own(_ map: [String: String]) -> [String: String] {
            map.filter { $0.key.hasPrefix(prefix) }.mapValues(PostgreSQLInspector.normalizedOptionValue)
        }
        return own(desired) == own(actual)
    }

    public func validate(_ schema: Schema) throws {
        for view in schema.views {
            for key in view.attributes.keys where key.hasPrefix("postgresql.") && !Self.viewOptionAttributes.contains(key) {
                throw SchemaSyncError(.invalidSchema, "view '\(view.name)': unknown PostgreSQL view attribute '\(key)'",
                                      hint: "use " + Self.viewOptionAttributes.joined(separator: ", "))
            }
        }
        for table in schema.tables {
            try PostgreSQLTableAttributes.validate(table)
            for column in table.columns {
                if column.identity == .serial, !columnType(column).isInteger {
                    throw SchemaSyncError(.invalidSchema,
                        "column '\(table.name).\(column.name)': a serial column needs smallint, integer or bigint, not \(columnType(column))",
                        hint: "declare the column as an integer type (smallserial, serial, bigserial)")
                }
                if column.sequence?.type != nil, column.identity != .serial {
                    throw SchemaSyncError(.invalidSchema,
                        "column '\(table.name).\(column.name)': only a serial column's sequence has its own type on PostgreSQL",
                        hint: "remove sequence.type; an identity's sequence has the column's type")
                }
            }
            for index in table.indexes {
                for key in index.storageParameters.keys
                where key.range(of: #"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$"#, options: .regularExpression) == nil {
                    throw SchemaSyncError(.invalidSchema,
                        "index '\(index.name)' on table '\(table.name)': '\(key)' is not a storage parameter name",
                        hint: "write parameters as in WITH (fillfactor = 70), e.g. with: { fillfactor: 70 }")
                }
            }
        }
    }

    /// Whether adding this check or key validates a NOT VALID one of the same name instead.
    private func validatesInPlace(_ change: Change, current: Schema) -> Bool {
        switch change {
        case let .addCheck(t, check):
            return !check.notValid && current.table(named: t)?.checks.contains { $0.name == check.name && $0.notValid } == true
        case let .addForeignKey(t, key):
            return !key.notValid && current.table(named: t)?.foreignKeys.contains { $0.name == key.name && $0.notValid } == true
        default:
            return false
        }
    }

    /// What apply runs around the statements: one transaction holding the schema's advisory lock.
    public func scriptPrologue() -> [String] {
        ["BEGIN", lockTimeoutStatement, writerLockStatement]
    }

    /// What apply runs first in its transaction: table locks wait at most the lock timeout.
    var lockTimeoutStatement: String { "SET LOCAL lock_timeout = '\(max(lockTimeoutSeconds, 1))s'" }

    /// Around the statements `--online` runs after COMMIT: each waits at most the lock timeout
    /// for its table lock, under a session-level writer lock.
    public func outsideTransactionPrologue() -> [String] {
        ["SET lock_timeout = '\(max(lockTimeoutSeconds, 1))s'", writerLockStatement.replacingOccurrences(of: "pg_advisory_xact_lock", with: "pg_advisory_lock")]
    }

    public func outsideTransactionEpilogue() -> [String] {
        [writerLockStatement.replacingOccurrences(of: "pg_advisory_xact_lock", with: "pg_advisory_unlock"), "RESET lock_timeout"]
    }

    /// Statements name the managed schema.
    public var statementScope: String? { schema }

    /// The writer lock every SchemaSync apply of this schema takes, released at COMMIT.
    var writerLockStatement: String {
        "SELECT pg_catalog.pg_advisory_xact_lock(\(PostgreSQLSession.advisoryLockClass), pg_catalog.hashtext(\(quoteString(schema))))"
    }

    public func scriptEpilogue() -> [String] { ["COMMIT"] }

    public func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] {
        // A plan that only creates new objects is split to fit instead (changesPerTransaction(creating:)).
        if let maxLocksPerTransaction, !Plan.onlyCreatesNewObjects(changes) {
            try PostgreSQLLockBudget(locksPerTransaction: maxLocksPerTransaction, slots: lockSlots).check(changes)
        }
        return try PostgreSQLRenderer(dialect: self).render(changes, current: current)
    }

    /// Splits a creation-only plan that needs more locks than one transaction can hold.
    public func changesPerTransaction(creating changes: [PlannedChange]) -> Int? {
        guard let maxLocksPerTransaction else { return nil }
        return PostgreSQLLockBudget(locksPerTransaction: maxLocksPerTransaction, slots: lockSlots).changesPerTransaction(changes)
    }

    public func notes(for change: Change, current: Schema) -> [String] {
        if validatesInPlace(change, current: current) {
            return ["validates the existing NOT VALID constraint in place (VALIDATE CONSTRAINT); rows are counted first"]
        }
        if case let .alterColumn(_, from, to, aspects) = change, aspects.contains(.type) {
            return ["rewrites the column with USING \(quoteIdentifier(to.name))::"
                + PostgreSQLTypeMapping.sql(for: columnType(to))
                + (from.defaultValue != nil ? "; the default is dropped and set again around the type change" : "")]
        }
        return []
    }
}
