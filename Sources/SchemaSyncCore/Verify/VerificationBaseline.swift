/// What apply's verification compares the database with: the engine's own definitions of the
/// desired schema, except for the tables this apply creates from a declared model.
///
/// A table a YAML/JSON schema declares and the database lacks is created from the model's
/// rendering; a scratch copy of it would be created from the same rendering, so comparing the
/// two only compares the same statements with themselves. Such tables are left out of the
/// scratch copy and of the comparison ("model only"), and the model still verifies them. A
/// table an existing table's foreign key or any view refers to stays in, so the copy builds.
/// A desired schema read from SQL keeps every table: its definitions come from the user's own
/// statements, which the model may not hold exactly. So does every engine without transactional
/// DDL (MariaDB): there the copy is also the rehearsal that refuses a table the engine rejects
/// (row too large, key too long) before any statement runs on the target.
public struct VerificationBaseline: Sendable {
    /// The desired schema's engine definitions, without those of ``modelOnlyTables``; nil when
    /// the connector cannot provide them (verification then rests on the model).
    public var definitions: [EngineDefinition]?
    /// Tables to be created from the model, left out of the comparison on both sides.
    public var modelOnlyTables: Set<String>

    public init(definitions: [EngineDefinition]?, modelOnlyTables: Set<String> = []) {
        self.definitions = definitions
        self.modelOnlyTables = modelOnlyTables
    }

    /// The tables of `desired` that a plan from `current` creates and nothing else in the
    /// scratch copy needs: not referenced, directly or through other such tables, by a foreign
    /// key of a table that stays in, and not mentioned by any view.
    static func modelOnlyTables(desired: Schema, created: Set<String>) -> Set<String> {
        guard !created.isEmpty else { return [] }
        // Names match without regard to case: keeping one table too many only costs a copy.
        var byLowercasedName: [String: [Table]] = [:]
        for table in desired.tables { byLowercasedName[table.name.lowercased(), default: []].append(table) }
        var kept = Set(desired.tables.map(\.name)).subtracting(created)
        for table in created where desired.views.contains(where: { ViewOrdering.mentions($0.definition, table) }) {
            kept.insert(table)
        }
        var pending = Array(kept)
        while let name = pending.popLast() {
            for table in byLowercasedName[name.lowercased()] ?? [] {
                for key in table.foreignKeys {
                    for referenced in byLowercasedName[key.referencedTable.lowercased()] ?? [] where !kept.contains(referenced.name) {
                        kept.insert(referenced.name)
                        pending.append(referenced.name)
                    }
                }
            }
        }
        return created.subtracting(kept)
    }

    /// `schema` without `tables`.
    static func schema(_ schema: Schema, without tables: Set<String>) -> Schema {
        guard !tables.isEmpty else { return schema }
        var copy = schema
        copy.tables.removeAll { tables.contains($0.name) }
        return copy
    }
}
