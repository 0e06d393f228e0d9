/// A change in a plan, with its safety classification.
public struct PlannedChange: Hashable, Sendable, Codable {
    /// How risky a change is.
    public enum Safety: String, Hashable, Sendable, Codable {
        /// Cannot lose data.
        case safe
        /// Loses data (drop table/column/view, narrowing a type): skipped unless allowed.
        case destructive
        /// Safe only if existing rows pass ``PlannedChange/dataChecks``.
        case needsDataCheck = "needs data check"
    }

    /// Position in the plan, stable for one plan; statements refer to it.
    public var id: Int
    public var change: Change
    public var safety: Safety
    /// Checks to run before applying, each expected to count zero rows.
    public var dataChecks: [DataCheck]
    /// Notes for the reader, e.g. "requires a table rebuild" or a lossy type mapping.
    public var notes: [String]

    public init(id: Int, change: Change, safety: Safety, dataChecks: [DataCheck] = [], notes: [String] = []) {
        self.id = id
        self.change = change
        self.safety = safety
        self.dataChecks = dataChecks
        self.notes = notes
    }
}
