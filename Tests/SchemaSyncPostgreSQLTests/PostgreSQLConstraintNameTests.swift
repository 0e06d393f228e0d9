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

    /// Constraints a YAML file leaves unnamed get PostgreSQL's names, so a table created by hand
    /// with unnamed constraints is no difference at all.
    func testUnnamedConstraintsInYAMLGetPostgreSQLsNames() throws {
        try db.raw.query("""
            CREATE TABLE orgs (id integer PRIMARY KEY);
            CREATE TABLE members (id integer PRIMARY KEY, org_id integer REFERENCES orgs, email text UNIQUE,
                                  qty integer CHECK (qty > 0), lo integer, hi integer, CHECK (lo < hi), CHECK (hi < 100),
                                  note text CHECK (note <> 'qty'));
            """)
        let yaml = """
            tables:
              - name: orgs
                columns: [{ name: id, type: integer }]
                primaryKey: [id]
              - name: members
                columns:
                  - { name: id, type: integer }
                  - { name: org_id, type: integer }
                  - { name: email, type: text }
                  - { name: qty, type: integer }
                  - { name: lo, type: integer }
                  - { name: hi, type: integer }
                  - { name: note, type: text }
                primaryKey: [id]
                uniqueConstraints: [{ columns: [email] }]
                foreignKeys: [{ columns: [org_id], references: { table: orgs, columns: [id] } }]
                checks:
                  - { expression: "qty > 0" }
                  - { expression: "lo < hi" }
                  - { expression: "hi < 100" }
                  - { expression: "note <> 'qty'" }
            """
        let desired = try SchemaFileReader(source: "unnamed.yaml").parse(yaml)
        XCTAssertEqual(try pendingChanges(desired).map(\.change.objectPath), [])
        let names = try db.raw.query("SELECT conname FROM pg_constraint WHERE conrelid = 'members'::regclass ORDER BY 1").map { $0[0]! }
        XCTAssertEqual(names, ["members_check", "members_email_key", "members_hi_check", "members_note_check", "members_org_id_fkey",
                               "members_pkey", "members_qty_check"])
        // And applied to an empty schema, the same names.
        try apply(desired, schemaName: "fresh")
        XCTAssertEqual(try db.raw.query("SELECT conname FROM pg_constraint WHERE conrelid = 'fresh.members'::regclass ORDER BY 1").map { $0[0]! },
                       names)
    }
}
