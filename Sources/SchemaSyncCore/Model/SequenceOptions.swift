/// The options of the sequence behind an identity or serial column. Nil fields are the
/// engine's defaults (start 1 or the maximum for descending sequences, increment 1, the
/// type's range, cache 1, no cycle, the column's type).
public struct SequenceOptions: Hashable, Sendable, Codable {
    public var start: Int64?
    public var increment: Int64?
    public var minValue: Int64?
    public var maxValue: Int64?
    public var cache: Int64?
    public var cycle: Bool
    /// The sequence's own integer type when it differs from the column's (serial columns only).
    public var type: DataType?

    public init(start: Int64? = nil, increment: Int64? = nil, minValue: Int64? = nil, maxValue: Int64? = nil,
                cache: Int64? = nil, cycle: Bool = false, type: DataType? = nil) {
        self.start = start
        self.increment = increment
        self.minValue = minValue
        self.maxValue = maxValue
        self.cache = cache
        self.cycle = cycle
        self.type = type
    }

    /// True when every option is the default.
    public var isDefault: Bool { self == SequenceOptions() }

    /// A copy with the values equal to the defaults for `columnType` set to nil, so two
    /// spellings of the same sequence compare equal.
    public func normalized(columnType: DataType) -> SequenceOptions {
        var copy = self
        let type = self.type ?? columnType
        if copy.type == columnType { copy.type = nil }
        let (low, high): (Int64, Int64) = {
            switch type {
            case .smallint: return (Int64(Int16.min), Int64(Int16.max))
            case .integer: return (Int64(Int32.min), Int64(Int32.max))
            default: return (Int64.min, Int64.max)
            }
        }()
        if copy.increment == 1 { copy.increment = nil }
        let ascending = (copy.increment ?? 1) > 0
        if copy.minValue == (ascending ? 1 : low) { copy.minValue = nil }
        if copy.maxValue == (ascending ? high : -1) { copy.maxValue = nil }
        let defaultStart = ascending ? (copy.minValue ?? 1) : (copy.maxValue ?? -1)
        if copy.start == defaultStart { copy.start = nil }
        if copy.cache == 1 { copy.cache = nil }
        return copy
    }

    /// `start 100, increment 10`, for plan summaries.
    public var summary: String {
        var parts: [String] = []
        if let start { parts.append("start \(start)") }
        if let increment { parts.append("increment \(increment)") }
        if let minValue { parts.append("min \(minValue)") }
        if let maxValue { parts.append("max \(maxValue)") }
        if let cache { parts.append("cache \(cache)") }
        if cycle { parts.append("cycle") }
        if let type { parts.append("as \(type)") }
        return parts.isEmpty ? "default sequence" : parts.joined(separator: ", ")
    }
}
