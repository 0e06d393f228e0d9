import SchemaSyncCLI
import SchemaSyncCore
import SchemaSyncFirebird
import SchemaSyncMariaDB
import SchemaSyncPostgreSQL
import SchemaSyncSQLite

// The SchemaSync command line with the built-in connectors plus Firebird 3 (`firebird://` URLs).
let registry = ConnectorRegistry()
do {
    try registry.register(SQLiteConnector())
    try registry.register(PostgreSQLConnector())
    try registry.register(MariaDBConnector())
    try registry.register(FirebirdConnector())
} catch {
    fatalError("connector registry: \(error)")
}
SchemaSyncCommand.run(registry: registry)
