import SchemaSyncCore
@testable import SchemaSyncSQLite
import XCTest

/// The scratch copy built in parts (to avoid SQLite's O(n²) DDL) reads exactly as one built whole.
final class SQLiteScratchBuildTests: XCTestCase {
    static let sql = """
        CREATE TABLE accounts (id INTEGER PRIMARY KEY, email TEXT NOT NULL COLLATE NOCASE UNIQUE, created TEXT DEFAULT CURRENT_TIMESTAMP);
        CREATE TABLE projects (id INTEGER PRIMARY KEY AUTOINCREMENT, owner INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
          name TEXT NOT NULL CHECK (length(name) > 0), slug TEXT GENERATED ALWAYS AS (lower(name)) VIRTUAL);
        CREATE INDEX projects_owner ON projects (owner, name COLLATE NOCASE DESC);
        CREATE UNIQUE INDEX projects_slug ON projects (slug) WHERE slug IS NOT NULL;
        CREATE TABLE tasks (project INTEGER NOT NULL REFERENCES projects, n INTEGER NOT NULL, title TEXT,
          PRIMARY KEY (project, n)) WITHOUT ROWID;
        CREATE INDEX tasks_title ON tasks (lower(title));
        CREATE TABLE tags (name TEXT PRIMARY KEY) STRICT;
        CREATE TABLE task_tags (project INTEGER, n INTEGER, tag TEXT REFERENCES tags(name),
          FOREIGN KEY (project, n) REFERENCES tasks(project, n) ON UPDATE CASCADE);
        CREATE TABLE audit (id INTEGER PRIMARY KEY, at REAL NOT NULL DEFAULT (julianday('now')), what TEXT DEFAULT 'it''s');
        CREATE TABLE "Mixed Case" ("Key" INTEGER PRIMARY KEY, "Value" TEXT);
        CREATE VIEW open_tasks AS SELECT t.project, t.n, t.title, p.name AS project_name FROM tasks t JOIN projects p ON p.id = t.project;
        CREATE VIEW owner_counts AS SELECT owner, count(*) AS projects FROM projects GROUP BY owner;
        CREATE VIEW busiest AS SELECT * FROM owner_counts WHERE projects > 1;
        CREATE VIEW mixed AS SELECT "Key", "Value" FROM "Mixed Case";
        """

    func testPartsReadExactlyAsOneBuild() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        var desired = try session.schema(fromSQL: Self.sql, source: "test")
        desired.source = nil
        let whole = try SQLiteScratchBuild(dialect: session.dialect, tablesPerPart: 1000).definitions(of: desired)
        for size in [1, 2, 3] {
            let parts = try SQLiteScratchBuild(dialect: session.dialect, tablesPerPart: size).definitions(of: desired)
            XCTAssertEqual(sorted(parts), sorted(whole), "parts of \(size) tables")
        }
        XCTAssertTrue(whole.contains { $0.kind == "view" && $0.name == "busiest" })
        XCTAssertTrue(whole.contains { $0.kind == EngineDefinition.columnOrderKind && $0.table == "open_tasks" })
        XCTAssertTrue(whole.contains { $0.kind == "foreign key" && $0.table == "task_tags" })
        XCTAssertGreaterThan(whole.count, 40)
    }

    /// The parts still refuse what SQLite refuses, naming the statement.
    func testAnInvalidTableInALaterPartIsStillRefused() throws {
        let db = SQLiteTestDatabase()
        let session = try db.session()
        defer { session.close() }
        var tables = (0..<5).map { Table(name: "t\($0)", columns: [Column(name: "id", type: .integer)]) }
        tables[4].checks = [CheckConstraint(name: "t4_bad", expression: "id >>> 0")]
        XCTAssertThrowsError(try SQLiteScratchBuild(dialect: session.dialect, tablesPerPart: 2).definitions(of: Schema(tables: tables))) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema, "\(error)")
            XCTAssertTrue("\(error)".contains("t4"), "\(error)")
        }
    }

    private func sorted(_ definitions: [EngineDefinition]) -> [EngineDefinition] {
        definitions.sorted { ($0.key, $0.text) < ($1.key, $1.text) }
    }
}
