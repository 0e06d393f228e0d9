import SchemaSyncCore

/// The scenarios of ``ConformanceSuite``.
enum ConformanceScenarios {
    typealias F = ConformanceFixtures

    static var all: [ConformanceScenario] {
        [
            createFromEmpty, secondApplyChangesNothing, replayIsSafe, inspectRoundTrip,
            addColumnKeepsRows, widenTypesKeepsRows, nullabilityKeepsRows, addIndexesKeepsRows,
            addForeignKeyAndCheckKeepsRows, declaredRenamesKeepRows, renamesWithDataChecks, renameDroppingKeysKeepsRows,
            renameHintMatchingNothingIsAnError,
            destructiveChangesBlockedByDefault, dataCheckNulls, dataCheckDuplicates, dataCheckOrphans,
            dataCheckViolations, foreignKeyCycle, viewChangeReplacesView, hostileIdentifiers,
            partialIndexWhereSupported, commentsWhereSupported,
        ] + ConformanceVerificationScenarios.all + ConformanceSavedPlanScenarios.all
    }

    static let createFromEmpty = ConformanceScenario(name: "create schema from empty") { c in
        try c.applyAndConverge(F.shop)
        let inspected = try c.session.inspect()
        for table in F.shop.tables {
            let got = try c.inspectedTable(table.name)
            try c.expect(got.columns.map(\.name) == table.columns.map(\.name),
                         "\(table.name) has columns \(got.columns.map(\.name)), expected \(table.columns.map(\.name))")
            try c.expect(got.primaryKey?.columns == table.primaryKey?.columns, "\(table.name) primary key is \(String(describing: got.primaryKey))")
            try c.expect(got.foreignKeys.count == table.foreignKeys.count, "\(table.name) has \(got.foreignKeys.count) foreign keys")
            try c.expect(got.checks.count == table.checks.count, "\(table.name) has \(got.checks.count) checks")
        }
        try c.expect(inspected.view(named: "user_order_counts") != nil, "view user_order_counts is missing")
        try c.insert("users", ["email", "name"], [["a@example.com", "A"]])
        try c.insert("orders", ["user_id", "total"], [[1, "5.50"]])
        try c.expectRows("orders", ["user_id", "status", "total"], [["1", "new", "5.5"]])
        try c.expectRows("users", ["email", "name"], [["a@example.com", "A"]])
    }

    static let secondApplyChangesNothing = ConformanceScenario(name: "second apply changes nothing") { c in
        try c.applyAndConverge(F.shop)
        let second = try c.engine.apply(desired: F.shop, allowDestructive: false)
        try c.expect(second.statements.isEmpty, "second apply ran \(second.statements.count) statements: \(second.statements.map(\.sql))")
    }

    static let replayIsSafe = ConformanceScenario(name: "rendered statements replay safely") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code", "qty"], [[1, "a", 1], [2, "b", 2]])
        var desired = F.modify(F.items, "items") { t in
            t.columns.append(F.col("price", .decimal(precision: 10, scale: 2)))
            t.indexes.append(Index(name: "items_code_idx", columns: ["code"]))
        }
        desired.views.append(View(name: "items_view", definition: "SELECT id, code FROM items"))
        let report = try c.applyAndConverge(desired)
        // Replaying what ran must not corrupt anything: it succeeds, or (transactional engines)
        // fails and rolls back, leaving the database converged with every row.
        do {
            try c.session.withWriterLock {
                for statement in report.statements { try c.session.execute(statement) }
            }
        } catch let error as SchemaSyncError {
            try c.expect(c.dialect.capabilities.transactionalDDL,
                         "replaying on a non-transactional engine failed: \(error)")
        }
        let again = try c.engine.plan(desired: desired, allowDestructive: false)
        try c.expect(again.plan.applicable.isEmpty, "after replay the plan is not empty")
        try c.expectRows("items", ["id", "code", "qty"], [["1", "a", "1"], ["2", "b", "2"]])
    }

    static let inspectRoundTrip = ConformanceScenario(name: "inspected schema applies to an empty database") { c in
        try c.applyAndConverge(F.shop)
        let inspected = try c.session.inspect()
        // Written as a schema file and read back, the inspected schema must plan empty against the database.
        let text = SchemaFileWriter(dialectName: c.dialect.name).document(inspected).json()
        let reread = try SchemaFileReader(source: "inspect.json").parse(text)
        let plan = try c.engine.plan(desired: reread, allowDestructive: false)
        try c.expect(plan.plan.changes.isEmpty,
                     "inspect output does not plan empty: " + plan.plan.changes.map { "\($0.change.objectPath) \($0.change.summary)" }.joined(separator: "; "))
    }

    static let addColumnKeepsRows = ConformanceScenario(name: "add columns keeps rows") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code", "qty"], [[1, "a", 10], [2, "b", 20]])
        let desired = F.modify(F.items, "items") { t in
            t.columns.append(F.col("added_nullable", .varchar(length: 30)))
            t.columns.append(F.col("added_default", .integer, null: false, default: .number("7")))
        }
        try c.applyAndConverge(desired)
        try c.expectRows("items", ["id", "code", "qty", "added_nullable", "added_default"],
                         [["1", "a", "10", nil, "7"], ["2", "b", "20", nil, "7"]])
    }

    static let widenTypesKeepsRows = ConformanceScenario(name: "widening types keeps rows") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code", "qty", "label"], [[1, "abc", 5, "x"], [2, "defgh", 6, nil]])
        var desired = F.modifyColumn(F.items, "items", "code") { $0.type = .varchar(length: 100) }
        desired = F.modifyColumn(desired, "items", "qty") { $0.type = .bigint }
        let report = try c.applyAndConverge(desired)
        try c.expect(report.plan.changes.allSatisfy { $0.safety != .destructive }, "widening was classified destructive")
        try c.expectRows("items", ["id", "code", "qty", "label"], [["1", "abc", "5", "x"], ["2", "defgh", "6", nil]])
    }

    static let nullabilityKeepsRows = ConformanceScenario(name: "nullability changes keep rows") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code", "qty"], [[1, "a", 1], [2, "b", 2]])
        var desired = F.modifyColumn(F.items, "items", "code") { $0.nullable = false }
        desired = F.modifyColumn(desired, "items", "qty") { $0.defaultValue = .number("3") }
        try c.applyAndConverge(desired)
        try c.expect(try c.inspectedTable("items").column(named: "code")?.nullable == false, "items.code is still nullable")
        try c.expectRows("items", ["id", "code", "qty"], [["1", "a", "1"], ["2", "b", "2"]])
        try c.applyAndConverge(F.items)
        try c.expect(try c.inspectedTable("items").column(named: "code")?.nullable == true, "items.code is still NOT NULL")
        try c.expectRows("items", ["id", "code", "qty"], [["1", "a", "1"], ["2", "b", "2"]])
    }

    static let addIndexesKeepsRows = ConformanceScenario(name: "add indexes and unique constraints keeps rows") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code", "qty"], [[1, "a", 1], [2, "b", 1]])
        let desired = F.modify(F.items, "items") { t in
            t.indexes.append(Index(name: "items_qty_idx", columns: ["qty", "id"]))
            t.uniqueConstraints.append(UniqueConstraint(name: "items_code_key", columns: ["code"]))
        }
        try c.applyAndConverge(desired)
        try c.expectRows("items", ["id", "code", "qty"], [["1", "a", "1"], ["2", "b", "1"]])
        try c.expectInsertRefused("items", ["id", "code"], [3, "a"], by: "the unique constraint items_code_key")
        try c.expectRows("items", ["id", "code"], [["1", "a"], ["2", "b"]])
    }

    static let addForeignKeyAndCheckKeepsRows = ConformanceScenario(name: "add foreign key and check keeps rows") { c in
        try c.applyAndConverge(F.shop)
        try c.insert("users", ["email"], [["u1@x"], ["u2@x"]])
        try c.insert("orders", ["user_id", "total"], [[1, 3], [2, 4]])
        var desired = F.modify(F.shop, "orders") { t in
            t.columns.append(F.col("reviewer_id", .bigint))
            t.foreignKeys.append(ForeignKey(name: "orders_reviewer_fkey", columns: ["reviewer_id"], referencedTable: "users",
                                            referencedColumns: ["id"], onDelete: .setNull))
            t.checks.append(CheckConstraint(name: "orders_total_small", expression: "total < 1000"))
        }
        desired = F.modify(desired, "users") { t in t.columns.append(F.col("age", .integer)) }
        try c.applyAndConverge(desired)
        try c.expectRows("orders", ["id", "user_id", "total"], [["1", "1", "3"], ["2", "2", "4"]])
        try c.expectInsertRefused("orders", ["user_id", "total"], [1, 5000], by: "the check orders_total_small")
        try c.expectRows("orders", ["id", "total"], [["1", "3"], ["2", "4"]])
    }

    static let declaredRenamesKeepRows = ConformanceScenario(name: "declared renames keep rows") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code"], [[1, "a"], [2, "b"]])
        var desired = F.modify(F.items, "items") { t in
            t.name = "products"
            t.renamedFrom = "items"
        }
        desired = F.modifyColumn(desired, "products", "code") { col in
            col.name = "sku"
            col.renamedFrom = "code"
        }
        let report = try c.applyAndConverge(desired)
        try c.expect(!report.plan.changes.contains { if case .dropTable = $0.change { return true } else { return false } },
                     "a declared rename was planned as a drop")
        try c.expectRows("products", ["id", "sku"], [["1", "a"], ["2", "b"]])
    }

    static let renamesWithDataChecks = ConformanceScenario(name: "renames combined with checked changes") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code", "qty"], [[1, "a", 1], [2, "b", 2]])
        var desired = F.modify(F.items, "items") { t in
            t.name = "stock"
            t.renamedFrom = "items"
            t.indexes.append(Index(name: "stock_sku_key", columns: ["sku"], unique: true))
        }
        desired = F.modifyColumn(desired, "stock", "code") { col in
            col.name = "sku"
            col.renamedFrom = "code"
            col.nullable = false
        }
        try c.applyAndConverge(desired)
        try c.expectRows("stock", ["id", "sku", "qty"], [["1", "a", "1"], ["2", "b", "2"]])
    }

    /// The table's keys, check and index are dropped in the plan that renames it: each drop must
    /// find the table under the name it has when the drop runs.
    static let renameDroppingKeysKeepsRows = ConformanceScenario(name: "a rename that drops the table's keys keeps rows") { c in
        let owners = Table(name: "owners", columns: [F.col("id", .integer, null: false)], primaryKey: PrimaryKey(columns: ["id"]))
        let start = F.modify(F.items, "items") { t in
            t.foreignKeys = [ForeignKey(name: "items_qty_fkey", columns: ["qty"], referencedTable: "owners", referencedColumns: ["id"])]
            t.checks = [CheckConstraint(name: "items_qty_positive", expression: "qty > 0")]
            t.indexes = [Index(name: "items_code_idx", columns: ["code"])]
        }
        var schema = start
        schema.tables.insert(owners, at: 0)
        try c.applyAndConverge(schema)
        try c.insert("owners", ["id"], [[1], [2]])
        try c.insert("items", ["id", "code", "qty"], [[1, "a", 1], [2, "b", 2]])
        var desired = Schema(tables: [owners] + F.items.tables)
        desired = F.modify(desired, "items") { t in
            t.name = "stock"
            t.renamedFrom = "items"
        }
        try c.applyAndConverge(desired, allowDestructive: true)
        try c.expectRows("stock", ["id", "code", "qty"], [["1", "a", "1"], ["2", "b", "2"]])
        let stock = try c.inspectedTable("stock")
        try c.expect(stock.foreignKeys.isEmpty && stock.checks.isEmpty && stock.indexes.isEmpty,
                     "stock still has \(stock.foreignKeys.map(\.name) + stock.checks.map(\.name) + stock.indexes.map(\.name))")
    }

    static let renameHintMatchingNothingIsAnError = ConformanceScenario(name: "a rename hint that matches nothing is an error") { c in
        try c.applyAndConverge(F.items)
        let desired = F.modifyColumn(F.items, "items", "code") { col in
            col.name = "sku"
            col.renamedFrom = "no_such_column"
        }
        try c.expectError(.invalidSchema, containing: "no_such_column") { try c.engine.apply(desired: desired, allowDestructive: true) }
        try c.expect(try c.inspectedTable("items").column(named: "code") != nil, "items.code was dropped")
    }

    static let destructiveChangesBlockedByDefault = ConformanceScenario(name: "destructive changes are skipped unless allowed") { c in
        try c.applyAndConverge(F.shop)
        try c.insert("users", ["email", "name"], [["a@x", "A"]])
        var desired = F.modify(F.shop, "users") { t in t.columns.removeAll { $0.name == "name" } }
        desired.tables.removeAll { $0.name == "orders" }
        desired.views = []
        let blocked = try c.engine.apply(desired: desired, allowDestructive: false)
        try c.expect(blocked.plan.skipped.count == 3, "expected 3 skipped destructive changes, got \(blocked.plan.skipped.map(\.change.objectPath))")
        try c.expect(try c.inspectedTable("users").column(named: "name") != nil, "users.name was dropped without permission")
        try c.expect(try c.session.inspect().table(named: "orders") != nil, "orders was dropped without permission")
        try c.expectRows("users", ["email", "name"], [["a@x", "A"]])
        try c.applyAndConverge(desired, allowDestructive: true)
        try c.expect(try c.inspectedTable("users").column(named: "name") == nil, "users.name still exists")
        try c.expectRows("users", ["email"], [["a@x"]])
    }

    static let dataCheckNulls = ConformanceScenario(name: "data check: NOT NULL over NULLs refused with count") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code"], [[1, nil], [2, nil], [3, "c"]])
        let desired = F.modifyColumn(F.items, "items", "code") { $0.nullable = false }
        try c.expectError(.dataCheckFailed, containing: "2 rows") { try c.engine.apply(desired: desired, allowDestructive: false) }
        try c.expect(try c.inspectedTable("items").column(named: "code")?.nullable == true, "items.code changed despite the failed check")
    }

    static let dataCheckDuplicates = ConformanceScenario(name: "data check: unique over duplicates refused with count") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code"], [[1, "x"], [2, "x"], [3, "x"], [4, "y"]])
        let desired = F.modify(F.items, "items") { t in t.indexes.append(Index(name: "items_code_key", columns: ["code"], unique: true)) }
        try c.expectError(.dataCheckFailed, containing: "3 rows") { try c.engine.apply(desired: desired, allowDestructive: false) }
        try c.expect(try c.inspectedTable("items").indexes.isEmpty, "an index was created despite the failed check")
    }

    static let dataCheckOrphans = ConformanceScenario(name: "data check: foreign key over orphans refused with count") { c in
        var base = F.items
        base.tables.append(Table(name: "owners", columns: [F.col("id", .integer, null: false)], primaryKey: PrimaryKey(columns: ["id"])))
        try c.applyAndConverge(base)
        try c.insert("owners", ["id"], [[1]])
        try c.insert("items", ["id", "qty"], [[1, 1], [2, 9], [3, 8], [4, nil]])
        let desired = F.modify(base, "items") { t in
            t.foreignKeys.append(ForeignKey(name: "items_qty_fkey", columns: ["qty"], referencedTable: "owners", referencedColumns: ["id"]))
        }
        try c.expectError(.dataCheckFailed, containing: "2 rows") { try c.engine.apply(desired: desired, allowDestructive: false) }
        try c.expect(try c.inspectedTable("items").foreignKeys.isEmpty, "a foreign key was added despite the failed check")
    }

    static let dataCheckViolations = ConformanceScenario(name: "data check: check over violating rows refused with count") { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "qty"], [[1, -1], [2, 5], [3, -3]])
        let desired = F.modify(F.items, "items") { t in t.checks.append(CheckConstraint(name: "items_qty_positive", expression: "qty > 0")) }
        try c.expectError(.dataCheckFailed, containing: "2 rows") { try c.engine.apply(desired: desired, allowDestructive: false) }
        try c.expect(try c.inspectedTable("items").checks.isEmpty, "a check was added despite the failed check")
    }

    static let foreignKeyCycle = ConformanceScenario(name: "foreign key cycle") { c in
        let a = Table(name: "cycle_a", columns: [F.col("id", .integer, null: false), F.col("b_id", .integer)],
                      primaryKey: PrimaryKey(columns: ["id"]),
                      foreignKeys: [ForeignKey(name: "cycle_a_b_fkey", columns: ["b_id"], referencedTable: "cycle_b", referencedColumns: ["id"])])
        let b = Table(name: "cycle_b", columns: [F.col("id", .integer, null: false), F.col("a_id", .integer)],
                      primaryKey: PrimaryKey(columns: ["id"]),
                      foreignKeys: [ForeignKey(name: "cycle_b_a_fkey", columns: ["a_id"], referencedTable: "cycle_a", referencedColumns: ["id"])])
        try c.applyAndConverge(Schema(tables: [a, b]))
        try c.expect(try c.inspectedTable("cycle_a").foreignKeys.count == 1, "cycle_a lost its foreign key")
        try c.expect(try c.inspectedTable("cycle_b").foreignKeys.count == 1, "cycle_b lost its foreign key")
    }

    static let viewChangeReplacesView = ConformanceScenario(name: "changing a view replaces it") { c in
        try c.applyAndConverge(F.shop)
        var desired = F.shop
        desired.views = [View(name: "user_order_counts",
                              definition: "SELECT user_id, COUNT(*) AS order_count, SUM(total) AS spent FROM orders GROUP BY user_id")]
        try c.applyAndConverge(desired)
        try c.insert("users", ["email"], [["v@x"]])
        try c.insert("orders", ["user_id", "total"], [[1, 2], [1, 3]])
        try c.expectRows("user_order_counts", ["user_id", "order_count", "spent"], [["1", "2", "5"]])
    }

    static let hostileIdentifiers = ConformanceScenario(name: "hostile identifiers") { c in
        let names = ["select", "We\"ird", "back`tick", "with space", "ünïcødé", "MixedCase", "semi;colon", "quote'd"]
        let parent = Table(
            name: "Order", columns: [F.col("id", .integer, null: false), F.col("group", .varchar(length: 20))],
            primaryKey: PrimaryKey(columns: ["id"]))
        let child = Table(
            name: "tab le\"`'",
            columns: [F.col("id", .integer, null: false), F.col("Order", .integer)] + names.map { F.col($0, .varchar(length: 20)) },
            primaryKey: PrimaryKey(columns: ["id"]),
            indexes: [Index(name: "idx \"`' x", columns: ["select", "We\"ird"])],
            foreignKeys: [ForeignKey(name: "fk \"`' x", columns: ["Order"], referencedTable: "Order", referencedColumns: ["id"])],
            checks: [])
        let schema = Schema(tables: [parent, child])
        try c.applyAndConverge(schema)
        try c.insert("Order", ["id", "group"], [[1, "g"]])
        try c.insert("tab le\"`'", ["id", "Order", "with space", "quote'd"], [[1, 1, "it's", "o'k"]])
        let added = F.modify(schema, "tab le\"`'") { t in t.columns.append(F.col("ne\"w`col'", .integer, null: false, default: .number("1"))) }
        try c.applyAndConverge(added)
        try c.expectRows("tab le\"`'", ["id", "with space", "quote'd", "ne\"w`col'"], [["1", "it's", "o'k", "1"]])
    }

    static let partialIndexWhereSupported = ConformanceScenario(name: "partial index") { c in
        try c.requires(c.dialect.capabilities.partialIndexes, "the engine has no partial indexes")
        try c.applyAndConverge(F.items)
        let desired = F.modify(F.items, "items") { t in
            t.indexes.append(Index(name: "items_code_partial", columns: ["code"], unique: true, predicate: "qty > 0"))
        }
        try c.applyAndConverge(desired)
        try c.expect(try c.inspectedTable("items").indexes.first?.predicate != nil, "the index lost its predicate")
    }

    static let commentsWhereSupported = ConformanceScenario(name: "table and column comments") { c in
        try c.requires(c.dialect.capabilities.comments, "the engine keeps no table or column comments")
        try c.applyAndConverge(F.items)
        var desired = F.modify(F.items, "items") { $0.comment = "stock items, it's true" }
        desired = F.modifyColumn(desired, "items", "qty") { $0.comment = "on hand" }
        try c.applyAndConverge(desired)
        let table = try c.inspectedTable("items")
        try c.expect(table.comment == "stock items, it's true", "table comment is \(String(describing: table.comment))")
        try c.expect(table.column(named: "qty")?.comment == "on hand", "column comment is \(String(describing: table.column(named: "qty")?.comment))")
        desired = F.modify(desired, "items") { $0.comment = "renamed comment" }
        try c.applyAndConverge(desired)
        try c.expect(try c.inspectedTable("items").comment == "renamed comment", "the table comment did not change")
    }
}
