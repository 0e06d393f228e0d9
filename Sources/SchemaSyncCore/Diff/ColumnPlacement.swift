/// Which existing columns are out of their declared place, for dialects that keep column order.
enum ColumnPlacement {
    /// The columns of `current` (in the database's order, already under their desired names and
    /// without columns the plan drops) to move so that their order is `desired`'s: every column
    /// outside one longest run already in declared order.
    static func moved(desired: [String], current: [String]) -> Set<String> {
        var position: [String: Int] = [:]
        for (i, name) in desired.enumerated() { position[name] = i }
        let kept = current.filter { position[$0] != nil }
        let ranks = kept.map { position[$0]! }
        // Longest increasing subsequence (O(n²) is fine for a table's columns).
        var length = Array(repeating: 1, count: ranks.count)
        var previous = Array(repeating: -1, count: ranks.count)
        for i in ranks.indices {
            for j in 0..<i where ranks[j] < ranks[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1
                previous[i] = j
            }
        }
        var stay = Set<String>()
        var k = length.indices.max { length[$0] < length[$1] }
        while let i = k, i >= 0 {
            stay.insert(kept[i])
            k = previous[i] >= 0 ? previous[i] : nil
        }
        return Set(kept).subtracting(stay)
    }
}
