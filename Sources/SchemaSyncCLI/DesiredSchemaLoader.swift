import SchemaSyncCore

/// Opens the target database and loads the desired schema, in the order that keeps bad input
/// from touching anything: URL and neutral schema files are checked before connecting.
struct PreparedRun {
    let url: DatabaseURL
    let session: any DatabaseSession
    let desired: Schema
    /// Set when the desired schema is a live database of another engine.
    var crossEngine: CrossEngineCopy? = nil

    /// `mayCreate`: the target database may be created if missing (`apply` only).
    /// `allowEmpty`: an empty desired schema is accepted (it plans dropping everything).
    /// `schemaPath` nil: the desired schema is `fallback` (the one a saved plan holds).
    static func prepare(connection: ConnectionArguments, schemaPath: String?, mayCreate: Bool = false,
                        allowEmpty: Bool = false, allowLossy: Bool = false, fallback: Schema? = nil) throws -> PreparedRun {
        let url = try connection.databaseURL()
        let options = try connection.options(createIfMissing: mayCreate)
        guard let schemaPath else {
            guard let fallback else { throw SchemaSyncError(.usage, "missing --schema", hint: "pass --schema PATH") }
            return PreparedRun(url: url, session: try CLIEnvironment.registry.connect(to: url, options: options), desired: fallback)
        }
        if let source = try LiveSchemaSource.url(schemaPath) {
            let session = try CLIEnvironment.registry.connect(to: url, options: options)
            do {
                let (desired, copy) = try LiveSchemaSource.load(source, for: session, targetURL: url, options: options, allowLossy: allowLossy)
                if desired.tables.isEmpty && desired.views.isEmpty && !allowEmpty {
                    throw SchemaSyncError(.invalidSchema, "the desired database \(source) has no tables or views",
                                          hint: "an empty desired schema drops everything: pass --allow-empty --allow-destructive if that is meant")
                }
                try session.dialect.validate(desired)
                return PreparedRun(url: url, session: session, desired: desired, crossEngine: copy)
            } catch {
                session.close()
                throw error
            }
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
