/// Applies a dialect's identifier rules (``Dialect/identifierKey(_:kind:)``) before diffing:
/// names the engine takes for one object are one object.
///
/// - Two declared names with one key are refused ("declared twice").
/// - References (key columns, foreign keys) are spelled as the objects they name, on both sides,
///   so a foreign key to `Users` is a foreign key to the declared `users`.
/// - A desired table or column whose name differs from the database's only by the rule (e.g. case)
///   is the database's object: it becomes a rename where the engine can change the spelling
///   (``Dialect/canRespell(_:)``), otherwise the desired name takes the database's spelling.
struct IdentifierMatching {
    let dialect: any Dialect

    private func key(_ name: String, _ kind: IdentifierKind) -> String { dialect.identifierKey(name, kind: kind) }

    /// Refuses two declared tables/views, or two columns of a table, that the engine takes for one.
    func checkDeclaredTwice(_ schema: Schema) throws {
        var seen: [String: String] = [:]
        for name in schema.tables.map(\.name) + schema.views.map(\.name) {
            if let other = seen[key(name, .table)] {
                throw SchemaSyncError(.invalidSchema, "'\(name)' and '\(other)' are declared twice: \(dialect.name) takes them for one table or view",
                                      hint: "keep one of them")
            }
            seen[key(name, .table)] = name
        }
        for table in schema.tables {
            var columns: [String: String] = [:]
            for column in table.columns {
                if let other = columns[key(column.name, .column)] {
                    throw SchemaSyncError(.invalidSchema, "column '\(table.name).\(column.name)' and '\(other)' are declared twice: \(dialect.name) takes them for one column",
                                          hint: "keep one of them")
                }
                columns[key(column.name, .column)] = column.name
            }
        }
    }

    /// `schema` with every reference spelled as the table or column it names. With `strict`, a
    /// foreign key naming no table or column under the engine's rule is refused.
    func resolvingReferences(in schema: Schema, strict: Bool) throws -> Schema {
        var tableSpelling: [String: Int] = [:]
        for (i, table) in schema.tables.enumerated() { tableSpelling[key(table.name, .table)] = i }
        func columnSpelling(_ table: Table) -> [String: String] {
            var map: [String: String] = [:]
            for column in table.columns { map[key(column.name, .column)] = column.name }
            return map
        }
        var copy = schema
        for t in copy.tables.indices {
            let own = columnSpelling(schema.tables[t])
            func local(_ name: String) -> String { own[key(name, .column)] ?? name }
            var table = copy.tables[t]
            if let pk = table.primaryKey { table.primaryKey!.columns = pk.columns.map(local) }
            for i in table.uniqueConstraints.indices { table.uniqueConstraints[i].columns = table.uniqueConstraints[i].columns.map(local) }
            for i in table.indexes.indices {
                for j in table.indexes[i].parts.indices {
                    if let column = table.indexes[i].parts[j].column { table.indexes[i].parts[j].column = local(column) }
                }
            }
            for i in table.foreignKeys.indices {
                var fk = table.foreignKeys[i]
                fk.columns = fk.columns.map(local)
                if let target = tableSpelling[key(fk.referencedTable, .table)] {
                    let referenced = schema.tables[target]
                    let spelling = columnSpelling(referenced)
                    fk.referencedTable = referenced.name
                    for c in fk.referencedColumns.indices {
                        if let spelled = spelling[key(fk.referencedColumns[c], .column)] {
                            fk.referencedColumns[c] = spelled
                        } else if strict {
                            throw SchemaSyncError(.invalidSchema, "foreign key '\(fk.name)' on table '\(table.name)' references column '\(referenced.name).\(fk.referencedColumns[c])', which is not declared",
                                                  hint: "\(dialect.name) compares column names by its own rule; spell the column as declared")
                        }
                    }
                } else if strict {
                    throw SchemaSyncError(.invalidSchema, "foreign key '\(fk.name)' on table '\(table.name)' references table '\(fk.referencedTable)', which is not declared",
                                          hint: "\(dialect.name) compares table names by its own rule; spell the table as declared")
                }
                table.foreignKeys[i] = fk
            }
            copy.tables[t] = table
        }
        return copy
    }

    /// `desired` with tables and columns matched to `current` under the engine's rule.
    func aligning(_ desired: Schema, to current: Schema) -> Schema {
        var currentByKey: [String: Table] = [:]
        for table in current.tables { currentByKey[key(table.name, .table)] = table }
        let currentByName = current.tables.byName
        let desiredByName = desired.tables.byName
        var copy = desired
        for t in copy.tables.indices {
            var table = copy.tables[t]
            var existing = currentByName[table.name]
            if existing == nil, let old = table.renamedFrom { existing = currentByName[old] }
            if existing == nil, let old = table.renamedFrom, currentByName[old] == nil,
               let match = currentByKey[key(old, .table)] {
                table.renamedFrom = match.name // a declared rename, spelled as the database does
                existing = match
            }
            if existing == nil, let match = currentByKey[key(table.name, .table)], desiredByName[match.name] == nil {
                if dialect.canRespell(.table) {
                    table.renamedFrom = match.name
                } else {
                    table.name = match.name
                    table.renamedFrom = nil
                }
                existing = match
            }
            if let existing {
                table.columns = alignColumns(table.columns, to: existing)
            }
            copy.tables[t] = table
        }
        return copy
    }

    private func alignColumns(_ columns: [Column], to existing: Table) -> [Column] {
        var byKey: [String: Column] = [:]
        for column in existing.columns { byKey[key(column.name, .column)] = column }
        var result = columns
        for i in result.indices where existing.column(named: result[i].name) == nil {
            if let old = result[i].renamedFrom, existing.column(named: old) != nil { continue }
            if let old = result[i].renamedFrom, existing.column(named: old) == nil, let match = byKey[key(old, .column)] {
                result[i].renamedFrom = match.name
                continue
            }
            guard let match = byKey[key(result[i].name, .column)],
                  !columns.contains(where: { $0.name == match.name }) else { continue }
            if dialect.canRespell(.column) {
                result[i].renamedFrom = match.name
            } else {
                result[i].name = match.name
                result[i].renamedFrom = nil
            }
        }
        return result
    }
}
