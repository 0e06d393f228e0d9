/// TCP port numbers in database URLs: 1...65535, written as decimal digits.
///
/// Drivers take a port as a 16-bit number, so `119865` would silently become `54329` (and
/// MariaDB's client reads `0` as "the default port"): a wrong port could reach another server.
/// Every port is checked here before anything connects.
public enum PortNumber {
    /// The ports a URL may name.
    public static let valid: ClosedRange<Int> = 1...65535

    /// `text` as a port; throws ``SchemaSyncError/Code/invalidURL`` naming `url` (redacted by the caller).
    public static func parse(_ text: Substring, in url: String) throws -> Int {
        let port = text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) && text.count <= 5 ? Int(text) : nil
        guard let port, valid.contains(port) else {
            throw invalid(String(text), in: url)
        }
        return port
    }

    /// Throws unless `port` is in ``valid``.
    public static func check(_ port: Int, in url: String) throws {
        guard valid.contains(port) else { throw invalid(String(port), in: url) }
    }

    private static func invalid(_ text: String, in url: String) -> SchemaSyncError {
        SchemaSyncError(.invalidURL, "invalid port '\(InputEcho.cut(text, limit: 20))' in database URL '\(InputEcho.cut(url))'",
                        hint: "a port is a number from 1 to 65535, e.g. :5432 or :3306; leave it out for the default")
    }
}
