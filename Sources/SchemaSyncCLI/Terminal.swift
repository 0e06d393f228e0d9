import Foundation
@preconcurrency import Rainbow

/// Colour decisions for human output: colour only on a terminal and only when `NO_COLOR` is unset.
enum Terminal {
    static func configure() {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        Rainbow.enabled = !noColor && isatty(STDOUT_FILENO) == 1
    }
}
