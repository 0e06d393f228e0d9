import SchemaSyncCore
import XCTest

/// Identifier rules belong to the dialect: the core compares exactly unless the dialect folds.
final class IdentifierRuleTests: XCTestCase {
    /// Case-insensitive tables and columns, as SQLite.
    struct FoldingDialect: Dialect {
        var respell = true
        var name: String { "folding" }
        var capabilities: DialectCapabilities {
            DialectCapabilities(transactionalDDL: true, partialIndexes: true, expressionIndexes: true,
                                uniqueConstraintsDistinctFromIndexes: true, namedForeignKeys: true, namedChecks: true,
                                deferrableForeignKeys: true, identityAlways: true, comments: true,
                                caseInsensitiveTableNames: true, caseInsensitiveColumnNames: true)
        }
        func quoteIdentifier(_ name: String) -> String { "\"" + name + "\"" }
        func canRespell(_ kind: IdentifierKind) -> Bool { respell }
        func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] { [] }
    }

    private func users(_ name: String = "users", _ column: String = "name") -> Table {
        Table(name: name, columns: [Column(name: "id", type: .integer, nullable: false), Column(name: column, type: .text)],
              primaryKey: PrimaryKey(columns: ["id"]))
    }

    func testExactByDefault() throws {
        // PostgreSQL-like: "Users" and users are two tables, "Name" and name two columns.
        var both = users("Users", "Name")
        both.columns.append(Column(name: "name", type: .text))
        let schema = Schema(tables: [both, users()])
        XCTAssertNoThrow(try SchemaValidator.validate(schema))
        let plan = try Differ(dialect: FakeDialect()).plan(from: Schema(), to: schema, allowDestructive: false)
        XCTAssertEqual(plan.changes.map(\.change.kind), ["createTable", "createTable"])
        // A foreign key to "USERS" names no table under exact rules.
        var posts = Table(name: "posts", columns: [Column(name: "id", type: .integer), Column(name: "user_id", type: .integer)])
        posts.foreignKeys = [ForeignKey(name: "p_u", columns: ["user_id"], referencedTable: "USERS", referencedColumns: ["id"])]
        XCTAssertThrowsError(try Differ(dialect: FakeDialect()).plan(from: Schema(), to: Schema(tables: [users(), posts]), allowDestructive: false))
        // The validator uses the engine's rule when it knows the engine, ASCII folding when not.
        XCTAssertNoThrow(try SchemaValidator.validate(Schema(tables: [users(), posts])))
        XCTAssertThrowsError(try SchemaValidator.validate(Schema(tables: [users(), posts]), dialect: FakeDialect())) {
            XCTAssertTrue("\($0)".contains("'USERS', which is not declared"), "\($0)")
        }
        XCTAssertNoThrow(try SchemaValidator.validate(Schema(tables: [users(), posts]), dialect: FoldingDialect()))
    }

    func testFoldingDialectMatchesAndRespells() throws {
        var posts = Table(name: "posts", columns: [Column(name: "id", type: .integer), Column(name: "user_id", type: .integer)])
        posts.foreignKeys = [ForeignKey(name: "p_u", columns: ["USER_ID"], referencedTable: "Users", referencedColumns: ["ID"])]
        let desired = Schema(tables: [users(), posts])
        let plan = try Differ(dialect: FoldingDialect()).plan(from: Schema(tables: [users("USERS", "Name")]), to: desired, allowDestructive: false)
        XCTAssertEqual(plan.changes.map(\.change.kind), ["renameTable", "renameColumn", "createTable", "addForeignKey"])
        XCTAssertEqual(plan.changes[0].change, .renameTable(from: "USERS", to: "users"))
        XCTAssertEqual(plan.changes[1].change, .renameColumn(table: "users", from: "Name", to: "name"))
        XCTAssertEqual(plan.changes[3].change, .addForeignKey(table: "posts", key: ForeignKey(
            name: "p_u", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"])))
        // Where the engine cannot respell, the database's spelling is kept: nothing to do.
        let kept = try Differ(dialect: FoldingDialect(respell: false)).plan(from: Schema(tables: [users("USERS", "Name")]),
                                                                             to: Schema(tables: [users()]), allowDestructive: false)
        XCTAssertEqual(kept.changes, [])
        XCTAssertThrowsError(try Differ(dialect: FoldingDialect()).plan(from: Schema(), to: Schema(tables: [users(), users("Users")]), allowDestructive: false)) {
            XCTAssertTrue("\($0)".contains("declared twice"), "\($0)")
        }
    }
}
