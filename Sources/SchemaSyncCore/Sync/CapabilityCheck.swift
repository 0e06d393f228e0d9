/// Refuses details of a desired schema that the dialect cannot hold (see ``DialectCapabilities``):
/// index details, NULLS NOT DISTINCT and DEFERRABLE unique constraints, sequence options,
/// NOT VALID / NO INHERIT / MATCH FULL constraints, tables without columns. So a declared
/// INCLUDE list or identity start is never silently dropped on an engine without it.
/// Run by the ``Differ`` on every desired schema.
public enum CapabilityCheck {
    /// - throws: ``SchemaSyncError/Code/invalidSchema`` naming the object and the detail.
    public static func validate(_ schema: Schema, dialect: any Dialect) throws {
        let capabilities = dialect.capabilities
        let features = capabilities.indexFeatures
        if let limit = capabilities.identifierLimit { try validateNameLengths(schema, limit: limit, engine: dialect.name) }
        if capabilities.schemaWideIndexNames {
            // They share the tables' namespace, so they are compared by its rule.
            try validateSchemaWideIndexNames(schema) { dialect.identifierKey($0, kind: .table) }
        }
        if !capabilities.views, let view = schema.views.first {
            throw SchemaSyncError(.invalidSchema, "view '\(view.name)': \(dialect.name) has no views",
                                  hint: "remove the view from the schema")
        }
        for table in schema.tables {
            if !capabilities.identityAlways, let column = table.columns.first(where: { $0.identity == .always }) {
                throw SchemaSyncError(.invalidSchema, "column '\(table.name).\(column.name)': \(dialect.name) has no identity GENERATED ALWAYS",
                                      hint: "use identity: by default")
            }
            if !capabilities.virtualGeneratedColumns,
               let column = table.columns.first(where: { $0.generated.map { !$0.stored } ?? false }) {
                throw SchemaSyncError(.invalidSchema, "column '\(table.name).\(column.name)': \(dialect.name) has no virtual generated columns",
                                      hint: "declare the generated column as stored")
            }
            if !capabilities.deferrableForeignKeys, let key = table.foreignKeys.first(where: { $0.deferrable || $0.initiallyDeferred }) {
                throw SchemaSyncError(.invalidSchema, "foreign key '\(key.name)' on table '\(table.name)': \(dialect.name) has no DEFERRABLE constraints",
                                      hint: "remove deferrable / initiallyDeferred")
            }
            if table.columns.isEmpty, !capabilities.zeroColumnTables {
                throw SchemaSyncError(.invalidSchema, "table '\(table.name)' has no columns, which \(dialect.name) does not allow",
                                      hint: "declare at least one column")
            }
            for index in table.indexes {
                if index.predicate != nil, !capabilities.partialIndexes {
                    throw SchemaSyncError(.invalidSchema, "index '\(index.name)' on table '\(table.name)': \(dialect.name) has no partial indexes",
                                          hint: "remove the predicate: the engine indexes every row")
                }
                if !capabilities.expressionIndexes, index.parts.contains(where: { $0.expression != nil }) {
                    throw SchemaSyncError(.invalidSchema, "index '\(index.name)' on table '\(table.name)': \(dialect.name) has no expression indexes",
                                          hint: "index a generated column instead")
                }
                if let detail = unsupported(index, features) {
                    throw SchemaSyncError(.invalidSchema,
                        "index '\(index.name)' on table '\(table.name)': \(dialect.name) indexes have no \(detail)",
                        hint: "remove it from the index, or declare the index for an engine that has it")
                }
            }
            if !capabilities.sequenceOptions,
               let column = table.columns.first(where: { !($0.sequence?.isDefault ?? true) }) {
                throw SchemaSyncError(.invalidSchema,
                    "column '\(table.name).\(column.name)': \(dialect.name) keeps no sequence options (\(column.sequence!.summary))",
                    hint: "remove sequence: from the column")
            }
            if let column = table.columns.first(where: { $0.identity == nil && !($0.sequence?.isDefault ?? true) }) {
                throw SchemaSyncError(.invalidSchema,
                    "column '\(table.name).\(column.name)' has sequence options but is neither identity nor serial",
                    hint: "add identity: true, always or serial, or remove sequence:")
            }
            if !capabilities.notValidConstraints {
                if let check = table.checks.first(where: \.notValid) {
                    throw SchemaSyncError(.invalidSchema, "check '\(check.name)' on table '\(table.name)': \(dialect.name) has no NOT VALID constraints",
                                          hint: "remove notValid")
                }
                if let key = table.foreignKeys.first(where: \.notValid) {
                    throw SchemaSyncError(.invalidSchema, "foreign key '\(key.name)' on table '\(table.name)': \(dialect.name) has no NOT VALID constraints",
                                          hint: "remove notValid")
                }
            }
            if !capabilities.matchFullForeignKeys, let key = table.foreignKeys.first(where: \.matchFull) {
                throw SchemaSyncError(.invalidSchema, "foreign key '\(key.name)' on table '\(table.name)': \(dialect.name) keeps no MATCH FULL",
                                      hint: "remove match: full")
            }
            if !capabilities.setDefaultActions,
               let key = table.foreignKeys.first(where: { $0.onDelete == .setDefault || $0.onUpdate == .setDefault }) {
                throw SchemaSyncError(.invalidSchema, "foreign key '\(key.name)' on table '\(table.name)': \(dialect.name) has no SET DEFAULT action (it would keep RESTRICT)",
                                      hint: "use restrict, cascade or set null")
            }
            if !capabilities.noInheritChecks, let check = table.checks.first(where: \.noInherit) {
                throw SchemaSyncError(.invalidSchema, "check '\(check.name)' on table '\(table.name)': \(dialect.name) has no NO INHERIT checks",
                                      hint: "remove noInherit")
            }
            if !features.contains(.nullsNotDistinct),
               let unique = table.uniqueConstraints.first(where: \.nullsNotDistinct) {
                throw SchemaSyncError(.invalidSchema,
                    "unique constraint '\(unique.name)' on table '\(table.name)': \(dialect.name) has no NULLS NOT DISTINCT",
                    hint: "remove nullsNotDistinct, or make the columns NOT NULL")
            }
            if !capabilities.deferrableForeignKeys,
               let unique = table.uniqueConstraints.first(where: { $0.deferrable || $0.initiallyDeferred }) {
                throw SchemaSyncError(.invalidSchema,
                    "unique constraint '\(unique.name)' on table '\(table.name)': \(dialect.name) has no DEFERRABLE constraints",
                    hint: "remove deferrable / initiallyDeferred")
            }
        }
    }

    /// The first detail of `index` outside `features`, named for the error message.
    static func unsupported(_ index: Index, _ features: IndexFeatures) -> String? {
        if !index.include.isEmpty, !features.contains(.include) { return "INCLUDE columns" }
        if index.nullsNotDistinct, !features.contains(.nullsNotDistinct) { return "NULLS NOT DISTINCT" }
        if !index.storageParameters.isEmpty, !features.contains(.storageParameters) { return "storage parameters" }
        if let method = index.normalizedMethod, !features.contains(.methods) { return "access methods ('\(method)')" }
        for part in index.parts {
            if part.opclass != nil, !features.contains(.operatorClasses) { return "operator classes" }
            if part.collation != nil, !features.contains(.collations) { return "per-column collations" }
            if part.explicitNullsFirst != nil, !features.contains(.nullsOrder) { return "NULLS FIRST/LAST" }
            if part.prefixLength != nil, !features.contains(.prefixLengths) { return "prefix lengths (index an expression such as left(column, N) instead)" }
        }
        return nil
    }

    /// For engines where index names share one namespace per schema (PostgreSQL, SQLite):
    /// rejects an index or unique constraint name used twice, or equal to a table or view name.
    /// `key` is the engine's comparison rule for these names.
    static func validateSchemaWideIndexNames(_ schema: Schema, key: (String) -> String) throws {
        var owners: [String: String] = [:]
        for name in schema.tables.map(\.name) + schema.views.map(\.name) { owners[key(name)] = "a table or view" }
        for table in schema.tables {
            for name in table.indexes.map(\.name) + table.uniqueConstraints.map(\.name) {
                if let owner = owners[key(name)] {
                    throw SchemaSyncError(.invalidSchema, "index name '\(name)' on table '\(table.name)' is already used by \(owner)",
                                          hint: "index names are shared by the whole schema on this engine; rename one")
                }
                owners[key(name)] = "an index of table '\(table.name)'"
            }
        }
    }

    /// Rejects names longer than `limit`, which the engine would cut or reject, so the schema
    /// could never converge.
    static func validateNameLengths(_ schema: Schema, limit: IdentifierLimit, engine: String) throws {
        func check(_ name: String, _ what: String) throws {
            guard !limit.admits(name) else { return }
            throw SchemaSyncError(.invalidSchema, "\(what) '\(name)' is \(limit.length(of: name)) \(limit.unit.rawValue) long; \(engine) keeps at most \(limit.count)",
                                  hint: "choose a shorter name (an unnamed index or constraint gets a generated one: name it with name:)")
        }
        for table in schema.tables {
            try check(table.name, "table")
            for column in table.columns { try check(column.name, "column '\(table.name).\(column.name)'") }
            for index in table.indexes { try check(index.name, "index on '\(table.name)'") }
            for unique in table.uniqueConstraints { try check(unique.name, "constraint on '\(table.name)'") }
            for key in table.foreignKeys { try check(key.name, "foreign key on '\(table.name)'") }
            for c in table.checks { try check(c.name, "check on '\(table.name)'") }
            if let pk = table.primaryKey?.name { try check(pk, "primary key on '\(table.name)'") }
        }
        for view in schema.views { try check(view.name, "view") }
    }
}
