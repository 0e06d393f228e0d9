@testable import SchemaSyncFirebird
import SchemaSyncCore
import XCTest

/// Rendering and reading rules that need no server.
final class FirebirdDialectTests: XCTestCase {
    func testNamesInExpressionsAreQuotedOnce() {
        let names: Set<String> = ["email", "total", "user_id", "orders"]
        let check = FirebirdExpressionNames.quote("email <> '' AND total >= 0 AND UPPER(email) <> 'email'", names: names)
        XCTAssertEqual(check, "\"email\" <> '' AND \"total\" >= 0 AND UPPER(\"email\") <> 'email'")
        XCTAssertEqual(FirebirdExpressionNames.quote(check, names: names), check)
        let view = FirebirdExpressionNames.quote("SELECT o.user_id, CAST(COUNT(*) AS integer) AS n FROM orders o GROUP BY o.user_id",
                                                 names: names, aliases: true)
        XCTAssertEqual(view, "SELECT o.\"user_id\", CAST(COUNT(*) AS integer) AS \"n\" FROM \"orders\" o GROUP BY o.\"user_id\"")
    }

    func testDefaultsReadBackAsWritten() {
        XCTAssertEqual(FirebirdDefaultValue.parse(source: "DEFAULT 'it''s'"), .string("it's"))
        XCTAssertEqual(FirebirdDefaultValue.parse(source: "DEFAULT -1.50"), .number("-1.50"))
        XCTAssertEqual(FirebirdDefaultValue.parse(source: "DEFAULT TRUE"), .boolean(true))
        XCTAssertEqual(FirebirdDefaultValue.parse(source: "default current_timestamp"), .function(.currentTimestamp))
        XCTAssertEqual(FirebirdDefaultValue.parse(source: "DEFAULT CURRENT_USER"), .expression("CURRENT_USER"))
        XCTAssertNil(FirebirdDefaultValue.parse(source: "DEFAULT NULL"))
        let quote = FirebirdDialect().quoteString
        XCTAssertEqual(FirebirdDefaultValue.canonical(.expression("'x'"), quote: quote), .string("x"))
    }

    func testTypesRoundTripThroughTheCatalogCodes() {
        typealias F = FirebirdTypeMapping.FieldType
        XCTAssertEqual(FirebirdTypeMapping.type(of: F(code: 16, subType: 2, precision: 12, scale: -2)), .decimal(precision: 12, scale: 2))
        XCTAssertEqual(FirebirdTypeMapping.type(of: F(code: 8, subType: 0, scale: 0)), .integer)
        XCTAssertEqual(FirebirdTypeMapping.type(of: F(code: 37, characterLength: 20, characterSet: "UTF8", collation: "UTF8")), .varchar(length: 20))
        XCTAssertEqual(FirebirdTypeMapping.type(of: F(code: 14, characterLength: 16, characterSet: "OCTETS")), .uuid)
        XCTAssertEqual(FirebirdTypeMapping.type(of: F(code: 261, subType: 1, characterSet: "UTF8")), .text)
        XCTAssertEqual(FirebirdTypeMapping.type(of: F(code: 37, characterLength: 5, characterSet: "WIN1252", collation: "WIN1252")),
                       .native("VARCHAR(5) CHARACTER SET WIN1252"))
        let dialect = FirebirdDialect()
        XCTAssertTrue(dialect.typesEquivalent(desired: Column(name: "a", type: .decimal(precision: 9, scale: nil)),
                                              actual: Column(name: "a", type: .decimal(precision: 9, scale: 0))))
        XCTAssertTrue(dialect.typesEquivalent(desired: Column(name: "a", type: .real, nativeTypes: ["firebird": "float"]),
                                              actual: Column(name: "a", type: .real)))
    }

    func testStatementsAreGuardedAndQuoted() throws {
        let renderer = FirebirdRenderer(dialect: FirebirdDialect())
        let sql = try renderer.statements(for: .addCheck(table: "tab'le", check: CheckConstraint(name: "c'1", expression: "\"n\" > 0")),
                                          current: Schema(), desired: Schema())
        XCTAssertEqual(sql, ["EXECUTE BLOCK AS BEGIN IF (NOT EXISTS(SELECT 1 FROM RDB$RELATION_CONSTRAINTS WHERE RDB$CONSTRAINT_NAME = 'c''1')) "
            + "THEN EXECUTE STATEMENT 'ALTER TABLE \"tab''le\" ADD CONSTRAINT \"c''1\" CHECK (\"n\" > 0)'; END"])
        XCTAssertThrowsError(try renderer.statements(for: .renameTable(from: "a", to: "b"), current: Schema(), desired: Schema()))
    }

    func testScriptSplitsOutsideQuotesAndComments() {
        XCTAssertEqual(FirebirdScript.statements("CREATE TABLE \"a;b\" (x VARCHAR(3) DEFAULT ';'); -- c;\n/* d; */ COMMIT; CREATE INDEX i ON t (x)"),
                       ["CREATE TABLE \"a;b\" (x VARCHAR(3) DEFAULT ';')", "CREATE INDEX i ON t (x)"])
    }

    /// `SET TERM` changes the terminator as isql does, so a PSQL body holding `;` stays one
    /// statement; CRLF line breaks end `--` comments.
    func testScriptFollowsSetTermAndCRLF() {
        let script = "CREATE TABLE t (x INT); -- one\r\nSET TERM ^ ;\r\n"
            + "EXECUTE BLOCK AS BEGIN IF (1 = 1) THEN EXIT; END^\r\nSET TERM ; ^\r\nCOMMIT;\r\nCREATE INDEX i ON t (x);"
        XCTAssertEqual(FirebirdScript.statements(script),
                       ["CREATE TABLE t (x INT)", "EXECUTE BLOCK AS BEGIN IF (1 = 1) THEN EXIT; END", "CREATE INDEX i ON t (x)"])
    }
}

final class FirebirdValidationTests: XCTestCase {
    func testNamesEndingInASpaceAreRefused() {
        let table = Table(name: "t", columns: [Column(name: "a ", type: .integer)])
        XCTAssertThrowsError(try FirebirdDialect().validate(Schema(tables: [table]))) { error in
            XCTAssertTrue("\(error)".contains("column 't.a '"), "\(error)")
        }
    }

    func testTypesFirebird3LacksAreRefused() {
        for type in [DataType.timestamptz, .json, .decimal(precision: 30, scale: 2)] {
            let table = Table(name: "t", columns: [Column(name: "a", type: type)])
            XCTAssertThrowsError(try FirebirdDialect().validate(Schema(tables: [table])), "\(type)")
        }
    }
}
