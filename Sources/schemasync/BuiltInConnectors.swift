import SchemaSyncCore
import SchemaSyncMariaDB
import SchemaSyncPostgreSQL

/// Server connectors linked into the `schemasync` executable.
enum BuiltInConnectors {
    static var servers: [any Connector] { [PostgreSQLConnector(), MariaDBConnector()] }
}
