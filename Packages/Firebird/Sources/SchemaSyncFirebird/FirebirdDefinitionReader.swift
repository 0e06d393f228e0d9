import SchemaSyncCore

/// The engine's own definitions of every managed object (``EngineDefinition``), built from the
/// raw catalog rows — type codes, null flags, default and check sources as stored — not from the
/// neutral model, so verification does not share the model's blind spots.
///
/// Names the engine generates (`RDB$n` domains, `INTEG_n` constraints, `RDB$PRIMARYn` indexes,
/// `RDB$n` identity generators) differ between a database and its scratch copy, so they are
/// left out of the texts; an unnamed primary key is keyed `primary key`.
struct FirebirdDefinitionReader {
    let rows: FirebirdCatalogRows

    func read() -> [EngineDefinition] {
        var out: [EngineDefinition] = []
        let tables = Set(rows.relations.filter { $0.type == 0 }.map(\.name))
        for relation in rows.relations where relation.type == 0 || relation.type == 1 {
            if relation.type == 1 {
                out.append(EngineDefinition(kind: "view", table: nil, name: relation.name,
                                            text: "AS " + (relation.viewSource ?? "").trimmingWhitespaceAndNewlines()
                                                + comment(relation.description)))
            } else {
                out.append(EngineDefinition(kind: "table", table: nil, name: relation.name, text: "TABLE" + comment(relation.description)))
            }
        }
        for c in rows.columns where tables.contains(c.relation) {
            let f = c.field
            var text = "type \(f.code)/\(f.subType.map(String.init) ?? "-")/\(f.byteLength ?? 0)/\(f.characterLength.map(String.init) ?? "-")"
                + "/\(f.precision.map(String.init) ?? "-")/\(f.scale ?? 0) charset \(f.characterSet ?? "-") collation \(f.collation ?? "-")"
            if c.notNull { text += " NOT NULL" }
            if let d = c.defaultSource { text += " " + d.trimmingWhitespaceAndNewlines() }
            if let computed = c.computedSource { text += " COMPUTED BY " + computed.trimmingWhitespaceAndNewlines() }
            if let identity = c.identityType { text += " IDENTITY \(identity)" }
            if !c.domain.hasPrefix("RDB$") { text += " DOMAIN \(c.domain)" }
            if let check = c.domainCheck { text += " " + check }
            text += comment(c.description)
            out.append(EngineDefinition(kind: "column", table: c.relation, name: c.name, text: text))
        }
        let indexes = Dictionary(grouping: rows.indexes, by: \.index)
        func segments(_ index: String?) -> String {
            guard let index else { return "" }
            return (indexes[index] ?? []).sorted { ($0.segmentPosition ?? 0) < ($1.segmentPosition ?? 0) }
                .compactMap(\.segment).map { "\"\($0)\"" }.joined(separator: ", ")
        }
        func generated(_ name: String) -> Bool { name.hasPrefix("INTEG_") || name.hasPrefix("RDB$") }
        for (name, list) in indexes.sorted(by: { $0.key < $1.key }) {
            guard let first = list.first, tables.contains(first.relation) else { continue }
            var text = "\(first.unique ? "UNIQUE " : "")\(first.descending ? "DESCENDING " : "")INDEX"
            text += first.expression.map { " COMPUTED BY \($0)" } ?? " (\(segments(name)))"
            if first.inactive { text += " INACTIVE" }
            if let type = first.constraintType { text += " FOR \(type)" }
            let key = generated(name) ? "index \(first.constraintType ?? "") (\(segments(name)))" : name
            out.append(EngineDefinition(kind: "index", table: first.relation, name: key, text: text))
        }
        for c in rows.constraints where tables.contains(c.relation) {
            var text = c.type
            switch c.type {
            case "CHECK": text += " " + (c.checkSource ?? "").trimmingWhitespaceAndNewlines()
            case "FOREIGN KEY":
                text += " (\(segments(c.index))) REFERENCES \"\(c.referencedRelation ?? "")\" (\(segments(c.referencedIndex)))"
                    + " ON DELETE \(c.deleteRule ?? "-") ON UPDATE \(c.updateRule ?? "-")"
            default: text += " (\(segments(c.index)))"
            }
            if let index = c.index, !generated(index) { text += " USING INDEX \"\(index)\"" }
            let key = generated(c.name) ? (c.type == "PRIMARY KEY" ? "primary key" : "\(c.type.lowercased()) \(text)") : c.name
            out.append(EngineDefinition(kind: "constraint", table: c.relation, name: key, text: text))
        }
        return out
    }

    private func comment(_ description: String?) -> String {
        description.map { " COMMENT '\($0)'" } ?? ""
    }
}
