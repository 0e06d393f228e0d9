import ArgumentParser
import Foundation
import SchemaSyncCore

/// `schemasync diff`: the changes that turn one schema into another. Each side is a database
/// URL or a schema path; at least one side must be a database, whose dialect is used.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show the changes that turn --from into --to (each a database URL or a schema path).")

    @Option(name: .long, help: "The schema to start from: a database URL or a schema path.")
    var from: String
    @Option(name: .long, help: "The schema to reach: a database URL or a schema path.")
    var to: String
    @Option(name: .long, help: "Output format: text, sql or json.")
    var format: PlanFormat = .text
    @Option(name: .long, help: "Seconds to wait for the server to accept a connection.")
    var connectTimeout: Int = 10
    @Option(name: .long, help: "Seconds to wait for locks while reading (e.g. SQLite's busy timeout).")
    var lockTimeout: Int = 5
    @Option(name: .long, help: "Scratch database used to read a .sql side (server engines).")
    var devURL: String?
    @Flag(name: .long, help: "A database of another engine: leave out what has no safe mapping (listed) instead of refusing.")
    var allowLossy = false

    func run() throws {
        try runReportingErrors {
            let fromURL = try LiveSchemaSource.url(from), toURL = try LiveSchemaSource.url(to)
            guard let primaryURL = fromURL ?? toURL else {
                throw SchemaSyncError(.usage, "diff needs a database URL on at least one side",
                                      hint: "the dialect used to compare and render comes from the database")
            }
            let options = try ConnectionArguments.options(connectTimeout: connectTimeout, lockTimeout: lockTimeout, devURL: devURL)
            let primary = try CLIEnvironment.registry.connect(to: primaryURL, options: options)
            defer { primary.close() }
            var copies: [CrossEngineCopy] = []
            let current = try schema(from, url: fromURL, primary: primary, primaryURL: primaryURL, options: options, copies: &copies)
            var desired = try schema(to, url: toURL, primary: primary, primaryURL: primaryURL, options: options, copies: &copies)
            desired.unmanaged = []
            let dialect = primary.dialect
            let plan = try Differ(dialect: dialect).plan(from: current, to: desired, allowDestructive: true)
            let statements = try dialect.render(plan.applicable, current: current, desired: desired)
            let report = SyncReport(current: current, plan: plan, statements: statements, failedChecks: [])
            let printer = PlanPrinter(report: report, dialect: dialect, url: primaryURL, crossEngine: copies.first)
            CLIEnvironment.out(format == .text ? printer.text() : format == .sql ? printer.sql() : printer.json())
            return .success
        }
    }

    private func schema(_ source: String, url: DatabaseURL?, primary: any DatabaseSession, primaryURL: DatabaseURL,
                        options: ConnectionOptions, copies: inout [CrossEngineCopy]) throws -> Schema {
        if let url {
            if url == primaryURL { return try primary.inspect() }
            let session = try CLIEnvironment.registry.connect(to: url, options: options)
            defer { session.close() }
            var schema = try session.inspect()
            guard session.dialect.name != primary.dialect.name else { return schema }
            // The other engine's schema, as the primary's dialect (which compares and renders) holds it.
            schema.unmanaged = []
            let (translated, copy) = try CrossEngineCopy.translate(schema, from: session.dialect, to: primary.dialect,
                                                                   sourceURL: url, allowLossy: allowLossy)
            try primary.dialect.validate(translated)
            copies.append(copy)
            return try primary.canonicalize(translated)
        }
        let schema = try SchemaSource.load(path: source, sqlLoader: primary.schema(fromSQL:source:))
        try primary.dialect.validate(schema)
        return try primary.canonicalize(schema)
    }
}
