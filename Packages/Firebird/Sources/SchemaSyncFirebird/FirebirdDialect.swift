import SchemaSyncCore

/// The Firebird 3 dialect: capabilities, quoting, type comparison, validation and rendering.
///
/// Names are always quoted (`"users"`), so they keep their case; a check, default or view body
/// is quoted to match (see ``FirebirdExpressionNames``). Identifiers are at most 31 bytes.
public struct FirebirdDialect: Dialect {
    public init() {}

    public var name: String { "firebird" }

    public var capabilities: DialectCapabilities {
        DialectCapabilities(
            transactionalDDL: true, partialIndexes: false, expressionIndexes: false,
            uniqueConstraintsDistinctFromIndexes: true, namedForeignKeys: true, namedChecks: true,
            deferrableForeignKeys: false, identityAlways: false, views: true, comments: true,
            enforcesDeclaredTypes: true, indexFeatures: [], serialColumns: false, sequenceOptions: false,
            renamesConstraints: false, notValidConstraints: false, noInheritChecks: false, columnOrder: false,
            zeroColumnTables: false, matchFullForeignKeys: false, setDefaultActions: true,
            virtualGeneratedColumns: true, identifierLimit: IdentifierLimit(31, .bytes), schemaWideIndexNames: true)
    }

    public func quoteIdentifier(_ name: String) -> String {
        SQLQuoting.enclosing(name, in: "\"")
    }

    public var typeAliases: [String: DataType] { FirebirdTypeMapping.aliases }

    /// Two types are the same when Firebird spells them alike (`decimal(9)` is DECIMAL(9,0)).
    public func typesEquivalent(desired: Column, actual: Column) -> Bool {
        FirebirdTypeMapping.comparable(columnType(desired)) == FirebirdTypeMapping.comparable(columnType(actual))
    }

    public func defaultsEquivalent(desired: ColumnDefault?, actual: ColumnDefault?, column: Column) -> Bool {
        standardDefaultsEquivalent(FirebirdDefaultValue.canonical(desired, quote: quoteString),
                                   FirebirdDefaultValue.canonical(actual, quote: quoteString))
    }

    public func validate(_ schema: Schema) throws {
        try refuseTrailingSpaces(schema)
        for table in schema.tables {
            for column in table.columns {
                let path = "column '\(table.name).\(column.name)'"
                switch columnType(column) {
                case .timestamptz:
                    throw SchemaSyncError(.invalidSchema, "\(path): Firebird 3 has no time zone types",
                                          hint: "use timestamp (Firebird 4 adds TIMESTAMP WITH TIME ZONE)")
                case .json:
                    throw SchemaSyncError(.invalidSchema, "\(path): Firebird 3 has no JSON type", hint: "use text")
                case let .decimal(p?, _) where p > 18:
                    throw SchemaSyncError(.invalidSchema, "\(path): Firebird 3 keeps at most 18 decimal digits", hint: "use decimal(18,s)")
                case let .varchar(n?) where n > FirebirdTypeMapping.maxVarcharLength, let .char(n?) where n > 8191:
                    throw SchemaSyncError(.invalidSchema, "\(path): Firebird 3 keeps at most \(FirebirdTypeMapping.maxVarcharLength) UTF8 characters in CHAR/VARCHAR",
                                          hint: "use text")
                default: break
                }
                if column.generated?.stored == true {
                    throw SchemaSyncError(.invalidSchema, "\(path): Firebird 3 computes generated columns on read (COMPUTED BY), it stores none",
                                          hint: "declare it with stored: false")
                }
                if column.identity != nil, !columnType(column).isInteger {
                    throw SchemaSyncError(.invalidSchema, "\(path): Firebird 3 identity columns are integers", hint: "use smallint, integer or bigint")
                }
            }
            for index in table.indexes {
                if Set(index.parts.map(\.descending)).count > 1 {
                    throw SchemaSyncError(.invalidSchema, "index '\(index.name)' on table '\(table.name)': a Firebird index is sorted one way for all its columns",
                                          hint: "make every part ascending or every part descending")
                }
            }
        }
    }

    /// Firebird keeps names as blank-padded CHAR(31): a trailing space would be lost.
    private func refuseTrailingSpaces(_ schema: Schema) throws {
        var names: [(String, String)] = schema.views.map { ("view", $0.name) }
        for table in schema.tables {
            names.append(("table", table.name))
            names += table.columns.map { ("column '\(table.name).", $0.name) }
            names += table.indexes.map { ("index", $0.name) } + table.uniqueConstraints.map { ("constraint", $0.name) }
            names += table.foreignKeys.map { ("constraint", $0.name) } + table.checks.map { ("constraint", $0.name) }
            if let key = table.primaryKey?.name { names.append(("constraint", key)) }
        }
        if let (kind, name) = names.first(where: { $0.1.hasSuffix(" ") }) {
            let shown = kind.hasSuffix(".") ? "\(kind)\(name)'" : "\(kind) '\(name)'"
            throw SchemaSyncError(.invalidSchema, "\(shown) ends with a space, which Firebird drops from names",
                                  hint: "remove the trailing space")
        }
    }

    public func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] {
        try FirebirdRenderer(dialect: self).render(changes, current: current, desired: desired)
    }

    /// The core's standard counts, with Firebird's `FROM RDB$DATABASE` for a constant.
    public func dataCheckQuery(_ check: DataCheck) -> String {
        let sql = DataCheckSQL(dialect: self).query(for: check)
        return sql == "SELECT 0" ? "SELECT 0 FROM RDB$DATABASE" : sql
    }

    /// A printed script runs in one transaction, as apply does. Run it with `isql-fb` after
    /// `SET TERM ^ ;` (its EXECUTE BLOCK statements hold semicolons).
    public func scriptPrologue() -> [String] { ["SET AUTODDL OFF"] }

    public func scriptEpilogue() -> [String] { ["COMMIT"] }

    /// The standard hazards, and for a table rename what the copy does (``FirebirdTableRename``).
    public func hazards(of planned: PlannedChange, in plan: [PlannedChange], current: Schema, tableExists: Bool) -> [ChangeHazard] {
        var hazards = ChangeHazard.standard(for: planned, tableExists: tableExists, capabilities: capabilities)
        if case let .renameTable(from, to) = planned.change {
            hazards.append(ChangeHazard(.rewritesTable, "every row of \(from) is copied into a new table \(to)"))
            hazards.append(ChangeHazard(.notTransactional, "the empty copy \(to) is committed before the rows move; a failure after it leaves \(from) whole and the next apply starts over"))
        }
        return hazards
    }

    public func notes(for change: Change, current: Schema) -> [String] {
        if case .renameTable = change {
            return ["Firebird 3 has no table rename: the table is copied (committed empty first, then filled in a second transaction), so this apply is not all or nothing"]
        }
        return []
    }
}
