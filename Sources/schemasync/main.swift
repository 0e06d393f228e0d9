import SchemaSyncCLI
import SchemaSyncCore
import SchemaSyncSQLite

let registry = ConnectorRegistry()
do {
    try registry.register(SQLiteConnector())
    for connector in BuiltInConnectors.servers { try registry.register(connector) }
} catch {
    fatalError("connector registry: \(error)")
}
SchemaSyncCommand.run(registry: registry)
