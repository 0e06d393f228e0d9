import Foundation
import SchemaSyncCore
import SchemaSyncMariaDB
import XCTest

/// MariaDB commits each DDL statement: an apply stopped after any statement must converge when
/// run again, with every row intact.
final class MariaDBResumabilityTests: XCTestCase {
    /// Version 1: two tables with rows.
    static var v1: Schema {
        Schema(tables: [
            Table(name: "accounts", columns: [
                Column(name: "id", type: .bigint, nullable: false, identity: .byDefault),
                Column(name: "name", type: .varchar(length: 50), nullable: false),
                Column(name: "legacy", type: .integer),
                Column(name: "score", type: .integer, nullable: true),
            ], primaryKey: PrimaryKey(columns: ["id"]),
               indexes: [Index(name: "accounts_legacy_idx", columns: ["legacy"])],
               checks: [CheckConstraint(name: "accounts_score_small", expression: "score < 1000")]),
            Table(name: "notes", columns: [
                Column(name: "id", type: .bigint, nullable: false, identity: .byDefault),
                Column(name: "account_id", type: .bigint),
                Column(name: "body", type: .text),
            ], primaryKey: PrimaryKey(columns: ["id"]),
               foreignKeys: [ForeignKey(name: "notes_account_fk", columns: ["account_id"], referencedTable: "accounts", referencedColumns: ["id"])]),
        ])
    }

    /// Version 2: many kinds of change at once.
    static var v2: Schema {
        var schema = v1
        var accounts = schema.tables[0]
        accounts.columns[1].type = .varchar(length: 200)                  // widen
        accounts.columns[3].type = .bigint                                 // widen
        accounts.columns[3].defaultValue = .number("0")
        accounts.columns.remove(at: 2)                                     // drop legacy (destructive)
        accounts.columns.append(Column(name: "email", type: .varchar(length: 320), nullable: false, defaultValue: .string("")))
        accounts.columns.append(Column(name: "created_at", type: .timestamptz, nullable: false, defaultValue: .function(.currentTimestamp)))
        accounts.columns.append(Column(name: "name_len", type: .integer, generated: .init(expression: "char_length(name)", stored: false)))
        accounts.indexes = [Index(name: "accounts_email_idx", columns: ["email"]),
                            Index(name: "accounts_name_key", columns: ["name"], unique: true)]
        accounts.checks = [CheckConstraint(name: "accounts_score_range", expression: "score between 0 and 100000")]
        var notes = schema.tables[1]
        notes.columns[2].name = "content"
        notes.columns[2].renamedFrom = "body"
        notes.columns.append(Column(name: "pinned", type: .boolean, nullable: false, defaultValue: .boolean(false)))
        notes.foreignKeys = [ForeignKey(name: "notes_account_fk2", columns: ["account_id"], referencedTable: "accounts",
                                        referencedColumns: ["id"], onDelete: .cascade)]
        let tags = Table(name: "tags", columns: [
            Column(name: "note_id", type: .bigint, nullable: false),
            Column(name: "tag", type: .varchar(length: 40), nullable: false),
        ], primaryKey: PrimaryKey(columns: ["note_id", "tag"]),
           foreignKeys: [ForeignKey(name: "tags_note_fk", columns: ["note_id"], referencedTable: "notes", referencedColumns: ["id"], onDelete: .cascade)])
        schema.tables = [accounts, notes, tags]
        schema.views = [View(name: "account_notes", definition: "SELECT a.id, a.name, COUNT(n.id) AS notes FROM accounts a LEFT JOIN notes n ON n.account_id = a.id GROUP BY a.id, a.name")]
        return schema
    }

    private func prepare(_ db: MariaDBTestDatabase) throws -> MariaDBSession {
        let session = try db.session()
        try SyncEngine(session: session).apply(desired: Self.v1, allowDestructive: false)
        try db.sql("INSERT INTO accounts (name, legacy, score) VALUES ('ann', 1, 10), ('bob', 2, 20), ('cy', NULL, NULL)")
        try db.sql("INSERT INTO notes (account_id, body) VALUES (1, 'hello'), (1, 'again'), (2, 'bob''s'), (NULL, 'orphan-free')")
        return session
    }

    private func assertRowsIntact(_ db: MariaDBTestDatabase, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try db.sql("SELECT id, name, score FROM accounts ORDER BY id"),
                       [["1", "ann", "10"], ["2", "bob", "20"], ["3", "cy", nil]], file: file, line: line)
        XCTAssertEqual(try db.sql("SELECT id, account_id, content, pinned FROM notes ORDER BY id"),
                       [["1", "1", "hello", "0"], ["2", "1", "again", "0"], ["3", "2", "bob's", "0"], ["4", nil, "orphan-free", "0"]],
                       file: file, line: line)
    }

    func testEveryCutPointConverges() throws {
        // How many statements the full apply has.
        let probe = try MariaDBTestDatabase(prefix: "ss_resume")
        defer { probe.drop() }
        let probeSession = try prepare(probe)
        let total = try SyncEngine(session: probeSession).plan(desired: Self.v2, allowDestructive: true).statements.count
        XCTAssertGreaterThan(total, 15)
        if ProcessInfo.processInfo.environment["SCHEMASYNC_VERBOSE"] != nil {
            for s in try SyncEngine(session: probeSession).plan(desired: Self.v2, allowDestructive: true).statements { print(s.sql) }
        }
        try SyncEngine(session: probeSession).apply(desired: Self.v2, allowDestructive: true)
        try assertRowsIntact(probe)

        for cut in 1..<total {
            let db = try MariaDBTestDatabase(prefix: "ss_resume")
            defer { db.drop() }
            let session = try prepare(db)
            let engine = SyncEngine(session: session)
            XCTAssertThrowsError(try engine.apply(desired: Self.v2, allowDestructive: true,
                                                  options: .init(interruptAfterStatements: cut)), "cut \(cut)")
            do {
                try engine.apply(desired: Self.v2, allowDestructive: true)
            } catch {
                XCTFail("cut after statement \(cut) of \(total): re-run failed: \(error)")
                continue
            }
            try assertRowsIntact(db)
            let remaining = try SyncEngine(session: db.session()).plan(desired: Self.v2, allowDestructive: true)
            XCTAssertEqual(remaining.plan.changes.map(\.change.objectPath), [], "cut \(cut)")
        }
    }

    func testReplayingEveryStatementTwiceIsHarmless() throws {
        let db = try MariaDBTestDatabase(prefix: "ss_replay")
        defer { db.drop() }
        let session = try prepare(db)
        let report = try SyncEngine(session: session).plan(desired: Self.v2, allowDestructive: true)
        for statement in report.statements {
            try session.execute(statement)
            // A crash right after a statement succeeded but before it was recorded: it runs again.
            do { try session.execute(statement) } catch { XCTFail("replaying failed: \(statement.sql): \(error)") }
        }
        try assertRowsIntact(db)
        XCTAssertEqual(try SyncEngine(session: session).plan(desired: Self.v2, allowDestructive: true).plan.changes.map(\.change.objectPath), [])
    }
}
