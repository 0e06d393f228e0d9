import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Column collations, view options and tables without columns, read back from the catalog.
final class PostgreSQLColumnAndViewDetailTests: PostgreSQLTestCase {
    private func collation(_ column: String) throws -> String? {
        try db.raw.value("SELECT collation_name FROM information_schema.columns WHERE table_name = 'words' AND column_name = '\(column)'")
    }

    func testColumnCollationsAreCreatedComparedAndChanged() throws {
        var desired = Schema(tables: [Table(name: "words", columns: [
            Column(name: "id", type: .integer, nullable: false),
            Column(name: "plain", type: .text),
            Column(name: "binary", type: .varchar(length: 40), attributes: ["postgresql.collation": "C"]),
        ], primaryKey: PrimaryKey(columns: ["id"]))])
        try apply(desired)
        XCTAssertNil(try collation("plain"))
        XCTAssertEqual(try collation("binary"), "C")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        // A collation the database has and the schema does not name is a difference.
        try db.raw.query(#"ALTER TABLE words ALTER COLUMN plain TYPE text COLLATE "POSIX""#)
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), ["words.plain"])
        desired.tables[0].columns[2].attributes = ["postgresql.collation": "POSIX"]
        try apply(desired)
        XCTAssertNil(try collation("plain"))
        XCTAssertEqual(try collation("binary"), "POSIX")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }

    func testViewOptionsAreCreatedComparedAndChanged() throws {
        let table = Table(name: "words", columns: [Column(name: "id", type: .integer, nullable: false), Column(name: "w", type: .text)],
                          primaryKey: PrimaryKey(columns: ["id"]))
        var desired = Schema(tables: [table], views: [
            View(name: "short_words", definition: "SELECT id, w FROM words WHERE length(w) < 5",
                 attributes: ["postgresql.check_option": "local", "postgresql.security_barrier": "true"]),
        ])
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'short_words'"),
                       "check_option=local,security_barrier=true")
        XCTAssertEqual(try db.raw.value("SELECT check_option FROM information_schema.views WHERE table_name = 'short_words'"), "LOCAL")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        desired.views[0].attributes = [:]
        XCTAssertEqual(try pendingChanges(desired).map(\.change.kind), ["dropView", "createView"])
        try apply(desired)
        XCTAssertNil(try db.raw.value("SELECT reloptions FROM pg_class WHERE relname = 'short_words'"))
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        // WITH CHECK OPTION written in SQL reads as the option.
        let session = try db.session()
        let fromSQL = try session.schema(fromSQL: """
            CREATE TABLE words (id integer PRIMARY KEY, w text);
            CREATE VIEW short_words WITH (security_barrier) AS SELECT id, w FROM words WHERE length(w) < 5 WITH CASCADED CHECK OPTION;
            """, source: "v.sql")
        session.close()
        XCTAssertEqual(fromSQL.views.first?.attributes, ["postgresql.check_option": "cascaded", "postgresql.security_barrier": "true"])
        try apply(fromSQL)
        XCTAssertEqual(try db.raw.value("SELECT check_option FROM information_schema.views WHERE table_name = 'short_words'"), "CASCADED")
        XCTAssertEqual(try pendingChanges(fromSQL).map(\.change.objectPath), [])
    }

    func testTableWithoutColumns() throws {
        let yaml = """
            tables:
              - name: marker
                columns: []
              - name: t
                columns: [{ name: id, type: integer }]
            """
        let desired = try SchemaFileReader(source: "m.yaml").parse(yaml)
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT relnatts FROM pg_class WHERE relname = 'marker' AND relkind = 'r'"), "0")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
        let session = try db.session()
        let inspected = try session.inspect()
        session.close()
        XCTAssertEqual(inspected.table(named: "marker")?.columns, [])
        let written = try SchemaFileWriter(dialectName: "postgresql").document(inspected).yaml()
        XCTAssertEqual(try SchemaFileReader(source: "w.yaml").parse(written).table(named: "marker")?.columns, [])
    }

    /// PostgreSQL keeps option values as written (`on`, `true`): both spellings are one value.
    func testBooleanOptionSpellingsAreOneValue() throws {
        let table = Table(name: "words", columns: [Column(name: "id", type: .integer, nullable: false)],
                          primaryKey: PrimaryKey(columns: ["id"]), indexes: [
                              Index(name: "words_id_idx", parts: [Index.Part(column: "id")], storageParameters: ["deduplicate_items": "on"]),
                          ], attributes: ["postgresql.with.autovacuum_enabled": "off"])
        let desired = Schema(tables: [table], views: [
            View(name: "w", definition: "SELECT id FROM words", attributes: ["postgresql.security_barrier": "on"]),
        ])
        try apply(desired)
        XCTAssertEqual(try db.raw.value("SELECT array_to_string(reloptions, ',') FROM pg_class WHERE relname = 'w'"), "security_barrier=true")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
        try db.raw.query("ALTER VIEW w SET (security_barrier = true); ALTER TABLE words SET (autovacuum_enabled = false); ALTER INDEX words_id_idx SET (deduplicate_items = true)")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }
}
