/// One thing a schema copied to another engine cannot keep exactly: a type mapped to the
/// nearest one, a feature the target lacks, an expression outside the portable subset.
public struct LossyMapping: Hashable, Sendable, Codable {
    /// The object, e.g. `customers.profile`, `index orders.orders_open_idx`, `view v`.
    public var object: String
    /// What the source engine has, e.g. `jsonb`, `WHERE note IS NOT NULL`.
    public var source: String
    /// What the target gets instead, e.g. `json`, `(dropped)`.
    public var target: String
    /// Why, or what is lost.
    public var note: String
    /// True when no safe mapping exists: without `--allow-lossy` the copy is refused.
    public var needsAllowLossy: Bool

    public init(object: String, source: String, target: String, note: String, needsAllowLossy: Bool = false) {
        self.object = object
        self.source = source
        self.target = target
        self.note = note
        self.needsAllowLossy = needsAllowLossy
    }

    /// `customers.profile: jsonb → json (binary JSON storage ...)`.
    public var line: String {
        "\(object): \(source) → \(target) (\(note))" + (needsAllowLossy ? " [needs --allow-lossy]" : "")
    }
}
