import Foundation
import Synchronization
import SchemaSyncCore

/// What the command line runs against: the connector registry and the output streams.
/// ``SchemaSyncCommand/run(registry:arguments:)`` sets the registry it is handed.
enum CLIEnvironment {
    private static let storage = Mutex<ConnectorRegistry>(ConnectorRegistry())

    /// The connectors the CLI can use: those handed to ``SchemaSyncCommand/run(registry:arguments:)``.
    static var registry: ConnectorRegistry {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }

    private static let argumentStorage = Mutex<[String]?>(nil)

    /// The command line being run (after the executable's name); a fleet run hands it to
    /// each target's run.
    static var arguments: [String] {
        get { argumentStorage.withLock { $0 } ?? Array(CommandLine.arguments.dropFirst()) }
        set { argumentStorage.withLock { $0 = newValue } }
    }

    /// The sync engine for a session. `SCHEMASYNC_VERIFY=model` makes verification rest on the
    /// model alone (the benchmark uses it to measure what the engine-definition comparison costs).
    /// The engine's definitions of desired schemas are kept between runs (``DefinitionCache``,
    /// `SCHEMASYNC_CACHE=off` to turn it off).
    static func engine(for session: any DatabaseSession) -> SyncEngine {
        var engine = SyncEngine(session: session, compareEngineDefinitions: ProcessInfo.processInfo.environment["SCHEMASYNC_VERIFY"] != "model")
        engine.definitionCache = DefinitionCache.standard()
        return engine
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
