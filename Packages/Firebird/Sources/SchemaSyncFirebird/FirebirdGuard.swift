/// Statements made safe to run again: Firebird 3 has no `IF [NOT] EXISTS`, so a statement runs
/// inside `EXECUTE BLOCK` only when a catalog check says it is still needed.
///
/// ```swift
/// FirebirdGuard(dialect: d).unless(.relation("items"), "CREATE TABLE \"items\" (...)")
/// // EXECUTE BLOCK AS BEGIN IF (NOT EXISTS(SELECT 1 FROM RDB$RELATIONS WHERE RDB$RELATION_NAME = 'items'))
/// //   THEN EXECUTE STATEMENT 'CREATE TABLE "items" (...)'; END
/// ```
/// The statement runs in the block's own transaction (`EXECUTE STATEMENT` defaults to the
/// caller's), so it commits or rolls back with the apply. Names and the statement are string
/// literals with every `'` doubled.
struct FirebirdGuard {
    let dialect: FirebirdDialect

    /// A catalog fact a guard checks.
    enum Fact {
        case relation(String)
        case column(table: String, column: String)
        case index(String)
        case constraint(String)
        case primaryKey(table: String)
        case notNull(table: String, column: String)
        case hasDefault(table: String, column: String)
        /// An empty copy made for a table rename that has not finished (see ``FirebirdTableRename``).
        case renameCopy(String)

        func exists(_ q: (String) -> String) -> String {
            switch self {
            case let .relation(name):
                return "EXISTS(SELECT 1 FROM RDB$RELATIONS WHERE RDB$RELATION_NAME = \(q(name)))"
            case let .column(table, column):
                return "EXISTS(SELECT 1 FROM RDB$RELATION_FIELDS WHERE RDB$RELATION_NAME = \(q(table)) AND RDB$FIELD_NAME = \(q(column)))"
            case let .index(name):
                return "EXISTS(SELECT 1 FROM RDB$INDICES WHERE RDB$INDEX_NAME = \(q(name)))"
            case let .constraint(name):
                return "EXISTS(SELECT 1 FROM RDB$RELATION_CONSTRAINTS WHERE RDB$CONSTRAINT_NAME = \(q(name)))"
            case let .primaryKey(table):
                return "EXISTS(SELECT 1 FROM RDB$RELATION_CONSTRAINTS WHERE RDB$RELATION_NAME = \(q(table)) AND RDB$CONSTRAINT_TYPE = 'PRIMARY KEY')"
            case let .notNull(table, column):
                return "EXISTS(SELECT 1 FROM RDB$RELATION_FIELDS WHERE RDB$RELATION_NAME = \(q(table)) AND RDB$FIELD_NAME = \(q(column)) AND RDB$NULL_FLAG = 1)"
            case let .renameCopy(table):
                return "EXISTS(SELECT 1 FROM RDB$RELATIONS WHERE RDB$RELATION_NAME = \(q(table)) AND RDB$DESCRIPTION STARTING WITH \(q(FirebirdTableRename.marker)))"
            case let .hasDefault(table, column):
                return "EXISTS(SELECT 1 FROM RDB$RELATION_FIELDS WHERE RDB$RELATION_NAME = \(q(table)) AND RDB$FIELD_NAME = \(q(column)) AND RDB$DEFAULT_SOURCE IS NOT NULL)"
            }
        }
    }

    /// `statement`, run only while `fact` does not hold.
    func unless(_ fact: Fact, _ statement: String) -> String {
        block("NOT " + fact.exists(dialect.quoteString), statement)
    }

    /// `statement`, run only while `fact` holds.
    func when(_ fact: Fact, _ statement: String) -> String {
        block(fact.exists(dialect.quoteString), statement)
    }

    /// `statement`, run only while every one of `facts` holds (`true`) or does not (`false`).
    func only(_ facts: [(Fact, Bool)], _ statement: String) -> String {
        block(facts.map { ($0.1 ? "" : "NOT ") + $0.0.exists(dialect.quoteString) }.joined(separator: " AND "), statement)
    }

    /// `statements` in order, run only while every one of `facts` holds (`true`) or does not (`false`).
    func only(_ facts: [(Fact, Bool)], _ statements: [String]) -> String {
        let condition = facts.map { ($0.1 ? "" : "NOT ") + $0.0.exists(dialect.quoteString) }.joined(separator: " AND ")
        return "EXECUTE BLOCK AS BEGIN IF (\(condition)) THEN BEGIN "
            + statements.map { "EXECUTE STATEMENT \(dialect.quoteString($0)); " }.joined() + "END END"
    }

    private func block(_ condition: String, _ statement: String) -> String {
        "EXECUTE BLOCK AS BEGIN IF (\(condition)) THEN EXECUTE STATEMENT \(dialect.quoteString(statement)); END"
    }
}
