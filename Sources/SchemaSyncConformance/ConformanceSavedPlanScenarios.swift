import Foundation
import SchemaSyncCore

/// Scenarios for reviewed plans: a saved plan runs exactly as written while the database is as
/// it was planned from, and is refused once either changed.
enum ConformanceSavedPlanScenarios {
    typealias F = ConformanceFixtures

    static var all: [ConformanceScenario] { [savedPlanRunsAsReviewedAndRefusesDrift, hazardsOutsideTheAllowedListAreRefused] }

    /// plan → file → (drift: refused, nothing changed) → (drift undone) → exactly the saved
    /// statements run and the result verifies; an edited file is refused.
    static let savedPlanRunsAsReviewedAndRefusesDrift = ConformanceScenario(
        name: "a saved plan runs as reviewed and is refused after drift"
    ) { c in
        try c.applyAndConverge(F.items)
        try c.insert("items", ["id", "code", "qty"], [[1, "a", 2]])
        let desired = F.modify(F.items, "items") { t in
            t.columns.append(F.col("note", .varchar(length: 40)))
            t.indexes.append(Index(name: "items_code_idx", columns: ["code"]))
        }
        let engine = c.engine
        let report = try engine.plan(desired: desired, allowDestructive: false)
        let written = try engine.savedPlan(of: report, desired: desired, tool: "conformance", database: "test", createdAt: "2026-01-01T00:00:00Z")
        let saved = try SavedPlan.decode(try written.encoded(), path: "plan.json")
        try c.expect(!saved.statements.isEmpty, "the saved plan has no statements")

        // Drift: another table appears after the review.
        let drifted = Schema(tables: F.items.tables + [Table(name: "drift", columns: [F.col("id", .integer, null: false)],
                                                             primaryKey: PrimaryKey(columns: ["id"]))])
        try c.applyAndConverge(drifted)
        try c.expectError(.planStale, containing: "drift") { try engine.apply(saved: saved) }
        try c.expect(try c.inspectedTable("items").columns.allSatisfy { $0.name != "note" }, "a refused saved plan added items.note")

        // Undone: the catalog is as reviewed again, and exactly the saved statements run.
        try c.applyAndConverge(F.items, allowDestructive: true)
        let ran = Counter()
        let applied = try engine.apply(saved: saved, options: SyncEngine.ApplyOptions(onStatement: { _, _ in ran.add() }))
        try c.expect(ran.value == saved.statements.count, "ran \(ran.value) statements, the plan has \(saved.statements.count)")
        try c.expect(applied.executed == saved.statements.count, "the report counts \(applied.executed) statements")
        let items = try c.inspectedTable("items")
        try c.expect(items.columns.contains { $0.name == "note" } && items.indexes.contains { $0.name == "items_code_idx" },
                     "the saved plan did not add items.note and items_code_idx")
        try c.expectRows("items", ["id", "code"], [["1", "a"]])

        // Run again: the catalog moved on (by the plan itself), so the same file is refused.
        try c.expectError(.planStale) { try engine.apply(saved: saved) }

        // An edited file no longer matches its hash.
        var edited = try written.encoded()
        edited = Data(String(decoding: edited, as: UTF8.self).replacingOccurrences(of: "items_code_idx", with: "items_code_ix").utf8)
        try c.expectError(.planStale, containing: "edited") { _ = try SavedPlan.decode(edited, path: "plan.json") }
    }

    /// With `allowedHazards`, a change with another kind of hazard is refused before anything runs.
    static let hazardsOutsideTheAllowedListAreRefused = ConformanceScenario(
        name: "hazards outside --allow-hazards are refused before anything runs"
    ) { c in
        try c.applyAndConverge(F.items)
        let desired = F.modify(F.items, "items") { t in
            t.columns.append(F.col("note", .text))
            t.indexes.append(Index(name: "items_qty_idx", columns: ["qty"]))
        }
        let report = try c.engine.plan(desired: desired, allowDestructive: false)
        let index = report.plan.changes.first { if case .createIndex = $0.change { return true }; return false }
        try c.expect(index.map { report.hazards[$0.id]?.contains { $0.kind == .buildsIndex } ?? false } ?? false,
                     "creating an index on an existing table has no builds-index hazard: \(report.hazards)")
        var options = SyncEngine.ApplyOptions()
        options.allowedHazards = [.buildsIndex]
        try c.expectError(.hazardNotAllowed, containing: "blocks-writes") {
            try c.engine.apply(desired: desired, allowDestructive: false, options: options)
        }
        try c.expect(try c.inspectedTable("items").columns.allSatisfy { $0.name != "note" }, "a refused apply added items.note")
        options.allowedHazards = Set(ChangeHazard.Kind.allCases)
        try c.engine.apply(desired: desired, allowDestructive: false, options: options)
        try c.expect(try c.inspectedTable("items").indexes.contains { $0.name == "items_qty_idx" }, "items_qty_idx is missing")
    }
}

/// A thread-safe count for statement callbacks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func add() { lock.lock(); count += 1; lock.unlock() }
}
