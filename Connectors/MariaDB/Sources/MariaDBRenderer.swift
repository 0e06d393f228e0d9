import SchemaSyncCore

/// Turns ordered plan changes into MariaDB 10.11 statements, each guarded so that running it
/// again after an interrupted apply succeeds and changes nothing:
/// `CREATE TABLE IF NOT EXISTS`, `ADD COLUMN IF NOT EXISTS`, `MODIFY COLUMN IF EXISTS`,
/// `CREATE INDEX IF NOT EXISTS`, `ADD UNIQUE INDEX IF NOT EXISTS`,
/// `ADD CONSTRAINT fk FOREIGN KEY IF NOT EXISTS`, `ADD CONSTRAINT IF NOT EXISTS chk CHECK`,
/// `DROP {COLUMN|INDEX|FOREIGN KEY|CONSTRAINT} IF EXISTS`, `RENAME TABLE IF EXISTS`,
/// `RENAME COLUMN IF EXISTS`, `CREATE OR REPLACE VIEW`, `DROP VIEW IF EXISTS`.
/// Key parts, references and the CREATE TABLE frame come from ``DDLRendering``.
struct MariaDBRenderer: DDLRendering {
    let dialect: MariaDBDialect
    let current: Schema
    let desired: Schema
    /// Foreign keys (`table.name`) the plan has dropped so far: an index they used may go
    /// without a stand-in, since each is added back (after the indexes) or is gone for good.
    private var droppedForeignKeys: Set<String> = []

    init(dialect: MariaDBDialect, current: Schema, desired: Schema) {
        self.dialect = dialect
        self.current = current
        self.desired = desired
    }

    func render(_ changes: [PlannedChange]) throws -> [RenderedStatement] {
        var renderer = self
        return try renderer.renderAll(changes)
    }

    private mutating func renderAll(_ changes: [PlannedChange]) throws -> [RenderedStatement] {
        let changes = Self.tableOptionsFirst(changes)
        let suspended = foreignKeysBlockingTypeChanges(changes)
        let lastTypeChange = changes.lastIndex { if case .alterColumn = $0.change { return true } else { return false } }
        var statements: [RenderedStatement] = []
        var dropped = Set<String>()
        for (position, planned) in changes.enumerated() {
            if case let .alterColumn(table, _, to, aspects) = planned.change, aspects.contains(.type) {
                // MariaDB refuses to change the type of a column a foreign key uses: suspend those keys.
                for (owner, key) in suspended where touches(key, owner: owner, table: table, column: to.name, changes: changes)
                    && dropped.insert(owner + "." + key.name).inserted {
                    statements.append(RenderedStatement(alter(owner, "DROP FOREIGN KEY IF EXISTS \(q(key.name))"), changeIDs: [planned.id]))
                }
            }
            for sql in try render(planned.change) {
                statements.append(RenderedStatement(sql, changeIDs: [planned.id]))
            }
            if case let .dropForeignKey(table, key) = planned.change { droppedForeignKeys.insert(table + "." + key.name) }
            if position == lastTypeChange {
                for (owner, key) in suspended where dropped.contains(owner + "." + key.name) {
                    statements.append(RenderedStatement(alter(owner, "ADD " + foreignKeyClause(key, guarded: true)), changeIDs: [planned.id]))
                }
            }
        }
        return statements
    }

    /// A table's option changes (engine, character set, ...) run before its column changes, so
    /// columns changed in the same plan end with the declared character set, not converted after.
    static func tableOptionsFirst(_ changes: [PlannedChange]) -> [PlannedChange] {
        var result: [PlannedChange] = []
        var hoisted = Set<Int>()
        for planned in changes where !hoisted.contains(planned.id) {
            switch planned.change {
            case let .addColumn(table, _), let .alterColumn(table, _, _, _):
                if let options = changes.first(where: {
                    if case let .alterTable(_, to, _) = $0.change { return to.name == table && !hoisted.contains($0.id) }
                    return false
                }) {
                    result.append(options)
                    hoisted.insert(options.id)
                }
            default: break
            }
            result.append(planned)
        }
        return result
    }

    /// Foreign keys kept by the plan (desired definition) whose columns change type in it.
    private func foreignKeysBlockingTypeChanges(_ changes: [PlannedChange]) -> [(String, ForeignKey)] {
        let droppedKeys = Set(changes.compactMap { planned -> String? in
            if case let .dropForeignKey(t, k) = planned.change { return t + "." + k.name }
            return nil
        })
        var result: [(String, ForeignKey)] = []
        for table in desired.tables {
            guard let existing = current.table(named: table.name) else { continue }
            for key in table.foreignKeys where existing.foreignKeys.contains(where: { $0.name == key.name })
                && !droppedKeys.contains(table.name + "." + key.name) {
                let affected = changes.contains { planned in
                    guard case let .alterColumn(t, _, to, aspects) = planned.change, aspects.contains(.type) else { return false }
                    return touches(key, owner: table.name, table: t, column: to.name, changes: changes)
                }
                if affected { result.append((table.name, key)) }
            }
        }
        return result
    }

    /// Whether `column` of `table` (desired names) is one of `key`'s columns or referenced columns.
    private func touches(_ key: ForeignKey, owner: String, table: String, column: String, changes: [PlannedChange]) -> Bool {
        (owner == table && key.columns.contains(column)) || (key.referencedTable == table && key.referencedColumns.contains(column))
    }

    private func q(_ name: String) -> String { dialect.quoteIdentifier(name) }
    private func alter(_ table: String, _ clause: String) -> String { "ALTER TABLE \(q(table)) \(clause)" }

    func render(_ change: Change) throws -> [String] {
        switch change {
        case let .createTable(table):
            return [createTable(table)]
        case let .dropTable(table):
            return ["DROP TABLE IF EXISTS \(q(table.name))"]
        case let .renameTable(from, to):
            return ["RENAME TABLE IF EXISTS \(q(from)) TO \(q(to))"]
        case let .alterTable(_, to, aspects):
            // Table options are set, not added, so the statement is safe to repeat.
            var options: [String] = []
            if aspects.contains(.attributes), let from = current.table(named: to.name) {
                options += tableOptionChanges(from: from.attributes, to: to.attributes)
            }
            if aspects.contains(.comment) { options.append("COMMENT=\(dialect.quoteString(to.comment ?? ""))") }
            return options.isEmpty ? [] : [alter(to.name, options.joined(separator: ", "))]
        case let .addColumn(table, column):
            var clause = "ADD COLUMN IF NOT EXISTS " + columnDefinition(column, check: columnCheck(table, column.name)) + placement(table, column.name)
            // An AUTO_INCREMENT column must be keyed in the statement that adds it; the plan's
            // (guarded) ADD PRIMARY KEY then finds the key in place.
            if column.identity != nil, let key = desired.table(named: table)?.primaryKey, key.columns.first == column.name,
               current.table(named: table)?.primaryKey?.columns != key.columns {
                clause += ", ADD PRIMARY KEY IF NOT EXISTS (\(key.columns.map(q).joined(separator: ", ")))"
            }
            return [alter(table, clause)]
        case let .dropColumn(table, column):
            return [alter(table, "DROP COLUMN IF EXISTS \(q(column.name))")]
        case let .renameColumn(table, from, to):
            return [alter(table, "RENAME COLUMN IF EXISTS \(q(from)) TO \(q(to))")]
        case let .alterColumn(table, from, to, aspects):
            return try alterColumn(table, from: from, to: to, aspects: aspects)
        case let .addPrimaryKey(table, key):
            return [alter(table, "ADD PRIMARY KEY IF NOT EXISTS (\(key.columns.map(q).joined(separator: ", ")))")]
        case let .dropPrimaryKey(table, _):
            // Swap in one statement when the new key's columns already exist: an AUTO_INCREMENT
            // column must stay keyed, and the table is never without its key in between.
            let prefix = autoIncrementKeying(table)
            if let key = desired.table(named: table)?.primaryKey, let existing = current.table(named: table),
               key.columns.allSatisfy({ existing.column(named: $0) != nil }) {
                return [alter(table, prefix + "DROP INDEX IF EXISTS `PRIMARY`, ADD PRIMARY KEY (\(key.columns.map(q).joined(separator: ", ")))")]
            }
            return [alter(table, prefix + "DROP INDEX IF EXISTS `PRIMARY`")]
        case let .addUnique(table, constraint):
            return [alter(table, "ADD CONSTRAINT \(q(constraint.name)) UNIQUE KEY IF NOT EXISTS (\(constraint.columns.map(q).joined(separator: ", ")))")]
        case let .dropUnique(table, constraint):
            return [alter(table, "DROP INDEX IF EXISTS \(q(constraint.name))" + keepForeignKeyIndexes(table, dropping: constraint.name, columns: constraint.columns))]
        case let .createIndex(table, index):
            return [createIndex(table, index)]
        case let .dropIndex(table, index):
            return [alter(table, "DROP INDEX IF EXISTS \(q(index.name))" + keepForeignKeyIndexes(table, dropping: index.name, columns: index.columnNames))]
        case let .addForeignKey(table, key):
            return [alter(table, "ADD " + foreignKeyClause(key, guarded: true))]
        case let .dropForeignKey(table, key):
            var clause = "DROP FOREIGN KEY IF EXISTS \(q(key.name))"
            // MariaDB created an index named like the key; it outlives the key unless dropped too.
            let declared = desired.table(named: table)?.indexes.contains { $0.name == key.name } ?? false
            let reused = desired.table(named: table)?.foreignKeys.contains { $0.name == key.name } ?? false
            if !declared && !reused { clause += ", DROP INDEX IF EXISTS \(q(key.name))" }
            return [alter(table, clause)]
        case let .addCheck(table, check):
            if let column = desired.table(named: table)?.column(named: check.name), columnCheck(table, check.name) == check {
                // A column-level check is (re)stated with its column; repeating the MODIFY is harmless.
                return [alter(table, "MODIFY COLUMN IF EXISTS " + columnDefinition(column, check: check))]
            }
            return [alter(table, "ADD CONSTRAINT IF NOT EXISTS \(q(check.name)) CHECK (\(check.expression))")]
        case let .dropCheck(table, check):
            return [alter(table, "DROP CONSTRAINT IF EXISTS \(q(check.name))")]
        case let .createView(view):
            return [createView(view)]
        case let .dropView(view):
            return ["DROP VIEW IF EXISTS \(q(view.name))"]
        case .renameConstraint: // never planned: MariaDB does not declare renamesConstraints
            throw SchemaSyncError(.unsupportedChange, "MariaDB cannot rename \(change.objectPath) in place")
        }
    }

    /// `CREATE OR REPLACE [ALGORITHM=..] [DEFINER=..] [SQL SECURITY ..] VIEW .. AS .. [WITH .. CHECK OPTION]`.
    func createView(_ view: View) -> String {
        typealias A = MariaDBDialect.Attribute
        var sql = "CREATE OR REPLACE"
        if let algorithm = view.attributes[A.algorithm] { sql += " ALGORITHM=\(algorithm.uppercased())" }
        if let definer = view.attributes[A.definer], let at = definer.lastIndex(of: "@") {
            sql += " DEFINER=\(q(String(definer[..<at])))@\(q(String(definer[definer.index(after: at)...])))"
        }
        if let security = view.attributes[A.sqlSecurity] { sql += " SQL SECURITY \(security.uppercased())" }
        sql += " VIEW \(q(view.name)) AS \(view.definition)"
        if let check = view.attributes[A.checkOption] { sql += " WITH \(check.uppercased()) CHECK OPTION" }
        return sql
    }

    // MARK: - Tables

    func createTable(_ table: Table) -> String {
        let inline = Set(table.checks.filter { Self.isColumnCheck($0, in: table) }.map(\.name))
        var lines = table.columns.map { column in
            columnDefinition(column, check: inline.contains(column.name) ? table.checks.first { $0.name == column.name } : nil)
        }
        if let pk = table.primaryKey {
            lines.append("PRIMARY KEY (\(pk.columns.map(q).joined(separator: ", ")))")
        }
        for unique in table.uniqueConstraints {
            lines.append("CONSTRAINT \(q(unique.name)) UNIQUE KEY (\(unique.columns.map(q).joined(separator: ", ")))")
        }
        for index in table.indexes {
            lines.append("\(indexKind(index)) \(q(index.name)) (\(indexKeyParts(index)))\(indexUsing(index))")
        }
        for fk in table.foreignKeys { lines.append(foreignKeyClause(fk, guarded: false)) }
        for check in table.checks where !inline.contains(check.name) { lines.append(checkClause(check, name: check.name)) }
        var sql = createTable(table.name, elements: lines)
        if let engine = table.attributes[MariaDBDialect.Attribute.engine] { sql += " ENGINE=\(engine)" }
        if let charset = table.attributes[MariaDBDialect.Attribute.charset] { sql += " DEFAULT CHARSET=\(charset)" }
        if let collation = table.attributes[MariaDBDialect.Attribute.collation] { sql += " COLLATE=\(collation)" }
        if let format = table.attributes[MariaDBDialect.Attribute.rowFormat] { sql += " ROW_FORMAT=\(format)" }
        if let size = table.attributes[MariaDBDialect.Attribute.keyBlockSize] { sql += " KEY_BLOCK_SIZE=\(size)" }
        if let options = table.attributes[MariaDBDialect.Attribute.options] { sql += " " + options }
        if let comment = table.comment, !comment.isEmpty { sql += " COMMENT=\(dialect.quoteString(comment))" }
        return sql
    }

    /// Table options that turn `from` into `to`; an option `to` does not name goes back to its
    /// default. A character set or collation change converts the table's text columns
    /// (`CONVERT TO CHARACTER SET`), as a table declared with it would have them.
    private func tableOptionChanges(from: [String: String], to: [String: String]) -> [String] {
        typealias A = MariaDBDialect.Attribute
        var options: [String] = []
        func changed(_ key: String) -> Bool {
            (from[key].map { MariaDBDialect.normalizedAttribute(key, $0) }) != (to[key].map { MariaDBDialect.normalizedAttribute(key, $0) })
        }
        if changed(A.engine) { options.append("ENGINE=\(to[A.engine] ?? "InnoDB")") }
        if changed(A.charset) || (to[A.collation] != nil && changed(A.collation)) || (to[A.charset] == nil && from[A.collation] != nil) {
            let collation = to[A.collation] ?? (to[A.charset] == nil ? dialect.databaseCollation : nil)
            if let charset = to[A.charset] ?? collation.map({ String($0.prefix { $0 != "_" }) }) ?? dialect.databaseCharset {
                options.append("CONVERT TO CHARACTER SET \(charset)" + (collation.map { " COLLATE \($0)" } ?? ""))
            }
        }
        if changed(A.rowFormat) { options.append("ROW_FORMAT=\(to[A.rowFormat] ?? "DEFAULT")") }
        if changed(A.keyBlockSize) { options.append("KEY_BLOCK_SIZE=\(to[A.keyBlockSize] ?? "0")") }
        if changed(A.options) {
            let wanted = (to[A.options] ?? "").split(separator: " ").map(String.init)
            let names = Set(wanted.map { $0.split(separator: "=")[0].lowercased() })
            for old in (from[A.options] ?? "").split(separator: " ") where !names.contains(old.split(separator: "=")[0].lowercased()) {
                options.append("\(old.split(separator: "=")[0])=DEFAULT")
            }
            options += wanted
        }
        return options
    }

    // MARK: - Columns

    /// `` `name` type [CHARACTER SET ..] [COLLATE ..] NOT NULL DEFAULT .. ON UPDATE .. AUTO_INCREMENT COMMENT '..' ``
    /// A column-level CHECK: MariaDB names it after its column (and a MODIFY that does not
    /// restate it drops it). A check named like a column of its table that reads no other
    /// column is taken for one.
    static func isColumnCheck(_ check: CheckConstraint, in table: Table) -> Bool {
        guard table.column(named: check.name) != nil else { return false }
        return !table.columns.contains { $0.name != check.name && ViewOrdering.mentions(check.expression, $0.name) }
    }

    /// The desired column-level check of `column`, if any.
    private func columnCheck(_ table: String, _ column: String) -> CheckConstraint? {
        guard let t = desired.table(named: table) else { return nil }
        return t.checks.first { $0.name == column && Self.isColumnCheck($0, in: t) }
    }

    func columnDefinition(_ column: Column, check: CheckConstraint? = nil) -> String {
        let type = MariaDBTypeMapping.columnType(column, serverVersion: dialect.serverVersion)
        var sql = "\(q(column.name)) \(type)"
        if let charset = column.attributes[MariaDBDialect.Attribute.charset] { sql += " CHARACTER SET \(charset)" }
        if let collation = column.attributes[MariaDBDialect.Attribute.collation] { sql += " COLLATE \(collation)" }
        if let generated = column.generated {
            sql += " GENERATED ALWAYS AS (\(generated.expression)) \(generated.stored ? "STORED" : "VIRTUAL")"
        } else {
            sql += column.nullable ? " NULL" : " NOT NULL"
            if let value = column.defaultValue, column.identity == nil {
                sql += " DEFAULT " + MariaDBDefaultValue.render(value, column: column, dialect: dialect)
            }
            if let onUpdate = column.attributes[MariaDBDialect.Attribute.onUpdate] {
                let isNow = MariaDBDefaultValue.portableFunction(onUpdate) == .currentTimestamp
                sql += " ON UPDATE " + (isNow ? currentTimestamp(column) : onUpdate)
            }
            if column.identity != nil { sql += " AUTO_INCREMENT" }
        }
        if column.attributes[MariaDBDialect.Attribute.invisible]?.lowercased() == "true" { sql += " INVISIBLE" }
        if let comment = column.comment, !comment.isEmpty { sql += " COMMENT \(dialect.quoteString(comment))" }
        if let check { sql += " CHECK (\(check.expression))" }
        return sql
    }

    private func currentTimestamp(_ column: Column) -> String {
        MariaDBDefaultValue.render(.function(.currentTimestamp), column: column, dialect: dialect)
    }

    private func alterColumn(_ table: String, from: Column, to: Column, aspects: ColumnChangeSet) throws -> [String] {
        if from.generated != nil && to.generated == nil {
            throw SchemaSyncError(.unsupportedChange, "column '\(table).\(to.name)': turning a generated column into a stored one is not supported on MariaDB",
                                  hint: "add a new column, copy the values, then drop the generated one")
        }
        if to.generated != nil && (aspects.contains(.generated) || aspects.contains(.type)) {
            // A generated column holds no data of its own: drop and add it again.
            return [alter(table, "DROP COLUMN IF EXISTS \(q(to.name))"),
                    alter(table, "ADD COLUMN IF NOT EXISTS " + columnDefinition(to, check: columnCheck(table, to.name)) + placement(table, to.name))]
        }
        var target = to
        // MODIFY restates the whole column as desired: nothing is carried over from the old one.
        // Attributes are not carried over: an absent character set or collation is the table's,
        // an absent ON UPDATE is none (the catalog's extras are compared, see attributesEquivalent).
        return [alter(table, "MODIFY COLUMN IF EXISTS " + columnDefinition(target, check: columnCheck(table, to.name))
                      + (aspects.contains(.position) ? placement(table, to.name) : ""))]
    }

    /// Clauses that must come before the primary key of `table` is dropped, in the same
    /// statement, because InnoDB keeps every AUTO_INCREMENT column leading a key: an
    /// AUTO_INCREMENT the desired schema removes is removed first (MODIFY), and one that stays
    /// gets the desired index it leads when the new primary key does not lead with it.
    private func autoIncrementKeying(_ table: String) -> String {
        guard let existing = current.table(named: table), let wanted = desired.table(named: table) else { return "" }
        var clauses: [String] = []
        for column in existing.columns where column.identity != nil {
            guard let target = wanted.column(named: column.name) else { continue }
            if target.identity == nil {
                clauses.append("MODIFY COLUMN IF EXISTS " + columnDefinition(target, check: columnCheck(table, target.name)))
                continue
            }
            if wanted.primaryKey?.columns.first == column.name { continue }
            if let index = wanted.indexes.first(where: { $0.columnNames.first == column.name && $0.method == nil }) {
                clauses.append("ADD \(index.unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(q(index.name)) (\(indexKeyParts(index)))")
            } else if let unique = wanted.uniqueConstraints.first(where: { $0.columns.first == column.name }) {
                clauses.append("ADD UNIQUE INDEX IF NOT EXISTS \(q(unique.name)) (\(unique.columns.map(q).joined(separator: ", ")))")
            }
        }
        return clauses.map { $0 + ", " }.joined()
    }

    /// ` FIRST` or `` AFTER `previous` ``: the column's declared place in the desired table.
    private func placement(_ table: String, _ column: String) -> String {
        guard let columns = desired.table(named: table)?.columns.map(\.name), let i = columns.firstIndex(of: column) else { return "" }
        return i == 0 ? " FIRST" : " AFTER \(q(columns[i - 1]))"
    }

    // MARK: - Indexes and keys

    private func indexKind(_ index: Index) -> String {
        switch index.method?.lowercased() {
        case "fulltext": return "FULLTEXT KEY"
        case "spatial": return "SPATIAL KEY"
        default: return index.unique ? "UNIQUE KEY" : "KEY"
        }
    }

    private func indexUsing(_ index: Index) -> String {
        switch index.method?.lowercased() {
        case "hash": return " USING HASH"
        case "btree": return " USING BTREE"
        default: return ""
        }
    }

    private func createIndex(_ table: String, _ index: Index) -> String {
        let parts = "(\(indexKeyParts(index)))\(indexUsing(index))"
        switch index.method?.lowercased() {
        case "fulltext": return "CREATE FULLTEXT INDEX IF NOT EXISTS \(q(index.name)) ON \(q(table)) \(parts)"
        case "spatial": return "CREATE SPATIAL INDEX IF NOT EXISTS \(q(index.name)) ON \(q(table)) \(parts)"
        default:
            if index.unique { return alter(table, "ADD UNIQUE INDEX IF NOT EXISTS \(q(index.name)) \(parts)") }
            return "CREATE INDEX IF NOT EXISTS \(q(index.name)) ON \(q(table)) \(parts)"
        }
    }

    /// `CONSTRAINT name FOREIGN KEY [IF NOT EXISTS] (...) REFERENCES ...`: MariaDB's guard sits
    /// after the keywords.
    private func foreignKeyClause(_ key: ForeignKey, guarded: Bool) -> String {
        constraintPrefix(key.name) + "FOREIGN KEY " + (guarded ? "IF NOT EXISTS " : "") + foreignKeyReference(key)
    }

    /// When an index that a kept foreign key relies on is dropped, MariaDB refuses; adding the
    /// key's own index in the same statement keeps the foreign key served.
    private func keepForeignKeyIndexes(_ table: String, dropping name: String, columns: [String]) -> String {
        guard let wanted = desired.table(named: table), let existing = current.table(named: table) else { return "" }
        var clauses = ""
        for fk in wanted.foreignKeys where existing.foreignKeys.contains(where: { $0.name == fk.name })
            && !droppedForeignKeys.contains(table + "." + fk.name)
            && Array(columns.prefix(fk.columns.count)) == fk.columns {
            let otherCover = existing.indexes.contains { other in
                other.name != name && wanted.indexes.contains { $0.name == other.name }
                    && Array(other.columnNames.prefix(fk.columns.count)) == fk.columns
            } || (existing.primaryKey.map { Array($0.columns.prefix(fk.columns.count)) == fk.columns } ?? false)
            if !otherCover {
                clauses += ", ADD INDEX IF NOT EXISTS \(q(fk.name)) (\(fk.columns.map(q).joined(separator: ", ")))"
            }
        }
        return clauses
    }
}
