/// Turns a schema read from one engine into the nearest schema another engine can hold, and
/// lists everything that does not carry over exactly (``LossyMapping``). Types go through the
/// portable table (the source dialect maps its native types, ``Dialect/portableType(forNative:column:)``);
/// expressions through ``PortableExpressionParser`` and ``PortableExpressionRenderer``; features
/// the target lacks (by its ``DialectCapabilities``) are dropped and listed. Nothing here names
/// a dialect: each side answers for itself.
public struct SchemaTranslator {
    public let source: any Dialect
    public let target: any Dialect

    /// The result: the schema for the target and what was mapped on the way.
    public struct Result: Sendable {
        public var schema: Schema
        public var mappings: [LossyMapping]
        /// The mappings that need `--allow-lossy`.
        public var refused: [LossyMapping] { mappings.filter(\.needsAllowLossy) }
    }

    public init(from source: any Dialect, to target: any Dialect) {
        self.source = source
        self.target = target
    }

    /// Translates `schema`. Mappings that need `--allow-lossy` are applied too (the object or
    /// feature is left out); the caller refuses the result unless the user allowed them.
    public func translate(_ schema: Schema) -> Result {
        var mappings: [LossyMapping] = []
        var tables = schema.tables.map { translate($0, into: &mappings) }
        renameCollidingIndexes(&tables, into: &mappings)
        var dropped: Set<String> = []
        var views: [View] = []
        for view in schema.views {
            if let missing = view.dependsOn.first(where: dropped.contains) {
                mappings.append(.init(object: "view \(view.name)", source: "view", target: "(left out)",
                                      note: "it reads \(missing), which is left out", needsAllowLossy: true))
                dropped.insert(view.name)
                continue
            }
            guard let translated = translate(view, into: &mappings) else { dropped.insert(view.name); continue }
            views.append(translated)
        }
        return Result(schema: Schema(tables: tables, views: views), mappings: mappings)
    }

    // MARK: Tables

    private func translate(_ table: Table, into mappings: inout [LossyMapping]) -> Table {
        var copy = table
        let caps = target.capabilities
        copy.attributes = attributes(table.attributes, object: "table \(table.name)", into: &mappings)
        if copy.comment != nil && !caps.comments {
            mappings.append(.init(object: "table \(table.name)", source: "comment", target: "(none)", note: "\(target.name) keeps no comments"))
            copy.comment = nil
        }
        var extraChecks: [CheckConstraint] = []
        copy.columns = table.columns.map { translate($0, in: table, checks: &extraChecks, into: &mappings) }
        copy.checks = table.checks.compactMap { check in
            var check = check
            let object = "check \(table.name).\(check.name)"
            guard let expression = expression(check.expression, object: object, into: &mappings) else { return nil }
            check.expression = expression
            if check.notValid && !caps.notValidConstraints {
                check.notValid = false
                mappings.append(.init(object: object, source: "NOT VALID", target: "validated", note: "existing rows are checked"))
            }
            if check.noInherit && !caps.noInheritChecks {
                check.noInherit = false
                mappings.append(.init(object: object, source: "NO INHERIT", target: "(none)", note: "\(target.name) has no table inheritance"))
            }
            return check
        } + extraChecks
        copy.indexes = table.indexes.compactMap { translate($0, in: table, into: &mappings) }
        copy.uniqueConstraints = table.uniqueConstraints.compactMap { unique in
            var unique = unique
            let object = "unique \(table.name).\(unique.name)"
            if unique.nullsNotDistinct && !caps.indexFeatures.contains(.nullsNotDistinct) {
                mappings.append(.init(object: object, source: "NULLS NOT DISTINCT", target: "(dropped)",
                                      note: "\(target.name) lets NULLs repeat in a unique key", needsAllowLossy: true))
                unique.nullsNotDistinct = false
            }
            if unique.deferrable && !caps.deferrableForeignKeys {
                mappings.append(.init(object: object, source: "DEFERRABLE", target: "checked at once",
                                      note: "\(target.name) checks keys per statement", needsAllowLossy: true))
                unique.deferrable = false
                unique.initiallyDeferred = false
            }
            return unique
        }
        copy.foreignKeys = table.foreignKeys.map { key in
            var key = key
            let object = "foreign key \(table.name).\(key.name)"
            if key.deferrable && !caps.deferrableForeignKeys {
                mappings.append(.init(object: object, source: "DEFERRABLE", target: "checked at once",
                                      note: "\(target.name) checks keys per statement", needsAllowLossy: true))
                key.deferrable = false
                key.initiallyDeferred = false
            }
            if key.matchFull && !caps.matchFullForeignKeys {
                mappings.append(.init(object: object, source: "MATCH FULL", target: "MATCH SIMPLE",
                                      note: "a partly NULL key is not checked", needsAllowLossy: true))
                key.matchFull = false
            }
            if key.notValid && !caps.notValidConstraints {
                mappings.append(.init(object: object, source: "NOT VALID", target: "validated", note: "existing rows are checked"))
                key.notValid = false
            }
            return key
        }
        return copy
    }

    private func translate(_ column: Column, in table: Table, checks: inout [CheckConstraint], into mappings: inout [LossyMapping]) -> Column {
        var copy = column
        let object = "\(table.name).\(column.name)"
        let caps = target.capabilities
        if let own = column.nativeTypes[target.name] {
            // The schema already says what to use on the target.
            copy.nativeTypes = [target.name: own]
        } else {
            copy.nativeTypes = [:]
            let native = column.nativeTypes[source.name] ?? (column.type.isNative ? column.type.description : nil)
            if let native, !column.type.isNative, DataType.parse(native) == column.type {
                // Only another spelling of the portable type (`INT`, `datetime`).
            } else if let native {
                let mapping = source.portableType(forNative: native, column: column)
                    ?? (column.type.isNative ? nil : PortableTypeMapping(type: column.type, note: "the nearest portable type"))
                if let mapping {
                    copy.type = mapping.type
                    mappings.append(.init(object: object, source: native, target: mapping.type.description, note: mapping.note ?? "the same values"))
                    if let check = mapping.check, let text = try? PortableExpressionRenderer(dialect: target).render(check) {
                        checks.append(CheckConstraint(name: "\(table.name)_\(column.name)_check", expression: text))
                    }
                } else {
                    copy.type = .text
                    mappings.append(.init(object: object, source: native, target: "text",
                                          note: "no portable type; values would be kept as text", needsAllowLossy: true))
                }
            }
        }
        if let exported = source.exportedType(of: copy, in: table) {
            mappings.append(.init(object: object, source: copy.type.description, target: exported.type.description, note: exported.note ?? "the same values"))
            copy.type = exported.type
        }
        if let note = target.approximation(of: copy.type) {
            mappings.append(.init(object: object, source: copy.type.description, target: copy.type.description, note: note))
        }
        copy.attributes = attributes(column.attributes, object: object, into: &mappings)
        // Primary key columns are NOT NULL on every engine but SQLite, which reports the
        // rowid alias as nullable and lets other key columns hold NULL.
        if copy.nullable, table.primaryKey?.columns.contains(column.name) == true {
            copy.nullable = false
            if column.identity == nil {
                mappings.append(.init(object: object, source: "NULL in a primary key", target: "NOT NULL", note: "\(target.name) keeps NULL out of primary keys"))
            }
        }
        if case let .expression(text)? = column.defaultValue {
            if let parsed = parse(text, object: "default of \(object)", into: &mappings) {
                switch parsed {
                case let .string(s): copy.defaultValue = .string(s)
                case let .number(n): copy.defaultValue = .number(n)
                case let .boolean(b): copy.defaultValue = .boolean(b)
                case let .now(function): copy.defaultValue = .function(function)
                case .null: copy.defaultValue = nil
                default:
                    if let rendered = render(parsed, object: "default of \(object)", source: text, into: &mappings) {
                        copy.defaultValue = .expression(rendered)
                    } else {
                        copy.defaultValue = nil
                    }
                }
            } else {
                copy.defaultValue = nil
            }
        }
        if let generated = column.generated {
            if let text = expression(generated.expression, object: "generated \(object)", into: &mappings) {
                copy.generated?.expression = text
            } else {
                copy.generated = nil
            }
        }
        if column.identity == .always && !caps.identityAlways {
            copy.identity = .byDefault
            mappings.append(.init(object: object, source: "GENERATED ALWAYS", target: "generated by default",
                                  note: "\(target.name) accepts explicit values"))
        }
        if column.sequence != nil && !caps.sequenceOptions {
            copy.sequence = nil
            mappings.append(.init(object: object, source: "sequence options", target: "(engine default)", note: "\(target.name) has no sequence options"))
        }
        if column.comment != nil && !caps.comments {
            copy.comment = nil
            mappings.append(.init(object: object, source: "comment", target: "(none)", note: "\(target.name) keeps no comments"))
        }
        return copy
    }

    private func translate(_ index: Index, in table: Table, into mappings: inout [LossyMapping]) -> Index? {
        var copy = index
        let object = "index \(table.name).\(index.name)"
        let caps = target.capabilities
        func leaveOut(_ what: String, _ note: String) -> Index? {
            mappings.append(.init(object: object, source: what, target: "(index left out)", note: note, needsAllowLossy: true))
            return nil
        }
        if let predicate = index.predicate {
            guard caps.partialIndexes else { return leaveOut("WHERE \(predicate)", "\(target.name) has no partial indexes") }
            guard let text = expression(predicate, object: object, into: &mappings) else { return nil }
            copy.predicate = text
        }
        if let method = index.normalizedMethod, method != "btree" {
            return leaveOut("USING \(method)", "\(target.name) builds only its default index kind here")
        }
        copy.method = nil
        var parts: [Index.Part] = []
        for part in index.parts {
            var part = part
            if let text = part.expression {
                guard caps.expressionIndexes else { return leaveOut(text, "\(target.name) has no expression indexes") }
                guard let translated = expression(text, object: object, into: &mappings) else { return nil }
                part.expression = translated
            }
            if part.prefixLength != nil && source.name != target.name {
                mappings.append(.init(object: object, source: "prefix of \(part.prefixLength!) characters", target: "the whole column", note: "indexes whole values"))
                part.prefixLength = nil
            }
            if part.opclass != nil && !caps.indexFeatures.contains(.operatorClasses) {
                mappings.append(.init(object: object, source: "operator class \(part.opclass!)", target: "(default)", note: "\(target.name) has no operator classes"))
                part.opclass = nil
            }
            if part.collation != nil && !caps.indexFeatures.contains(.collations) {
                mappings.append(.init(object: object, source: "COLLATE \(part.collation!)", target: "(column collation)", note: "\(target.name) has no index collations"))
                part.collation = nil
            }
            if part.nullsFirst != nil && !caps.indexFeatures.contains(.nullsOrder) {
                mappings.append(.init(object: object, source: "NULLS FIRST/LAST", target: "(engine order)", note: "\(target.name) has a fixed NULL order"))
                part.nullsFirst = nil
            }
            parts.append(part)
        }
        copy.parts = parts
        if !index.include.isEmpty && !caps.indexFeatures.contains(.include) {
            mappings.append(.init(object: object, source: "INCLUDE (\(index.include.joined(separator: ", ")))", target: "(none)", note: "only the key columns are stored"))
            copy.include = []
        }
        if index.nullsNotDistinct && !caps.indexFeatures.contains(.nullsNotDistinct) {
            mappings.append(.init(object: object, source: "NULLS NOT DISTINCT", target: "(dropped)",
                                  note: "\(target.name) lets NULLs repeat in a unique index", needsAllowLossy: true))
            copy.nullsNotDistinct = false
        }
        if !index.storageParameters.isEmpty && !caps.indexFeatures.contains(.storageParameters) {
            mappings.append(.init(object: object, source: "WITH (\(index.storageParameters.keys.sorted().joined(separator: ", ")))", target: "(none)", note: "storage tuning only"))
            copy.storageParameters = [:]
        }
        return copy
    }

    /// Index names are unique across a schema on some engines and per table on others: a name
    /// two tables share becomes `table_name`.
    private func renameCollidingIndexes(_ tables: inout [Table], into mappings: inout [LossyMapping]) {
        var counts: [String: Int] = [:]
        for table in tables {
            for index in table.indexes { counts[target.identifierKey(index.name, kind: .index), default: 0] += 1 }
        }
        for t in tables.indices {
            for i in tables[t].indexes.indices where counts[target.identifierKey(tables[t].indexes[i].name, kind: .index), default: 0] > 1 {
                let old = tables[t].indexes[i].name
                tables[t].indexes[i].name = "\(tables[t].name)_\(old)"
                mappings.append(.init(object: "index \(tables[t].name).\(old)", source: old, target: tables[t].indexes[i].name,
                                      note: "another table has an index of that name"))
            }
        }
    }

    // MARK: Views and expressions

    private func translate(_ view: View, into mappings: inout [LossyMapping]) -> View? {
        let object = "view \(view.name)"
        guard target.capabilities.views else {
            mappings.append(.init(object: object, source: "view", target: "(left out)", note: "\(target.name) has no views", needsAllowLossy: true))
            return nil
        }
        var copy = view
        copy.attributes = attributes(view.attributes, object: object, into: &mappings)
        do {
            copy.definition = try PortableExpressionRenderer(dialect: target).render(try PortableExpressionParser.select(view.definition))
        } catch {
            mappings.append(.init(object: object, source: Self.cut(view.definition), target: "(left out)",
                                  note: "outside the portable subset: \(error)", needsAllowLossy: true))
            return nil
        }
        if copy.comment != nil && !target.capabilities.comments { copy.comment = nil }
        return copy
    }

    /// The expression in the target's dialect; nil (listed) when it is outside the portable subset.
    private func expression(_ text: String, object: String, into mappings: inout [LossyMapping]) -> String? {
        guard let parsed = parse(text, object: object, into: &mappings) else { return nil }
        return render(parsed, object: object, source: text, into: &mappings)
    }

    private func parse(_ text: String, object: String, into mappings: inout [LossyMapping]) -> PortableExpression? {
        do {
            return try PortableExpressionParser.expression(text)
        } catch {
            mappings.append(.init(object: object, source: Self.cut(text), target: "(left out)",
                                  note: "outside the portable subset: \(error)", needsAllowLossy: true))
            return nil
        }
    }

    private func render(_ expression: PortableExpression, object: String, source text: String, into mappings: inout [LossyMapping]) -> String? {
        do {
            return try PortableExpressionRenderer(dialect: target).render(expression)
        } catch {
            mappings.append(.init(object: object, source: Self.cut(text), target: "(left out)", note: "\(error)", needsAllowLossy: true))
            return nil
        }
    }

    /// Attributes are namespaced by dialect: the source engine's own mean nothing on the target.
    private func attributes(_ attributes: [String: String], object: String, into mappings: inout [LossyMapping]) -> [String: String] {
        var kept: [String: String] = [:]
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            if key.hasPrefix(target.name + ".") {
                kept[key] = value
            } else if key.hasPrefix(source.name + ".") {
                let behavioural = source.behaviouralAttributes.contains(key)
                mappings.append(.init(object: object, source: "\(key) = \(value)", target: "(none)",
                                      note: behavioural ? "\(target.name) would not do what this \(source.name) setting does" : "a \(source.name) storage setting",
                                      needsAllowLossy: behavioural))
            }
        }
        return kept
    }

    private static func cut(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: " ")
        return flat.count > 120 ? String(flat.prefix(120)) + "…" : flat
    }
}
