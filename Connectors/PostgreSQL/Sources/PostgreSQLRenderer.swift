import SchemaSyncCore

/// Renders planned changes into guarded, idempotent PostgreSQL statements: `IF [NOT] EXISTS`
/// where PostgreSQL has it, and a `DO` block with a catalog check where it does not (adding
/// constraints, renaming columns, adding identity). Clauses PostgreSQL spells as the toolkit
/// does come from ``DDLRendering``; tables are schema-qualified and IN lists keep their spelling.
struct PostgreSQLRenderer: DDLRendering {
    let dialect: PostgreSQLDialect

    private func q(_ name: String) -> String { dialect.quoteIdentifier(name) }
    private func table(_ name: String) -> String { dialect.qualified(name) }
    func tableName(_ name: String) -> String { dialect.qualified(name) }
    func expressionSQL(_ expression: String) -> String { PostgreSQLInListSpelling.restoringInLists(expression) }
    private func literal(_ text: String) -> String { dialect.quoteString(text) }

    /// `current`: the schema the changes start from; with the dialect's `online`, changes to its
    /// tables take the steps of ``PostgreSQLOnlineSteps``.
    func render(_ changes: [PlannedChange], current: Schema = Schema()) throws -> [RenderedStatement] {
        var out: [RenderedStatement] = []
        if dialect.schema != "public", let first = changes.first(where: { creates($0.change) }) {
            out.append(RenderedStatement("CREATE SCHEMA IF NOT EXISTS \(q(dialect.schema))", changeIDs: [first.id]))
        }
        let online = dialect.online ? PostgreSQLOnlineSteps(renderer: self, plan: changes, current: current) : nil
        for planned in changes {
            if let steps = try online?.statements(for: planned) {
                out += steps
                continue
            }
            for sql in try statements(for: planned.change) {
                out.append(RenderedStatement(sql, changeIDs: [planned.id]))
            }
        }
        return out
    }

    private func creates(_ change: Change) -> Bool {
        switch change {
        case .createTable, .createView: return true
        default: return false
        }
    }

    /// The statements for one change.
    func statements(for change: Change) throws -> [String] {
        switch change {
        case let .createTable(t): return createTable(t)
        case let .dropTable(t): return ["DROP TABLE IF EXISTS \(table(t.name))"]
        case let .renameTable(from, to):
            return ["ALTER TABLE IF EXISTS \(table(from)) RENAME TO \(q(to))"]
        case let .alterTable(from, to, aspects):
            var sql: [String] = []
            if aspects.contains(.attributes) {
                sql += try PostgreSQLTableAttributes.alter(from: from, to: to, qualified: table(to.name), renderer: self)
            }
            if aspects.contains(.comment) {
                let comment = to.comment ?? ""
                sql.append("COMMENT ON TABLE \(table(to.name)) IS \(comment.isEmpty ? "NULL" : literal(comment))")
            }
            return sql
        case let .addColumn(t, column):
            var sql = ["ALTER TABLE \(table(t)) ADD COLUMN IF NOT EXISTS \(columnDefinition(column))"]
            if column.identity == .serial, !(column.sequence?.isDefault ?? true) { sql.append(alterSerialSequence(t, column)) }
            if let comment = column.comment { sql.append(commentOnColumn(t, column.name, comment)) }
            return sql
        case let .dropColumn(t, column):
            return ["ALTER TABLE \(table(t)) DROP COLUMN IF EXISTS \(q(column.name))"]
        case let .renameColumn(t, from, to):
            let condition = "EXISTS (\(attributeExists(t, from))) AND NOT EXISTS (\(attributeExists(t, to)))"
            return [guarded(condition, "ALTER TABLE \(table(t)) RENAME COLUMN \(q(from)) TO \(q(to))")]
        case let .alterColumn(t, from, to, aspects):
            return try alterColumn(t, from: from, to: to, aspects: aspects)
        case let .addPrimaryKey(t, key):
            let name = key.name.map { "CONSTRAINT \(q($0)) " } ?? ""
            let condition = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = \(regclass(t)) AND contype = 'p')"
            return [guarded(condition, "ALTER TABLE \(table(t)) ADD \(name)PRIMARY KEY (\(columns(key.columns)))")]
        case let .dropPrimaryKey(t, key):
            if let name = key.name { return ["ALTER TABLE \(table(t)) DROP CONSTRAINT IF EXISTS \(q(name))"] }
            return [dropPrimaryKeyByLookup(t)]
        case let .addUnique(t, u):
            return [addConstraint(t, u.name, uniqueBody(u))]
        case let .dropUnique(t, u):
            return ["ALTER TABLE \(table(t)) DROP CONSTRAINT IF EXISTS \(q(u.name))"]
        case let .createIndex(t, index): return [createIndex(index, on: t)]
        case let .dropIndex(_, index): return ["DROP INDEX IF EXISTS \(table(index.name))"]
        case let .addForeignKey(t, key):
            return [addConstraint(t, key.name, foreignKey(key) + (key.notValid ? " NOT VALID" : ""), validate: !key.notValid)]
        case let .dropForeignKey(t, key):
            return ["ALTER TABLE \(table(t)) DROP CONSTRAINT IF EXISTS \(q(key.name))"]
        case let .addCheck(t, check):
            return [addConstraint(t, check.name, checkBody(check) + (check.notValid ? " NOT VALID" : ""), validate: !check.notValid)]
        case let .dropCheck(t, check):
            return ["ALTER TABLE \(table(t)) DROP CONSTRAINT IF EXISTS \(q(check.name))"]
        case let .renameConstraint(t, from, to):
            let exists = { (name: String) in
                "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = \(regclass(t)) AND conname = \(literal(name)))"
            }
            return [guarded("\(exists(from)) AND NOT \(exists(to))",
                            "ALTER TABLE \(table(t)) RENAME CONSTRAINT \(q(from)) TO \(q(to))")]
        case let .createView(view):
            var options: [String: String] = [:]
            for (key, value) in view.attributes where key.hasPrefix("postgresql.") { options[String(key.dropFirst("postgresql.".count))] = value }
            let with = options.isEmpty ? "" : " WITH (\(storageParameters(options)))"
            var sql = ["CREATE OR REPLACE VIEW \(table(view.name))\(with) AS \(viewBody(view.definition))"]
            if let comment = view.comment { sql.append("COMMENT ON VIEW \(table(view.name)) IS \(literal(comment))") }
            return sql
        case let .dropView(view): return ["DROP VIEW IF EXISTS \(table(view.name))"]
        }
    }

    // MARK: Tables and columns

    func createTable(_ t: Table) -> [String] {
        var parts = t.columns.map(columnDefinition)
        if let pk = t.primaryKey {
            parts.append("\(constraintPrefix(pk.name))PRIMARY KEY (\(columns(pk.columns)))")
        }
        for u in t.uniqueConstraints {
            parts.append("\(constraintPrefix(u.name))\(uniqueBody(u))")
        }
        // NOT VALID is ignored inside CREATE TABLE: such constraints are added afterwards.
        for check in t.checks where !check.notValid {
            parts.append("\(constraintPrefix(check.name))\(checkBody(check))")
        }
        for key in t.foreignKeys where !key.notValid {
            parts.append(foreignKeyClause(key, name: key.name))
        }
        let clauses = PostgreSQLTableAttributes.createClauses(t, renderer: self)
        var sql = [createTable(t.name, elements: parts, modifier: clauses.prefix, suffix: clauses.suffix, indent: "    ")]
        for check in t.checks where check.notValid {
            sql.append(addConstraint(t.name, check.name, checkBody(check) + " NOT VALID", validate: false))
        }
        for key in t.foreignKeys where key.notValid {
            sql.append(addConstraint(t.name, key.name, foreignKey(key) + " NOT VALID", validate: false))
        }
        for column in t.columns where column.identity == .serial && !(column.sequence?.isDefault ?? true) {
            sql.append(alterSerialSequence(t.name, column))
        }
        sql += t.indexes.map { createIndex($0, on: t.name) }
        if let comment = t.comment { sql.append("COMMENT ON TABLE \(table(t.name)) IS \(literal(comment))") }
        for column in t.columns {
            if let comment = column.comment { sql.append(commentOnColumn(t.name, column.name, comment)) }
        }
        return sql
    }

    func columnDefinition(_ c: Column) -> String {
        var text = "\(q(c.name)) \(definitionTypeSQL(c))"
        if let collation = c.attributes[PostgreSQLDialect.collationAttribute] { text += " COLLATE \(qualifiedName(collation))" }
        if let generated = c.generated {
            text += " GENERATED ALWAYS AS (\(generated.expression)) STORED"
        } else if c.identity == .serial {
            // The type itself (serial, bigserial, smallserial) creates the owned sequence and its default.
        } else if let identity = c.identity {
            text += identity == .always ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY"
            text += identityOptions(c)
        } else if let value = c.defaultValue {
            text += " DEFAULT \(defaultSQL(value, column: c))"
        }
        if !c.nullable { text += " NOT NULL" }
        return text
    }

    func typeSQL(_ c: Column) -> String {
        PostgreSQLTypeMapping.sql(for: dialect.columnType(c))
    }

    /// The type in a column definition: `serial`/`bigserial`/`smallserial` for serial columns.
    private func definitionTypeSQL(_ c: Column) -> String {
        guard c.identity == .serial else { return typeSQL(c) }
        switch serialBaseType(c) {
        case "smallint": return "smallserial"
        case "bigint": return "bigserial"
        default: return "serial"
        }
    }

    /// The integer type of a serial column (validation refuses others).
    private func serialBaseType(_ c: Column) -> String {
        let type = typeSQL(c).lowercased()
        return ["smallint", "integer", "bigint"].contains(type) ? type : "integer"
    }

    // MARK: Sequences

    /// `START WITH 5`, `INCREMENT BY 2`, `NO MINVALUE`, ...: every option, defaults included,
    /// so altering a sequence leaves nothing from its old options.
    func sequenceClauses(_ c: Column) -> [String] {
        let o = (c.sequence ?? SequenceOptions()).normalized(columnType: dialect.columnType(c))
        let increment = o.increment ?? 1
        let start = o.start ?? (increment > 0 ? (o.minValue ?? 1) : (o.maxValue ?? -1))
        return [
            "INCREMENT BY \(increment)",
            o.minValue.map { "MINVALUE \($0)" } ?? "NO MINVALUE",
            o.maxValue.map { "MAXVALUE \($0)" } ?? "NO MAXVALUE",
            "START WITH \(start)",
            "CACHE \(o.cache ?? 1)",
            o.cycle ? "CYCLE" : "NO CYCLE",
        ]
    }

    /// ` (START WITH 5 INCREMENT BY 2)` for an identity with non-default options, else empty.
    private func identityOptions(_ c: Column) -> String {
        guard let o = c.sequence, !o.normalized(columnType: dialect.columnType(c)).isDefault else { return "" }
        return " (" + sequenceClauses(c).joined(separator: " ") + ")"
    }

    private func sequenceChanges(_ from: Column, _ to: Column) -> Bool {
        (from.sequence ?? SequenceOptions()).normalized(columnType: dialect.columnType(from))
            != (to.sequence ?? SequenceOptions()).normalized(columnType: dialect.columnType(to))
    }

    /// `"schema"."table_column_seq"`: the name PostgreSQL gives a serial column's sequence.
    private func qualifiedSequence(_ t: String, _ column: String) -> String {
        table(GeneratedName.make(t, [column], "seq"))
    }

    /// Sets every option of a serial column's own sequence (found through the catalog).
    private func alterSerialSequence(_ t: String, _ c: Column) -> String {
        let type = c.sequence?.type.map { PostgreSQLTypeMapping.sql(for: $0) } ?? serialBaseType(c)
        let clauses = (["AS \(type)"] + sequenceClauses(c)).joined(separator: " ")
        return withSerialSequence(t, c.name, "EXECUTE format('ALTER SEQUENCE %s \(clauses)', seq);")
    }

    /// A `DO` block running `body` with `seq` set to the column's own sequence, when it has one.
    private func withSerialSequence(_ t: String, _ column: String, _ body: String) -> String {
        let lookup = "pg_catalog.pg_get_serial_sequence(\(literal(table(t))), \(literal(column)))"
        return "DO \(dollarQuote("DECLARE seq text := \(lookup); BEGIN IF seq IS NOT NULL THEN \(body) END IF; END"))"
    }

    /// Moves the column's sequence past the rows already there.
    private func continueNumbering(_ t: String, _ column: String) -> String {
        "SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence(\(literal(table(t))), \(literal(column))), "
            + "COALESCE((SELECT MAX(\(q(column))) FROM \(table(t))), 0) + 1, false)"
    }

    /// The toolkit's, but for lower-case booleans and bare expressions, as PostgreSQL prints them.
    func defaultSQL(_ value: ColumnDefault, column: Column) -> String {
        switch value {
        case let .boolean(b): return b ? "true" : "false"
        case let .expression(e): return e
        default: return standardDefaultSQL(value, column: column)
        }
    }

    private func commentOnColumn(_ t: String, _ column: String, _ comment: String) -> String {
        "COMMENT ON COLUMN \(table(t)).\(q(column)) IS \(comment.isEmpty ? "NULL" : literal(comment))"
    }

    private func alterColumn(_ t: String, from: Column, to: Column, aspects: ColumnChangeSet) throws -> [String] {
        let alter = "ALTER TABLE \(table(t)) ALTER COLUMN \(q(to.name))"
        var sql: [String] = []
        if aspects.contains(.generated) {
            switch (from.generated, to.generated) {
            case (_?, nil):
                sql.append("\(alter) DROP EXPRESSION IF EXISTS")
            case (_?, _?):
                // PostgreSQL cannot change a generation expression: recompute the column.
                sql.append("ALTER TABLE \(table(t)) DROP COLUMN IF EXISTS \(q(to.name))")
                sql.append("ALTER TABLE \(table(t)) ADD COLUMN IF NOT EXISTS \(columnDefinition(to))")
                return sql
            default:
                throw SchemaSyncError(.unsupportedChange,
                    "column '\(t).\(to.name)': PostgreSQL cannot turn a stored column into a generated one in place",
                    hint: "add a new generated column and drop the old one (declare both steps)")
            }
        }
        let identityChanges = aspects.contains(.identity)
        let wasIdentity = from.identity == .always || from.identity == .byDefault
        let isIdentity = to.identity == .always || to.identity == .byDefault
        if identityChanges, from.identity == .serial, to.identity != .serial {
            // Leaving serial: the default and the sequence it owns go.
            sql.append("\(alter) DROP DEFAULT")
            sql.append(withSerialSequence(t, to.name, "EXECUTE format('DROP SEQUENCE IF EXISTS %s', seq);"))
        }
        if identityChanges, wasIdentity, !isIdentity {
            sql.append("\(alter) DROP IDENTITY IF EXISTS")
        }
        let typeChanges = aspects.contains(.type)
        let collation = to.attributes[PostgreSQLDialect.collationAttribute]
        let collationChanges = aspects.contains(.attributes) && from.attributes[PostgreSQLDialect.collationAttribute] != collation
        let collate = collationChanges || (typeChanges && collation != nil)
            ? " COLLATE " + (collation.map(qualifiedName) ?? "pg_catalog.\"default\"") : ""
        if typeChanges {
            if from.defaultValue != nil, to.identity == nil { sql.append("\(alter) DROP DEFAULT") }
            let type = typeSQL(to)
            sql.append("\(alter) TYPE \(type)\(collate) USING \(q(to.name))::\(type)")
        } else if collationChanges {
            sql.append("\(alter) TYPE \(typeSQL(to))\(collate)")
        }
        if aspects.contains(.nullability) || (identityChanges && to.identity != nil) {
            sql.append("\(alter) \(to.nullable && to.identity == nil ? "DROP" : "SET") NOT NULL")
        }
        if identityChanges, isIdentity, let identity = to.identity {
            let kind = identity == .always ? "ALWAYS" : "BY DEFAULT"
            if wasIdentity {
                if from.identity != to.identity { sql.append("\(alter) SET GENERATED \(kind)") }
                if sequenceChanges(from, to) {
                    sql.append("\(alter) " + sequenceClauses(to).map { "SET " + $0 }.joined(separator: " "))
                }
            } else {
                if from.defaultValue != nil && !typeChanges { sql.append("\(alter) DROP DEFAULT") }
                let condition = "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = \(regclass(t)) "
                    + "AND attname = \(literal(to.name)) AND attidentity <> '')"
                sql.append(guarded(condition, "\(alter) ADD GENERATED \(kind) AS IDENTITY\(identityOptions(to))"))
                sql.append(continueNumbering(t, to.name))
            }
        }
        if identityChanges, to.identity == .serial {
            if from.identity != .serial {
                // A serial column: a sequence it owns, feeding its default.
                if from.defaultValue != nil && !typeChanges { sql.append("\(alter) DROP DEFAULT") }
                let sequence = qualifiedSequence(t, to.name)
                sql.append("CREATE SEQUENCE IF NOT EXISTS \(sequence) AS \(serialBaseType(to)) OWNED BY \(table(t)).\(q(to.name))")
                sql.append("\(alter) SET DEFAULT pg_catalog.nextval(\(literal(sequence))::pg_catalog.regclass)")
                if !(to.sequence?.isDefault ?? true) { sql.append(alterSerialSequence(t, to)) }
                sql.append(continueNumbering(t, to.name))
            } else if sequenceChanges(from, to) {
                sql.append(alterSerialSequence(t, to))
            }
        } else if typeChanges, from.identity == .serial, to.identity == .serial {
            // bigserial from serial: the sequence's own type follows the column's.
            sql.append(alterSerialSequence(t, to))
        }
        if to.identity == nil, to.generated == nil,
           aspects.contains(.defaultValue) || (typeChanges && from.defaultValue != nil) || (identityChanges && to.defaultValue != nil) {
            if let value = to.defaultValue {
                sql.append("\(alter) SET DEFAULT \(defaultSQL(value, column: to))")
            } else if !typeChanges || from.defaultValue == nil {
                sql.append("\(alter) DROP DEFAULT")
            }
        }
        if aspects.contains(.comment) {
            sql.append(commentOnColumn(t, to.name, to.comment ?? ""))
        }
        return sql
    }

    // MARK: Constraints and indexes

    private func columns(_ names: [String]) -> String { columnList(names) }

    private func foreignKey(_ key: ForeignKey) -> String { foreignKeyClause(key, name: nil) }

    /// `UNIQUE [NULLS NOT DISTINCT] (columns) [DEFERRABLE ...]`.
    private func uniqueBody(_ u: UniqueConstraint) -> String {
        var text = "UNIQUE \(u.nullsNotDistinct ? "NULLS NOT DISTINCT " : "")(\(columns(u.columns)))"
        if u.deferrable || u.initiallyDeferred {
            text += u.initiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE INITIALLY IMMEDIATE"
        }
        return text
    }

    /// `ALTER TABLE ... ADD CONSTRAINT name ...` unless the table already has a constraint so
    /// named; with `validate`, a NOT VALID constraint of that name is validated instead.
    private func addConstraint(_ t: String, _ name: String, _ body: String, validate: Bool = false) -> String {
        let named = "SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = \(regclass(t)) AND conname = \(literal(name))"
        let add = "ALTER TABLE \(table(t)) ADD CONSTRAINT \(q(name)) \(body)"
        guard validate else { return guarded("NOT EXISTS (\(named))", add) }
        let body = "BEGIN IF NOT EXISTS (\(named)) THEN \(add); "
            + "ELSIF EXISTS (\(named) AND NOT convalidated) THEN ALTER TABLE \(table(t)) VALIDATE CONSTRAINT \(q(name)); END IF; END"
        return "DO \(dollarQuote(body))"
    }

    /// `CHECK (expression) [NO INHERIT]`.
    private func checkBody(_ check: CheckConstraint) -> String {
        checkClause(check, name: nil) + (check.noInherit ? " NO INHERIT" : "")
    }

    private func dropPrimaryKeyByLookup(_ t: String) -> String {
        let body = "DECLARE name text; BEGIN SELECT conname INTO name FROM pg_catalog.pg_constraint "
            + "WHERE conrelid = \(regclass(t)) AND contype = 'p'; IF name IS NOT NULL THEN "
            + "EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', \(literal(table(t))), name); END IF; END"
        return "DO \(dollarQuote(body))"
    }

    private func regclass(_ t: String) -> String {
        "pg_catalog.to_regclass(\(literal(table(t))))"
    }

    private func attributeExists(_ t: String, _ column: String) -> String {
        "SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = \(regclass(t)) AND attname = \(literal(column)) AND NOT attisdropped"
    }

    /// A `DO` block running `statement` only when `condition` holds.
    func guarded(_ condition: String, _ statement: String) -> String {
        "DO \(dollarQuote("BEGIN IF \(condition) THEN \(statement); END IF; END"))"
    }

    /// Dollar-quotes `body` with a tag that does not occur in it.
    private func dollarQuote(_ body: String) -> String {
        var tag = "schemasync"
        var n = 0
        while body.contains("$\(tag)$") {
            n += 1
            tag = "schemasync\(n)"
        }
        return "$\(tag)$ \(body) $\(tag)$"
    }

    private func viewBody(_ definition: String) -> String {
        var body = definition.trimmingWhitespaceAndNewlines()
        while body.hasSuffix(";") { body = String(body.dropLast()).trimmingWhitespaceAndNewlines() }
        return body
    }
}
