import Crypto
import Foundation

/// Keeps the engine's definitions of a desired schema's scratch copy on disk, so a plan or apply
/// with the same desired schema against the same kind of server does not build the copy again
/// (on the servers it costs what creating the schema costs). The key is a SHA-256 of the
/// desired schema (its file text when read from one and unchanged), the session's ``DatabaseSession/definitionCacheScope()`` and this very
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
    /// A schema read from a file and unchanged since is keyed by its text's digest (reading the
    /// same text with the same executable gives the same schema), any other by its encoding.
    public func key(desired: Schema, scope: String) -> String? {
        var hash = SHA256()
        hash.update(data: Data("schemasync definitions 3\n\(scope)\n\(Self.executableStamp)\n".utf8))
        if let digest = desired.sourceTextDigest {
            hash.update(data: Data("text \(digest)".utf8))
        } else {
            guard let schema = try? StableEncoding.bytes(of: desired) else { return nil }
            hash.update(data: Data("model ".utf8))
            hash.update(data: schema)
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The definitions stored under `key`, if any (an unreadable entry counts as none).
    public func definitions(forKey key: String) -> [EngineDefinition]? {
        guard let data = FileManager.default.contents(atPath: path(key).path) else { return nil }
        return Self.decode(data)
    }

    /// One record per definition (kind, table, name, text separated by U+001F, records by
    /// U+001E; a table of U+0000 is none) — several times faster to read than JSON.
    static func encode(_ definitions: [EngineDefinition]) -> Data? {
        var text = "schemasync definitions 1\u{1E}"
        for definition in definitions {
            let fields = [definition.kind, definition.table ?? "\u{0}", definition.name, definition.text]
            // A text holding a separator is not kept (the cache only saves time).
            guard !fields.contains(where: { $0.unicodeScalars.contains { $0 == "\u{1E}" || $0 == "\u{1F}" } }) else { return nil }
            text += fields.joined(separator: "\u{1F}") + "\u{1E}"
        }
        return Data(text.utf8)
    }

    static func decode(_ data: Data) -> [EngineDefinition]? {
        // Split on the separator bytes themselves: both are ASCII, so never inside a UTF-8 sequence.
        let bytes = [UInt8](data)
        var records = bytes.split(separator: 0x1E, omittingEmptySubsequences: false)
        guard let header = records.first, String(decoding: header, as: UTF8.self) == "schemasync definitions 1",
              records.last?.isEmpty == true else { return nil }
        records.removeFirst()
        records.removeLast()
        var definitions: [EngineDefinition] = []
        definitions.reserveCapacity(records.count)
        for record in records {
            let fields = record.split(separator: 0x1F, maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4 else { return nil }
            let table = fields[1].elementsEqual([0]) ? nil : String(decoding: fields[1], as: UTF8.self)
            definitions.append(EngineDefinition(kind: String(decoding: fields[0], as: UTF8.self), table: table,
                                                name: String(decoding: fields[2], as: UTF8.self),
                                                text: String(decoding: fields[3], as: UTF8.self)))
        }
        return definitions
    }

    /// Stores `definitions` under `key`; failures are ignored (the cache only saves time).
    public func store(_ definitions: [EngineDefinition], forKey key: String) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard let data = Self.encode(definitions) else { return }
            let temporary = directory.appendingPathComponent(".\(key).\(UUID().uuidString)")
            guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
            _ = try? manager.removeItem(at: path(key))
            try manager.moveItem(at: temporary, to: path(key))
            prune()
        } catch {
            return
        }
    }

    private func path(_ key: String) -> URL { directory.appendingPathComponent("definitions-\(key)") }

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
