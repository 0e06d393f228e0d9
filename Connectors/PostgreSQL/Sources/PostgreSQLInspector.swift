import Foundation
import SchemaSyncCore

/// Reads one schema from `pg_catalog` into the neutral model in six queries, whatever the
/// number of tables: tables, columns, constraints, indexes, views, unmanaged objects.
struct PostgreSQLInspector {

    let dialect: PostgreSQLDialect
    /// The server's major version (the catalog columns some queries read depend on it).
    let serverMajorVersion: Int
    /// Runs one catalog query.
    let run: (String) throws -> [[String?]]

    func inspect() throws -> Schema {
        let s = dialect.quoteString(dialect.schema)
        let tableRows = try run(PostgreSQLCatalogQueries.tables(s))
        let columnRows = try run(PostgreSQLCatalogQueries.columns(s))
        let constraintRows = try run(PostgreSQLCatalogQueries.constraints(s, serverMajorVersion: serverMajorVersion))
        let indexRows = try run(PostgreSQLCatalogQueries.indexes(s, serverMajorVersion: serverMajorVersion))
        let viewRows = try run(PostgreSQLCatalogQueries.views(s))
        let unmanagedRows = try run(PostgreSQLCatalogQueries.unmanaged(s))

        var order: [String] = []
        var tables: [String: Table] = [:]
        for row in tableRows {
            guard let oid = row[0], let name = row[1] else { continue }
            order.append(oid)
            tables[oid] = Table(name: name, comment: row[2], attributes: try PostgreSQLTableAttributes.read(row))
        }
        for row in columnRows {
            guard let oid = row[0], tables[oid] != nil, let column = column(from: row) else { continue }
            tables[oid]!.columns.append(column)
        }
        var unmanaged: [UnmanagedObject] = tableRows.flatMap { row in
            row[1].map { PostgreSQLTableAttributes.rowSecurityNotes(row, table: $0) } ?? []
        }
        for row in constraintRows {
            guard let oid = row[0], var table = tables[oid] else { continue }
            if let object = addConstraint(row, to: &table) { unmanaged.append(object) }
            tables[oid] = table
        }
        for row in indexRows {
            guard let oid = row[0], tables[oid] != nil, let index = try index(from: row) else { continue }
            tables[oid]!.indexes.append(index)
        }
        let views = try viewRows.compactMap { row -> View? in
            guard let name = row[0], let definition = row[1] else { return nil }
            var attributes: [String: String] = [:]
            for (key, value) in try Self.storageParameters(row[4]) { attributes["postgresql." + key] = value }
            return View(name: name, definition: Self.cleanViewDefinition(definition),
                        dependsOn: try stringArray(row[3]), comment: row[2], attributes: attributes)
        }
        for row in unmanagedRows {
            guard let kind = row[0], let name = row[1] else { continue }
            unmanaged.append(UnmanagedObject(kind: kind, name: name, table: row[2], definition: row[3]))
        }
        return Schema(tables: order.compactMap { tables[$0] }, views: views, unmanaged: unmanaged)
    }

    /// `pg_get_viewdef` text without the surrounding whitespace and the final semicolon.
    static func cleanViewDefinition(_ text: String) -> String {
        var body = text.trimmingWhitespaceAndNewlines()
        while body.hasSuffix(";") { body = String(body.dropLast()).trimmingWhitespaceAndNewlines() }
        return body
    }

    private func column(from row: [String?]) -> Column? {
        guard let name = row[1], let typeText = row[2] else { return nil }
        let type = PostgreSQLTypeMapping.dataType(fromCatalog: typeText)
        var column = Column(name: name, type: type, nullable: row[3] != "t", comment: row[7])
        if let collation = row[9] { column.attributes[PostgreSQLDialect.collationAttribute] = collation }
        let defaultText = row[4]
        switch row[5] {
        case "a": column.identity = .always
        case "d": column.identity = .byDefault
        default: break
        }
        if row[6] == "s", let expression = defaultText {
            column.generated = Column.Generated(expression: expression, stored: true)
            return column
        }
        let sequence = Self.ownedSequence(row[8])
        if column.identity != nil, let sequence, sequence.dependency == "i" {
            column.sequence = sequence.options.normalized(columnType: type)
            if column.sequence!.isDefault { column.sequence = nil }
        }
        // A serial column: its default is nextval() of the sequence the column owns.
        if column.identity == nil, let text = defaultText, let sequence, sequence.dependency == "a",
           Self.isNextval(text, of: sequence) {
            column.identity = .serial
            let options = sequence.options.normalized(columnType: type)
            column.sequence = options.isDefault ? nil : options
            return column
        }
        if column.identity == nil, let text = defaultText {
            column.defaultValue = PostgreSQLDefaultParser.parse(text, type: type)
        }
        return column
    }

    /// The sequence a column owns, read from the columns query's JSON array.
    struct OwnedSequence {
        var name: String
        var bareName: String
        var options: SequenceOptions
        /// `a` (serial: owned by the column) or `i` (identity).
        var dependency: String
    }

    static func ownedSequence(_ json: String?) -> OwnedSequence? {
        guard let json, let data = json.data(using: .utf8),
              let a = (try? JSONSerialization.jsonObject(with: data)) as? [Any], a.count >= 10,
              let name = a[0] as? String, let dependency = a[8] as? String else { return nil }
        func number(_ i: Int) -> Int64? { (a[i] as? String).flatMap { Int64($0) } }
        let type = (a[7] as? String).flatMap { DataType.parse($0, aliases: PostgreSQLTypeMapping.aliases) }
        let options = SequenceOptions(start: number(1), increment: number(2), minValue: number(3), maxValue: number(4),
                                      cache: number(5), cycle: (a[6] as? Bool) ?? false, type: type)
        return OwnedSequence(name: name, bareName: a[9] as? String ?? name, options: options, dependency: dependency)
    }

    /// Whether `text` is `nextval('seq'::regclass)` of `sequence` (as pg_get_expr prints it).
    static func isNextval(_ text: String, of sequence: OwnedSequence) -> Bool {
        let lower = text.trimmingWhitespace()
        guard lower.lowercased().hasPrefix("nextval('"), lower.hasSuffix("'::regclass)") else { return false }
        let inner = String(lower.dropFirst("nextval('".count).dropLast("'::regclass)".count)).replacingOccurrences(of: "''", with: "'")
        return inner == sequence.name || inner == sequence.bareName
    }

    /// Adds a constraint row to `table`; returns an unmanaged object for kinds not modelled.
    private func addConstraint(_ row: [String?], to table: inout Table) -> UnmanagedObject? {
        guard let name = row[1], let kind = row[2] else { return nil }
        let columns = (try? stringArray(row[3])) ?? []
        // A key whose index has details the model does not hold is reported (and kept as a key).
        let detail = row.count > 16 ? row[16].map {
            UnmanagedObject(kind: "constraint detail not compared", name: name, table: table.name, definition: $0)
        } : nil
        switch kind {
        case "p":
            table.primaryKey = PrimaryKey(name: name, columns: columns)
            for c in columns {
                if let i = table.columns.firstIndex(where: { $0.name == c }) { table.columns[i].nullable = false }
            }
            return detail
        case "u":
            table.uniqueConstraints.append(UniqueConstraint(
                name: name, columns: columns, nullsNotDistinct: row[12] == "true",
                deferrable: row[8] == "t", initiallyDeferred: row[9] == "t"))
            return detail
        case "c":
            table.checks.append(CheckConstraint(name: name, expression: row[10] ?? "", notValid: row[13] == "f",
                                                noInherit: row[14] == "t"))
        case "f":
            let key = ForeignKey(
                name: name, columns: columns, referencedTable: row[4] ?? "",
                referencedColumns: (try? stringArray(row[5])) ?? [],
                onDelete: Self.action(row[7]), onUpdate: Self.action(row[6]),
                deferrable: row[8] == "t", initiallyDeferred: row[9] == "t", notValid: row[13] == "f",
                matchFull: row[15] == "f")
            table.foreignKeys.append(key)
            return detail
        default:
            return UnmanagedObject(kind: "exclusion constraint", name: name, table: table.name, definition: row[11])
        }
        return nil
    }

    private static func action(_ code: String?) -> ForeignKey.Action {
        switch code {
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: return .noAction
        }
    }

    private func index(from row: [String?]) throws -> Index? {
        guard let name = row[1], let partsJSON = row[5] else { return nil }
        guard let data = partsJSON.data(using: .utf8),
              let parts = try JSONSerialization.jsonObject(with: data) as? [[Any]] else {
            throw SchemaSyncError(.inspectionFailed, "index '\(name)': unreadable key list from the catalog")
        }
        let indexParts = parts.map { part -> Index.Part in
            func field<T>(_ i: Int, _ type: T.Type) -> T? { part.count > i ? part[i] as? T : nil }
            let descending = field(2, Bool.self) ?? false
            // Only NULLS FIRST/LAST against the direction's default is worth naming.
            let nullsFirst = field(3, Bool.self).flatMap { $0 == descending ? nil : $0 }
            let opclass = field(4, String.self), collation = field(5, String.self)
            if let column = field(0, String.self) {
                return Index.Part(column: column, descending: descending, opclass: opclass, collation: collation,
                                  nullsFirst: nullsFirst)
            }
            let expression = field(1, String.self) ?? ""
            return Index.Part(expression: ExpressionText.stripOuterParentheses(expression), descending: descending,
                              opclass: opclass, collation: collation, nullsFirst: nullsFirst)
        }
        // btree is the default method; only others are worth naming (and portable across engines).
        let method = row[3].flatMap { $0.lowercased() == "btree" ? nil : $0 }
        var index = Index(name: name, parts: indexParts, unique: row[2] == "t", predicate: row[4], method: method,
                          include: try stringArray(row[6]), nullsNotDistinct: row[7] == "true",
                          storageParameters: try Self.storageParameters(row[8]))
        index.isValid = row[9] != "f"
        return index
    }

    /// `["fillfactor=70"]` (reloptions as JSON) → `["fillfactor": "70"]`, booleans normalised.
    static func storageParameters(_ json: String?) throws -> [String: String] {
        guard let json, let data = json.data(using: .utf8),
              let items = try JSONSerialization.jsonObject(with: data) as? [String] else { return [:] }
        var result: [String: String] = [:]
        for item in items {
            guard let eq = item.firstIndex(of: "=") else { continue }
            result[String(item[..<eq])] = normalizedOptionValue(String(item[item.index(after: eq)...]))
        }
        return result
    }

    /// PostgreSQL keeps option values as written: `on`, `yes` and `true` (and their opposites)
    /// are one value, spelled `true` / `false` here.
    static func normalizedOptionValue(_ value: String) -> String {
        switch value.lowercased() {
        case "on", "yes", "true": return "true"
        case "off", "no", "false": return "false"
        default: return value
        }
    }

    private func stringArray(_ json: String?) throws -> [String] {
        guard let json, let data = json.data(using: .utf8) else { return [] }
        return (try JSONSerialization.jsonObject(with: data) as? [String]) ?? []
    }
}
