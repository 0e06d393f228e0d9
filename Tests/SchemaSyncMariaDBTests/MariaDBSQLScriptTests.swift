@testable import SchemaSyncMariaDB
import XCTest

/// Server-free checks of how a desired `.sql` script is split and pointed at the scratch database.
final class MariaDBSQLScriptTests: XCTestCase {
    /// `CREATE UNIQUE INDEX i ON mydb.t` must land in the scratch database, not in `mydb`.
    func testIndexStatementsLoseTheirDatabaseQualifierWhateverTheirKind() {
        for kind in ["", "UNIQUE ", "FULLTEXT ", "SPATIAL ", "OR REPLACE UNIQUE "] {
            XCTAssertEqual(MariaDBSQLScript.statements("CREATE \(kind)INDEX i ON mydb.t (a)"), ["CREATE \(kind)INDEX i ON t (a)"])
        }
        XCTAssertEqual(MariaDBSQLScript.statements("CREATE TABLE `mydb`.`t` (a int REFERENCES mydb.u (id)); SELECT a.b.c FROM x"),
                       ["CREATE TABLE `t` (a int REFERENCES u (id))", "SELECT a.b.c FROM x"])
    }

    /// As mysqldump writes them: comments become whitespace, `/*! ... */` is kept (qualifiers
    /// inside dropped too), `--x` is not a comment, and a CRLF line break ends a comment.
    func testCommentsAsTheClientReadsThem() {
        XCTAssertEqual(MariaDBSQLScript.statements("/*!40101 SET NAMES utf8 */;\r\n-- a; comment\r\n# another;\r\nCREATE TABLE t (a int /* x; */);\r\n"
                                                   + "/*!50001 CREATE VIEW v AS SELECT a FROM mydb.t */; SELECT 1--1"),
                       ["/*!40101 SET NAMES utf8 */", "CREATE TABLE t (a int  )", "/*!50001 CREATE VIEW v AS SELECT a FROM t */", "SELECT 1--1"])
    }

    func testDelimiterLinesKeepRoutineBodiesWhole() {
        XCTAssertEqual(MariaDBSQLScript.statements("""
            DELIMITER //
            CREATE TRIGGER tr BEFORE INSERT ON mydb.t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = ';'; END//
            DELIMITER ;
            CREATE TABLE u (a int);
            """), ["CREATE TRIGGER tr BEFORE INSERT ON mydb.t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = ';'; END", "CREATE TABLE u (a int)"])
    }
}
