import Foundation
import Rainbow
import SchemaSyncCore

/// Prints a ``SyncReport`` as colour-coded text, as the exact SQL script, or as JSON.
struct PlanPrinter {
    let report: SyncReport
    let dialect: any Dialect
    let url: DatabaseURL
    /// Set when the desired schema was copied from another engine.
    var crossEngine: CrossEngineCopy? = nil

    /// `✓ users  unchanged` / `ℹ orders  create table` / `⚠ ... skipped` lines and a summary.
    func text() -> String {
        let plan = report.plan
        let blocked = Dictionary(grouping: report.failedChecks, by: \.changeID)
        var rows: [(String, String, String)] = []
        var hazardLines: [Int: [String]] = [:]
        for name in plan.unchanged { rows.append(("✓".green, name, "unchanged")) }
        for change in plan.changes {
            var detail = change.change.summary
            if !change.notes.isEmpty { detail += " (" + change.notes.joined(separator: "; ") + ")" }
            if change.safety == .destructive && !plan.allowDestructive {
                rows.append(("⚠".yellow, change.change.objectPath, detail + " — destructive, skipped (pass --allow-destructive)"))
            } else if let failures = blocked[change.id] {
                let reasons = failures.map { "\($0.offendingRows) \($0.check)" }.joined(separator: "; ")
                rows.append(("✗".red, change.change.objectPath, detail + " — blocked: " + reasons))
            } else {
                let marker = change.safety == .destructive ? "⚠".yellow : "ℹ".cyan
                rows.append((marker, change.change.objectPath, detail + (change.safety == .destructive ? " — destructive" : "")))
            }
            if let hazards = report.hazards[change.id], !(change.safety == .destructive && !plan.allowDestructive) {
                hazardLines[rows.count - 1] = hazards.map { "    hazard \($0.kind.rawValue): \($0.detail)" }
            }
        }
        for mismatch in report.engineMismatches {
            rows.append(("✗".red, mismatch.objectPath, "\(mismatch.kind): in sync according to the model, but the engine reports another definition: \(mismatch.detail)"))
        }
        for object in plan.unmanaged {
            let on = object.table.map { " on \($0)" } ?? ""
            rows.append(("•".lightBlack, object.name, "\(object.kind)\(on): not managed, left untouched"))
        }
        let width = min(40, (rows.map { $0.1.count }.max() ?? 0) + 2)
        var lines: [String] = []
        for (index, (marker, path, detail)) in rows.enumerated() {
            lines.append("\(marker) \(path.padding(toLength: max(width, path.count + 1), withPad: " ", startingAt: 0))\(detail)")
            lines += (hazardLines[index] ?? []).map { $0.lightBlack }
        }
        if let size = automaticTransactionSize {
            lines.append("ℹ".cyan + " The plan only creates new objects and needs more locks than one transaction holds on this server: "
                + "apply runs it in transactions of at most \(size) changes each (nothing that exists changes; "
                + "after a failure, earlier transactions stay applied and running apply again converges).")
        }
        lines += crossEngine?.textLines ?? []
        if plan.changes.isEmpty && report.engineMismatches.isEmpty {
            lines.append("No changes: the database matches the desired schema"
                + (report.engineChecked ? " (the definitions the engine reports agree)." : "."))
        }
        lines.append(summaryLine())
        return lines.joined(separator: "\n")
    }

    /// The transaction size apply splits this plan into by itself, when it does
    /// (see ``Dialect/changesPerTransaction(creating:)``).
    var automaticTransactionSize: Int? {
        let applicable = report.plan.applicable
        guard Plan.onlyCreatesNewObjects(applicable) else { return nil }
        return dialect.changesPerTransaction(creating: applicable)
    }

    func summaryLine() -> String {
        let plan = report.plan
        var parts = ["\(plan.applicable.count) to apply", "\(plan.skipped.count) skipped", "\(plan.unchanged.count) unchanged"]
        if !report.failedChecks.isEmpty { parts.append("\(Set(report.failedChecks.map(\.changeID)).count) blocked by data checks") }
        if !report.engineMismatches.isEmpty { parts.append("\(report.engineMismatches.count) differing outside the model") }
        return "Summary: " + parts.joined(separator: ", ")
    }

    /// The statements exactly as apply runs them, wrapped in the dialect's prologue and epilogue.
    func sql() -> String {
        guard !report.statements.isEmpty else { return "-- no changes" }
        var lines = dialect.scriptPrologue().map { $0 + ";" }
        var lastIDs: [Int] = []
        func append(_ statement: RenderedStatement) {
            if statement.changeIDs != lastIDs {
                let changes = statement.changeIDs.compactMap { id in report.plan.changes.first { $0.id == id } }
                lines.append("-- " + changes.map { "\($0.change.objectPath): \($0.change.summary)" }.joined(separator: "; "))
                lastIDs = statement.changeIDs
            }
            lines.append(statement.sql + ";")
        }
        report.statements.filter { $0.phase != .afterTransaction }.forEach(append)
        lines += dialect.scriptEpilogue().map { $0 + ";" }
        let after = report.statements.filter { $0.phase == .afterTransaction }
        if !after.isEmpty {
            lines.append("-- after COMMIT, one statement at a time (they cannot run in a transaction):")
            lines += dialect.outsideTransactionPrologue().map { $0 + ";" }
            lastIDs = []
            after.forEach(append)
            lines += dialect.outsideTransactionEpilogue().map { $0 + ";" }
        }
        return lines.joined(separator: "\n")
    }

    /// The stable JSON format (`formatVersion` 1), documented in the README; `apply` adds its `outcome`.
    func json(outcome: SchemaDocument? = nil) -> String {
        let plan = report.plan
        let skippedIDs = Set(plan.skipped.map(\.id))
        let changes: [SchemaDocument] = plan.changes.map { change in
            let checks = report.failedChecks.filter { $0.changeID == change.id }
            let statements = report.statements.filter { $0.changeIDs.contains(change.id) }.map { SchemaDocument.string($0.sql) }
            return .map([
                ("id", .number(String(change.id))),
                ("object", .string(change.change.objectPath)),
                ("kind", .string(change.change.kind)),
                ("summary", .string(change.change.summary)),
                ("safety", .string(change.safety.rawValue)),
                ("action", .string(skippedIDs.contains(change.id) ? "skip" : (checks.isEmpty ? "apply" : "blocked"))),
                ("notes", .list(change.notes.map { .string($0) })),
                ("hazards", .list((report.hazards[change.id] ?? []).map { hazard in
                    .map([("kind", .string(hazard.kind.rawValue)), ("detail", .string(hazard.detail))])
                })),
                ("dataChecks", .list(change.dataChecks.map { check in
                    let failed = checks.first { $0.check == check }
                    return .map([("check", .string(check.description)), ("offendingRows", .number(String(failed?.offendingRows ?? 0)))])
                })),
                ("statements", .list(statements)),
            ])
        }
        var fields: [(String, SchemaDocument)] = [
            ("formatVersion", .number("1")),
            ("database", .string(url.description)),
            ("dialect", .string(dialect.name)),
            ("inSync", .bool(plan.changes.isEmpty && report.engineMismatches.isEmpty)),
            ("changes", .list(changes)),
            ("engineChecked", .bool(report.engineChecked)),
            ("tablesVerifiedByModelOnly", .number(String(report.tablesVerifiedByModelOnly))),
            ("engineMismatches", .list(report.engineMismatches.map { mismatch in
                .map([("kind", .string(mismatch.kind)), ("object", .string(mismatch.objectPath))]
                     + (mismatch.actual.map { [("database", SchemaDocument.string($0))] } ?? [])
                     + (mismatch.expected.map { [("desired", SchemaDocument.string($0))] } ?? []))
            })),
            ("unchanged", .list(plan.unchanged.map { .string($0) })),
            ("unmanaged", .list(plan.unmanaged.map { object in
                .map([("kind", .string(object.kind)), ("name", .string(object.name))]
                     + (object.table.map { [("table", SchemaDocument.string($0))] } ?? []))
            })),
            ("summary", .map([
                ("toApply", .number(String(plan.applicable.count))),
                ("skipped", .number(String(plan.skipped.count))),
                ("unchanged", .number(String(plan.unchanged.count))),
                ("blocked", .number(String(Set(report.failedChecks.map(\.changeID)).count))),
            ])),
        ]
        if let crossEngine { fields.append(("lossyMappings", crossEngine.json)) }
        if let outcome { fields.append(("outcome", outcome)) }
        return SchemaDocument.map(fields).json().trimmingNewlines()
    }
}
