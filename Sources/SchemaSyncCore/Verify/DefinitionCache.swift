import Crypto
import Foundation

/// Keeps the engine's definitions of a desired schema's scratch copy on disk, so a plan or apply
/// with the same desired schema against the same kind of server does not build the copy again
/// (on the servers it costs what creating the schema costs). The key is a SHA-256 of the
/// desired schema, the session's ``DatabaseSession/definitionCacheScope()`` and this very
/// executable (any rebuild starts afresh). A stale or damaged entry can only make verification
/// report a difference, never hide one: the target's own definitions are always read fresh.
///
/// Where: `$SCHEMASYNC_CACHE` (a directory; `off` turns the cache off), else
/// `$XDG_CACHE_HOME/schemasync`, else `~/.cache/schemasync`. Files are private to the user
/// (mode 0600, directory 0700); the newest 64 entries are kept.
public struct DefinitionCache: Sendable {
    public let directory: URL
    static let keep = 64

    public init(directory: URL) { self.directory = directory }

    /// The cache the environment asks for; nil when `SCHEMASYNC_CACHE=off` or no home is known.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> DefinitionCache? {
        if let chosen = environment["SCHEMASYNC_CACHE"], !chosen.isEmpty {
            return chosen == "off" ? nil : DefinitionCache(directory: URL(fileURLWithPath: chosen))
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return DefinitionCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("schemasync"))
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return DefinitionCache(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/schemasync"))
    }

    /// The entry's key for `desired` under `scope`.
    public func key(desired: Schema, scope: String) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let schema = try? encoder.encode(desired) else { return nil }
        var hash = SHA256()
        hash.update(data: Data("schemasync definitions 1\n\(scope)\n\(Self.executableStamp)\n".utf8))
        hash.update(data: schema)
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The definitions stored under `key`, if any (an unreadable entry counts as none).
    public func definitions(forKey key: String) -> [EngineDefinition]? {
        guard let data = FileManager.default.contents(atPath: path(key).path) else { return nil }
        return try? JSONDecoder().decode([EngineDefinition].self, from: data)
    }

    /// Stores `definitions` under `key`; failures are ignored (the cache only saves time).
    public func store(_ definitions: [EngineDefinition], forKey key: String) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let data = try JSONEncoder().encode(definitions)
            let temporary = directory.appendingPathComponent(".\(key).\(UUID().uuidString)")
            guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
            _ = try? manager.removeItem(at: path(key))
            try manager.moveItem(at: temporary, to: path(key))
            prune()
        } catch {
            return
        }
    }

    private func path(_ key: String) -> URL { directory.appendingPathComponent("definitions-\(key).json") }

    /// Keeps the newest ``keep`` entries.
    private func prune() {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory.path) else { return }
        let entries = names.filter { $0.hasPrefix("definitions-") }.map { directory.appendingPathComponent($0) }
        guard entries.count > Self.keep else { return }
        let dated = entries.map { url in
            (url, (try? manager.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast)
        }.sorted { $0.1 > $1.1 }
        for (url, _) in dated.dropFirst(Self.keep) { try? manager.removeItem(at: url) }
    }

    /// This executable's path, size and modification time: a rebuilt tool never reads entries
    /// an older build wrote.
    static let executableStamp: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(date)"
    }()
}
