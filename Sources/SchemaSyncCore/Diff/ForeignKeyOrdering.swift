/// Orders tables so that a table comes after the tables its foreign keys reference, breaking
/// cycles by deferring the foreign keys that close them.
public struct ForeignKeyOrdering {
    /// The tables in creation order.
    public var order: [String]
    /// Foreign keys that must be added after every table exists (they close a cycle or point
    /// forward), keyed by the table that owns them.
    public var deferred: [String: [ForeignKey]]

    /// Orders `tables`; references to tables outside the set (already existing) impose no order.
    public init(tables: [Table]) {
        let names = Set(tables.map(\.name))
        let byName = tables.byName
        var created = Set<String>()
        var order: [String] = []
        var deferred: [String: [ForeignKey]] = [:]
        var remaining = tables.map(\.name)

        func ready(_ name: String) -> Bool {
            byName[name]!.foreignKeys.allSatisfy { fk in
                fk.referencedTable == name || !names.contains(fk.referencedTable) || created.contains(fk.referencedTable)
            }
        }

        while !remaining.isEmpty {
            if let index = remaining.firstIndex(where: ready) {
                let name = remaining.remove(at: index)
                created.insert(name)
                order.append(name)
                continue
            }
            // A cycle: create the first remaining table (declared order) and defer its forward references.
            let name = remaining.removeFirst()
            let forward = byName[name]!.foreignKeys.filter { fk in
                fk.referencedTable != name && names.contains(fk.referencedTable) && !created.contains(fk.referencedTable)
            }
            deferred[name, default: []].append(contentsOf: forward)
            created.insert(name)
            order.append(name)
        }
        self.order = order
        self.deferred = deferred
    }
}
