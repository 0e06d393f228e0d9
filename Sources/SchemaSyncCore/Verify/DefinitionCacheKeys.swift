/// What one ``SyncEngine`` already asked its ``DefinitionCache``, by desired schema: a plan or
/// apply asks several times, and each key hashes the whole schema and each read decodes a file.
final class DefinitionCacheKeys: @unchecked Sendable {
    private var known: [(desired: Schema, key: String?)] = []
    private var read: [String: [EngineDefinition]] = [:]

    func key(for desired: Schema, compute: () throws -> String?) rethrows -> String? {
        if let entry = known.first(where: { $0.desired == desired }) { return entry.key }
        let key = try compute()
        known.append((desired, key))
        return key
    }

    /// The entry under `key`, read from `cache` once.
    func definitions(forKey key: String, in cache: DefinitionCache) -> [EngineDefinition]? {
        if let kept = read[key] { return kept }
        let kept = cache.definitions(forKey: key)
        if let kept { read[key] = kept }
        return kept
    }
}
