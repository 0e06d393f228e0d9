/// Orders views so each comes after the views it reads.
public enum ViewOrdering {
    /// Views in creation order. Dependencies come from ``View/dependsOn`` or, when empty, from
    /// the other views' names appearing as words in the definition.
    public static func creationOrder(_ views: [View]) -> [View] {
        let names = Set(views.map(\.name))
        var placed = Set<String>()
        var result: [View] = []
        var remaining = views
        while !remaining.isEmpty {
            let index = remaining.firstIndex { view in
                dependencies(of: view, among: names).allSatisfy { placed.contains($0) }
            } ?? 0
            let view = remaining.remove(at: index)
            placed.insert(view.name)
            result.append(view)
        }
        return result
    }

    /// The names in `names` (other than the view itself) that `view` reads.
    public static func dependencies(of view: View, among names: Set<String>) -> [String] {
        if !view.dependsOn.isEmpty { return view.dependsOn.filter { names.contains($0) && $0 != view.name } }
        return names.filter { $0 != view.name && mentions(view.definition, $0) }.sorted()
    }

    /// Whether `text` contains `name` as a whole word (case-insensitive).
    public static func mentions(_ text: String, _ name: String) -> Bool {
        let lower = text.lowercased(), target = name.lowercased()
        var searchStart = lower.startIndex
        while let range = lower.range(of: target, range: searchStart..<lower.endIndex) {
            let before = range.lowerBound == lower.startIndex ? nil : lower[lower.index(before: range.lowerBound)]
            let after = range.upperBound == lower.endIndex ? nil : lower[range.upperBound]
            let isWord: (Character?) -> Bool = { c in c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
            if !isWord(before) && !isWord(after) { return true }
            searchStart = range.upperBound
        }
        return false
    }
}
