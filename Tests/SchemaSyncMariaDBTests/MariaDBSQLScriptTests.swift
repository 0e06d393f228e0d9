@testable import SchemaSyncMariaDB
import XCTest

/// Server-free checks of how a desired `.sql` script is split and pointed at the scratch database.
final class MariaDBSQLScriptTests: XCTestCase {
    /// `CREATE UNIQUE INDEX i ON mydb.t` must land in the scratch database, not in `mydb`.
    func testIndexStatementsLoseTheirDatabaseQualifierWhateverTheirKind() {
        for kind in ["", "UNIQUE ", "FULLTEXT ", "SPATIAL ", "OR REPLACE UNIQUE "] {
            XCTAssertEqual(MariaDBSQLScript.unqualified("CREATE \(kind)INDEX i ON mydb.t (a)"), "CREATE \(kind)INDEX i ON t (a)")
        }
        XCTAssertEqual(MariaDBSQLScript.unqualified("CREATE TABLE `mydb`.`t` (a int REFERENCES mydb.u (id))"),
                       "CREATE TABLE `t` (a int REFERENCES u (id))")
        XCTAssertEqual(MariaDBSQLScript.unqualified("SELECT a.b.c FROM x"), "SELECT a.b.c FROM x")
    }
}
