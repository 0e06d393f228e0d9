/// Refuses details of a desired schema that the dialect cannot hold (see ``DialectCapabilities``):
/// index details, NULLS NOT DISTINCT and DEFERRABLE unique constraints, sequence options,
/// NOT VALID / NO INHERIT / MATCH FULL constraints, tables without columns. So a declared
/// INCLUDE list or identity start is never silently dropped on an engine without it.
/// Run by the ``Differ`` on every desired schema.
public enum CapabilityCheck {
    /// - throws: ``SchemaSyncError/Code/invalidSchema`` naming the object and the detail.
    public static func validate(_ schema: Schema, dialect: any Dialect) throws {
        let features = dialect.capabilities.indexFeatures
        for table in schema.tables {
            if table.columns.isEmpty, !dialect.capabilities.zeroColumnTables {
                throw SchemaSyncError(.invalidSchema, "table '\(table.name)' has no columns, which \(dialect.name) does not allow",
                                      hint: "declare at least one column")
            }
            for index in table.indexes {
                if let detail = unsupported(index, features) {
                    throw SchemaSyncError(.invalidSchema,
                        "index '\(index.name)' on table '\(table.name)': \(dialect.name) indexes have no \(detail)",
                        hint: "remove it from the index, or declare the index for an engine that has it")
                }
            }
            if !dialect.capabilities.sequenceOptions,
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
            if !dialect.capabilities.notValidConstraints {
                if let check = table.checks.first(where: \.notValid) {
                    throw SchemaSyncError(.invalidSchema, "check '\(check.name)' on table '\(table.name)': \(dialect.name) has no NOT VALID constraints",
                                          hint: "remove notValid")
                }
                if let key = table.foreignKeys.first(where: \.notValid) {
                    throw SchemaSyncError(.invalidSchema, "foreign key '\(key.name)' on table '\(table.name)': \(dialect.name) has no NOT VALID constraints",
                                          hint: "remove notValid")
                }
            }
            if !dialect.capabilities.matchFullForeignKeys, let key = table.foreignKeys.first(where: \.matchFull) {
                throw SchemaSyncError(.invalidSchema, "foreign key '\(key.name)' on table '\(table.name)': \(dialect.name) keeps no MATCH FULL",
                                      hint: "remove match: full")
            }
            if !dialect.capabilities.setDefaultActions,
               let key = table.foreignKeys.first(where: { $0.onDelete == .setDefault || $0.onUpdate == .setDefault }) {
                throw SchemaSyncError(.invalidSchema, "foreign key '\(key.name)' on table '\(table.name)': \(dialect.name) has no SET DEFAULT action (it would keep RESTRICT)",
                                      hint: "use restrict, cascade or set null")
            }
            if !dialect.capabilities.noInheritChecks, let check = table.checks.first(where: \.noInherit) {
                throw SchemaSyncError(.invalidSchema, "check '\(check.name)' on table '\(table.name)': \(dialect.name) has no NO INHERIT checks",
                                      hint: "remove noInherit")
            }
            if !features.contains(.nullsNotDistinct),
               let unique = table.uniqueConstraints.first(where: \.nullsNotDistinct) {
                throw SchemaSyncError(.invalidSchema,
                    "unique constraint '\(unique.name)' on table '\(table.name)': \(dialect.name) has no NULLS NOT DISTINCT",
                    hint: "remove nullsNotDistinct, or make the columns NOT NULL")
            }
            if !dialect.capabilities.deferrableForeignKeys,
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
        for part in index.parts {
            if part.opclass != nil, !features.contains(.operatorClasses) { return "operator classes" }
            if part.collation != nil, !features.contains(.collations) { return "per-column collations" }
            if part.explicitNullsFirst != nil, !features.contains(.nullsOrder) { return "NULLS FIRST/LAST" }
        }
        return nil
    }
}
