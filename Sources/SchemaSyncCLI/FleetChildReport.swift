import Foundation

/// What one target's run tells the fleet run that started it, through the file named by
/// `SCHEMASYNC_FLEET_RESULT` (set only for such child runs): the engine and how many changes
/// were planned, for the summary table. A run that fails before it knows them writes nothing.
struct FleetChildReport: Codable, Sendable {
    static let variable = "SCHEMASYNC_FLEET_RESULT"

    var engine: String
    var changes: Int

    /// Writes the report when this run is a fleet's child; otherwise does nothing.
    static func record(engine: String, changes: Int) {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty,
              let data = try? JSONEncoder().encode(FleetChildReport(engine: engine, changes: changes)) else { return }
        try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The report a child wrote to `path`, if any.
    static func read(_ path: String) -> FleetChildReport? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(FleetChildReport.self, from: data)
    }
}
