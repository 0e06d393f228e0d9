import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// Runs the shared conformance suite against the real MariaDB server, one fresh database per
/// scenario; rows are seeded and read back with the `mariadb` client, not the connector.
final class MariaDBConformanceTests: XCTestCase {
    func testConformanceSuite() throws {
        _ = try MariaDBTestDatabase.serverURL()
        var databases: [MariaDBTestDatabase] = []
        defer { databases.forEach { $0.drop() } }
        let suite = ConformanceSuite {
            let database = try MariaDBTestDatabase(prefix: "ss_conf")
            databases.append(database)
            return ConformanceTarget(session: try database.session(), reader: MariaDBClientReader(url: database.url))
        }
        XCTAssertEqual(suite.failures(), [])
    }

    /// The `mariadb` client as the kit's reader: NULL is not the empty string (nor the text
    /// 'NULL'), text and numbers come back as printed, and a refused statement throws.
    func testMariaDBClientReaderKeepsNullEmptyAndText() throws {
        let database = try MariaDBTestDatabase(prefix: "ss_reader")
        defer { database.drop() }
        let reader = MariaDBClientReader(url: database.url)
        try reader.execute("CREATE TABLE t (id int PRIMARY KEY, a text, b text, n decimal(10,2))")
        try reader.execute("INSERT INTO t VALUES (1, NULL, '', 5.50), (2, 'NULL', 'two\\nlines <&>', 3), (3, 'ünï''cödé', ' x ', NULL)")
        XCTAssertEqual(try reader.rows("SELECT a, b, n FROM t ORDER BY id"),
                       [[nil, "", "5.50"], ["NULL", "two\nlines <&>", "3.00"], ["ünï'cödé", " x ", nil]])
        XCTAssertEqual(try reader.rows("SELECT b FROM t WHERE id = 1"), [[""]])
        XCTAssertEqual(try reader.rows("SELECT a FROM t WHERE id = 0"), [])
        XCTAssertThrowsError(try reader.execute("INSERT INTO t VALUES (1, 'dup', '', 0)")) { error in
            XCTAssertTrue("\(error)".contains("Duplicate entry"), "\(error)")
            XCTAssertFalse("\(error)".contains("secret"), "\(error)")
        }
    }
}
