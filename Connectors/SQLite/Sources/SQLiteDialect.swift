import Foundation
import SchemaSyncCore

/// SQLite's dialect: quoting, capabilities, comparison hooks and rendering.
public struct SQLiteDialect: Dialect {
    /// The linked library's version (`sqlite3_libversion_number()`), which decides features
    /// such as `RENAME COLUMN` (3.25) and generated columns (3.31).
    public let libraryVersion: Int32

    public init(libraryVersion: Int32) {
        self.libraryVersion = libraryVersion
    }

    public var name: String { "sqlite" }

    public var capabilities: DialectCapabilities {
        DialectCapabilities(
            transactionalDDL: true, partialIndexes: true, expressionIndexes: true,
            uniqueConstraintsDistinctFromIndexes: true, namedForeignKeys: false, namedChecks: false,
            deferrableForeignKeys: false, identityAlways: false, views: true, comments: false,
            caseInsensitiveTableNames: true, caseInsensitiveColumnNames: true,
            enforcesDeclaredTypes: false, // a rebuild copies every value unchanged, whatever its declared type
            indexFeatures: [.collations], columnOrder: true, schemaWideIndexNames: true)
    }

    /// A column's collation (`COLLATE NOCASE`), spelled as declared.
    static let collationAttribute = "sqlite.collation"
    /// Table options fixed at CREATE TABLE: a table without one of them does not have it.
    static let tableOptionAttributes = ["sqlite.without_rowid", "sqlite.strict"]

    /// Collation names compare without regard to case, as SQLite resolves them; `WITHOUT ROWID`
    /// and `STRICT` are properties of every table, so a desired table that leaves them out has
    /// neither. Other attributes compare as in ``Dialect``.
    public func attributesEquivalent(desired: [String: String], actual: [String: String]) -> Bool {
        for key in Self.tableOptionAttributes where (desired[key] == "true") != (actual[key] == "true") { return false }
        return desired.allSatisfy { key, value in
            guard key.hasPrefix(name + "."), !Self.tableOptionAttributes.contains(key) else { return true }
            guard let other = actual[key] else { return false }
            return key == Self.collationAttribute ? value.caseInsensitiveCompare(other) == .orderedSame : value == other
        }
    }

    public var typeAliases: [String: DataType] { SQLiteTypeMapping.aliases }

    public func quoteIdentifier(_ name: String) -> String {
        SQLQuoting.enclosing(name, in: "\"")
    }

    /// The type word(s) written in `CREATE TABLE` for `column`: a native `sqlite` spelling
    /// verbatim, else the portable type's.
    func declaredType(_ column: Column) -> String {
        column.nativeTypes[name] ?? SQLiteTypeMapping.declaredType(columnType(column))
    }

    /// A desired native spelling (from SQL, or `native: { sqlite: ... }`) must match the declared
    /// words (case and spacing aside); a portable type only the type. Integer types share one
    /// storage class; an AUTOINCREMENT key must be declared INTEGER.
    public func typesEquivalent(desired: Column, actual: Column) -> Bool {
        let a = columnType(desired), b = columnType(actual)
        if desired.identity != nil, a.isInteger, b.isInteger { return true }
        if let spelling = desired.nativeTypes[name] {
            return SQLiteTypeMapping.comparable(spelling) == SQLiteTypeMapping.comparable(declaredType(actual))
        }
        if a == b { return true }
        if case let .native(x) = a, case let .native(y) = b { return x.caseInsensitiveCompare(y) == .orderedSame }
        return SQLiteTypeMapping.declaredType(a).caseInsensitiveCompare(SQLiteTypeMapping.declaredType(b)) == .orderedSame
    }

    public func defaultsEquivalent(desired: ColumnDefault?, actual: ColumnDefault?, column: Column) -> Bool {
        // SQLite stores TRUE/FALSE as 1/0 and may be given either.
        func normal(_ d: ColumnDefault?) -> ColumnDefault? {
            if case let .boolean(b)? = d { return .number(b ? "1" : "0") }
            return d
        }
        return standardDefaultsEquivalent(normal(desired), normal(actual))
    }

    public func validate(_ schema: Schema) throws {
        for table in schema.tables {
            for column in table.columns {
                if column.identity != nil {
                    guard table.primaryKey?.columns == [column.name] else {
                        throw SchemaSyncError(.invalidSchema, "column '\(table.name).\(column.name)': SQLite supports identity only on a single-column primary key",
                                              hint: "make '\(column.name)' the table's only primary key column, or drop identity")
                    }
                }
                if column.generated != nil && libraryVersion < 3_031_000 {
                    throw SchemaSyncError(.invalidSchema, "column '\(table.name).\(column.name)': generated columns need SQLite 3.31 or later")
                }
            }
            if table.attributes["sqlite.strict"] == "true" {
                let allowed: Set<String> = ["INT", "INTEGER", "REAL", "TEXT", "BLOB", "ANY"]
                for column in table.columns {
                    let declared = SQLiteTypeMapping.declaredType(columnType(column)).uppercased()
                    guard allowed.contains(declared) || (column.identity != nil) else {
                        throw SchemaSyncError(.invalidSchema, "column '\(table.name).\(column.name)': SQLite STRICT tables accept only INTEGER, REAL, TEXT, BLOB or ANY, not \(declared)",
                                              hint: "use integer, real, text or binary, or native: { sqlite: ANY }")
                    }
                }
            }
        }
    }

    public func notes(for change: Change, current: Schema) -> [String] {
        SQLiteRenderer.needsRebuild(change, current: current) ? ["table rebuild, every row kept"] : []
    }

    public func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] {
        try SQLiteRenderer(dialect: self, current: current, desired: desired).render(changes)
    }

    public func scriptPrologue() -> [String] { ["PRAGMA foreign_keys = OFF", "BEGIN IMMEDIATE"] }

    public func scriptEpilogue() -> [String] { ["COMMIT", "PRAGMA foreign_keys = ON"] }

    /// `"name" TYPE NOT NULL DEFAULT ... ` for CREATE TABLE and ADD COLUMN.
    func columnDefinition(_ column: Column, inlinePrimaryKey: Bool) -> String {
        var parts = [quoteIdentifier(column.name)]
        if inlinePrimaryKey {
            parts.append("INTEGER PRIMARY KEY AUTOINCREMENT")
        } else {
            let declared = declaredType(column)
            if !declared.isEmpty { parts.append(declared) }
        }
        if let collation = column.attributes[Self.collationAttribute] { parts.append("COLLATE \(quoteIdentifier(collation))") }
        if !column.nullable { parts.append("NOT NULL") }
        if let generated = column.generated {
            parts.append("GENERATED ALWAYS AS (\(generated.expression)) \(generated.stored ? "STORED" : "VIRTUAL")")
        } else if let value = SQLiteDefaultValue.clause(for: column, dialect: self) {
            parts.append("DEFAULT " + value)
        }
        return parts.joined(separator: " ")
    }
}
