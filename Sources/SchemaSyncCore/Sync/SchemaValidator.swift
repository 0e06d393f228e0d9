import Foundation

/// Checks a desired schema for internal consistency before any connection is used:
/// duplicate names, keys over missing columns, foreign keys to missing tables or columns.
///
/// Names are compared exactly here: `Users` and `users` are two tables. A reference finds its
/// object exactly or, failing that, by a unique match under the engine's rule
/// (``Dialect/identifierKey(_:kind:)``) when `dialect` is given, and under ASCII case folding
/// when it is not (a schema file read before the target is known; the ``Differ`` applies the
/// engine's rule again and refuses what it does not resolve).
public enum SchemaValidator {
    /// - throws: ``SchemaSyncError/Code/invalidSchema`` naming the first problem found.
    public static func validate(_ schema: Schema, dialect: (any Dialect)? = nil) throws {
        func lookup(_ name: String, in names: [String], kind: IdentifierKind, exact: Bool? = nil) -> String? {
            if exact ?? names.contains(name) { return name }
            let key: (String) -> String = dialect.map { d in { d.identifierKey($0, kind: kind) } } ?? IdentifierRules.asciiLowercased
            let wanted = key(name)
            let matches = names.filter { key($0) == wanted }
            return matches.count == 1 ? matches[0] : nil
        }
        func fail(_ message: String, hint: String? = nil) -> SchemaSyncError {
            SchemaSyncError(.invalidSchema, message, hint: hint)
        }
        var tableNames = Set<String>()
        let allTableNames = schema.tables.map(\.name)
        let tablesByName = schema.tables.byName
        for table in schema.tables {
            guard !table.name.isEmpty else { throw fail("a table has an empty name") }
            guard tableNames.insert(table.name).inserted else {
                throw fail("table '\(table.name)' is declared twice")
            }
            // A table without columns is valid where the engine allows it (see CapabilityCheck).
            var columnNames = Set<String>()
            for column in table.columns {
                guard !column.name.isEmpty else { throw fail("table '\(table.name)' has a column with an empty name") }
                guard columnNames.insert(column.name).inserted else {
                    throw fail("column '\(table.name).\(column.name)' is declared twice")
                }
                if column.identity != nil && column.generated != nil {
                    throw fail("column '\(table.name).\(column.name)' cannot be both identity and generated")
                }
                if column.identity != nil && !column.type.isInteger && column.nativeTypes.isEmpty {
                    throw fail("column '\(table.name).\(column.name)': identity needs an integer type, not \(column.type)")
                }
            }
            func requireColumns(_ columns: [String], _ what: String) throws {
                guard !columns.isEmpty else { throw fail("\(what) on table '\(table.name)' has no columns") }
                for c in columns where lookup(c, in: table.columns.map(\.name), kind: .column) == nil {
                    throw fail("\(what) on table '\(table.name)' names column '\(c)', which the table does not have")
                }
            }
            if let pk = table.primaryKey { try requireColumns(pk.columns, "primary key") }
            var constraintNames = Set<String>()
            for u in table.uniqueConstraints {
                try requireColumns(u.columns, "unique constraint '\(u.name)'")
                guard constraintNames.insert(u.name).inserted else {
                    throw fail("constraint name '\(u.name)' is used twice on table '\(table.name)'")
                }
            }
            for index in table.indexes {
                guard !index.parts.isEmpty else { throw fail("index '\(index.name)' on table '\(table.name)' has no columns") }
                if !index.columnNames.isEmpty { try requireColumns(index.columnNames, "index '\(index.name)'") }
            }
            for fk in table.foreignKeys {
                try requireColumns(fk.columns, "foreign key '\(fk.name)'")
                guard let targetName = lookup(fk.referencedTable, in: allTableNames, kind: .table, exact: tablesByName[fk.referencedTable] != nil),
                      let target = tablesByName[targetName] else {
                    throw fail("foreign key '\(fk.name)' on table '\(table.name)' references table '\(fk.referencedTable)', which is not declared",
                                hint: "declare table '\(fk.referencedTable)' or fix the reference")
                }
                guard fk.columns.count == fk.referencedColumns.count else {
                    throw fail("foreign key '\(fk.name)' on table '\(table.name)' has \(fk.columns.count) columns but references \(fk.referencedColumns.count)")
                }
                for c in fk.referencedColumns where lookup(c, in: target.columns.map(\.name), kind: .column) == nil {
                    throw fail("foreign key '\(fk.name)' on table '\(table.name)' references column '\(fk.referencedTable).\(c)', which is not declared")
                }
            }
            for check in table.checks where check.expression.trimmingWhitespace().isEmpty {
                throw fail("check '\(check.name)' on table '\(table.name)' has an empty expression")
            }
        }
        var viewNames = Set<String>()
        for view in schema.views {
            guard viewNames.insert(view.name).inserted, !tableNames.contains(view.name) else {
                throw fail("view '\(view.name)' has the same name as another table or view")
            }
            guard !view.definition.trimmingWhitespaceAndNewlines().isEmpty else {
                throw fail("view '\(view.name)' has an empty definition")
            }
        }
    }

    /// Rejects columns whose only type is another dialect's native type, naming the fix.
    /// (A schema inspected on MariaDB keeps `int unsigned` as `native: { mariadb: ... }`.)
    public static func validateNativeTypes(_ schema: Schema, dialect: String) throws {
        for table in schema.tables {
            for column in table.columns {
                guard case let .native(spelling) = column.type, !column.nativeTypes.isEmpty,
                      column.nativeTypes[dialect] == nil else { continue }
                let others = column.nativeTypes.keys.sorted().joined(separator: ", ")
                throw SchemaSyncError(
                    .invalidSchema,
                    "column '\(table.name).\(column.name)' has only a \(others) type ('\(spelling)'), none for \(dialect)",
                    hint: "add a portable type: or native: { \(dialect): ... } for this column")
            }
        }
    }
}
