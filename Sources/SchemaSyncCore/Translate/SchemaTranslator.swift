import Foundation

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
        alignReferencingColumns(&tables, source: schema.tables, into: &mappings)
        adaptIndexes(&tables, into: &mappings)
        var dropped: Set<String> = []
        var views: [View] = []
        for view in schema.views {
            if let missing = view.dependsOn.first(where: dropped.contains) {
                mappings.append(.init(object: "view \(view.name)", source: "view", target: "(left out)",
                                      note: "it reads \(missing), which is left out", needsAllowLossy: true))
                dropped.insert(view.name)
                continue
            }
            guard let translated = translate(view, dropped: dropped, into: &mappings) else { dropped.insert(view.name); continue }
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
            guard let expression = expression(check.expression, object: object, into: &mappings, types: types(of: table)) else { return nil }
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
            if !caps.setDefaultActions {
                for (which, action) in [("ON DELETE", key.onDelete), ("ON UPDATE", key.onUpdate)] where action == .setDefault {
                    mappings.append(.init(object: object, source: "\(which) SET DEFAULT", target: "\(which) RESTRICT",
                                          note: "\(target.name) has no SET DEFAULT", needsAllowLossy: true))
                }
                if key.onDelete == .setDefault { key.onDelete = .restrict }
                if key.onUpdate == .setDefault { key.onUpdate = .restrict }
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
            if let native, !column.type.isNative, DataType.parse(native, aliases: source.typeAliases) == column.type {
                // Only another spelling of the portable type (`INT`, `datetime`).
            } else if let native {
                let mapping = source.portableType(forNative: native, column: column)
                    ?? (column.type.isNative ? nil : PortableTypeMapping(type: column.type, note: "the nearest portable type"))
                if let mapping {
                    copy.type = mapping.type
                    mappings.append(.init(object: object, source: native, target: mapping.type.description, note: mapping.note ?? "the same values",
                                          needsAllowLossy: mapping.needsAllowLossy))
                    if let check = mapping.check {
                        if let text = try? PortableExpressionRenderer(dialect: target).render(check) {
                            checks.append(CheckConstraint(name: "\(table.name)_\(column.name)_check", expression: text))
                        } else {
                            mappings.append(.init(object: object, source: "allowed values", target: "(not checked)",
                                                  note: "\(target.name) cannot write the check", needsAllowLossy: true))
                        }
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
        let keyParts = table.primaryKey?.columns.contains(column.name) == true ? table.primaryKey?.columns.count : nil
        if let adapted = target.targetType(for: copy.type, keyParts: keyParts) {
            mappings.append(.init(object: object, source: copy.type.description, target: adapted.type.description,
                                  note: adapted.note ?? "\(target.name) needs it", needsAllowLossy: adapted.needsAllowLossy))
            copy.type = adapted.type
        }
        if let note = target.approximation(of: copy.type) {
            mappings.append(.init(object: object, source: copy.type.description, target: copy.type.description, note: note))
        }
        copy.attributes = attributes(column.attributes, object: object, into: &mappings)
        // Primary key columns are NOT NULL on every engine but SQLite, which reports the
        // rowid alias as nullable and lets other key columns hold NULL.
        if copy.nullable, table.primaryKey?.columns.contains(column.name) == true {
            copy.nullable = false
            // A single integer key column (SQLite's rowid) never holds NULL either.
            let rowid = table.primaryKey?.columns == [column.name] && column.type.isInteger
            if column.identity == nil && !rowid {
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
                case let .column(nil, name):
                    // No engine lets a default read a column: SQLite's `DEFAULT "abc"` is a string.
                    copy.defaultValue = .string(name)
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
        if case let .number(n)? = copy.defaultValue {
            // `1e3` in the plain form every engine prints back.
            if n.contains("e") || n.contains("E"), let value = Decimal(string: n) { copy.defaultValue = .number("\(value)") }
            // SQLite's INTEGER is 64-bit: a default beyond 32 bits needs bigint elsewhere.
            if copy.type == .integer || copy.type == .smallint, copy.nativeTypes.isEmpty, let value = Int64(n), Int32(exactly: value) == nil {
                mappings.append(.init(object: object, source: copy.type.description, target: "bigint", note: "its default \(n) needs 64 bits"))
                copy.type = .bigint
            }
        }
        // SQLite and MariaDB keep booleans as 0 and 1.
        if copy.type == .boolean, case let .number(n)? = copy.defaultValue, n == "0" || n == "1" {
            copy.defaultValue = .boolean(n == "1")
        }
        if let generated = column.generated {
            if let text = expression(generated.expression, object: "generated \(object)", into: &mappings, types: types(of: table)) {
                copy.generated?.expression = text
                if !generated.stored && !caps.virtualGeneratedColumns {
                    copy.generated?.stored = true
                    mappings.append(.init(object: object, source: "VIRTUAL", target: "STORED", note: "the same values, kept on disk"))
                }
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
            guard let text = expression(predicate, object: object, into: &mappings, types: types(of: table)) else { return nil }
            copy.predicate = text
        }
        // A unique key cannot be a hash index anywhere but in MariaDB, which builds one over
        // whole TEXT/BLOB columns by itself: the target builds its own kind of unique key.
        if index.unique && index.normalizedMethod == "hash" { copy.method = nil }
        if let method = copy.normalizedMethod, method != "btree" {
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
                mappings.append(.init(object: object, source: "prefix of \(part.prefixLength!) characters", target: "the whole column",
                                      note: index.unique ? "unique over whole values, not the first characters: more rows are accepted" : "indexes whole values",
                                      needsAllowLossy: index.unique))
                part.prefixLength = nil
            }
            if part.opclass != nil && !caps.indexFeatures.contains(.operatorClasses) {
                mappings.append(.init(object: object, source: "operator class \(part.opclass!)", target: "(default)", note: "\(target.name) has no operator classes"))
                part.opclass = nil
            }
            if let collation = part.collation, source.name != target.name {
                mappings.append(.init(object: object, source: "COLLATE \(collation)", target: "(column collation)",
                                      note: "collation names are the engine's own", needsAllowLossy: index.unique))
                part.collation = nil
            } else if part.collation != nil && !caps.indexFeatures.contains(.collations) {
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

    /// Indexes the target has to build its own way (asked once the columns have their types).
    private func adaptIndexes(_ tables: inout [Table], into mappings: inout [LossyMapping]) {
        for t in tables.indices {
            for i in tables[t].indexes.indices {
                guard let (index, note) = target.targetIndex(tables[t].indexes[i], in: tables[t]) else { continue }
                mappings.append(.init(object: "index \(tables[t].name).\(index.name)", source: Self.parts(tables[t].indexes[i]), target: Self.parts(index), note: note))
                tables[t].indexes[i] = index
            }
        }
    }

    /// A foreign key column that had its referenced column's type in the source gets that
    /// column's translated type too (SQLite's INTEGER next to a rowid that leaves as bigint,
    /// MariaDB's `bigint unsigned` ids, TEXT keys MariaDB needs as varchar): engines require
    /// comparable types on both sides, and some the very same.
    private func alignReferencingColumns(_ tables: inout [Table], source original: [Table], into mappings: inout [LossyMapping]) {
        var byName: [String: Int] = [:]
        for (i, table) in tables.enumerated() { byName[table.name] = i }
        for t in tables.indices {
            for key in tables[t].foreignKeys {
                guard let r = byName[key.referencedTable] else { continue }
                for (name, referenced) in zip(key.columns, key.referencedColumns) {
                    guard let c = tables[t].columns.firstIndex(where: { $0.name == name }),
                          let k = tables[r].columns.firstIndex(where: { $0.name == referenced }),
                          let before = original[t].columns.first(where: { $0.name == name }),
                          let beforeKey = original[r].columns.first(where: { $0.name == referenced }) else { continue }
                    let keyType = tables[r].columns[k].type, keyNatives = tables[r].columns[k].nativeTypes
                    guard shouldAlign(before: before, beforeKey: beforeKey, keyType: keyType),
                          tables[t].columns[c].type != keyType || tables[t].columns[c].nativeTypes != keyNatives else { continue }
                    mappings.append(.init(object: "\(tables[t].name).\(name)", source: tables[t].columns[c].type.description,
                                          target: keyType.description, note: "the type of \(key.referencedTable).\(referenced), which it references"))
                    tables[t].columns[c].type = keyType
                    tables[t].columns[c].nativeTypes = keyNatives
                }
            }
        }
    }

    /// Same type in the source (natively or portably), or a narrower integer next to an integer key.
    private func shouldAlign(before: Column, beforeKey: Column, keyType: DataType) -> Bool {
        let a = before.nativeTypes[source.name] ?? before.type.description
        let b = beforeKey.nativeTypes[source.name] ?? beforeKey.type.description
        if a == b { return true }
        let have = Self.integerWidth(before.type), want = Self.integerWidth(beforeKey.type)
        guard have > 0, want > 0, Self.integerWidth(keyType) > 0 else { return false }
        return have < want
    }

    private static func integerWidth(_ type: DataType) -> Int {
        switch type {
        case .smallint: return 2
        case .integer: return 4
        case .bigint: return 8
        default: return 0
        }
    }

    private static func parts(_ index: Index) -> String {
        "(" + index.parts.map(\.description).joined(separator: ", ") + ")"
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

    private func translate(_ view: View, dropped: Set<String>, into mappings: inout [LossyMapping]) -> View? {
        let object = "view \(view.name)"
        guard target.capabilities.views else {
            mappings.append(.init(object: object, source: "view", target: "(left out)", note: "\(target.name) has no views", needsAllowLossy: true))
            return nil
        }
        var copy = view
        copy.attributes = attributes(view.attributes, object: object, into: &mappings)
        do {
            let select = try PortableExpressionParser.select(view.definition, typeAliases: source.typeAliases)
            if let missing = select.sources.map(\.table).first(where: dropped.contains) {
                mappings.append(.init(object: object, source: "view", target: "(left out)",
                                      note: "it reads \(missing), which is left out", needsAllowLossy: true))
                return nil
            }
            copy.definition = try PortableExpressionRenderer(dialect: target).render(select)
        } catch {
            mappings.append(.init(object: object, source: Self.cut(view.definition), target: "(left out)",
                                  note: "outside the portable subset: \(error)", needsAllowLossy: true))
            return nil
        }
        if copy.comment != nil && !target.capabilities.comments {
            mappings.append(.init(object: object, source: "comment", target: "(none)", note: "\(target.name) keeps no comments"))
            copy.comment = nil
        }
        return copy
    }

    /// The expression in the target's dialect; nil (listed) when it is outside the portable subset.
    /// With the table's column `types`, a boolean column compared with 0 or 1 (how SQLite and
    /// MariaDB keep booleans) is compared with false or true.
    private func expression(_ text: String, object: String, into mappings: inout [LossyMapping],
                            types: [String: DataType] = [:]) -> String? {
        guard let parsed = parse(text, object: object, into: &mappings) else { return nil }
        notePortabilityLimits(of: parsed, object: object, source: text, into: &mappings)
        return render(Self.booleanLiterals(parsed, types: types), object: object, source: text, into: &mappings)
    }

    /// Operators the engines agree on only in part: `/` of two integers truncates on
    /// PostgreSQL and SQLite but not on MariaDB (needs `--allow-lossy`); LIKE's case rules follow
    /// each engine's collation (listed).
    private func notePortabilityLimits(of expression: PortableExpression, object: String, source text: String,
                                       into mappings: inout [LossyMapping]) {
        guard source.name != target.name else { return }
        var divides = false, likes = false
        expression.visit { node in
            if case let .binary(op, _, _) = node {
                if op == "/" { divides = true }
                if op == "LIKE" || op == "NOT LIKE" { likes = true }
            }
        }
        if divides {
            mappings.append(.init(object: object, source: Self.cut(text), target: "the same with /",
                                  note: "division of integers truncates on some engines and not on others", needsAllowLossy: true))
        }
        if likes {
            mappings.append(.init(object: object, source: "LIKE", target: "LIKE", note: "case sensitivity follows \(target.name)'s collation"))
        }
    }

    private func types(of table: Table) -> [String: DataType] {
        var types: [String: DataType] = [:]
        for column in table.columns { types[column.name] = column.type }
        return types
    }

    static func booleanLiterals(_ expression: PortableExpression, types: [String: DataType]) -> PortableExpression {
        func isBoolean(_ x: PortableExpression) -> Bool {
            if case let .column(_, name) = x { return types[name] == .boolean }
            if case let .function("coalesce", args, _) = x, let first = args.first { return isBoolean(first) }
            return false
        }
        func literal(_ x: PortableExpression) -> PortableExpression {
            if case let .number(n) = x, n == "0" || n == "1" { return .boolean(n == "1") }
            return x
        }
        switch expression {
        case let .binary(op, a, b) where ["=", "<>"].contains(op) && isBoolean(a): return .binary(op, a, literal(b))
        case let .binary(op, a, b) where ["=", "<>"].contains(op) && isBoolean(b): return .binary(op, literal(a), b)
        case let .binary(op, a, b): return .binary(op, booleanLiterals(a, types: types), booleanLiterals(b, types: types))
        case let .inList(x, list, negated) where isBoolean(x): return .inList(x, list.map(literal), negated: negated)
        case let .inList(x, list, negated): return .inList(booleanLiterals(x, types: types), list, negated: negated)
        case let .unary(op, x): return .unary(op, booleanLiterals(x, types: types))
        case let .isNull(x, negated): return .isNull(booleanLiterals(x, types: types), negated: negated)
        case let .function(name, args, distinct):
            // coalesce(flag, 0) is a boolean when its first argument is one.
            if name == "coalesce", let first = args.first, isBoolean(first) { return .function(name, args.map(literal), distinct: distinct) }
            return .function(name, args.map { booleanLiterals($0, types: types) }, distinct: distinct)
        case let .caseWhen(subject, whens, otherwise):
            return .caseWhen(subject: subject.map { booleanLiterals($0, types: types) },
                             whens: whens.map { .init(condition: booleanLiterals($0.condition, types: types), result: booleanLiterals($0.result, types: types)) },
                             otherwise: otherwise.map { booleanLiterals($0, types: types) })
        default: return expression
        }
    }

    private func parse(_ text: String, object: String, into mappings: inout [LossyMapping]) -> PortableExpression? {
        do {
            return try PortableExpressionParser.expression(text, typeAliases: source.typeAliases)
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
