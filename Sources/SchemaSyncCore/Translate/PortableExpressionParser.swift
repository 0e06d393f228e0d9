/// Reads expression and SELECT text as the engines print it back from their catalogs into a
/// ``PortableExpression`` / ``PortableSelect``. It accepts the spellings of all three engines —
/// `"x"` and `` `x` `` identifiers, PostgreSQL's `x::type` casts and `= ANY (ARRAY[...])`,
/// MariaDB's `_utf8mb4'...'` introducers — as one grammar, with no dialect switch; anything
/// outside the portable subset throws ``Unsupported`` naming what it met.
public struct PortableExpressionParser {
    /// The text uses something outside the portable subset.
    public struct Unsupported: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { reason }
    }

    enum Token: Equatable {
        case word(String, quoted: Bool)
        case string(String)
        case number(String)
        case symbol(String)
    }

    private var tokens: [Token]
    private var position = 0
    private var depth = 0
    private var operators = 0
    /// More operators than this (a left-deep chain renders recursively) are refused too.
    static let maximumOperators = 5_000
    /// Deeper nesting is refused rather than risking the stack (no real schema comes close).
    static let maximumDepth = 200

    /// The source dialect's names for portable types (``Dialect/typeAliases``), for casts.
    private let typeAliases: [String: DataType]

    /// Parses one expression (a check, default, predicate, index or generated expression);
    /// a cast's type name may be one of `typeAliases` (the source dialect's).
    public static func expression(_ text: String, typeAliases: [String: DataType] = [:]) throws -> PortableExpression {
        var parser = try PortableExpressionParser(text, typeAliases: typeAliases)
        let expression = try parser.parseExpression(0)
        try parser.expectEnd()
        return expression.simplified()
    }

    /// Parses a view body: one SELECT.
    public static func select(_ text: String, typeAliases: [String: DataType] = [:]) throws -> PortableSelect {
        var parser = try PortableExpressionParser(text, typeAliases: typeAliases)
        let select = try parser.parseSelect()
        try parser.expectEnd()
        return select.simplified()
    }

    init(_ text: String, typeAliases: [String: DataType] = [:]) throws {
        tokens = try Self.tokenize(text)
        self.typeAliases = typeAliases
    }

    // MARK: Tokens

    static func tokenize(_ text: String) throws -> [Token] {
        let chars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isWordStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
        func isWordPart(_ c: Unicode.Scalar) -> Bool { isWordStart(c) || ("0"..."9").contains(c) || c == "$" }
        while i < chars.count {
            let c = chars[i]
            if c.properties.isWhitespace { i += 1; continue }
            if c == "-" && i + 1 < chars.count && chars[i + 1] == "-" {
                while i < chars.count && chars[i] != "\n" { i += 1 }
                continue
            }
            if c == "'" || c == "\"" || c == "`" {
                var value = String.UnicodeScalarView()
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == c {
                        if i + 1 < chars.count && chars[i + 1] == c { value.append(c); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    value.append(chars[i])
                    i += 1
                }
                guard closed else { throw Unsupported(reason: "an unterminated quote") }
                let text = String(value)
                if c == "'" && text.contains("\\") {
                    // MariaDB reads backslash escapes, the others do not: the value is uncertain.
                    throw Unsupported(reason: "a string with a backslash (engines read escapes differently)")
                }
                if c == "'" {
                    // A charset introducer (`_utf8mb4'x'`) only labels the string.
                    if case let .word(word, quoted: false)? = tokens.last, word.hasPrefix("_") { tokens.removeLast() }
                    tokens.append(.string(text))
                } else {
                    tokens.append(.word(text, quoted: true))
                }
                continue
            }
            if ("0"..."9").contains(c) || (c == "." && i + 1 < chars.count && ("0"..."9").contains(chars[i + 1])) {
                var value = String.UnicodeScalarView()
                while i < chars.count, ("0"..."9").contains(chars[i]) || chars[i] == "." { value.append(chars[i]); i += 1 }
                if i < chars.count, chars[i] == "e" || chars[i] == "E" {
                    value.append(chars[i]); i += 1
                    if i < chars.count, chars[i] == "+" || chars[i] == "-" { value.append(chars[i]); i += 1 }
                    while i < chars.count, ("0"..."9").contains(chars[i]) { value.append(chars[i]); i += 1 }
                }
                tokens.append(.number(String(value)))
                continue
            }
            if isWordStart(c) {
                var value = String.UnicodeScalarView()
                while i < chars.count, isWordPart(chars[i]) { value.append(chars[i]); i += 1 }
                tokens.append(.word(String(value), quoted: false))
                continue
            }
            let rest = String(String.UnicodeScalarView(chars[i..<min(i + 3, chars.count)]))
            let symbol = ["!~~", "::", "<>", "!=", "<=", ">=", "||", "~~"].first { rest.hasPrefix($0) }
                ?? (["(", ")", ",", ".", "=", "<", ">", "+", "-", "*", "/", "%", "[", "]", ";"].contains(String(c)) ? String(c) : nil)
            guard let symbol else { throw Unsupported(reason: "the symbol '\(c)'") }
            tokens.append(.symbol(symbol))
            i += symbol.unicodeScalars.count
        }
        return tokens
    }

    private var current: Token? { position < tokens.count ? tokens[position] : nil }
    private func peek(_ offset: Int = 0) -> Token? { position + offset < tokens.count ? tokens[position + offset] : nil }

    private func isKeyword(_ word: String, at offset: Int = 0) -> Bool {
        if case let .word(w, quoted: false)? = peek(offset) { return w.lowercased() == word }
        return false
    }

    private func isSymbol(_ symbol: String, at offset: Int = 0) -> Bool { peek(offset) == .symbol(symbol) }

    private mutating func take(keyword: String) -> Bool {
        guard isKeyword(keyword) else { return false }
        position += 1
        return true
    }

    private mutating func take(symbol: String) -> Bool {
        guard isSymbol(symbol) else { return false }
        position += 1
        return true
    }

    private mutating func expect(symbol: String) throws {
        guard take(symbol: symbol) else { throw Unsupported(reason: "expected '\(symbol)' \(where_)") }
    }

    private mutating func expect(keyword: String) throws {
        guard take(keyword: keyword) else { throw Unsupported(reason: "expected \(keyword.uppercased()) \(where_)") }
    }

    private mutating func expectEnd() throws {
        _ = take(symbol: ";")
        guard current == nil else { throw Unsupported(reason: "unexpected \(describe(current!))") }
    }

    private var where_: String { current.map { "before \(describe($0))" } ?? "at the end" }

    private func describe(_ token: Token) -> String {
        switch token {
        case let .word(w, _): return "'\(w)'"
        case let .string(s): return "'\(s)'"
        case let .number(n): return n
        case let .symbol(s): return "'\(s)'"
        }
    }

    // MARK: Expressions

    /// Words that end an expression or a select item and are never a bare column name.
    static let reserved: Set<String> = [
        "from", "where", "group", "order", "having", "join", "left", "right", "inner", "outer", "cross", "full",
        "on", "as", "and", "or", "not", "is", "in", "like", "between", "case", "when", "then", "else", "end",
        "asc", "desc", "union", "limit", "offset", "select", "distinct", "all", "any", "some", "escape", "by", "over",
        "current_user", "session_user", "current_role", "current_schema", "current_catalog",
    ]

    private static let comparisons: Set<String> = ["=", "<>", "!=", "<", "<=", ">", ">="]

    mutating func parseExpression(_ minimum: Int) throws -> PortableExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Unsupported(reason: "an expression nested more than \(Self.maximumDepth) levels deep") }
        var left = try parsePrefix()
        while let token = current {
            if case .symbol("::") = token {
                position += 1
                left = .cast(left, try parseType())
                continue
            }
            let negated = isKeyword("not") && (isKeyword("in", at: 1) || isKeyword("like", at: 1) || isKeyword("between", at: 1))
            let op: String
            switch token {
            case let .word(w, quoted: false):
                let word = negated ? (peek(1).flatMap { if case let .word(x, _) = $0 { x.lowercased() } else { nil } } ?? "") : w.lowercased()
                guard ["or", "and", "is", "in", "like", "between"].contains(word) else { return left }
                op = word
            case let .symbol(s) where Self.comparisons.contains(s) || ["||", "+", "-", "*", "/", "%", "~~", "!~~"].contains(s):
                op = s
            default:
                return left
            }
            let precedence: Int
            switch op {
            case "or": precedence = 1
            case "and": precedence = 2
            case "is", "in", "like", "between", "~~", "!~~": precedence = 4
            case _ where Self.comparisons.contains(op): precedence = 4
            case "||": precedence = 5
            case "+", "-": precedence = 6
            default: precedence = 7
            }
            guard precedence > minimum else { return left }
            operators += 1
            guard operators <= Self.maximumOperators else { throw Unsupported(reason: "an expression of more than \(Self.maximumOperators) operators") }
            position += negated ? 2 : 1
            switch op {
            case "or", "and":
                left = .binary(op.uppercased(), left, try parseExpression(precedence))
            case "is":
                let not = take(keyword: "not")
                guard take(keyword: "null") else { throw Unsupported(reason: "IS \(not ? "NOT " : "")\(current.map(describe) ?? "")") }
                left = .isNull(left, negated: not)
            case "in":
                try expect(symbol: "(")
                if isKeyword("select") { throw Unsupported(reason: "a subquery") }
                var list = [try parseExpression(0)]
                while take(symbol: ",") { list.append(try parseExpression(0)) }
                try expect(symbol: ")")
                left = .inList(left, list, negated: negated)
            case "like", "~~", "!~~":
                let right = try parseExpression(precedence)
                if take(keyword: "escape") { throw Unsupported(reason: "LIKE ... ESCAPE") }
                left = .binary(negated || op == "!~~" ? "NOT LIKE" : "LIKE", left, right)
            case "between":
                let low = try parseExpression(precedence)
                try expect(keyword: "and")
                left = .between(left, low: low, high: try parseExpression(precedence), negated: negated)
            default:
                if Self.comparisons.contains(op), isKeyword("any") || isKeyword("all") || isKeyword("some") {
                    left = try parseArrayComparison(left, op: op)
                } else {
                    left = .binary(op == "!=" ? "<>" : op, left, try parseExpression(precedence))
                }
            }
        }
        return left
    }

    /// PostgreSQL's `x = ANY (ARRAY[a, b])` is `x IN (a, b)`; `x <> ALL (ARRAY[...])` is NOT IN.
    private mutating func parseArrayComparison(_ left: PortableExpression, op: String) throws -> PortableExpression {
        let all = isKeyword("all")
        position += 1
        try expect(symbol: "(")
        var parens = 0
        while take(symbol: "(") { parens += 1 }
        try expect(keyword: "array")
        try expect(symbol: "[")
        var list = [try parseExpression(0)]
        while take(symbol: ",") { list.append(try parseExpression(0)) }
        try expect(symbol: "]")
        for _ in 0..<parens {
            try expect(symbol: ")")
            if take(symbol: "::") { _ = try parseType(allowArray: true) }
        }
        if take(symbol: "::") { _ = try parseType(allowArray: true) }
        try expect(symbol: ")")
        switch (op, all) {
        case ("=", false): return .inList(left, list.map { $0.simplified() }, negated: false)
        case ("<>", true), ("!=", true): return .inList(left, list.map { $0.simplified() }, negated: true)
        default: throw Unsupported(reason: "\(op) \(all ? "ALL" : "ANY") over an array")
        }
    }

    private mutating func parsePrefix() throws -> PortableExpression {
        guard let token = current else { throw Unsupported(reason: "an expression ends too early") }
        switch token {
        case let .string(s):
            position += 1
            return .string(s)
        case let .number(n):
            position += 1
            return .number(n)
        case .symbol("("):
            position += 1
            if isKeyword("select") { throw Unsupported(reason: "a subquery") }
            let inner = try parseExpression(0)
            try expect(symbol: ")")
            return inner
        case .symbol("-"), .symbol("+"):
            position += 1
            let operand = try parseExpression(7)
            if case let .symbol(sign) = token, case let .number(n) = operand.simplified() {
                guard sign == "-" else { return .number(n) }
                return .number(n.hasPrefix("-") ? String(n.dropFirst()) : "-" + n)
            }
            if case let .symbol(sign) = token { return .unary(sign, operand) }
            return operand
        case .symbol("*"):
            position += 1
            return .star(table: nil)
        case let .word(word, quoted):
            if !quoted { return try parseKeywordOrName(word) }
            return try parseName(word)
        case .symbol:
            throw Unsupported(reason: "unexpected \(describe(token))")
        }
    }

    private mutating func parseKeywordOrName(_ word: String) throws -> PortableExpression {
        switch word.lowercased() {
        case "not":
            position += 1
            return .unary("NOT", try parseExpression(3))
        case "null": position += 1; return .null
        case "true": position += 1; return .boolean(true)
        case "false": position += 1; return .boolean(false)
        case "current_timestamp", "localtimestamp", "now":
            if word.lowercased() == "now" && !isSymbol("(", at: 1) { return try parseName(word) }
            position += 1
            try skipEmptyCallParentheses()
            return .now(.currentTimestamp)
        case "current_date", "curdate":
            if word.lowercased() == "curdate" && !isSymbol("(", at: 1) { return try parseName(word) }
            position += 1
            try skipEmptyCallParentheses()
            return .now(.currentDate)
        case "current_time", "curtime":
            if word.lowercased() == "curtime" && !isSymbol("(", at: 1) { return try parseName(word) }
            position += 1
            try skipEmptyCallParentheses()
            return .now(.currentTime)
        case "cast":
            position += 1
            try expect(symbol: "(")
            let value = try parseExpression(0)
            try expect(keyword: "as")
            let type = try parseType()
            try expect(symbol: ")")
            return .cast(value, type)
        case "case":
            position += 1
            let subject = isKeyword("when") ? nil : try parseExpression(0)
            var whens: [PortableExpression.When] = []
            while take(keyword: "when") {
                let condition = try parseExpression(0)
                try expect(keyword: "then")
                whens.append(.init(condition: condition, result: try parseExpression(0)))
            }
            let otherwise = take(keyword: "else") ? try parseExpression(0) : nil
            try expect(keyword: "end")
            guard !whens.isEmpty else { throw Unsupported(reason: "CASE without WHEN") }
            return .caseWhen(subject: subject, whens: whens, otherwise: otherwise)
        case let reserved where Self.reserved.contains(reserved):
            throw Unsupported(reason: "unexpected \(word.uppercased())")
        default:
            return try parseName(word)
        }
    }

    private mutating func skipEmptyCallParentheses() throws {
        if take(symbol: "(") { try expect(symbol: ")") }
    }

    /// A column (`x`, `t.x`, `t.*`) or a function call.
    private mutating func parseName(_ word: String) throws -> PortableExpression {
        position += 1
        if take(symbol: ".") {
            if take(symbol: "*") { return .star(table: word) }
            guard case let .word(column, _)? = current else { throw Unsupported(reason: "a qualified name \(where_)") }
            position += 1
            if isSymbol(".") { throw Unsupported(reason: "a name with a schema ('\(word).\(column)....')") }
            if isSymbol("(") { throw Unsupported(reason: "the function \(word).\(column)") }
            return .column(table: word, name: column)
        }
        guard take(symbol: "(") else { return .column(table: nil, name: word) }
        let lowered = word.lowercased()
        let name = PortableExpression.functionSynonyms[lowered] ?? lowered
        guard PortableExpression.functions.contains(name) else { throw Unsupported(reason: "the function \(word)()") }
        let distinct = take(keyword: "distinct")
        var arguments: [PortableExpression] = []
        if !isSymbol(")") {
            arguments.append(try parseExpression(0))
            while take(symbol: ",") { arguments.append(try parseExpression(0)) }
        }
        try expect(symbol: ")")
        if isKeyword("over") || isKeyword("filter") { throw Unsupported(reason: "a window or filtered aggregate") }
        if case .star? = arguments.first, name != "count" { throw Unsupported(reason: "\(name)(*)") }
        return .function(name, arguments, distinct: distinct)
    }

    /// Type words that may follow `::` or `CAST(... AS`.
    private static let typeWords: Set<String> = [
        "character", "varying", "varchar", "char", "text", "integer", "int", "bigint", "smallint", "numeric", "decimal",
        "real", "double", "precision", "boolean", "bool", "date", "time", "timestamp", "with", "without", "zone",
        "uuid", "json", "jsonb", "bytea", "int2", "int4", "int8", "float4", "float8", "signed", "unsigned", "datetime", "blob", "bpchar",
    ]

    private mutating func parseType(allowArray: Bool = false) throws -> DataType {
        var words: [String] = []
        while case let .word(w, quoted)? = current, quoted || Self.typeWords.contains(w.lowercased()) || words.isEmpty {
            words.append(w.lowercased())
            position += 1
        }
        var text = words.joined(separator: " ")
        if take(symbol: "(") {
            var arguments: [String] = []
            while case let .number(n)? = current {
                arguments.append(n)
                position += 1
                if !take(symbol: ",") { break }
            }
            try expect(symbol: ")")
            text += "(" + arguments.joined(separator: ",") + ")"
        }
        if isSymbol("[") {
            guard allowArray else { throw Unsupported(reason: "a cast to an array type") }
            position += 1
            try expect(symbol: "]")
        }
        if text == "bpchar" { return .char(length: nil) } // PostgreSQL's name for an unsized char
        // MariaDB's CAST(x AS SIGNED) is a 64-bit integer.
        if text == "signed" || text == "signed integer" || text == "unsigned" { return .bigint }
        guard let type = DataType.parse(text, aliases: typeAliases), !type.isNative else { throw Unsupported(reason: "a cast to \(text)") }
        return type
    }

    // MARK: SELECT

    mutating func parseSelect() throws -> PortableSelect {
        var parens = 0
        while take(symbol: "(") { parens += 1 }
        let select = take(keyword: "with") ? try parseNamedColumnsSelect() : try parseSelectBody()
        for _ in 0..<parens { try expect(symbol: ")") }
        if let token = current, token != .symbol(";") { throw Unsupported(reason: "\(describe(token)) in the SELECT") }
        return select
    }

    private mutating func parseSelectBody() throws -> PortableSelect {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw Unsupported(reason: "a query nested more than \(Self.maximumDepth) levels deep") }
        try expect(keyword: "select")
        var select = PortableSelect()
        select.distinct = take(keyword: "distinct")
        _ = take(keyword: "all")
        repeat {
            let expression = try parseExpression(0)
            var alias: String?
            if take(keyword: "as") {
                alias = try parseAlias()
            } else if case let .word(w, quoted)? = current, quoted || !Self.reserved.contains(w.lowercased()) {
                alias = try parseAlias()
            }
            select.items.append(.init(expression: expression, alias: alias))
        } while take(symbol: ",")
        try expect(keyword: "from")
        try parseSources(into: &select, join: nil)
        if take(keyword: "where") { select.filter = try parseExpression(0) }
        if take(keyword: "group") {
            try expect(keyword: "by")
            repeat { select.groupBy.append(try parseExpression(0)) } while take(symbol: ",")
        }
        if take(keyword: "having") { select.having = try parseExpression(0) }
        if take(keyword: "order") {
            try expect(keyword: "by")
            repeat {
                let expression = try parseExpression(0)
                let descending = take(keyword: "desc")
                if !descending { _ = take(keyword: "asc") }
                if isKeyword("nulls") { throw Unsupported(reason: "NULLS FIRST/LAST in ORDER BY") }
                select.orderBy.append(.init(expression: expression, descending: descending))
            } while take(symbol: ",")
        }
        return select
    }

    /// `WITH name(a, b) AS (SELECT ...) SELECT * FROM name`, how a view with a column list is
    /// kept (SQLite): the inner SELECT with its items named a, b.
    private mutating func parseNamedColumnsSelect() throws -> PortableSelect {
        guard case let .word(name, _)? = current else { throw Unsupported(reason: "a WITH without a name") }
        position += 1
        var columns: [String] = []
        if take(symbol: "(") {
            repeat { columns.append(try parseAlias()) } while take(symbol: ",")
            try expect(symbol: ")")
        }
        try expect(keyword: "as")
        try expect(symbol: "(")
        var inner = try parseSelectBody()
        try expect(symbol: ")")
        if isSymbol(",") { throw Unsupported(reason: "several WITH queries") }
        try expect(keyword: "select")
        guard take(symbol: "*") else { throw Unsupported(reason: "a WITH query used other than as SELECT *") }
        try expect(keyword: "from")
        guard case let .word(from, _)? = current, from == name else { throw Unsupported(reason: "a WITH query read from another table") }
        position += 1
        guard columns.isEmpty || columns.count == inner.items.count else { throw Unsupported(reason: "a column list of another length than the SELECT") }
        for (i, column) in columns.enumerated() { inner.items[i].alias = column }
        return inner
    }

    private mutating func parseAlias() throws -> String {
        guard case let .word(w, _)? = current else { throw Unsupported(reason: "an alias \(where_)") }
        position += 1
        return w
    }

    /// FROM items: tables, joins, commas (cross joins) and parentheses around them (MariaDB).
    private mutating func parseSources(into select: inout PortableSelect, join: PortableSelect.Source.Join?) throws {
        try parseSource(into: &select, join: join)
        while true {
            if take(symbol: ",") {
                try parseSource(into: &select, join: .cross)
                continue
            }
            var kind: PortableSelect.Source.Join?
            if take(keyword: "join") { kind = .inner }
            else if isKeyword("inner") && isKeyword("join", at: 1) { position += 2; kind = .inner }
            else if isKeyword("cross") && isKeyword("join", at: 1) { position += 2; kind = .cross }
            else if isKeyword("left") {
                position += 1
                _ = take(keyword: "outer")
                try expect(keyword: "join")
                kind = .left
            } else if isKeyword("right") || isKeyword("full") || isKeyword("natural") {
                throw Unsupported(reason: "a \(describe(current!)) join")
            }
            guard let kind else { return }
            let index = select.sources.count
            try parseSource(into: &select, join: kind)
            if take(keyword: "on") {
                select.sources[index].on = try parseExpression(0)
            } else if kind != .cross {
                throw Unsupported(reason: "a join without ON")
            }
        }
    }

    private mutating func parseSource(into select: inout PortableSelect, join: PortableSelect.Source.Join?) throws {
        if take(symbol: "(") {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw Unsupported(reason: "FROM nested more than \(Self.maximumDepth) levels deep") }
            if isKeyword("select") { throw Unsupported(reason: "a subquery in FROM") }
            let first = select.sources.count
            try parseSources(into: &select, join: join)
            try expect(symbol: ")")
            // The first table inside takes the join that led to the parentheses.
            if first < select.sources.count { select.sources[first].join = join }
            if join != nil && join != .cross && first < select.sources.count - 1 {
                throw Unsupported(reason: "a join of a parenthesised join")
            }
            return
        }
        guard case let .word(table, quoted)? = current, quoted || !Self.reserved.contains(table.lowercased()) else {
            throw Unsupported(reason: "a table name \(where_)")
        }
        position += 1
        if take(symbol: ".") { throw Unsupported(reason: "a table in another schema ('\(table).…')") }
        if isSymbol("(") { throw Unsupported(reason: "a table function \(table)()") }
        var alias: String?
        if take(keyword: "as") {
            alias = try parseAlias()
        } else if case let .word(w, q)? = current, q || !Self.reserved.contains(w.lowercased()) {
            alias = try parseAlias()
        }
        select.sources.append(.init(table: table, alias: alias, join: join, on: nil))
    }
}

extension PortableExpression {
    /// Drops the casts engines add when they print an expression back (`'a'::text`,
    /// `(0)::numeric`, `email::text` in a function call): a literal cast to its own kind of
    /// type, and a column cast to a string type.
    /// `1`, `-2.50`: digits with an optional sign and point (not `NaN`, `1e3`, `Infinity`).
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = text.hasPrefix("-") || text.hasPrefix("+") ? Substring(text.dropFirst()) : Substring(text)
        guard !digits.isEmpty else { return false }
        if let dot = digits.firstIndex(of: ".") { digits.remove(at: dot) }
        return !digits.isEmpty && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Whether `type` holds the number `text` unchanged: an integer in an integer type, any
    /// plain number in an unsized decimal, floating point for what has no more digits than it keeps.
    static func holdsExactly(_ type: DataType, _ text: String) -> Bool {
        guard isPlainNumber(text) else { return false }
        let integral = !text.contains(".")
        switch type {
        case .smallint: return integral && Int16(text) != nil
        case .integer: return integral && Int32(text) != nil
        case .bigint: return integral && Int64(text) != nil
        case .decimal(nil, _): return true
        case .real, .double: return text.count <= 7
        default: return false
        }
    }

    public func simplified() -> PortableExpression {
        switch self {
        case let .cast(inner, type):
            let value = inner.simplified()
            // Only casts that cannot change the value go: a string literal to an unsized string
            // type, a number to a type that holds it exactly.
            switch (value, type) {
            case (.string, .text), (.string, .varchar(nil)), (.string, .char(nil)): return value
            case let (.number(n), _) where Self.holdsExactly(type, n): return value
            case let (.string(s), _) where Self.isPlainNumber(s) && Self.holdsExactly(type, s): return .number(s)
            default: return .cast(value, type)
            }
        case let .unary(op, x): return .unary(op, x.simplified())
        case let .binary(op, a, b): return .binary(op, a.simplified(), b.simplified())
        case let .isNull(x, negated): return .isNull(x.simplified(), negated: negated)
        case let .inList(x, list, negated): return .inList(x.simplified(), list.map { $0.simplified() }, negated: negated)
        case let .between(x, low, high, negated): return .between(x.simplified(), low: low.simplified(), high: high.simplified(), negated: negated)
        case let .function(name, args, distinct): return .function(name, args.map { $0.simplified() }, distinct: distinct)
        case let .caseWhen(subject, whens, otherwise):
            return .caseWhen(subject: subject?.simplified(),
                             whens: whens.map { .init(condition: $0.condition.simplified(), result: $0.result.simplified()) },
                             otherwise: otherwise?.simplified())
        default: return self
        }
    }
}

extension PortableSelect {
    /// Every expression ``PortableExpression/simplified()``.
    public func simplified() -> PortableSelect {
        var copy = self
        copy.items = items.map { .init(expression: $0.expression.simplified(), alias: $0.alias) }
        copy.sources = sources.map { .init(table: $0.table, alias: $0.alias, join: $0.join, on: $0.on?.simplified()) }
        copy.filter = filter?.simplified()
        copy.groupBy = groupBy.map { $0.simplified() }
        copy.having = having?.simplified()
        copy.orderBy = orderBy.map { .init(expression: $0.expression.simplified(), descending: $0.descending) }
        return copy
    }
}
