import Foundation
import Synchronization
import SchemaSyncCore

/// What the command line runs against: the connector registry and the output streams.
/// An executable sets ``registry`` before calling ``SchemaSyncCommand/main()``.
public enum CLIEnvironment {
    private static let storage = Mutex<ConnectorRegistry>(ConnectorRegistry())

    /// The connectors the CLI can use.
    public static var registry: ConnectorRegistry {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }

    /// Writes a line to standard output.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes a line to standard error.
    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
