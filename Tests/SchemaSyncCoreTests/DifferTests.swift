import SchemaSyncCore
import XCTest

final class DifferTests: XCTestCase {
    let differ = Differ(dialect: FakeDialect())

    func table(_ name: String, _ columns: [Column], fks: [ForeignKey] = []) -> Table {
        Table(name: name, columns: columns, primaryKey: PrimaryKey(columns: [columns[0].name]), foreignKeys: fks)
    }

    func col(_ name: String, _ type: DataType = .integer, nullable: Bool = true) -> Column {
        Column(name: name, type: type, nullable: nullable)
    }

    func fk(_ name: String, _ column: String, _ target: String) -> ForeignKey {
        ForeignKey(name: name, columns: [column], referencedTable: target, referencedColumns: ["id"])
    }

    func testCreatesReferencedTablesFirstAndDropsInReverse() throws {
        let users = table("users", [col("id")])
        let orders = table("orders", [col("id"), col("user_id")], fks: [fk("o_u", "user_id", "users")])
        let items = table("items", [col("id"), col("order_id")], fks: [fk("i_o", "order_id", "orders")])
        let create = try differ.plan(from: Schema(), to: Schema(tables: [items, orders, users]), allowDestructive: false)
        XCTAssertEqual(create.changes.map(\.change.objectPath), ["users", "orders", "items"])

        let drop = try differ.plan(from: Schema(tables: [users, orders, items]), to: Schema(tables: [table("other", [col("id")])]),
                                   allowDestructive: true)
        let drops = drop.changes.filter { $0.change.kind == "dropTable" }.map(\.change.objectPath)
        XCTAssertEqual(drops, ["items", "orders", "users"])
        XCTAssertTrue(drop.changes.filter { $0.change.kind == "dropTable" }.allSatisfy { $0.safety == .destructive })
    }

    func testForeignKeyCycleIsBrokenWithADeferredForeignKey() throws {
        let a = table("a", [col("id"), col("b_id")], fks: [fk("a_b", "b_id", "b")])
        let b = table("b", [col("id"), col("a_id")], fks: [fk("b_a", "a_id", "a")])
        let plan = try differ.plan(from: Schema(), to: Schema(tables: [a, b]), allowDestructive: false)
        XCTAssertEqual(plan.changes.map(\.change.kind), ["createTable", "createTable", "addForeignKey"])
        if case let .createTable(first) = plan.changes[0].change { XCTAssertTrue(first.foreignKeys.isEmpty) }
    }

    func testNarrowingIsDestructiveAndWideningIsSafe() throws {
        let current = Schema(tables: [table("t", [col("id"), col("v", .varchar(length: 100)), col("n", .integer)])])
        let desired = Schema(tables: [table("t", [col("id"), col("v", .varchar(length: 10)), col("n", .bigint)])])
        let plan = try differ.plan(from: current, to: desired, allowDestructive: false)
        let byPath = Dictionary(uniqueKeysWithValues: plan.changes.map { ($0.change.objectPath, $0.safety) })
        XCTAssertEqual(byPath["t.v"], .destructive)
        XCTAssertEqual(byPath["t.n"], .safe)
        XCTAssertEqual(plan.skipped.map(\.change.objectPath), ["t.v"])
        XCTAssertEqual(plan.applicable.map(\.change.objectPath), ["t.n"])
    }

    func testSetNotNullNeedsADataCheck() throws {
        let current = Schema(tables: [table("t", [col("id"), col("v")])])
        let desired = Schema(tables: [table("t", [col("id"), col("v", nullable: false)])])
        let plan = try differ.plan(from: current, to: desired, allowDestructive: false)
        XCTAssertEqual(plan.changes.first?.safety, .needsDataCheck)
        XCTAssertEqual(plan.changes.first?.dataChecks, [.nulls(table: "t", column: "v")])
        XCTAssertTrue(FakeDialect().dataCheckQuery(.nulls(table: "t", column: "v")).contains("«v» IS NULL"))
    }

    func testRenamesAreDeclaredNeverGuessed() throws {
        let current = Schema(tables: [table("t", [col("id"), col("old")])])
        var renamed = col("new")
        renamed.renamedFrom = "old"
        let plan = try differ.plan(from: current, to: Schema(tables: [table("t", [col("id"), renamed])]), allowDestructive: false)
        XCTAssertEqual(plan.changes.map(\.change.kind), ["renameColumn"])

        // Without the hint it is an add and a (destructive) drop.
        let guess = try differ.plan(from: current, to: Schema(tables: [table("t", [col("id"), col("new")])]), allowDestructive: false)
        XCTAssertEqual(Set(guess.changes.map(\.change.kind)), ["addColumn", "dropColumn"])

        var wrong = col("new")
        wrong.renamedFrom = "missing"
        XCTAssertThrowsError(try differ.plan(from: current, to: Schema(tables: [table("t", [col("id"), wrong])]), allowDestructive: false)) {
            XCTAssertEqual(($0 as? SchemaSyncError)?.code, .invalidSchema)
        }
    }

    func testUnchangedSchemaPlansEmpty() throws {
        let schema = Schema(tables: [table("t", [col("id"), col("v")])], views: [View(name: "v", definition: "SELECT  1")])
        var same = schema
        same.views[0].definition = "select 1"
        let plan = try differ.plan(from: schema, to: same, allowDestructive: false)
        XCTAssertTrue(plan.isEmpty)
        XCTAssertEqual(plan.unchanged, ["t", "v"])
    }

    func testViewsOverChangedTablesAreRecreatedAndDependentViewsFollow() throws {
        let current = Schema(tables: [table("t", [col("id"), col("v", .integer)])],
                             views: [View(name: "v1", definition: "SELECT v FROM t"), View(name: "v2", definition: "SELECT * FROM v1")])
        var desired = current
        desired.tables[0].columns[1].type = .bigint
        let plan = try differ.plan(from: current, to: desired, allowDestructive: false)
        XCTAssertEqual(plan.changes.map { "\($0.change.kind) \($0.change.objectPath)" },
                       ["dropView v2", "dropView v1", "alterColumn t.v", "createView v1", "createView v2"])
    }

    func testSchemaEvolutionMatchesDesiredAfterPlan() throws {
        let current = Schema(tables: [table("t", [col("id"), col("a")])])
        var desired = Schema(tables: [table("t", [col("id"), col("a", .bigint), col("b")])])
        desired.tables[0].indexes = [Index(name: "t_b", columns: ["b"])]
        let plan = try differ.plan(from: current, to: desired, allowDestructive: false)
        let evolved = SchemaEvolution.applying(plan.applicable.map(\.change), to: current)
        XCTAssertTrue(try differ.plan(from: evolved, to: desired, allowDestructive: false).isEmpty)
    }

    func testRenamingAKeyColumnChangesNoKeyOrForeignKey() throws {
        let current = Schema(tables: [table("users", [col("id")]), table("orders", [col("id"), col("user_id")], fks: [fk("o_u", "user_id", "users")])])
        var renamed = col("user_key")
        renamed.renamedFrom = "id"
        var desired = current
        desired.tables[0] = table("users", [renamed])
        desired.tables[1].foreignKeys[0].referencedColumns = ["user_key"]
        let plan = try differ.plan(from: current, to: desired, allowDestructive: false)
        XCTAssertEqual(plan.changes.map(\.change.kind), ["renameColumn"])
    }

    func testForeignKeysToTablesAndColumnsTheSamePlanCreates() throws {
        let orders = table("orders", [col("id"), col("status_id"), col("user_code")])
        let users = table("users", [col("id")])
        var desired = Schema(tables: [users, orders, table("statuses", [col("id")])])
        desired.tables[1].foreignKeys = [fk("o_s", "status_id", "statuses")]
        desired.tables[0].columns.append(col("code"))
        desired.tables[0].uniqueConstraints = [UniqueConstraint(name: "users_code_key", columns: ["code"])]
        desired.tables.append(table("invoices", [col("id"), col("user_code")],
                                    fks: [ForeignKey(name: "i_u", columns: ["user_code"], referencedTable: "users", referencedColumns: ["code"])]))
        let plan = try differ.plan(from: Schema(tables: [users, orders]), to: desired, allowDestructive: false)
        let addFK = plan.changes.first { $0.change.objectPath == "orders.o_s" }
        XCTAssertEqual(addFK?.dataChecks, [.unmatchable(table: "orders", columns: ["status_id"], referencedTable: "statuses")])
        // The new table's key to the new unique column is added after the column and key exist.
        let kinds = plan.changes.map { "\($0.change.kind) \($0.change.objectPath)" }
        XCTAssertLessThan(kinds.firstIndex(of: "addUnique users.users_code_key")!, kinds.firstIndex(of: "addForeignKey invoices.i_u")!)
        if case let .createTable(invoices)? = plan.changes.first(where: { $0.change.objectPath == "invoices" })?.change {
            XCTAssertTrue(invoices.foreignKeys.isEmpty)
        }
    }

    func testDroppingTablesInAForeignKeyCycleDropsTheClosingKeyFirst() throws {
        let a = table("a", [col("id"), col("b_id")], fks: [fk("a_b", "b_id", "b")])
        let b = table("b", [col("id"), col("a_id")], fks: [fk("b_a", "a_id", "a")])
        let plan = try differ.plan(from: Schema(tables: [a, b, table("keep", [col("id")])]), to: Schema(tables: [table("keep", [col("id")])]),
                                   allowDestructive: true)
        XCTAssertEqual(plan.changes.map(\.change.kind), ["dropForeignKey", "dropTable", "dropTable"])
        XCTAssertTrue(plan.changes.allSatisfy { $0.safety == .destructive })
    }

    func testTurningAColumnIntoAGeneratedOneIsDestructive() throws {
        let current = Schema(tables: [table("t", [col("id"), col("v")])])
        var desired = current
        desired.tables[0].columns[1].generated = Column.Generated(expression: "id * 2")
        XCTAssertEqual(try differ.plan(from: current, to: desired, allowDestructive: false).changes.first?.safety, .destructive)
        XCTAssertEqual(try differ.plan(from: desired, to: current, allowDestructive: false).changes.first?.safety, .safe)
    }
}

/// The creation order: the first table in declared order whose referenced tables exist, a cycle
/// broken at the first remaining table; checked against that rule written as a plain scan.
final class ForeignKeyOrderingTests: XCTestCase {
    func testOrderMatchesTheScanOnRandomGraphs() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let count = Int.random(in: 1...30, using: &generator)
            let tables = (0..<count).map { i -> Table in
                let keys = (0..<Int.random(in: 0...3, using: &generator)).map { k -> ForeignKey in
                    // Some point at tables outside the set (already existing), some at themselves.
                    let target = Int.random(in: 0...(count + 2), using: &generator)
                    return ForeignKey(name: "fk\(i)_\(k)", columns: ["c\(k)"],
                                      referencedTable: target < count ? "t\(target)" : "outside\(target)", referencedColumns: ["id"])
                }
                return Table(name: "t\(i)", columns: [Column(name: "id", type: .integer)], foreignKeys: keys)
            }.shuffled(using: &generator)
            let ordering = ForeignKeyOrdering(tables: tables)
            let expected = Self.scan(tables)
            XCTAssertEqual(ordering.order, expected.order, "round \(round)")
            XCTAssertEqual(ordering.deferred, expected.deferred, "round \(round)")
        }
    }

    /// The rule as a scan over the remaining tables (quadratic; the reference).
    private static func scan(_ tables: [Table]) -> (order: [String], deferred: [String: [ForeignKey]]) {
        let names = Set(tables.map(\.name))
        let byName = Dictionary(tables.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var created = Set<String>(), order: [String] = [], deferred: [String: [ForeignKey]] = [:]
        var remaining = tables.map(\.name)
        func ready(_ name: String) -> Bool {
            byName[name]!.foreignKeys.allSatisfy { $0.referencedTable == name || !names.contains($0.referencedTable) || created.contains($0.referencedTable) }
        }
        while !remaining.isEmpty {
            if let index = remaining.firstIndex(where: ready) {
                let name = remaining.remove(at: index)
                created.insert(name)
                order.append(name)
                continue
            }
            let name = remaining.removeFirst()
            let forward = byName[name]!.foreignKeys.filter { $0.referencedTable != name && names.contains($0.referencedTable) && !created.contains($0.referencedTable) }
            deferred[name, default: []].append(contentsOf: forward)
            created.insert(name)
            order.append(name)
        }
        return (order, deferred)
    }
}
