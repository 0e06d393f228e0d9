import SchemaSyncCore

/// What PostgreSQL spells its own way, beyond the checks, generated columns, expression defaults
/// and view bodies every engine rewrites: native type names (`format_type`), string defaults on
/// non-string columns (`'2020-01-01'::date`), any default of a plain column, index expressions,
/// predicates, operator classes, collations and storage parameters, and view options.
struct PostgreSQLServerSpelling: ServerSpelling {
    let dialectName: String

    private func type(of column: Column) -> DataType {
        column.type(for: dialectName, aliases: PostgreSQLTypeMapping.aliases)
    }

    func needsServer(_ table: Table) -> Bool {
        if standardNeedsServer(table) { return true }
        if table.indexes.contains(where: PostgreSQLCanonicalizer.spelledByServer) { return true }
        return table.columns.contains { column in
            let type = type(of: column)
            if type.isNative { return true }
            if case .string? = column.defaultValue { return !PostgreSQLTypeMapping.isStringType(type) }
            return false
        }
    }

    func matchesCatalog(_ table: Table, _ catalog: Table) -> Bool {
        guard standardMatchesCatalog(table, catalog) else { return false }
        for index in table.indexes where PostgreSQLCanonicalizer.spelledByServer(index) {
            guard let actual = catalog.indexes.first(where: { $0.name == index.name }),
                  actual.predicate == index.predicate, actual.parts == index.parts,
                  actual.storageParameters == index.storageParameters else { return false }
        }
        for column in table.columns {
            guard let actual = catalog.column(named: column.name) else { return false }
            let type = type(of: column)
            if type.isNative, PostgreSQLTypeMapping.sql(for: type) != PostgreSQLTypeMapping.sql(for: actual.type) { return false }
            if case .string? = column.defaultValue, !PostgreSQLTypeMapping.isStringType(type), column.defaultValue != actual.defaultValue {
                return false
            }
        }
        return true
    }

    func takeSpelling(from server: Table, into table: inout Table) {
        for c in table.columns.indices {
            guard let actual = server.column(named: table.columns[c].name) else { continue }
            var column = table.columns[c]
            if column.nativeTypes[dialectName] != nil {
                column.nativeTypes[dialectName] = actual.type.description
            } else if column.type.isNative {
                column.type = actual.type
            }
            if column.generated != nil, let generated = actual.generated {
                column.generated = generated
            }
            if column.defaultValue != nil, column.identity == nil, column.generated == nil {
                column.defaultValue = actual.defaultValue
            }
            table.columns[c] = column
        }
        for k in table.checks.indices {
            if let actual = server.checks.first(where: { $0.name == table.checks[k].name }) {
                table.checks[k].expression = actual.expression
            }
        }
        for i in table.indexes.indices {
            if let actual = server.indexes.first(where: { $0.name == table.indexes[i].name }) {
                table.indexes[i].parts = actual.parts
                table.indexes[i].predicate = actual.predicate
                table.indexes[i].storageParameters = actual.storageParameters
            }
        }
    }

    func takeSpelling(from server: View, into view: inout View) {
        view.definition = server.definition
        view.attributes = view.attributes.filter { !$0.key.hasPrefix("postgresql.") }.merging(server.attributes) { a, _ in a }
    }
}
