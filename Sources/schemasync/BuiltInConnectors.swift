import SchemaSyncCore

/// Server connectors linked into the `schemasync` executable (filled in as connectors land).
enum BuiltInConnectors {
    static var servers: [any Connector] { [] }
}
