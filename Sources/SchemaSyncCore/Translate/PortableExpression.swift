/// An SQL expression in the subset every engine can run: comparisons, IN, LIKE, BETWEEN,
/// IS [NOT] NULL, arithmetic, AND/OR/NOT, CASE, CAST to portable types, a few functions and
/// the current date and time. It is what a schema copied to another engine is translated
/// through: ``PortableExpressionParser`` reads one engine's text, ``PortableExpressionRenderer``
/// writes another's.
public indirect enum PortableExpression: Hashable, Sendable {
    /// A column, optionally qualified by a table or alias.
    case column(table: String?, name: String)
    /// `*` or `t.*` (select lists and `count(*)`).
    case star(table: String?)
    case string(String)
    /// A numeric literal as written (`0`, `-1.5`, `2e3`).
    case number(String)
    case boolean(Bool)
    case null
    /// `current_timestamp`, `current_date` or `current_time`.
    case now(ColumnDefault.PortableFunction)
    /// `NOT x`, `-x`, `+x`.
    case unary(String, PortableExpression)
    /// `=`, `<>`, `<`, `<=`, `>`, `>=`, `+`, `-`, `*`, `/`, `%`, `||`, `AND`, `OR`, `LIKE`, `NOT LIKE`.
    case binary(String, PortableExpression, PortableExpression)
    case isNull(PortableExpression, negated: Bool)
    case inList(PortableExpression, [PortableExpression], negated: Bool)
    case between(PortableExpression, low: PortableExpression, high: PortableExpression, negated: Bool)
    /// One of ``PortableExpression/functions`` (lower-case), e.g. `lower(email)`, `count(DISTINCT x)`.
    case function(String, [PortableExpression], distinct: Bool)
    case cast(PortableExpression, DataType)
    case caseWhen(subject: PortableExpression?, whens: [When], otherwise: PortableExpression?)

    /// One `WHEN condition THEN result` of a CASE.
    public struct When: Hashable, Sendable {
        public var condition: PortableExpression
        public var result: PortableExpression
        public init(condition: PortableExpression, result: PortableExpression) {
            self.condition = condition
            self.result = result
        }
    }

    /// Functions with the same meaning on every engine (MariaDB spells `length` `char_length`).
    public static let functions: Set<String> = [
        "lower", "upper", "length", "coalesce", "trim", "abs", "nullif", "round",
        "count", "sum", "min", "max", "avg",
    ]

    /// Other engines' names for the portable functions.
    public static let functionSynonyms: [String: String] = [
        "lcase": "lower", "ucase": "upper", "char_length": "length", "character_length": "length", "ifnull": "coalesce",
    ]

    /// Calls `body` on this expression and every expression inside it.
    public func visit(_ body: (PortableExpression) -> Void) {
        body(self)
        switch self {
        case .column, .star, .string, .number, .boolean, .null, .now: break
        case let .unary(_, x), let .isNull(x, _), let .cast(x, _): x.visit(body)
        case let .binary(_, a, b): a.visit(body); b.visit(body)
        case let .inList(x, list, _): x.visit(body); list.forEach { $0.visit(body) }
        case let .between(x, low, high, _): x.visit(body); low.visit(body); high.visit(body)
        case let .function(_, args, _): args.forEach { $0.visit(body) }
        case let .caseWhen(subject, whens, otherwise):
            subject?.visit(body)
            for when in whens { when.condition.visit(body); when.result.visit(body) }
            otherwise?.visit(body)
        }
    }
}

/// A SELECT in the portable subset: the body of a view copied to another engine.
public struct PortableSelect: Hashable, Sendable {
    /// One output column: an expression and its name.
    public struct Item: Hashable, Sendable {
        public var expression: PortableExpression
        public var alias: String?
    }
    /// A table in FROM: the first has no join; the others are `[LEFT|INNER|CROSS] JOIN ... ON`.
    public struct Source: Hashable, Sendable {
        public enum Join: String, Hashable, Sendable { case inner = "JOIN", left = "LEFT JOIN", cross = "CROSS JOIN" }
        public var table: String
        public var alias: String?
        public var join: Join?
        public var on: PortableExpression?
    }
    /// An ORDER BY key.
    public struct Order: Hashable, Sendable {
        public var expression: PortableExpression
        public var descending: Bool
    }

    public var distinct = false
    public var items: [Item] = []
    public var sources: [Source] = []
    public var filter: PortableExpression?
    public var groupBy: [PortableExpression] = []
    public var having: PortableExpression?
    public var orderBy: [Order] = []
}
