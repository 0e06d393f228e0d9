import SchemaSyncCore
import XCTest

/// The core's script splitter, driven only by the lexical rules a dialect hands it: each
/// feature on its own, and hostile input (unterminated text, `;` in every kind of quote).
final class SQLScriptTests: XCTestCase {
    /// A syntax no engine has: names in «», `~~` comments, statements ending at `!!`.
    private let absurd: SQLScriptSyntax = {
        var syntax = SQLScriptSyntax(quotes: [.init("«", close: "»")], lineComments: [.init("~~")], blockComments: .none)
        syntax.terminator = "!!"
        return syntax
    }()

    private func with(_ change: (inout SQLScriptSyntax) -> Void) -> SQLScriptSyntax {
        var syntax = SQLScriptSyntax.standard
        change(&syntax)
        return syntax
    }

    private func split(_ text: String, _ syntax: SQLScriptSyntax = .standard) -> [String] {
        SQLScript(text, syntax: syntax).statements.map(\.sql)
    }

    func testStatementsGetNumbersAndLeadingWords() {
        let script = SQLScript("CREATE UNIQUE INDEX i ON t (a);\n  drop TABLE x; SELECT 1", syntax: .standard)
        XCTAssertEqual(script.statements.map(\.sql), ["CREATE UNIQUE INDEX i ON t (a)", "drop TABLE x", "SELECT 1"])
        XCTAssertEqual(script.statements.map(\.number), [1, 2, 3])
        XCTAssertEqual(script.statements.map(\.leadingWords), [["create", "unique", "index"], ["drop", "table", "x"], ["select"]])
        XCTAssertEqual(SQLScript(#"/* c */ COMMENT ON "t" IS 'x'"#, syntax: .standard).statements[0].leadingWords, ["comment", "on"],
                       "leading words stop at the first thing that is not a word; comments are skipped")
    }

    func testEmptyAndCommentOnlyStatementsAreLeftOutAndGetNoNumber() {
        let script = SQLScript(";; -- only a comment;\n ;/* and ; another */; CREATE TABLE a (x int);;\n\n; CREATE TABLE b (x int); -- end", syntax: .standard)
        XCTAssertEqual(script.statements.map(\.sql), ["CREATE TABLE a (x int)", "CREATE TABLE b (x int)"])
        XCTAssertEqual(script.statements.map(\.number), [1, 2])
        XCTAssertEqual(split(""), [])
        XCTAssertEqual(split(" \n\t; -- x"), [])
    }

    func testSemicolonsInsideEachKindOfQuotedTextDoNotSplit() {
        let backtick = with { $0.quotes.append(.init("`")) }
        XCTAssertEqual(split("SELECT 'a;b', \"c;d\", 'it''s;'; SELECT 2"), ["SELECT 'a;b', \"c;d\", 'it''s;'", "SELECT 2"])
        XCTAssertEqual(split("SELECT `a;b````;c`; SELECT 2", backtick), ["SELECT `a;b````;c`", "SELECT 2"])
        XCTAssertEqual(split("SELECT «a;»»b» !! SELECT 2", absurd), ["SELECT «a;»»b»", "SELECT 2"])
        XCTAssertEqual(split("SELECT a -- x;y\n; SELECT /* ; */ 2"), ["SELECT a -- x;y", "SELECT /* ; */ 2"])
        XCTAssertEqual(split("SELECT a ~~ x!!y\n!! SELECT 2", absurd), ["SELECT a ~~ x!!y", "SELECT 2"])
        let dollars = with { $0.dollarQuotes = true }
        XCTAssertEqual(split("DO $$ BEGIN PERFORM 1; END $$; SELECT $f$ a; $g$ b; $f$", dollars),
                       ["DO $$ BEGIN PERFORM 1; END $$", "SELECT $f$ a; $g$ b; $f$"])
        let escapes = with { $0.escapeStrings = true }
        XCTAssertEqual(split(#"SELECT E'it\'s;', e'\\'; SELECT 'x\'; SELECT 2"#, escapes),
                       [#"SELECT E'it\'s;', e'\\'"#, #"SELECT 'x\'"#, "SELECT 2"], "only E'' strings escape")
    }

    func testBackslashEscapesOnlyWhereTheSyntaxSaysSo() {
        let mysql = with { $0.quotes = [.init("'", backslashEscapes: true), .init("\"", backslashEscapes: true)] }
        XCTAssertEqual(split(#"SELECT 'a\';b', "c\";d"; SELECT 2"#, mysql), [#"SELECT 'a\';b', "c\";d""#, "SELECT 2"])
        XCTAssertEqual(split(#"SELECT 'a\'; SELECT 2"#), [#"SELECT 'a\'"#, "SELECT 2"])
    }

    func testDollarSignsThatOpenNoQuote() {
        let dollars = with { $0.dollarQuotes = true }
        XCTAssertEqual(split("PREPARE p AS SELECT $1; SELECT a$b$c FROM t; SELECT $2x$; SELECT 3", dollars),
                       ["PREPARE p AS SELECT $1", "SELECT a$b$c FROM t", "SELECT $2x$", "SELECT 3"])
    }

    func testBlockCommentsNestOnlyWhereTheSyntaxSaysSo() {
        let text = "SELECT 1 /* a /* b */ ; */; SELECT 2"
        XCTAssertEqual(split(text, with { $0.blockComments = .nested }), ["SELECT 1 /* a /* b */ ; */", "SELECT 2"])
        XCTAssertEqual(split(text), ["SELECT 1 /* a /* b */", "*/", "SELECT 2"])
        XCTAssertEqual(split("SELECT 1 /* ; */ 2", with { $0.blockComments = .none }), ["SELECT 1 /*", "*/ 2"])
        XCTAssertEqual(split("SELECT 2/*/ ; */ ; SELECT 3"), ["SELECT 2/*/ ; */", "SELECT 3"])
    }

    func testLineCommentsThatNeedWhitespaceAfterThem() {
        let mysql = with { $0.lineComments = [.init("--", needsWhitespaceAfter: true), .init("#")] }
        XCTAssertEqual(split("SELECT 1--1; SELECT 2 -- x;\n; SELECT 3 # y;\n; SELECT 4 --", mysql),
                       ["SELECT 1--1", "SELECT 2 -- x;", "SELECT 3 # y;", "SELECT 4 --"])
        XCTAssertEqual(SQLScript("SELECT 4 --\t;", syntax: mysql).statements[0].tokens.last?.kind, .lineComment)
    }

    func testExecutableCommentsAreStatementsOtherCommentsAreNot() {
        let mysql = with { $0.executableCommentMarker = "!" }
        let script = SQLScript("/*!40101 SET NAMES utf8 */; /* plain */; /*!50001 CREATE VIEW v AS SELECT 1; */", syntax: mysql)
        XCTAssertEqual(script.statements.map(\.sql), ["/*!40101 SET NAMES utf8 */", "/*!50001 CREATE VIEW v AS SELECT 1; */"])
        XCTAssertEqual(script.statements[0].tokens.first?.kind, .executableComment)
        XCTAssertEqual(split("/*!40101 SET NAMES utf8 */;"), [], "without the marker it is an ordinary comment")
    }

    func testDelimiterChangedAndRestored() {
        let mysql = with { $0.terminatorDirective = .line(keyword: "delimiter") }
        let script = SQLScript("""
            CREATE TABLE t (delimiter int);
            DELIMITER //
            CREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';'; END//
            delimiter $$
            CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.delimiter = 1; END$$
            DELIMITER ;
            CREATE TABLE u (x int); SELECT 2
            """, syntax: mysql)
        XCTAssertEqual(script.statements.map(\.sql), [
            "CREATE TABLE t (delimiter int)",
            "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT ';'; END",
            "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.delimiter = 1; END",
            "CREATE TABLE u (x int)", "SELECT 2",
        ])
        XCTAssertEqual(script.statements.map(\.number), [1, 2, 3, 4, 5], "directives get no number")
        XCTAssertEqual(split("DELIMITER //\r\nSELECT 1//\r\nDELIMITER ;\r\nSELECT 2;", mysql), ["SELECT 1", "SELECT 2"], "CRLF")
        XCTAssertEqual(split("DELIMITER\nSELECT 1;", mysql), ["DELIMITER\nSELECT 1"], "no terminator given: not a directive")
        XCTAssertEqual(split("SELECT 1 DELIMITER //\nSELECT 2;", mysql), ["SELECT 1 DELIMITER //\nSELECT 2"], "only at a statement's start")
        XCTAssertEqual(split("DELIMITER //\nSELECT 1; SELECT 2", mysql), ["SELECT 1; SELECT 2"], "never restored: the rest is one statement")
    }

    func testSetTermChangedAndRestored() {
        let firebird = with { $0.terminatorDirective = .statement(words: ["set", "term"]) }
        let script = SQLScript("""
            CREATE TABLE t (x INT);
            SET TERM ^ ;
            EXECUTE BLOCK AS BEGIN EXIT; END^
            set term ; ^
            CREATE INDEX i ON t (x);
            SET TERM;
            """, syntax: firebird)
        XCTAssertEqual(script.statements.map(\.sql), ["CREATE TABLE t (x INT)", "EXECUTE BLOCK AS BEGIN EXIT; END", "CREATE INDEX i ON t (x)", "SET TERM"])
        XCTAssertEqual(script.statements.map(\.number), [1, 2, 3, 4])
    }

    func testMetaCommandLines() {
        let psql = with { $0.metaCommandLines = true }
        XCTAssertEqual(split("\\connect app\nCREATE TABLE t (a int);\n\\unrestrict x; y\nSELECT 'a\n\\b' \\ 1;", psql),
                       ["CREATE TABLE t (a int)", "SELECT 'a\n\\b' \\ 1"], "only a backslash opening a line, outside quotes")
        XCTAssertEqual(split("\\connect app\nSELECT 1"), ["\\connect app\nSELECT 1"], "an ordinary character elsewhere")
    }

    func testUnterminatedTextRunsToTheEndAndNothingIsDropped() {
        let psql = with { $0.dollarQuotes = true; $0.blockComments = .nested; $0.escapeStrings = true }
        for tail in ["'abc; SELECT 2", "\"abc; SELECT 2", "$x$ abc; SELECT 2", "/* abc; SELECT 2", "/* a /* b */ ; SELECT 2", "E'a\\'; SELECT 2"] {
            XCTAssertEqual(split("SELECT 1; SELECT " + tail, psql), ["SELECT 1", "SELECT " + tail], tail)
        }
        XCTAssertEqual(split("SELECT 1; SELECT 'x\\", with { $0.quotes = [.init("'", backslashEscapes: true)] }), ["SELECT 1", "SELECT 'x\\"])
        XCTAssertEqual(split("SELECT 1; SELECT «abc!! SELECT 2", absurd), ["SELECT 1; SELECT «abc!! SELECT 2"])
        XCTAssertEqual(split("SELECT 1; -- comment without a line break"), ["SELECT 1"])
    }

    func testCRLFLineBreaks() {
        let script = SQLScript("CREATE TABLE a (x int); -- one;\r\nCREATE TABLE b (\r\n  y int -- two;\r\n);\r\n", syntax: .standard)
        XCTAssertEqual(script.statements.map(\.sql), ["CREATE TABLE a (x int)", "-- one;\r\nCREATE TABLE b (\r\n  y int -- two;\r\n)"])
        XCTAssertEqual(script.statements[1].leadingWords, ["create", "table", "b"])
    }

    func testTokensGiveTheStatementBackAndCanBeRewritten() {
        let text = " SELECT «a»»b».x, 'q', 1.5e3 ~~ c\n FROM t "
        let statement = SQLScript(text, syntax: absurd).statements[0]
        XCTAssertEqual(statement.tokens.map(\.text).joined(), text)
        XCTAssertEqual(statement.tokens.filter(\.isSignificant).map(\.kind),
                       [.word, .quoted("«"), .symbol, .word, .symbol, .symbol, .word, .symbol, .symbol, .number, .symbol, .number, .word, .word],
                       "no ' quotes in this syntax")
        XCTAssertEqual(statement.tokens[3].unquoted(close: "»"), "a»b")
        XCTAssertEqual(statement.rewritten { $1.kind == .lineComment ? "" : $1.text.uppercased() }, "SELECT «A»»B».X, 'Q', 1.5E3 \n FROM T")
        XCTAssertEqual(SQLToken(.quoted("\""), "\"a\"\"\"").unquoted(), "a\"")
        XCTAssertEqual(SQLToken(.quoted("\""), "\"ab").unquoted(), "ab")
        XCTAssertNil(SQLToken(.word, "ab").unquoted())
    }
}
