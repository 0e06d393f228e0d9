import Foundation

/// Whether the tests run under CI, where a test that cannot reach its database server must
/// fail instead of skipping.
public enum CIEnvironment {
    /// True when `CI` is set to anything but empty, `0` or `false` (any case): `CI=true`,
    /// `CI=1`, `CI=yes`, `CI=github` all count.
    public static var isCI: Bool { isCI(ProcessInfo.processInfo.environment["CI"]) }

    /// The rule behind ``isCI``, for one value of `CI`.
    public static func isCI(_ value: String?) -> Bool {
        guard let value = value?.trimmingWhitespace(), !value.isEmpty else { return false }
        return value != "0" && value.lowercased() != "false"
    }
}
