/// The shared rendering toolkit: documented default renderings of the clauses every SQL engine
/// spells alike (key lists, foreign keys, index key parts, CREATE INDEX, CREATE TABLE, column
/// defaults), built only from the dialect's quoting and capabilities.
///
/// A connector's renderer conforms and overrides only the requirements its engine spells
/// differently; the defaults call each other through the requirements, so an override is used
/// everywhere (e.g. PostgreSQL's schema-qualified ``tableName(_:)`` in every REFERENCES clause).
/// ```swift
/// struct MyRenderer: DDLRendering {
///     let dialect: MyDialect
///     func indexExpression(_ expression: String) -> String { expression }   // bare key expressions
/// }
/// MyRenderer(dialect: d).createIndex(index, on: "orders")
/// // CREATE INDEX IF NOT EXISTS "orders_total_idx" ON "orders" ("total" DESC)
/// ```
/// Nothing is checked here: the core refuses what the capabilities rule out before rendering
/// (``CapabilityCheck``), so a clause the engine lacks never reaches the renderer.
public protocol DDLRendering {
    associatedtype RenderedDialect: Dialect
    /// Quoting (``Dialect/quoteIdentifier(_:)``, ``Dialect/quoteString(_:)``) and capabilities.
    var dialect: RenderedDialect { get }

    /// What follows `CREATE TABLE` / `CREATE INDEX` so that creating twice is harmless.
    /// Default: `IF NOT EXISTS `; empty for an engine without it, which guards the whole
    /// statement instead (Firebird 3: a catalog check in `EXECUTE BLOCK`).
    var createGuard: String { get }
    /// A table as statements name it. Default: the quoted name.
    func tableName(_ name: String) -> String
    /// A collation or operator class name. Default: each dot-separated part quoted.
    func qualifiedName(_ name: String) -> String
    /// An expression key part. Default: in parentheses, as most engines require.
    func indexExpression(_ expression: String) -> String
    /// An index predicate or check expression as written into a statement. Default: as it is.
    func expressionSQL(_ expression: String) -> String
    /// One key part: `"name"(10) COLLATE "c" "text_pattern_ops" DESC NULLS LAST`, each detail
    /// only when the part has it.
    func indexKeyPart(_ part: Index.Part) -> String
    /// `CREATE [UNIQUE] INDEX [createGuard] name ON table [USING method] (parts)
    /// [INCLUDE (...)] [NULLS NOT DISTINCT] [WITH (...)] [WHERE predicate]`.
    func createIndex(_ index: Index, on table: String) -> String
    /// `(columns) REFERENCES table (columns) [MATCH FULL] [ON DELETE ...] [ON UPDATE ...]
    /// [DEFERRABLE INITIALLY ...]`: a foreign key after its `FOREIGN KEY` keywords.
    func foreignKeyReference(_ key: ForeignKey) -> String
    /// The body of a DEFAULT clause. Default: quoted strings, numbers as written, TRUE/FALSE,
    /// the SQL standard's CURRENT_TIMESTAMP / CURRENT_DATE / CURRENT_TIME, expressions in
    /// parentheses.
    func defaultSQL(_ value: ColumnDefault, column: Column) -> String
}

extension DDLRendering {
    public var createGuard: String { "IF NOT EXISTS " }

    public func tableName(_ name: String) -> String { dialect.quoteIdentifier(name) }

    public func qualifiedName(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false)
            .map { dialect.quoteIdentifier(String($0)) }.joined(separator: ".")
    }

    public func indexExpression(_ expression: String) -> String { "(\(expression))" }

    public func expressionSQL(_ expression: String) -> String { expression }

    /// `"a", "b"`: quoted names, comma-separated.
    public func columnList(_ names: [String]) -> String {
        names.map(dialect.quoteIdentifier).joined(separator: ", ")
    }

    /// `CONSTRAINT "name" ` before a constraint's body, or nothing for nil.
    public func constraintPrefix(_ name: String?) -> String {
        name.map { "CONSTRAINT \(dialect.quoteIdentifier($0)) " } ?? ""
    }

    public func indexKeyPart(_ part: Index.Part) -> String {
        var key = part.column.map(dialect.quoteIdentifier) ?? indexExpression(part.expression ?? "")
        if let length = part.prefixLength { key += "(\(length))" }
        if let collation = part.collation { key += " COLLATE \(qualifiedName(collation))" }
        if let opclass = part.opclass { key += " \(qualifiedName(opclass))" }
        if part.descending { key += " DESC" }
        if let nullsFirst = part.explicitNullsFirst { key += nullsFirst ? " NULLS FIRST" : " NULLS LAST" }
        return key
    }

    /// Every key part of `index`, comma-separated (without the parentheses).
    public func indexKeyParts(_ index: Index) -> String {
        index.parts.map(indexKeyPart).joined(separator: ", ")
    }

    public func createIndex(_ index: Index, on table: String) -> String {
        var sql = "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(createGuard)\(dialect.quoteIdentifier(index.name)) ON \(tableName(table))"
        if let method = index.normalizedMethod { sql += " USING \(dialect.quoteIdentifier(method))" }
        sql += " (\(indexKeyParts(index)))"
        if !index.include.isEmpty { sql += " INCLUDE (\(columnList(index.include)))" }
        if index.nullsNotDistinct { sql += " NULLS NOT DISTINCT" }
        if !index.storageParameters.isEmpty { sql += " WITH (\(storageParameters(index.storageParameters)))" }
        if let predicate = index.predicate { sql += " WHERE \(expressionSQL(predicate))" }
        return sql
    }

    /// `fillfactor = '70', deduplicate_items = 'off'`, sorted by name.
    public func storageParameters(_ parameters: [String: String]) -> String {
        parameters.keys.sorted().map { "\($0) = \(dialect.quoteString(parameters[$0]!))" }.joined(separator: ", ")
    }

    public func foreignKeyReference(_ key: ForeignKey) -> String {
        var text = "(\(columnList(key.columns))) REFERENCES \(tableName(key.referencedTable)) (\(columnList(key.referencedColumns)))"
        if key.matchFull { text += " MATCH FULL" }
        if key.onDelete != .noAction { text += " ON DELETE \(key.onDelete.rawValue.uppercased())" }
        if key.onUpdate != .noAction { text += " ON UPDATE \(key.onUpdate.rawValue.uppercased())" }
        if key.deferrable {
            text += key.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE"
        }
        return text
    }

    /// `[CONSTRAINT name] FOREIGN KEY (...) REFERENCES ...`; nil `name` leaves the engine to name it.
    public func foreignKeyClause(_ key: ForeignKey, name: String?) -> String {
        constraintPrefix(name) + "FOREIGN KEY " + foreignKeyReference(key)
    }

    /// `[CONSTRAINT name] CHECK (expression)`.
    public func checkClause(_ check: CheckConstraint, name: String?) -> String {
        constraintPrefix(name) + "CHECK (\(expressionSQL(check.expression)))"
    }

    /// `CREATE [modifier]TABLE [createGuard]name (`, the elements one per line after `indent`,
    /// `)` and `suffix` (table options). `modifier` ends in a space (`UNLOGGED `).
    public func createTable(_ name: String, elements: [String], modifier: String = "", suffix: String = "", indent: String = "  ") -> String {
        "CREATE \(modifier)TABLE \(createGuard)\(tableName(name)) (\n\(indent)" + elements.joined(separator: ",\n\(indent)") + "\n)" + suffix
    }

    public func defaultSQL(_ value: ColumnDefault, column: Column) -> String {
        standardDefaultSQL(value, column: column)
    }

    /// The default ``defaultSQL(_:column:)``, for an override to fall back on.
    public func standardDefaultSQL(_ value: ColumnDefault, column: Column) -> String {
        value.standardSQL(quotingStrings: dialect.quoteString)
    }
}
