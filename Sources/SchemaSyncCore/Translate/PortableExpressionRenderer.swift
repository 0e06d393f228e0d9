/// Writes a ``PortableExpression`` or ``PortableSelect`` in a dialect: its identifier and string
/// quoting, and its spelling of functions, operators and cast types (``Dialect/portableFunction(_:arguments:distinct:)``,
/// ``Dialect/portableOperator(_:_:_:)``, ``Dialect/portableCastType(_:)``). Every compound
/// operand is parenthesised, so the result means the same whatever the engine's precedence.
public struct PortableExpressionRenderer {
    public let dialect: any Dialect

    public init(dialect: any Dialect) { self.dialect = dialect }

    /// The expression as this dialect's SQL; throws when the dialect cannot cast to a type.
    public func render(_ expression: PortableExpression) throws -> String {
        switch expression {
        case let .column(table, name):
            return (table.map { dialect.quoteIdentifier($0) + "." } ?? "") + dialect.quoteIdentifier(name)
        case let .star(table): return (table.map { dialect.quoteIdentifier($0) + "." } ?? "") + "*"
        case let .string(s): return dialect.quoteString(s)
        case let .number(n): return n
        case let .boolean(b): return b ? "TRUE" : "FALSE"
        case .null: return "NULL"
        case let .now(function): return function.rawValue.uppercased()
        case let .unary(op, x): return op == "NOT" ? "NOT \(try operand(x))" : "\(op)\(try operand(x))"
        case let .binary(op, a, b):
            let left = try operand(a), right = try operand(b)
            return dialect.portableOperator(op, left, right) ?? "\(left) \(op) \(right)"
        case let .isNull(x, negated): return "\(try operand(x)) IS \(negated ? "NOT " : "")NULL"
        case let .inList(x, list, negated):
            return "\(try operand(x)) \(negated ? "NOT " : "")IN (\(try list.map(render).joined(separator: ", ")))"
        case let .between(x, low, high, negated):
            return "\(try operand(x)) \(negated ? "NOT " : "")BETWEEN \(try operand(low)) AND \(try operand(high))"
        case let .function(name, args, distinct):
            return dialect.portableFunction(name, arguments: try args.map(render), distinct: distinct)
        case let .cast(x, type):
            guard let typeName = dialect.portableCastType(type) else {
                throw PortableExpressionParser.Unsupported(reason: "a cast to \(type), which \(dialect.name) cannot express")
            }
            return "CAST(\(try render(x)) AS \(typeName))"
        case let .caseWhen(subject, whens, otherwise):
            var text = "CASE"
            if let subject { text += " " + (try operand(subject)) }
            for when in whens { text += " WHEN \(try render(when.condition)) THEN \(try render(when.result))" }
            if let otherwise { text += " ELSE \(try render(otherwise))" }
            return text + " END"
        }
    }

    private func operand(_ x: PortableExpression) throws -> String {
        switch x {
        case .unary, .binary, .isNull, .inList, .between: return "(\(try render(x)))"
        default: return try render(x)
        }
    }

    /// The SELECT as this dialect's SQL.
    public func render(_ select: PortableSelect) throws -> String {
        var text = "SELECT " + (select.distinct ? "DISTINCT " : "")
        text += try select.items.map { item in
            try render(item.expression) + (item.alias.map { " AS " + dialect.quoteIdentifier($0) } ?? "")
        }.joined(separator: ", ")
        text += " FROM "
        for (index, source) in select.sources.enumerated() {
            if index > 0 { text += " \(source.join?.rawValue ?? "JOIN") " } // never a comma: it binds looser than JOIN
            text += dialect.quoteIdentifier(source.table) + (source.alias.map { " " + dialect.quoteIdentifier($0) } ?? "")
            if let on = source.on { text += " ON \(try render(on))" }
        }
        if let filter = select.filter { text += " WHERE \(try render(filter))" }
        if !select.groupBy.isEmpty { text += " GROUP BY " + (try select.groupBy.map(render).joined(separator: ", ")) }
        if let having = select.having { text += " HAVING \(try render(having))" }
        if !select.orderBy.isEmpty {
            text += " ORDER BY " + (try select.orderBy.map { try render($0.expression) + ($0.descending ? " DESC" : "") }.joined(separator: ", "))
        }
        return text
    }
}
