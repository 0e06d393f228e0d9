import ArgumentParser
import SchemaSyncCore

/// `schemasync inspect`: prints the live schema as a schema file (or its CREATE statements).
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Print the database's schema as a schema file (yaml, json) or SQL.")

    @Option(name: .long, help: "Database URL (default: $DATABASE_URL). sqlite:PATH, postgres://..., mariadb://...")
    var url: String?
    @Option(name: .long, help: "Seconds to wait for the server to accept a connection.")
    var connectTimeout: Int = 10
    @Option(name: .long, help: "Output format: yaml, json or sql.")
    var format: SchemaFormat = .yaml

    func run() throws {
        try runReportingErrors {
            let url = try ConnectionArguments.databaseURL(url)
            let session = try CLIEnvironment.registry.connect(to: url, options: try ConnectionArguments.options(connectTimeout: connectTimeout))
            defer { session.close() }
            let schema = try session.inspect()
            for object in schema.unmanaged {
                CLIEnvironment.err("note: \(object.kind) \(object.name) is not managed by SchemaSync")
            }
            let writer = SchemaFileWriter(dialectName: session.dialect.name)
            switch format {
            case .yaml:
                do {
                    CLIEnvironment.out(try writer.document(schema).yaml().trimmingNewlines())
                } catch {
                    throw SchemaSyncError(.internalError, "cannot write YAML", cause: "\(error)")
                }
            case .json:
                CLIEnvironment.out(writer.document(schema).json().trimmingNewlines())
            case .sql:
                var creatable = schema
                creatable.unmanaged = []
                let plan = try Differ(dialect: session.dialect).plan(from: Schema(), to: creatable, allowDestructive: false)
                let statements = try session.dialect.render(plan.applicable, current: Schema(), desired: creatable)
                CLIEnvironment.out(statements.map { $0.sql + ";" }.joined(separator: "\n"))
            }
            return .success
        }
    }
}
