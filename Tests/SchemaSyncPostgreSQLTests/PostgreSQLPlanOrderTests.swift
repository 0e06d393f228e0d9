import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Plans whose steps depend on each other: a check over a column whose type the plan changes,
/// a primary key change with foreign keys relying on it. Read back from pg_constraint.
final class PostgreSQLPlanOrderTests: PostgreSQLTestCase {
    func testCheckOverARetypedColumnRunsAgainstTheNewType() throws {
        try db.raw.query("CREATE TABLE things (id integer PRIMARY KEY, foo text); INSERT INTO things VALUES (1, '5'), (2, '7')")
        let desired = Schema(tables: [Table(name: "things", columns: [
            Column(name: "id", type: .integer, nullable: false),
            Column(name: "foo", type: .integer),
        ], primaryKey: PrimaryKey(columns: ["id"]), checks: [CheckConstraint(name: "things_foo_check", expression: "foo > 0")])])
        // text → integer narrows, so it needs --allow-destructive.
        try apply(desired, allowDestructive: true)
        XCTAssertEqual(try db.raw.value("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'things_foo_check'"), "CHECK ((foo > 0))")
        XCTAssertEqual(try db.raw.value("SELECT data_type FROM information_schema.columns WHERE table_name = 'things' AND column_name = 'foo'"), "integer")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])

        // A violating row: the engine refuses the check inside the transaction; nothing changes.
        try db.raw.query("DROP TABLE things; CREATE TABLE things (id integer PRIMARY KEY, foo text); INSERT INTO things VALUES (1, '-5')")
        XCTAssertThrowsError(try apply(desired, allowDestructive: true)) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .applyFailed)
        }
        XCTAssertEqual(try db.raw.value("SELECT data_type FROM information_schema.columns WHERE table_name = 'things' AND column_name = 'foo'"), "text")
    }

    func testPrimaryKeyChangeWithDependentForeignKeys() throws {
        try db.raw.query("""
            CREATE TABLE users (id integer PRIMARY KEY, org_id integer NOT NULL);
            CREATE TABLE posts (id integer PRIMARY KEY, user_id integer CONSTRAINT posts_user_fk REFERENCES users (id));
            CREATE TABLE likes (user_id integer CONSTRAINT likes_user_fk REFERENCES users (id) ON DELETE CASCADE);
            INSERT INTO users VALUES (1, 10); INSERT INTO posts VALUES (1, 1); INSERT INTO likes VALUES (1);
            """)
        let users = Table(name: "users", columns: [
            Column(name: "id", type: .integer, nullable: false), Column(name: "org_id", type: .integer, nullable: false),
        ], primaryKey: PrimaryKey(name: "users_pkey", columns: ["org_id", "id"]),
        uniqueConstraints: [UniqueConstraint(name: "users_id_key", columns: ["id"])])
        let posts = Table(name: "posts", columns: [
            Column(name: "id", type: .integer, nullable: false), Column(name: "user_id", type: .integer),
        ], primaryKey: PrimaryKey(columns: ["id"]), foreignKeys: [
            ForeignKey(name: "posts_user_fk", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"]),
        ])
        let likes = Table(name: "likes", columns: [Column(name: "user_id", type: .integer)], foreignKeys: [
            ForeignKey(name: "likes_user_fk", columns: ["user_id"], referencedTable: "users", referencedColumns: ["id"], onDelete: .cascade),
        ])
        let desired = Schema(tables: [users, posts, likes])
        try apply(desired)
        let defs = try db.raw.query("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1")
        XCTAssertEqual(defs, [
            ["likes_user_fk", "FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE"],
            ["posts_pkey", "PRIMARY KEY (id)"],
            ["posts_user_fk", "FOREIGN KEY (user_id) REFERENCES users(id)"],
            ["users_id_key", "UNIQUE (id)"],
            ["users_pkey", "PRIMARY KEY (org_id, id)"],
        ])
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM posts JOIN likes USING (user_id)"), "1")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }
}
