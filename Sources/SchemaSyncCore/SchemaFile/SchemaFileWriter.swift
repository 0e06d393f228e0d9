/// Writes a ``Schema`` in the schema-file shape that ``SchemaFileReader`` reads, so that
/// `inspect --format yaml` output is itself a valid desired schema.
public struct SchemaFileWriter {
    /// The dialect whose native types are written under `native:` (e.g. `mariadb`).
    public let dialectName: String

    public init(dialectName: String) {
        self.dialectName = dialectName
    }

    /// The document tree for `schema` (sorted deterministically).
    public func document(_ schema: Schema) -> SchemaDocument {
        let schema = schema.sorted()
        var root: [(String, SchemaDocument)] = [("tables", .list(schema.tables.map(table)))]
        if !schema.views.isEmpty { root.append(("views", .list(schema.views.map(view)))) }
        return .map(root)
    }

    private func table(_ t: Table) -> SchemaDocument {
        var m: [(String, SchemaDocument)] = [("name", .string(t.name))]
        if let comment = t.comment { m.append(("comment", .string(comment))) }
        m.append(("columns", .list(t.columns.map(column))))
        if let pk = t.primaryKey {
            if let name = pk.name {
                m.append(("primaryKey", .map([("name", .string(name)), ("columns", names(pk.columns))])))
            } else {
                m.append(("primaryKey", names(pk.columns)))
            }
        }
        if !t.uniqueConstraints.isEmpty {
            m.append(("uniqueConstraints", .list(t.uniqueConstraints.map { u in
                var um: [(String, SchemaDocument)] = [("name", .string(u.name)), ("columns", names(u.columns))]
                if u.nullsNotDistinct { um.append(("nullsNotDistinct", .bool(true))) }
                if u.deferrable { um.append(("deferrable", .bool(true))) }
                if u.initiallyDeferred { um.append(("initiallyDeferred", .bool(true))) }
                return .map(um)
            })))
        }
        if !t.indexes.isEmpty { m.append(("indexes", .list(t.indexes.map(index)))) }
        if !t.foreignKeys.isEmpty { m.append(("foreignKeys", .list(t.foreignKeys.map(foreignKey)))) }
        if !t.checks.isEmpty {
            m.append(("checks", .list(t.checks.map { c in
                var cm: [(String, SchemaDocument)] = [("name", .string(c.name)), ("expression", .string(c.expression))]
                if c.notValid { cm.append(("notValid", .bool(true))) }
                if c.noInherit { cm.append(("noInherit", .bool(true))) }
                return .map(cm)
            })))
        }
        if !t.attributes.isEmpty { m.append(("attributes", stringMap(t.attributes))) }
        return .map(m)
    }

    private func column(_ c: Column) -> SchemaDocument {
        var m: [(String, SchemaDocument)] = [("name", .string(c.name))]
        var native = c.nativeTypes
        if case let .native(spelling) = c.type {
            native[dialectName] = native[dialectName] ?? spelling
        } else {
            m.append(("type", .string(c.type.description)))
        }
        if !native.isEmpty { m.append(("native", stringMap(native))) }
        m.append(("nullable", .bool(c.nullable)))
        if let d = c.defaultValue {
            switch d {
            case let .string(s): m.append(("default", .string(s)))
            case let .number(n): m.append(("default", .number(n)))
            case let .boolean(b): m.append(("default", .bool(b)))
            case let .function(f): m.append(("default", .map([("function", .string(f.rawValue))])))
            case let .expression(e): m.append(("default", .map([("expression", .string(e))])))
            }
        }
        if let identity = c.identity {
            m.append(("identity", identity == .byDefault ? .bool(true) : .string(identity.rawValue)))
        }
        if let q = c.sequence, !q.isDefault {
            var sm: [(String, SchemaDocument)] = []
            for (key, value) in [("start", q.start), ("increment", q.increment), ("min", q.minValue), ("max", q.maxValue), ("cache", q.cache)] {
                if let value { sm.append((key, .number(String(value)))) }
            }
            if q.cycle { sm.append(("cycle", .bool(true))) }
            if let type = q.type { sm.append(("type", .string(type.description))) }
            m.append(("sequence", .map(sm)))
        }
        if let g = c.generated {
            m.append(("generated", .map([("expression", .string(g.expression)), ("stored", .bool(g.stored))])))
        }
        if let comment = c.comment { m.append(("comment", .string(comment))) }
        if !c.attributes.isEmpty { m.append(("attributes", stringMap(c.attributes))) }
        return .map(m)
    }

    private func index(_ i: Index) -> SchemaDocument {
        let simple = i.parts.allSatisfy {
            $0.column != nil && !$0.descending && $0.prefixLength == nil && $0.opclass == nil && $0.collation == nil
                && $0.explicitNullsFirst == nil
        }
        let parts: SchemaDocument = simple ? names(i.columnNames) : .list(i.parts.map { part in
            var m: [(String, SchemaDocument)] = []
            if let c = part.column { m.append(("column", .string(c))) }
            if let e = part.expression { m.append(("expression", .string(e))) }
            if part.descending { m.append(("order", .string("desc"))) }
            if let nullsFirst = part.explicitNullsFirst { m.append(("nulls", .string(nullsFirst ? "first" : "last"))) }
            if let l = part.prefixLength { m.append(("length", .number(String(l)))) }
            if let o = part.opclass { m.append(("opclass", .string(o))) }
            if let c = part.collation { m.append(("collation", .string(c))) }
            return .map(m)
        })
        var m: [(String, SchemaDocument)] = [("name", .string(i.name)), ("columns", parts)]
        if i.unique { m.append(("unique", .bool(true))) }
        if let p = i.predicate { m.append(("where", .string(p))) }
        if let method = i.method { m.append(("method", .string(method))) }
        if !i.include.isEmpty { m.append(("include", names(i.include))) }
        if i.nullsNotDistinct { m.append(("nullsNotDistinct", .bool(true))) }
        if !i.storageParameters.isEmpty { m.append(("with", stringMap(i.storageParameters))) }
        return .map(m)
    }

    private func foreignKey(_ k: ForeignKey) -> SchemaDocument {
        var m: [(String, SchemaDocument)] = [
            ("name", .string(k.name)), ("columns", names(k.columns)),
            ("references", .map([("table", .string(k.referencedTable)), ("columns", names(k.referencedColumns))])),
        ]
        if k.onDelete != .noAction { m.append(("onDelete", .string(k.onDelete.rawValue))) }
        if k.onUpdate != .noAction { m.append(("onUpdate", .string(k.onUpdate.rawValue))) }
        if k.deferrable { m.append(("deferrable", .bool(true))) }
        if k.initiallyDeferred { m.append(("initiallyDeferred", .bool(true))) }
        if k.notValid { m.append(("notValid", .bool(true))) }
        if k.matchFull { m.append(("match", .string("full"))) }
        return .map(m)
    }

    private func view(_ v: View) -> SchemaDocument {
        var m: [(String, SchemaDocument)] = [("name", .string(v.name)), ("definition", .string(v.definition))]
        if !v.dependsOn.isEmpty { m.append(("dependsOn", names(v.dependsOn))) }
        if let c = v.comment { m.append(("comment", .string(c))) }
        if !v.attributes.isEmpty { m.append(("attributes", stringMap(v.attributes))) }
        return .map(m)
    }

    private func names(_ list: [String]) -> SchemaDocument { .list(list.map { .string($0) }) }

    private func stringMap(_ map: [String: String]) -> SchemaDocument {
        .map(map.keys.sorted().map { ($0, .string(map[$0]!)) })
    }
}
