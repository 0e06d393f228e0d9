import Crypto
import Foundation

/// A SHA-256 of the schema-file text a ``Schema`` was read from, kept with the tables and views
/// that text produced, so it stands for them only while they stay unchanged (comparing arrays
/// that still share storage costs nothing).
///
/// The definition cache keys a desired schema by it — hashing the file's bytes — instead of
/// encoding the whole model on every plan. Not part of a schema's identity: a digest equals any
/// other, so two schemas with the same tables and views are equal whatever text they came from.
public struct SourceTextDigest: Hashable, Sendable {
    /// Lower-case hex SHA-256; nil when the schema was not read from a file.
    public let value: String?
    let tables: [Table]
    let views: [View]

    /// No digest.
    public init() { self.init(value: nil, tables: [], views: []) }

    init(value: String?, tables: [Table], views: [View]) {
        self.value = value
        self.tables = tables
        self.views = views
    }

    public static func == (_: SourceTextDigest, _: SourceTextDigest) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}

    /// The digest of schema-file texts read in this order (`kind` says how they were read, so a
    /// YAML and a SQL text never share a digest).
    public static func of(_ texts: [String], kind: String) -> String {
        var hash = SHA256()
        hash.update(data: Data("schemasync source \(kind) \(texts.count)\n".utf8))
        for text in texts {
            let bytes = Data(text.utf8)
            hash.update(data: Data("\(bytes.count)\n".utf8))
            hash.update(data: bytes)
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
