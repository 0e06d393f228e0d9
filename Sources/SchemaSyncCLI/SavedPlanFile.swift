import Foundation
import SchemaSyncCore

/// Reading a plan file for `apply --plan`, and showing it as apply shows any plan.
enum SavedPlanFile {
    /// The plan at `path`; an unreadable, foreign or edited file is refused by name.
    static func read(_ path: String) throws -> SavedPlan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw SchemaSyncError(.invalidSchema, "cannot read the plan file '\(InputEcho.cut(path))'",
                                  hint: "write one with `schemasync plan --out FILE`", cause: "\(error)")
        }
        return try SavedPlan.decode(data, path: path)
    }

    /// The report apply prints before it runs `saved`: its changes and statements as reviewed.
    static func report(of saved: SavedPlan, current: Schema) -> SyncReport {
        var report = SyncReport(current: current, plan: saved.plan, statements: saved.statements, failedChecks: [])
        for (id, hazards) in saved.hazards { if let n = Int(id) { report.hazards[n] = hazards } }
        return report
    }
}
