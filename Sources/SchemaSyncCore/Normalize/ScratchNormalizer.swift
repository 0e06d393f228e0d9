/// Makes a desired schema comparable with an inspected one by taking the engine's own spelling
/// from a scratch copy, instead of guessing how the engine rewrites expressions and types.
///
/// Only what needs it goes to the engine: tables with something ``ServerSpelling`` says the
/// engine respells that is not already spelled as the catalog spells it (a schema written by
/// `inspect`, a re-run after apply), and views whose body differs from the catalog's (views
/// read tables, so then every table goes too). The connector supplies the scratch space: a
/// closure that creates the given tables (without foreign keys) and views somewhere that
/// leaves no trace, and returns them as its inspector reads them.
/// ```swift
/// let normalizer = ScratchNormalizer(spelling: MySpelling())
/// let canonical = try normalizer.normalize(desired, catalog: lastInspected) { tables, views in
///     try withScratchSchema { try create(tables, views, in: $0); return try inspect($0) }
/// }
/// ```
public struct ScratchNormalizer<Spelling: ServerSpelling> {
    public let spelling: Spelling

    public init(spelling: Spelling) {
        self.spelling = spelling
    }

    /// `desired` with the engine's spelling wherever it needs it; `desired` itself when nothing does.
    /// - Parameter catalog: the target as last inspected, or nil.
    /// - Parameter inspectCopy: builds the tables and views (in creation order) in a scratch
    ///   space and returns them inspected; its errors pass through.
    public func normalize(_ desired: Schema, catalog: Schema?,
                          inspectCopy: (_ tables: [Table], _ views: [View]) throws -> Schema) throws -> Schema {
        let viewsNeedServer = desired.views.contains { catalog?.view(named: $0.name)?.definition != $0.definition }
        let needed = viewsNeedServer ? desired.tables : tablesNeedingServer(desired, catalog: catalog)
        guard !needed.isEmpty || viewsNeedServer else { return desired }
        var normalized = desired
        merge(try inspectCopy(needed, viewsNeedServer ? ViewOrdering.creationOrder(desired.views) : []), into: &normalized)
        return normalized
    }

    /// The tables of `desired` whose server-spelled parts the catalog does not already spell alike.
    public func tablesNeedingServer(_ desired: Schema, catalog: Schema?) -> [Table] {
        let catalogTables = catalog?.tables.byName ?? [:]
        return desired.tables.filter { table in
            guard spelling.needsServer(table) else { return false }
            guard let known = catalogTables[table.name] else { return true }
            return !spelling.matchesCatalog(table, known)
        }
    }

    /// Copies the engine's spelling from `server` (a scratch copy read back) into `desired`.
    public func merge(_ server: Schema, into desired: inout Schema) {
        let tables = server.tables.byName
        for t in desired.tables.indices {
            if let copy = tables[desired.tables[t].name] { spelling.takeSpelling(from: copy, into: &desired.tables[t]) }
        }
        for v in desired.views.indices {
            if let copy = server.view(named: desired.views[v].name) { spelling.takeSpelling(from: copy, into: &desired.views[v]) }
        }
    }
}
