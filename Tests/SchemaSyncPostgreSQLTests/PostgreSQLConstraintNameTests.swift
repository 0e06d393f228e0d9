import SchemaSyncCore
import SchemaSyncPostgreSQL
import XCTest

/// Constraint names are part of the schema: a constraint whose definition matches under another
/// name is renamed in place. Read back from pg_constraint.
final class PostgreSQLConstraintNameTests: PostgreSQLTestCase {
    private func constraintNames() throws -> [[String?]] {
        try db.raw.query("""
            SELECT c.relname, con.conname, con.contype FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
            WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1, 2
            """)
    }

    func testConstraintsUnderOtherNamesAreRenamed() throws {
        try db.raw.query("""
            CREATE TABLE orgs (id integer CONSTRAINT orgs_pk PRIMARY KEY);
            CREATE TABLE users (id integer CONSTRAINT users_pk PRIMARY KEY, org_id integer, email text, qty integer,
                                CONSTRAINT u_email UNIQUE (email), CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES orgs (id),
                                CONSTRAINT chk_qty CHECK (qty > 0));
            CREATE TABLE posts (id integer PRIMARY KEY, user_id integer REFERENCES users (id));
            INSERT INTO orgs VALUES (1); INSERT INTO users VALUES (1, 1, 'a', 1); INSERT INTO posts VALUES (1, 1);
            """)
        let yaml = """
            tables:
              - name: orgs
                columns: [{ name: id, type: integer }]
                primaryKey: [id]
              - name: users
                columns:
                  - { name: id, type: integer }
                  - { name: org_id, type: integer }
                  - { name: email, type: text }
                  - { name: qty, type: integer }
                primaryKey: { name: users_pkey, columns: [id] }
                uniqueConstraints: [{ columns: [email] }]
                foreignKeys: [{ columns: [org_id], references: { table: orgs, columns: [id] } }]
                checks: [{ name: users_qty_check, expression: "qty > 0" }]
              - name: posts
                columns: [{ name: id, type: integer }, { name: user_id, type: integer }]
                primaryKey: [id]
                foreignKeys: [{ columns: [user_id], references: { table: users } , name: posts_user_id_fkey }]
            """
        let desired = try SchemaFileReader(source: "names.yaml").parse(yaml.replacingOccurrences(of: "references: { table: users }", with: "references: { table: users, columns: [id] }"))
        let pending = try pendingChanges(desired)
        XCTAssertEqual(pending.map(\.change.kind), Array(repeating: "renameConstraint", count: 5), "\(pending.map(\.change.objectPath))")
        try apply(desired)
        XCTAssertEqual(try constraintNames(), [
            ["orgs", "orgs_pkey", "p"],
            ["posts", "posts_pkey", "p"],
            ["posts", "posts_user_id_fkey", "f"],
            ["users", "users_email_key", "u"],
            ["users", "users_org_id_fkey", "f"],
            ["users", "users_pkey", "p"],
            ["users", "users_qty_check", "c"],
        ])
        XCTAssertEqual(try db.raw.value("SELECT count(*) FROM posts JOIN users ON users.id = posts.user_id"), "1", "rows and keys intact")
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
    }
}
