import SchemaSyncCore
import XCTest

/// Constraint renames, validation of NOT VALID constraints, and foreign keys relying on a key
/// the plan drops, planned by the core for a dialect that has them.
final class ConstraintPlanTests: XCTestCase {
    private struct RenamingDialect: Dialect {
        var renames = true
        var name: String { "renaming" }
        var capabilities: DialectCapabilities {
            var c = FakeDialect().capabilities
            c.renamesConstraints = renames
            c.notValidConstraints = true
            return c
        }
        func quoteIdentifier(_ name: String) -> String { "\"\(name)\"" }
        func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] { [] }
    }

    private func users(pk: String, unique: String, check: String, fk: String) -> Schema {
        Schema(tables: [
            Table(name: "orgs", columns: [Column(name: "id", type: .integer, nullable: false)], primaryKey: PrimaryKey(columns: ["id"])),
            Table(name: "users", columns: [
                Column(name: "id", type: .integer, nullable: false), Column(name: "org_id", type: .integer),
                Column(name: "email", type: .text), Column(name: "qty", type: .integer),
            ], primaryKey: PrimaryKey(name: pk, columns: ["id"]),
            uniqueConstraints: [UniqueConstraint(name: unique, columns: ["email"])],
            foreignKeys: [ForeignKey(name: fk, columns: ["org_id"], referencedTable: "orgs", referencedColumns: ["id"])],
            checks: [CheckConstraint(name: check, expression: "qty > 0")]),
        ])
    }

    func testMatchingDefinitionsUnderOtherNamesAreRenamed() throws {
        let current = users(pk: "u_pk", unique: "u_email", check: "chk", fk: "fk_org")
        let desired = users(pk: "users_pkey", unique: "users_email_key", check: "users_qty_check", fk: "users_org_id_fkey")
        let plan = try Differ(dialect: RenamingDialect()).plan(from: current, to: desired, allowDestructive: false)
        XCTAssertEqual(plan.changes.map(\.change.kind), Array(repeating: "renameConstraint", count: 4))
        XCTAssertEqual(SchemaEvolution.applying(plan.changes.map(\.change), to: current).sorted(), desired.sorted())
        // Without the capability: drop and add, as before (the primary key name is not compared).
        let without = try Differ(dialect: RenamingDialect(renames: false)).plan(from: current, to: desired, allowDestructive: false)
        XCTAssertEqual(Set(without.changes.map(\.change.kind)), ["dropUnique", "addUnique", "dropCheck", "addCheck", "dropForeignKey", "addForeignKey"])
    }

    func testNotValidDeclaredValidIsAddedInPlaceWithADataCheck() throws {
        var current = users(pk: "p", unique: "u", check: "c", fk: "f")
        current.tables[1].checks[0].notValid = true
        current.tables[1].foreignKeys[0].notValid = true
        let desired = users(pk: "p", unique: "u", check: "c", fk: "f")
        let plan = try Differ(dialect: RenamingDialect()).plan(from: current, to: desired, allowDestructive: false)
        XCTAssertEqual(plan.changes.map(\.change.kind), ["addCheck", "addForeignKey"], "validated, not dropped")
        XCTAssertTrue(plan.changes.allSatisfy { !$0.dataChecks.isEmpty })
        // The other way round (valid in the database, NOT VALID declared): re-created NOT VALID, nothing counted.
        let back = try Differ(dialect: RenamingDialect()).plan(from: desired, to: current, allowDestructive: false)
        XCTAssertEqual(back.changes.map(\.change.kind), ["dropForeignKey", "dropCheck", "addCheck", "addForeignKey"])
        XCTAssertTrue(back.changes.allSatisfy { $0.dataChecks.isEmpty })
    }

    func testForeignKeysRelyingOnADroppedKeyAreDroppedFirstAndAddedLast() throws {
        let current = users(pk: "users_pkey", unique: "u", check: "c", fk: "f")
        var desired = current
        desired.tables[0].primaryKey = PrimaryKey(name: "orgs_pkey", columns: ["id"])
        // orgs' key changes shape: the foreign key from users must make way.
        desired.tables[0].columns.append(Column(name: "region", type: .integer, nullable: false))
        desired.tables[0].primaryKey = PrimaryKey(name: "orgs_pkey", columns: ["region", "id"])
        desired.tables[0].uniqueConstraints = [UniqueConstraint(name: "orgs_id_key", columns: ["id"])]
        let plan = try Differ(dialect: RenamingDialect(renames: false)).plan(from: current, to: desired, allowDestructive: false)
        let kinds = plan.changes.map(\.change.kind)
        let dropFK = try XCTUnwrap(kinds.firstIndex(of: "dropForeignKey")), dropPK = try XCTUnwrap(kinds.firstIndex(of: "dropPrimaryKey"))
        let addPK = try XCTUnwrap(kinds.firstIndex(of: "addPrimaryKey")), addFK = try XCTUnwrap(kinds.firstIndex(of: "addForeignKey"))
        XCTAssertTrue(dropFK < dropPK && dropPK < addPK && addPK < addFK, "\(kinds)")
        XCTAssertEqual(plan.changes[addFK].change.objectPath, "users.f")
    }
}
