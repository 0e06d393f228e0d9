import CSQLite
import SchemaSyncConformance
import SchemaSyncCore
@testable import SchemaSyncSQLite
import XCTest

/// Verification by SQLite's own definitions: what the model cannot see still fails closed.
final class SQLiteVerificationTests: XCTestCase {
    func testEveryPragmaFieldIsAccountedFor() throws {
        let database = try SQLiteDatabase(path: ":memory:", busyTimeoutMilliseconds: 0)
        defer { database.close() }
        for (pragma, fields) in SQLiteCatalogCoverage.fields {
            let columns = try database.query("SELECT name FROM pragma_table_info('pragma_\(pragma)')").compactMap { $0[0] }
            XCTAssertFalse(columns.isEmpty, pragma)
            XCTAssertEqual(columns.filter { fields[$0] == nil }, [],
                           "pragma_\(pragma) has fields neither mapped nor listed as ignored in SQLiteCatalogCoverage")
        }
    }

    /// A collation the model is blinded to is still caught, and the whole apply rolls back.
    func testBlindedInspectorCannotHideACollation() throws {
        let db = SQLiteTestDatabase()
        let raw = try SQLiteDatabase(path: db.path, busyTimeoutMilliseconds: 1000)
        defer { raw.close() }
        try raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE)")
        let session = try db.session()
        defer { session.close() }
        let blinded = BlindedSession(base: session) { schema in
            var copy = schema
            for t in copy.tables.indices { for c in copy.tables[t].columns.indices { copy.tables[t].columns[c].attributes = [:] } }
            return copy
        }
        let desired = Schema(tables: [Table(name: "t", columns: [Column(name: "id", type: .integer), Column(name: "name", type: .text)],
                                            primaryKey: PrimaryKey(columns: ["id"])),
                                      Table(name: "u", columns: [Column(name: "id", type: .integer)])])
        let engine = SyncEngine(session: blinded)
        XCTAssertThrowsError(try engine.apply(desired: desired, allowDestructive: false)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .notConverged, "\(error)")
            XCTAssertTrue("\(error)".contains("t.name"), "\(error)")
        }
        XCTAssertEqual(try raw.query("SELECT count(*) FROM sqlite_schema WHERE name = 'u'"), [["0"]], "nothing committed")
        XCTAssertEqual(try raw.query("SELECT sql FROM sqlite_schema WHERE name = 't'").first?.first ?? nil,
                       "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE)")
    }

    /// Tables apply creates from the model are left to the model (a scratch copy would run the
    /// same statements); tables that exist, or that an existing table or a view needs, are still
    /// compared. Read back from sqlite_schema, not through the inspector.
    func testTablesCreatedFromTheModelAreLeftToTheModel() throws {
        let db = SQLiteTestDatabase()
        let raw = try SQLiteDatabase(path: db.path, busyTimeoutMilliseconds: 1000)
        defer { raw.close() }
        try raw.execute("CREATE TABLE c (id INTEGER PRIMARY KEY, b_id INTEGER)")
        let session = try db.session()
        defer { session.close() }
        let id = Column(name: "id", type: .integer)
        let desired = Schema(
            tables: [Table(name: "c", columns: [id, Column(name: "b_id", type: .integer)], primaryKey: PrimaryKey(columns: ["id"]),
                           foreignKeys: [ForeignKey(name: "c_b_fk", columns: ["b_id"], referencedTable: "b", referencedColumns: ["id"])]),
                     Table(name: "b", columns: [id], primaryKey: PrimaryKey(columns: ["id"])),
                     Table(name: "a", columns: [id, Column(name: "n", type: .integer, defaultValue: .number("5"))]),
                     Table(name: "d", columns: [id])],
            views: [View(name: "v", definition: "SELECT id FROM d")])
        let engine = SyncEngine(session: session)
        let baseline = try engine.verificationBaseline(desired: desired, current: try session.inspect())
        XCTAssertEqual(baseline.modelOnlyTables, ["a"])
        let tables = Set((baseline.definitions ?? []).map { $0.table ?? $0.name })
        XCTAssertTrue(tables.isSuperset(of: ["b", "c", "d", "v"]), "\(tables)")
        XCTAssertFalse(tables.contains("a"), "a is not built in the scratch copy")

        let report = try engine.apply(desired: desired, allowDestructive: false)
        XCTAssertTrue(report.engineChecked)
        XCTAssertEqual(report.tablesVerifiedByModelOnly, 1)
        XCTAssertEqual(try raw.query("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name").map { $0[0] ?? "" },
                       ["a", "b", "c", "d", "v"])
        XCTAssertEqual(try raw.query("SELECT dflt_value FROM pragma_table_info('a') WHERE name = 'n'"), [["5"]])
    }

    /// A table left to the model because apply was to create it, created by someone else while
    /// apply waited, is compared after all: with a blinded inspector its hidden difference is exit
    /// 4 and the apply's own work rolls back.
    func testATableAnotherRunCreatedMeanwhileIsComparedAfterAll() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        let desired = Schema(tables: [Table(name: "a", columns: [Column(name: "id", type: .integer), Column(name: "name", type: .text)]),
                                      Table(name: "b", columns: [Column(name: "id", type: .integer)])])
        let blinded = BlindedSession(base: session) { schema in
            var copy = schema
            for t in copy.tables.indices { for c in copy.tables[t].columns.indices { copy.tables[t].columns[c].attributes = [:] } }
            return copy
        }
        let engine = SyncEngine(session: blinded)
        var options = SyncEngine.ApplyOptions()
        options.baseline = try engine.verificationBaseline(desired: desired, current: try session.inspect())
        XCTAssertEqual(options.baseline?.modelOnlyTables, ["a", "b"])
        let raw = try SQLiteDatabase(path: db.path, busyTimeoutMilliseconds: 1000)
        defer { raw.close() }
        try raw.execute("CREATE TABLE a (id INTEGER, name TEXT COLLATE NOCASE)")
        XCTAssertThrowsError(try engine.apply(desired: desired, allowDestructive: false, options: options)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .notConverged, "\(error)")
            XCTAssertTrue("\(error)".contains("a.name"), "\(error)")
        }
        XCTAssertEqual(try raw.query("SELECT name FROM sqlite_schema ORDER BY name"), [["a"]], "b was rolled back")
    }
}

/// Which of SQLite's stored texts mean the same, without a database.
final class SQLiteDefinitionEquivalenceTests: XCTestCase {
    func testDoubledParenthesesAndTheViewColumnListFormAreTheSame() {
        let d = SQLiteDialect(libraryVersion: 3_040_000)
        XCTAssertTrue(d.definitionsEquivalent("create index i on t ( ( lower ( k ) ) )", "create index i on t ( lower ( k ) )"))
        XCTAssertFalse(d.definitionsEquivalent("create index i on t ( lower ( k ) )", "create index i on t ( upper ( k ) )"))
        XCTAssertFalse(d.definitionsEquivalent("check ( ( a + b ) * c )", "check ( a + b * c )"), "meaningful parentheses stay")
        XCTAssertTrue(d.definitionsEquivalent(
            "create view v as with schemasync_view ( x , y ) as ( select a , b from t ) select * from schemasync_view",
            "create view v ( x , y ) as select a , b from t"))
    }
}

/// SQLite refuses expressions it cannot run at plan time, like the server engines (exit 5).
final class SQLitePlanTimeValidationTests: XCTestCase {
    func testInvalidExpressionsAreRefusedBeforeAnythingRuns() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        let cases: [(String, Table)] = [
            ("check", Table(name: "t", columns: [Column(name: "a", type: .integer)],
                            checks: [CheckConstraint(name: "t_a", expression: "a >>> 0")])),
            ("generated", Table(name: "t", columns: [Column(name: "a", type: .integer),
                                                     Column(name: "b", type: .integer, generated: .init(expression: "a +", stored: false))])),
            ("predicate", Table(name: "t", columns: [Column(name: "a", type: .integer)],
                                indexes: [Index(name: "t_i", columns: ["a"], predicate: "a = = 1")])),
            ("default", Table(name: "t", columns: [Column(name: "a", type: .integer, defaultValue: .expression("(1 +)"))])),
        ]
        for (what, table) in cases {
            XCTAssertThrowsError(try SyncEngine(session: session).plan(desired: Schema(tables: [table]), allowDestructive: false), what) { error in
                XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema, "\(what): \(error)")
            }
        }
        XCTAssertEqual(try session.query("SELECT count(*) FROM sqlite_schema"), [["0"]])
    }
}
