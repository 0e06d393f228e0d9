import SchemaSyncCore

/// Opens the target database and loads the desired schema, in the order that keeps bad input
/// from touching anything: URL and neutral schema files are checked before connecting.
struct PreparedRun {
    let url: DatabaseURL
    let session: any DatabaseSession
    let desired: Schema

    /// `mayCreate`: the target database may be created if missing (`apply` only).
    /// `allowEmpty`: an empty desired schema is accepted (it plans dropping everything).
    /// `schemaPath` nil: the desired schema is `fallback` (the one a saved plan holds).
    static func prepare(connection: ConnectionArguments, schemaPath: String?, mayCreate: Bool = false,
                        allowEmpty: Bool = false, fallback: Schema? = nil) throws -> PreparedRun {
        let url = try connection.databaseURL()
        let options = try connection.options(createIfMissing: mayCreate)
        guard let schemaPath else {
            guard let fallback else { throw SchemaSyncError(.usage, "missing --schema", hint: "pass --schema PATH") }
            return PreparedRun(url: url, session: try CLIEnvironment.registry.connect(to: url, options: options), desired: fallback)
        }
        let needsSession = SchemaSource.needsSQLLoader(schemaPath)
        // Neutral files are read (and rejected) before any connection is opened.
        let early = needsSession ? nil : try SchemaSource.load(path: schemaPath, sqlLoader: nil, allowEmpty: allowEmpty)
        let session = try CLIEnvironment.registry.connect(to: url, options: options)
        do {
            let desired = try early ?? SchemaSource.load(path: schemaPath, sqlLoader: session.schema(fromSQL:source:), allowEmpty: allowEmpty)
            try session.dialect.validate(desired)
            if let place = desired.source?.loadedIn { CLIEnvironment.err("note: the desired SQL ran in \(place)") }
            return PreparedRun(url: url, session: session, desired: desired)
        } catch {
            session.close()
            throw error
        }
    }
}
