import ArgumentParser
import SchemaSyncCore

/// `schemasync inspect`: prints the live schema as a schema file (or its CREATE statements).
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Print the database's schema as a schema file (yaml, json) or SQL.")

    @OptionGroup var connection: ConnectionArguments
    @Option(name: .long, help: "Output format: yaml, json or sql.")
    var format: SchemaFormat = .yaml

    func run() throws {
        try runReportingErrors {
            let url = try connection.databaseURL()
            let session = try CLIEnvironment.registry.connect(to: url, options: try connection.options())
            defer { session.close() }
            let schema = try session.inspect()
            for object in schema.unmanaged {
                CLIEnvironment.err("note: \(object.kind) \(object.name) is not managed by SchemaSync")
            }
            let writer = SchemaFileWriter(dialectName: session.dialect.name)
            switch format {
            case .yaml:
                do {
                    CLIEnvironment.out(try writer.document(schema).yaml().trimmingCharacters(in: .newlines))
                } catch {
                    throw SchemaSyncError(.internalError, "cannot write YAML", cause: "\(error)")
                }
            case .json:
                CLIEnvironment.out(writer.document(schema).json().trimmingCharacters(in: .newlines))
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
