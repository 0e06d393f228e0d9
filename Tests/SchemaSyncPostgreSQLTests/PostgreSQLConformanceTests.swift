import SchemaSyncConformance
import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Runs the shared conformance suite against the real PostgreSQL server, one fresh database per
/// scenario; rows are seeded and read back with `psql`, not the connector.
final class PostgreSQLConformanceTests: XCTestCase {
    func testConformanceSuite() throws {
        _ = try postgresServerURL()
        var databases: [TestDatabase] = []
        defer { databases.forEach { $0.drop() } }
        let suite = ConformanceSuite {
            let database = try TestDatabase()
            databases.append(database)
            return ConformanceTarget(session: try database.session(), reader: PsqlReader(url: database.url))
        }
        XCTAssertEqual(suite.failures(), [])
    }

    /// `psql` as the kit's reader: NULL is not the empty string, text and numbers come back as
    /// printed, the footer's count is checked, and a refused statement throws.
    func testPsqlReaderKeepsNullEmptyAndText() throws {
        let database = try TestDatabase()
        defer { database.drop() }
        let reader = PsqlReader(url: database.url)
        try reader.execute("CREATE TABLE t (id integer PRIMARY KEY, a text, b text, n numeric(10,2))")
        try reader.execute("INSERT INTO t VALUES (1, NULL, '', 5.50), (2, 'NULL', E'two\\nlines', 3), (3, 'ünï''cödé', ' x ', NULL)")
        XCTAssertEqual(try reader.rows("SELECT a, b, n FROM t ORDER BY id"),
                       [[nil, "", "5.50"], ["NULL", "two\nlines", "3.00"], ["ünï'cödé", " x ", nil]])
        XCTAssertEqual(try reader.rows("SELECT b FROM t WHERE id = 1"), [[""]])
        XCTAssertEqual(try reader.rows("SELECT a FROM t WHERE id = 0"), [])
        XCTAssertThrowsError(try reader.execute("INSERT INTO t VALUES (1, 'dup', '', 0)")) { error in
            XCTAssertTrue("\(error)".contains("duplicate key"), "\(error)")
        }
    }
}
