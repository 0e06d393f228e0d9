import SchemaSyncCore
import SchemaSyncFirebirdClient

/// Reads a Firebird 3 database into the neutral model in a constant number of catalog queries
/// (``FirebirdCatalogRows``), however many tables it holds.
///
/// - Tables (relation type 0) and views (type 1); global temporary and external tables, user
///   triggers, sequences and domains are reported as unmanaged.
/// - Indexes owned by a primary key, unique or foreign key constraint belong to the constraint.
///   Expression (COMPUTED BY) indexes are reported as unmanaged (``DialectCapabilities/expressionIndexes``
///   is off because they are not rendered).
/// - A primary key named by the engine (`INTEG_n`) reads as unnamed.
/// - Check sources (`CHECK (...)`) lose the keyword and one pair of parentheses; defaults lose
///   `DEFAULT`; computed sources their parentheses. Everything else is as written.
struct FirebirdCatalogInspector {
    let rows: FirebirdCatalogRows

    func inspect() -> Schema {
        var schema = Schema()
        var columnsByTable: [String: [Column]] = [:]
        for row in rows.columns {
            columnsByTable[row.relation, default: []].append(column(row))
        }
        let indexes = Dictionary(grouping: rows.indexes, by: \.index)
        func segments(_ index: String?) -> [String] {
            guard let index else { return [] }
            return (indexes[index] ?? []).sorted { ($0.segmentPosition ?? 0) < ($1.segmentPosition ?? 0) }.compactMap(\.segment)
        }
        var tables: [String: Table] = [:]
        var order: [String] = []
        for relation in rows.relations {
            switch relation.type {
            case 0:
                tables[relation.name] = Table(name: relation.name, columns: columnsByTable[relation.name] ?? [],
                                              comment: relation.description)
                order.append(relation.name)
            case 1:
                schema.views.append(View(name: relation.name, definition: (relation.viewSource ?? "").trimmingWhitespaceAndNewlines(),
                                         comment: relation.description))
            default:
                let kind = relation.type == 2 ? "external table" : "global temporary table"
                schema.unmanaged.append(UnmanagedObject(kind: kind, name: relation.name))
            }
        }
        for constraint in rows.constraints {
            guard tables[constraint.relation] != nil else { continue }
            switch constraint.type {
            case "PRIMARY KEY":
                let name = constraint.name.hasPrefix("INTEG_") ? nil : constraint.name
                tables[constraint.relation]!.primaryKey = PrimaryKey(name: name, columns: segments(constraint.index))
            case "UNIQUE":
                tables[constraint.relation]!.uniqueConstraints.append(UniqueConstraint(name: constraint.name, columns: segments(constraint.index)))
            case "FOREIGN KEY":
                tables[constraint.relation]!.foreignKeys.append(ForeignKey(
                    name: constraint.name, columns: segments(constraint.index),
                    referencedTable: constraint.referencedRelation ?? "", referencedColumns: segments(constraint.referencedIndex),
                    onDelete: action(constraint.deleteRule), onUpdate: action(constraint.updateRule)))
            case "CHECK":
                tables[constraint.relation]!.checks.append(CheckConstraint(name: constraint.name, expression: Self.checkExpression(constraint.checkSource)))
            default: break
            }
        }
        for (name, segmentRows) in indexes.sorted(by: { $0.key < $1.key }) {
            guard let first = segmentRows.first, first.constraintType == nil, tables[first.relation] != nil else { continue }
            if first.expression != nil {
                schema.unmanaged.append(UnmanagedObject(kind: "expression index", name: name, table: first.relation,
                                                        definition: first.expression))
                continue
            }
            var index = Index(name: name, parts: segments(name).map { Index.Part(column: $0, descending: first.descending) },
                              unique: first.unique)
            index.isValid = !first.inactive
            tables[first.relation]!.indexes.append(index)
        }
        for trigger in rows.triggers {
            schema.unmanaged.append(UnmanagedObject(kind: "trigger", name: trigger.name, table: trigger.relation, definition: trigger.source))
        }
        for sequence in rows.sequences where sequence.systemFlag == 0 {
            schema.unmanaged.append(UnmanagedObject(kind: "sequence", name: sequence.name))
        }
        for name in rows.pendingRenameCopies {
            schema.unmanaged.append(UnmanagedObject(kind: "unfinished rename copy", name: name))
        }
        schema.tables = order.compactMap { tables[$0] }
        return schema
    }

    private func column(_ row: FirebirdCatalogRows.ColumnRow) -> Column {
        var column = Column(name: row.name, type: FirebirdTypeMapping.type(of: row.field), nullable: !row.notNull,
                            defaultValue: FirebirdDefaultValue.parse(source: row.defaultSource), comment: row.description)
        if row.identityType != nil { column.identity = .byDefault }
        if let computed = row.computedSource {
            column.generated = Column.Generated(expression: ExpressionText.stripOuterParentheses(computed.trimmingWhitespaceAndNewlines()),
                                                stored: false)
        }
        return column
    }

    private func action(_ rule: String?) -> ForeignKey.Action {
        switch rule?.uppercased() {
        case "CASCADE": return .cascade
        case "SET NULL": return .setNull
        case "SET DEFAULT": return .setDefault
        case "NO ACTION": return .noAction
        default: return .restrict
        }
    }

    /// `CHECK (price >= 0)` → `price >= 0`.
    static func checkExpression(_ source: String?) -> String {
        var text = (source ?? "").trimmingWhitespaceAndNewlines()
        if text.uppercased().hasPrefix("CHECK") { text = String(text.dropFirst(5)).trimmingWhitespaceAndNewlines() }
        if text.hasPrefix("("), text.hasSuffix(")"), ExpressionText.stripOuterParentheses(text) != text {
            text = String(text.dropFirst().dropLast()).trimmingWhitespaceAndNewlines()
        }
        return text
    }
}
