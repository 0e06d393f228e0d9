import Foundation

/// The names schema files give unnamed indexes and constraints (`orders_user_id_fkey`), part of
/// the file format rather than of any engine: the same file names its objects alike on every
/// engine, and an engine whose catalog keeps no such names (SQLite's unnamed constraints)
/// reads them back by the same rule.
public enum GeneratedName {
    /// The format's limit: longer names are shortened deterministically to a prefix and a hash
    /// of the whole, so they stay distinct. An engine with a shorter limit
    /// (``DialectCapabilities/identifierLimit``) refuses a longer name with a hint to name it.
    public static let maximumBytes = 63

    /// `<table>_<columns...>_<suffix>`, shortened past ``maximumBytes``.
    public static func make(_ table: String, _ columns: [String], _ suffix: String) -> String {
        let full = ([table] + columns + [suffix]).joined(separator: "_")
        guard full.utf8.count > maximumBytes else { return full }
        var hash: UInt32 = 2_166_136_261 // FNV-1a
        for byte in full.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        var prefix = ""
        for ch in full where prefix.utf8.count + String(ch).utf8.count <= maximumBytes - 9 { prefix.append(ch) }
        return prefix + "_" + String(format: "%08x", hash)
    }
}
