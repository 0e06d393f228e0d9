import Foundation
import Yams

/// Reads a neutral schema file (YAML, or JSON — which is read as YAML) into a ``Schema``.
///
/// Every error names the file, the line and what is wrong:
/// `schema.yaml:12: column 'users.email': unknown type 'varchr(320)'`.
/// Unknown keys are errors too, so a typo (`nulable`) never silently changes meaning.
/// An empty file, or one that declares no table and no view, is refused: a truncated or wrong
/// file must never read as "drop everything" — unless ``allowEmpty`` says the caller asked for
/// exactly that (`--allow-empty`).
public final class SchemaFileReader {
    /// The name used in error messages (usually the path).
    public let source: String
    /// An empty file or one declaring nothing is the empty schema instead of an error.
    public var allowEmpty = false
    /// Caps the values visited, so alias bombs ("billion laughs") fail fast instead of exhausting memory.
    private static let nodeLimit = 2_000_000
    private var nodesRemaining = SchemaFileReader.nodeLimit

    public init(source: String) {
        self.source = source
    }

    /// Reads the file at `path`.
    public static func read(path: String, allowEmpty: Bool = false) throws -> Schema {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(path)): not UTF-8 text")
            }
            text = decoded
        } catch let error as SchemaSyncError {
            throw error
        } catch {
            throw SchemaSyncError(.invalidSchema, "cannot read schema file '\(InputEcho.cut(path))'", cause: error.localizedDescription)
        }
        let reader = SchemaFileReader(source: path)
        reader.allowEmpty = allowEmpty
        var schema = try reader.parse(text)
        schema.recordSourceText(digest: SourceTextDigest.of([text], kind: "schema file"))
        return schema
    }

    /// Parses schema text.
    public func parse(_ text: String) throws -> Schema {
        guard !text.trimmingWhitespaceAndNewlines().isEmpty else {
            if allowEmpty { return Schema() }
            throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(source)): the schema file is empty",
                                  hint: "an empty file is refused so it can never mean 'drop everything'")
        }
        if let line = NestingGuard.firstViolation(in: text) {
            throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(source)):\(line): nested too deeply for a schema file",
                                  hint: "a schema file nests lists and mappings only a few levels deep")
        }
        let root: Node?
        do {
            // No implicit tag resolution (six regular expressions per plain scalar): the reader
            // asks each node for the type it expects (`node.bool`, `node.int`, ...), which reads
            // the text itself and looks at no tag.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(source)): malformed YAML/JSON", cause: Self.describe(error))
        } catch {
            throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(source)): malformed YAML/JSON", cause: "\(error)")
        }
        guard let root else {
            if allowEmpty { return Schema() }
            throw SchemaSyncError(.invalidSchema, "\(InputEcho.cut(source)): the schema file is empty")
        }
        let doc = try mapping(root, "the document", allowed: ["tables", "views"])
        let tables = try doc["tables"].map { try sequence($0, "tables").map(table) } ?? []
        let views = try doc["views"].map { try sequence($0, "views").map(view) } ?? []
        if tables.isEmpty && views.isEmpty && !allowEmpty {
            throw error(root, "the schema declares no tables and no views",
                        hint: "an empty schema is refused so it can never mean 'drop everything'")
        }
        return Schema(tables: tables, views: views)
    }

    // MARK: - Objects

    private func table(_ node: Node) throws -> Table {
        let m = try mapping(node, "a table", allowed: [
            "name", "columns", "primaryKey", "uniqueConstraints", "indexes", "foreignKeys", "checks",
            "renamedFrom", "comment", "attributes",
        ])
        let name = try requiredString(m, "name", in: node, what: "table")
        let columnsNode = try required(m, "columns", in: node, what: "table '\(name)'")
        let parsedColumns = try sequence(columnsNode, "columns of table '\(name)'").map { try column($0, table: name) }
        var columns = parsedColumns.map(\.column)
        var primaryKey: PrimaryKey? = nil
        if let pk = m["primaryKey"] {
            if pk.sequence != nil {
                primaryKey = PrimaryKey(columns: try stringList(pk, "primaryKey of table '\(name)'"))
            } else {
                let pm = try mapping(pk, "primaryKey of table '\(name)'", allowed: ["name", "columns"])
                primaryKey = PrimaryKey(name: try optionalString(pm, "name"),
                                        columns: try stringList(try required(pm, "columns", in: pk, what: "primaryKey"), "primaryKey columns"))
            }
            // Primary key columns are NOT NULL unless the file said otherwise explicitly.
            for (i, parsed) in parsedColumns.enumerated() where primaryKey!.columns.contains(parsed.column.name) {
                if !parsed.saidNullable { columns[i].nullable = false }
            }
        }
        let uniques = try (m["uniqueConstraints"].map { try sequence($0, "uniqueConstraints") } ?? []).map { n -> UniqueConstraint in
            let um = try mapping(n, "a unique constraint of table '\(name)'",
                                 allowed: ["name", "columns", "nullsNotDistinct", "deferrable", "initiallyDeferred"])
            let cols = try stringList(try required(um, "columns", in: n, what: "unique constraint"), "unique columns")
            return UniqueConstraint(name: try optionalString(um, "name") ?? GeneratedName.make(name, cols, "key"), columns: cols,
                                    nullsNotDistinct: try um["nullsNotDistinct"].map { try bool($0, "nullsNotDistinct") } ?? false,
                                    deferrable: try um["deferrable"].map { try bool($0, "deferrable") } ?? false,
                                    initiallyDeferred: try um["initiallyDeferred"].map { try bool($0, "initiallyDeferred") } ?? false)
        }
        var indexes = try (m["indexes"].map { try sequence($0, "indexes") } ?? []).map { try index($0, table: name) }
        // Unnamed indexes over the same columns (or expressions) get numbered names.
        var seen = Set<String>()
        for i in indexes.indices {
            var candidate = indexes[i].name, n = 1
            while seen.contains(candidate) { n += 1; candidate = indexes[i].name + String(n) }
            indexes[i].name = candidate
            seen.insert(candidate)
        }
        let fks = try (m["foreignKeys"].map { try sequence($0, "foreignKeys") } ?? []).map { try foreignKey($0, table: name) }
        var checkNumber = 0
        let checks = try (m["checks"].map { try sequence($0, "checks") } ?? []).map { n -> CheckConstraint in
            let cm = try mapping(n, "a check of table '\(name)'", allowed: ["name", "expression", "notValid", "noInherit"])
            checkNumber += 1
            let generated = checkNumber == 1 ? "\(name)_check" : "\(name)_check\(checkNumber)"
            let explicit = try optionalString(cm, "name")
            return CheckConstraint(name: explicit ?? generated,
                                   expression: try requiredString(cm, "expression", in: n, what: "check"),
                                   notValid: try cm["notValid"].map { try bool($0, "notValid") } ?? false,
                                   noInherit: try cm["noInherit"].map { try bool($0, "noInherit") } ?? false,
                                   nameIsGenerated: explicit == nil)
        }
        return Table(name: name, columns: columns, primaryKey: primaryKey, uniqueConstraints: uniques, indexes: indexes,
                     foreignKeys: fks, checks: checks, renamedFrom: try optionalString(m, "renamedFrom"),
                     comment: try optionalString(m, "comment"), attributes: try stringMap(m["attributes"], "attributes"))
    }

    private static let columnKeys: Set<String> = [
        "name", "type", "native", "nullable", "default", "identity", "generated", "renamedFrom", "comment", "attributes", "sequence",
    ]

    /// A column, and whether the file said `nullable: true` (so a primary key does not override it).
    private func column(_ node: Node, table: String) throws -> (column: Column, saidNullable: Bool) {
        let m = try mapping(node, "a column of table '\(table)'", allowed: Self.columnKeys)
        let name = try requiredString(m, "name", in: node, what: "column of table '\(table)'")
        var path: String { "\(table).\(name)" } // for messages only: built when one is
        let native = try stringMap(m["native"], "native types of column '\(path)'")
        let type: DataType
        if let typeNode = m["type"] {
            let text = try scalarString(typeNode, "type of column '\(path)'")
            guard let parsed = DataType.parse(text) else {
                throw error(typeNode, "column '\(path)': unknown type '\(text)'",
                            hint: "use a portable type (boolean, smallint, integer, bigint, decimal(p,s), real, double, char(n), varchar(n), text, binary, date, time, timestamp, timestamptz, uuid, json) or name a dialect's type under native:")
            }
            type = parsed
        } else if let first = native.keys.sorted().first {
            type = .native(native[first]!)
        } else {
            throw error(node, "column '\(path)' has no type", hint: "add type: or native: { dialect: type }")
        }
        let saidNullable = try m["nullable"].map { try bool($0, "nullable of column '\(path)'") }
        var identity: Column.Identity? = nil
        if let i = m["identity"] {
            if let b = i.bool, i.string.map({ ["true", "false", "yes", "no"].contains($0.lowercased()) }) ?? true {
                identity = b ? .byDefault : nil
            } else if let s = i.string, let kind = Column.Identity(rawValue: s.lowercased().replacingOccurrences(of: "_", with: " ")) {
                identity = kind
            } else {
                throw error(i, "column '\(path)': identity must be true, false, 'always', 'by default' or 'serial'")
            }
        }
        var generated: Column.Generated? = nil
        if let g = m["generated"] {
            if g.scalar != nil {
                generated = Column.Generated(expression: try scalarString(g, "generated"), stored: true)
            } else {
                let gm = try mapping(g, "generated of column '\(path)'", allowed: ["expression", "stored"])
                generated = Column.Generated(expression: try requiredString(gm, "expression", in: g, what: "generated"),
                                             stored: try gm["stored"].map { try bool($0, "stored") } ?? true)
            }
        }
        let sequence = try m["sequence"].map { try sequenceOptions($0, path: path) }
        // Identity columns are always NOT NULL.
        // Identity columns are NOT NULL unless the file says otherwise (SQLite keeps an
        // AUTOINCREMENT key's nullability as written).
        let nullable = saidNullable ?? (identity == nil)
        let column = Column(name: name, type: type, nativeTypes: native, nullable: nullable,
                      defaultValue: try m["default"].flatMap { try defaultValue($0, path: path) },
                      identity: identity, generated: generated, renamedFrom: try optionalString(m, "renamedFrom"),
                      comment: try optionalString(m, "comment"), attributes: try stringMap(m["attributes"], "attributes of column '\(path)'"),
                      sequence: sequence)
        return (column, saidNullable == true)
    }

    private func sequenceOptions(_ node: Node, path: String) throws -> SequenceOptions {
        let m = try mapping(node, "sequence of column '\(path)'",
                            allowed: ["start", "increment", "min", "max", "cache", "cycle", "type"])
        func number(_ key: String) throws -> Int64? {
            guard let n = m[key] else { return nil }
            guard n.scalar?.style == .plain, let value = Int64(try scalarString(n, key)) else {
                throw error(n, "column '\(path)': sequence \(key) must be a whole number")
            }
            return value
        }
        var type: DataType? = nil
        if let t = m["type"] {
            let text = try scalarString(t, "sequence type")
            guard let parsed = DataType.parse(text), parsed.isInteger else {
                throw error(t, "column '\(path)': sequence type must be smallint, integer or bigint, not '\(text)'")
            }
            type = parsed
        }
        return SequenceOptions(start: try number("start"), increment: try number("increment"), minValue: try number("min"),
                               maxValue: try number("max"), cache: try number("cache"),
                               cycle: try m["cycle"].map { try bool($0, "cycle") } ?? false, type: type)
    }

    private func defaultValue(_ node: Node, path: String) throws -> ColumnDefault? {
        if let scalar = node.scalar {
            if scalar.style == .plain {
                if node.null != nil { return nil }
                if let b = node.bool { return .boolean(b) }
                if node.int != nil || node.float != nil {
                    // Only plain decimal literals reach SQL; YAML's other number forms would not parse there.
                    guard DecimalLiteral.matches(scalar.string),
                          let value = Double(scalar.string), value.isFinite else {
                        throw error(node, "column '\(path)': default \(scalar.string) is not a plain decimal number",
                                    hint: "write it in decimal (e.g. 31 or 1.5), or quote it to make it a string")
                    }
                    return .number(scalar.string.hasPrefix("+") ? String(scalar.string.dropFirst()) : scalar.string)
                }
            }
            return .string(scalar.string)
        }
        let m = try mapping(node, "default of column '\(path)'", allowed: ["function", "expression", "value"])
        if let f = m["function"] {
            let name = try scalarString(f, "default function").lowercased()
            guard let function = ColumnDefault.PortableFunction(rawValue: name) ?? (name == "now" || name == "now()" ? .currentTimestamp : nil) else {
                throw error(f, "column '\(path)': unknown default function '\(name)'",
                            hint: "use current_timestamp, current_date or current_time, or default: { expression: ... }")
            }
            return .function(function)
        }
        if let e = m["expression"] { return .expression(try scalarString(e, "default expression")) }
        if let v = m["value"] { return .string(try scalarString(v, "default value")) }
        throw error(node, "column '\(path)': default must be a value, { function: ... } or { expression: ... }")
    }

    private func index(_ node: Node, table: String) throws -> Index {
        let m = try mapping(node, "an index of table '\(table)'", allowed: [
            "name", "columns", "unique", "where", "method", "include", "nullsNotDistinct", "with",
        ])
        let colsNode = try required(m, "columns", in: node, what: "index of table '\(table)'")
        let parts = try sequence(colsNode, "index columns").map { part -> Index.Part in
            if part.scalar != nil { return Index.Part(column: try scalarString(part, "index column")) }
            let pm = try mapping(part, "an index column",
                                 allowed: ["column", "expression", "order", "length", "opclass", "collation", "nulls"])
            let descending: Bool
            switch try pm["order"].map({ try scalarString($0, "order").lowercased() }) {
            case nil, "asc"?: descending = false
            case "desc"?: descending = true
            case let other?: throw error(part, "index on '\(table)': order must be asc or desc, not '\(other)'")
            }
            var nullsFirst: Bool? = nil
            switch try pm["nulls"].map({ try scalarString($0, "nulls").lowercased() }) {
            case nil: break
            case "first"?: nullsFirst = true
            case "last"?: nullsFirst = false
            case let other?: throw error(part, "index on '\(table)': nulls must be first or last, not '\(other)'")
            }
            let opclass = try optionalString(pm, "opclass"), collation = try optionalString(pm, "collation")
            if let c = pm["column"] {
                return Index.Part(column: try scalarString(c, "column"), descending: descending,
                                  prefixLength: try pm["length"].map { try int($0, "length") },
                                  opclass: opclass, collation: collation, nullsFirst: nullsFirst)
            }
            if let e = pm["expression"] {
                return Index.Part(expression: try scalarString(e, "expression"), descending: descending,
                                  opclass: opclass, collation: collation, nullsFirst: nullsFirst)
            }
            throw error(part, "index column on '\(table)' needs column: or expression:")
        }
        guard !parts.isEmpty else { throw error(colsNode, "index on table '\(table)' has no columns") }
        let columnNames = parts.map { $0.column ?? "expr" }
        let unique = try m["unique"].map { try bool($0, "unique") } ?? false
        return Index(name: try optionalString(m, "name") ?? GeneratedName.make(table, columnNames, unique ? "key" : "idx"),
                     parts: parts, unique: unique, predicate: try optionalString(m, "where"), method: try optionalString(m, "method"),
                     include: try m["include"].map { try stringList($0, "include columns") } ?? [],
                     nullsNotDistinct: try m["nullsNotDistinct"].map { try bool($0, "nullsNotDistinct") } ?? false,
                     storageParameters: try stringMap(m["with"], "storage parameters of an index on '\(table)'"))
    }

    private func foreignKey(_ node: Node, table: String) throws -> ForeignKey {
        let m = try mapping(node, "a foreign key of table '\(table)'", allowed: [
            "name", "columns", "references", "onDelete", "onUpdate", "deferrable", "initiallyDeferred", "notValid", "match",
        ])
        let cols = try stringList(try required(m, "columns", in: node, what: "foreign key of table '\(table)'"), "foreign key columns")
        let refNode = try required(m, "references", in: node, what: "foreign key of table '\(table)'")
        let rm = try mapping(refNode, "references", allowed: ["table", "columns"])
        let refTable = try requiredString(rm, "table", in: refNode, what: "references")
        let refCols = try rm["columns"].map { try stringList($0, "referenced columns") } ?? cols
        func action(_ key: String) throws -> ForeignKey.Action {
            guard let n = m[key] else { return .noAction }
            let text = try scalarString(n, key).lowercased().replacingOccurrences(of: "_", with: " ")
            guard let a = ForeignKey.Action(rawValue: text) else {
                throw error(n, "foreign key on '\(table)': \(key) must be one of \(ForeignKey.Action.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return a
        }
        return ForeignKey(name: try optionalString(m, "name") ?? GeneratedName.make(table, cols, "fkey"),
                          columns: cols, referencedTable: refTable, referencedColumns: refCols,
                          onDelete: try action("onDelete"), onUpdate: try action("onUpdate"),
                          deferrable: try m["deferrable"].map { try bool($0, "deferrable") } ?? false,
                          initiallyDeferred: try m["initiallyDeferred"].map { try bool($0, "initiallyDeferred") } ?? false,
                          notValid: try m["notValid"].map { try bool($0, "notValid") } ?? false,
                          matchFull: try matchFull(m["match"], table: table))
    }

    private func matchFull(_ node: Node?, table: String) throws -> Bool {
        guard let node else { return false }
        switch try scalarString(node, "match").lowercased() {
        case "simple": return false
        case "full": return true
        case let other: throw error(node, "foreign key on '\(table)': match must be simple or full, not '\(other)'")
        }
    }

    private func view(_ node: Node) throws -> View {
        let m = try mapping(node, "a view", allowed: ["name", "definition", "dependsOn", "comment", "attributes"])
        return View(name: try requiredString(m, "name", in: node, what: "view"),
                    definition: try requiredString(m, "definition", in: node, what: "view"),
                    dependsOn: try m["dependsOn"].map { try stringList($0, "dependsOn") } ?? [],
                    comment: try optionalString(m, "comment"),
                    attributes: try stringMap(m["attributes"], "attributes of a view"))
    }

    // MARK: - Node helpers

    private func error(_ node: Node, _ message: String, hint: String? = nil) -> SchemaSyncError {
        let line = node.mark.map { ":\($0.line)" } ?? ""
        return SchemaSyncError(.invalidSchema, "\(InputEcho.cut(source))\(line): \(message)", hint: hint)
    }

    private func mapping(_ node: Node, _ what: @autoclosure () -> String, allowed: Set<String>) throws -> [String: Node] {
        guard let map = node.mapping else { throw error(node, "\(what()) must be a mapping (key: value)") }
        try spend(map.count, at: node)
        var result: [String: Node] = [:]
        for (key, value) in map {
            guard let name = key.string else { throw error(key, "\(what()): keys must be strings") }
            guard allowed.contains(name) else {
                let suggestion = allowed.min { Self.distance($0, name) < Self.distance($1, name) }
                let hint = suggestion.map { Self.distance($0, name) <= 3 ? "did you mean '\($0)'?" : nil } ?? nil
                throw error(key, "\(what()): unknown key '\(name)'", hint: hint ?? "allowed: \(allowed.sorted().joined(separator: ", "))")
            }
            guard result[name] == nil else { throw error(key, "\(what()): key '\(name)' appears twice") }
            result[name] = value
        }
        return result
    }

    private func sequence(_ node: Node, _ what: @autoclosure () -> String) throws -> [Node] {
        if node.null != nil, node.scalar?.style == .plain { return [] }
        guard let seq = node.sequence else { throw error(node, "\(what()) must be a list") }
        try spend(seq.count, at: node)
        return Array(seq)
    }

    private func spend(_ count: Int, at node: Node) throws {
        nodesRemaining -= count + 1
        if nodesRemaining < 0 {
            throw error(node, "the schema is too large (over \(Self.nodeLimit) values, or aliases that expand without bound)")
        }
    }

    private func required(_ m: [String: Node], _ key: String, in node: Node, what: @autoclosure () -> String) throws -> Node {
        guard let value = m[key] else { throw error(node, "\(what()) is missing '\(key)'") }
        return value
    }

    private func scalarString(_ node: Node, _ what: @autoclosure () -> String) throws -> String {
        guard let scalar = node.scalar else { throw error(node, "\(what()) must be a single value") }
        return scalar.string
    }

    private func requiredString(_ m: [String: Node], _ key: String, in node: Node, what: @autoclosure () -> String) throws -> String {
        let value = try scalarString(try required(m, key, in: node, what: what()), "\(what()) \(key)")
        guard !value.isEmpty else { throw error(node, "\(what()): '\(key)' is empty") }
        return value
    }

    private func optionalString(_ m: [String: Node], _ key: String) throws -> String? {
        try m[key].map { try scalarString($0, key) }
    }

    private func bool(_ node: Node, _ what: @autoclosure () -> String) throws -> Bool {
        guard node.scalar?.style == .plain, let b = node.bool else { throw error(node, "\(what()) must be true or false") }
        return b
    }

    private func int(_ node: Node, _ what: @autoclosure () -> String) throws -> Int {
        guard let i = node.int, i > 0 else { throw error(node, "\(what()) must be a positive integer") }
        return i
    }

    private func stringList(_ node: Node, _ what: @autoclosure () -> String) throws -> [String] {
        if node.scalar != nil { return [try scalarString(node, what())] }
        let items = try sequence(node, what()).map { try scalarString($0, what()) }
        guard !items.isEmpty else { throw error(node, "\(what()) must not be empty") }
        return items
    }

    private func stringMap(_ node: Node?, _ what: @autoclosure () -> String) throws -> [String: String] {
        guard let node else { return [:] }
        guard let map = node.mapping else { throw error(node, "\(what()) must be a mapping") }
        var result: [String: String] = [:]
        for (k, v) in map {
            guard let key = k.string else { throw error(k, "\(what()): keys must be strings") }
            result[key] = try scalarString(v, "\(what()).\(key)")
        }
        return result
    }

    private static func describe(_ error: YamlError) -> String {
        "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }

    /// Levenshtein distance, for "did you mean" hints.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased()), b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}

