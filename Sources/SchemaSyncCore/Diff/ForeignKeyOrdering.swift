/// Orders tables so that a table comes after the tables its foreign keys reference, breaking
/// cycles by deferring the foreign keys that close them.
public struct ForeignKeyOrdering {
    /// The tables in creation order.
    public var order: [String]
    /// Foreign keys that must be added after every table exists (they close a cycle or point
    /// forward), keyed by the table that owns them.
    public var deferred: [String: [ForeignKey]]

    /// Orders `tables`; references to tables outside the set (already existing) impose no order.
    /// Each step takes the first table in declared order whose referenced tables all exist
    /// (found through counts and a heap, not by scanning: linear in the tables and keys).
    public init(tables: [Table]) {
        let index = Dictionary(tables.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var waiting = [Int](repeating: 0, count: tables.count)  // referenced tables not created yet
        var dependents = [[Int]](repeating: [], count: tables.count)
        for (i, table) in tables.enumerated() {
            var seen = Set<Int>()
            for fk in table.foreignKeys {
                guard let target = index[fk.referencedTable], target != i, seen.insert(target).inserted else { continue }
                waiting[i] += 1
                dependents[target].append(i)
            }
        }
        var created = [Bool](repeating: false, count: tables.count)
        var ready = MinHeap()
        for i in tables.indices where waiting[i] == 0 { ready.push(i) }
        var order: [String] = []
        var deferred: [String: [ForeignKey]] = [:]
        var firstRemaining = 0

        func create(_ i: Int) {
            created[i] = true
            order.append(tables[i].name)
            for d in dependents[i] {
                waiting[d] -= 1
                if waiting[d] == 0 && !created[d] { ready.push(d) }
            }
        }

        while order.count < tables.count {
            if let i = ready.pop() {
                if !created[i] { create(i) }
                continue
            }
            // A cycle: create the first remaining table (declared order) and defer its forward references.
            while created[firstRemaining] { firstRemaining += 1 }
            let i = firstRemaining
            let forward = tables[i].foreignKeys.filter { fk in
                guard let target = index[fk.referencedTable] else { return false }
                return target != i && !created[target]
            }
            deferred[tables[i].name, default: []].append(contentsOf: forward)
            create(i)
        }
        self.order = order
        self.deferred = deferred
    }

    /// The smallest declared position first.
    private struct MinHeap {
        private var items: [Int] = []

        mutating func push(_ value: Int) {
            items.append(value)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard items[child] < items[parent] else { break }
                items.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Int? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            guard !items.isEmpty else { return top }
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < items.count && items[left] < items[smallest] { smallest = left }
                if right < items.count && items[right] < items[smallest] { smallest = right }
                guard smallest != parent else { return top }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}
