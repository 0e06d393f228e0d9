/// Compares one existing table with its desired shape (after any table rename).
struct TableDiffer {
    let dialect: any Dialect
    let current: Table
    let desired: Table

    func diff(into builder: inout PlanBuilder) throws {
        let t = desired.name
        var matched: [String: Column] = [:] // desired column name -> current column
        var consumed = Set<String>()

        for column in desired.columns {
            if let existing = current.column(named: column.name) {
                matched[column.name] = existing
                consumed.insert(existing.name)
            } else if let old = column.renamedFrom {
                guard let existing = current.column(named: old) else {
                    throw SchemaSyncError(.invalidSchema, "column '\(t).\(column.name)': renamedFrom '\(old)' matches no column of table '\(t)'",
                                          hint: "fix or remove the renamedFrom hint; SchemaSync never guesses renames")
                }
                if desired.column(named: old) != nil {
                    throw SchemaSyncError(.invalidSchema, "column '\(t).\(column.name)' is renamed from '\(old)', but '\(old)' is also declared")
                }
                matched[column.name] = existing
                consumed.insert(old)
                builder.add(.renameColumn(table: t, from: old, to: column.name), phase: .renames, safety: .safe)
            }
        }

        // Constraints and indexes that change or disappear are dropped before columns change.
        // Rows cannot be checked against columns this plan adds; the engine enforces those on apply.
        let newColumns = desired.columns.map(\.name).filter { matched[$0] == nil }
        // Rows cannot be counted against a type the plan has not applied yet either (`foo > 0`
        // over a text column becoming integer): where DDL is transactional the engine checks those
        // when the constraint is added, and a failure changes nothing. Elsewhere they are counted
        // first (on the old type), so nothing is half-applied.
        let retypedColumns = !dialect.capabilities.transactionalDDL ? [] : desired.columns.filter { column in
            matched[column.name].map { !dialect.typesEquivalent(desired: column, actual: $0) } ?? false
        }.map(\.name)
        // Keys and indexes are compared with declared column renames applied, so a pure rename
        // changes no key, index or foreign key.
        let renamed = desired.columns.compactMap { column -> (String, String)? in
            guard let existing = matched[column.name], existing.name != column.name else { return nil }
            return (existing.name, column.name)
        }
        var renamedCurrent = Schema(tables: [current])
        for (old, new) in renamed { SchemaEvolution.apply(.renameColumn(table: t, from: old, to: new), to: &renamedCurrent) }
        let keys = TableDiffer(dialect: dialect, current: renamedCurrent.tables[0], desired: desired)
        var constraints = PlanBuilder()
        keys.diffPrimaryKey(into: &constraints)
        keys.diffUniques(into: &constraints)
        keys.diffIndexes(into: &constraints)
        keys.diffChecks(into: &constraints)
        keys.diffForeignKeys(into: &constraints)
        // Expressions over renamed columns cannot be counted under the old names either.
        let renamedNames = renamed.map(\.1)
        for entry in constraints.entries {
            let checks = entry.checks.filter {
                !Self.mentions($0, anyOf: newColumns + retypedColumns) && !Self.expressionMentions($0, anyOf: renamedNames)
            }
            builder.add(entry.change, phase: entry.phase, safety: entry.safety == .needsDataCheck ? .safe : entry.safety,
                        checks: checks, order: entry.order)
        }

        var moved = Set<String>()
        if dialect.capabilities.columnOrder {
            let desiredName = Dictionary(matched.map { ($0.value.name, $0.key) }, uniquingKeysWith: { a, _ in a })
            moved = ColumnPlacement.moved(desired: desired.columns.map(\.name), current: current.columns.compactMap { desiredName[$0.name] })
        }
        for column in desired.columns {
            guard let existing = matched[column.name] else {
                var checks: [DataCheck] = []
                if !column.nullable && column.defaultValue == nil && column.identity == nil && column.generated == nil {
                    checks.append(.rows(table: t, column: column.name))
                }
                builder.add(.addColumn(table: t, column: column), phase: .alterColumns, safety: .safe, checks: checks)
                continue
            }
            diffColumn(existing, column, moved: moved.contains(column.name), into: &builder)
        }

        var tableAspects: TableChangeSet = []
        // A comment the database has and the desired schema does not is a difference too (fail closed).
        if dialect.capabilities.comments, (desired.comment ?? "") != (current.comment ?? "") {
            tableAspects.insert(.comment)
        }
        if !dialect.attributesEquivalent(desired: desired.attributes, actual: current.attributes) { tableAspects.insert(.attributes) }
        if !tableAspects.isEmpty {
            builder.add(.alterTable(from: current, to: desired, aspects: tableAspects), phase: .alterColumns, safety: .safe)
        }

        for column in current.columns where !consumed.contains(column.name) {
            builder.add(.dropColumn(table: t, column: column), phase: .dropColumns, safety: .destructive)
        }
    }

    /// Whether a data check's SQL expression (check or predicate) mentions any of `columns`.
    static func expressionMentions(_ check: DataCheck, anyOf columns: [String]) -> Bool {
        switch check {
        case let .duplicates(_, _, predicate?): return columns.contains { ViewOrdering.mentions(predicate, $0) }
        case let .violations(_, expression): return columns.contains { ViewOrdering.mentions(expression, $0) }
        default: return false
        }
    }

    /// Whether a data check reads any of `columns`.
    static func mentions(_ check: DataCheck, anyOf columns: [String]) -> Bool {
        guard !columns.isEmpty else { return false }
        switch check {
        case let .nulls(_, column), let .rows(_, column), let .unfit(_, column, _, _): return columns.contains(column)
        case let .duplicates(_, cols, predicate):
            return cols.contains { columns.contains($0) } || predicate.map { p in columns.contains { ViewOrdering.mentions(p, $0) } } ?? false
        case let .orphans(_, cols, _, _), let .unmatchable(_, cols, _): return cols.contains { columns.contains($0) }
        case let .violations(_, expression): return columns.contains { ViewOrdering.mentions(expression, $0) }
        }
    }

    private func diffColumn(_ existing: Column, _ column: Column, moved: Bool, into builder: inout PlanBuilder) {
        // Equal in every field: no aspect can differ (the dialect's equivalences are reflexive).
        if !moved && existing == column { return }
        var aspects: ColumnChangeSet = moved ? [.position] : []
        var renamedExisting = existing
        renamedExisting.name = column.name
        if !dialect.typesEquivalent(desired: column, actual: existing) { aspects.insert(.type) }
        if column.nullable != existing.nullable { aspects.insert(.nullability) }
        if column.generated == nil,
           !dialect.defaultsEquivalent(desired: column.defaultValue, actual: existing.defaultValue, column: column) {
            aspects.insert(.defaultValue)
        }
        if identityKind(column) != identityKind(existing) || !sequencesEqual(column, existing) { aspects.insert(.identity) }
        switch (column.generated, existing.generated) {
        case (nil, nil): break
        case let (a?, b?):
            if a.stored != b.stored || !dialect.expressionsEquivalent(a.expression, b.expression) { aspects.insert(.generated) }
        default: aspects.insert(.generated)
        }
        if dialect.capabilities.comments, (column.comment ?? "") != (existing.comment ?? "") {
            aspects.insert(.comment)
        }
        if !dialect.attributesEquivalent(desired: column.attributes, actual: existing.attributes) { aspects.insert(.attributes) }
        guard !aspects.isEmpty else { return }

        var safety: PlannedChange.Safety = .safe
        var checks: [DataCheck] = []
        if aspects.contains(.type) {
            let narrowing = dialect.isNarrowing(from: existing, to: column)
                ?? dialect.columnType(existing).isNarrowing(to: dialect.columnType(column))
                ?? true
            if narrowing {
                safety = .destructive
                // --allow-destructive allows narrowing, not losing values: count the rows that
                // do not fit, where the engine would cut or reject them.
                let type = dialect.columnType(column), from = dialect.columnType(existing)
                if dialect.capabilities.enforcesDeclaredTypes, NarrowingCheck.canCount(type: type, from: from) {
                    checks.append(.unfit(table: desired.name, column: column.name, type: type, from: from))
                }
            }
        }
        if aspects.contains(.generated), column.generated != nil, existing.generated == nil {
            // Stored values are replaced by computed ones.
            safety = .destructive
        }
        if aspects.contains(.nullability) && !column.nullable {
            checks.append(.nulls(table: desired.name, column: column.name))
        }
        builder.add(.alterColumn(table: desired.name, from: renamedExisting, to: column, aspects: aspects),
                    phase: .alterColumns, safety: safety, checks: checks)
    }

    /// The identity kind as this dialect keeps it (serial is identity where there are no serials).
    private func identityKind(_ column: Column) -> Column.Identity? {
        if column.identity == .serial && !dialect.capabilities.serialColumns { return .byDefault }
        return column.identity
    }

    /// Sequence options compared with the defaults folded away (only where the dialect keeps them).
    private func sequencesEqual(_ a: Column, _ b: Column) -> Bool {
        guard dialect.capabilities.sequenceOptions, a.identity != nil, b.identity != nil else { return true }
        let type = dialect.columnType(a)
        return (a.sequence ?? SequenceOptions()).normalized(columnType: type)
            == (b.sequence ?? SequenceOptions()).normalized(columnType: dialect.columnType(b))
    }

    private func diffPrimaryKey(into builder: inout PlanBuilder) {
        let t = desired.name
        switch (current.primaryKey, desired.primaryKey) {
        case (nil, nil): return
        case let (old?, new?) where old.columns == new.columns:
            if dialect.capabilities.renamesConstraints, let from = old.name, let to = new.name, from != to {
                builder.add(.renameConstraint(table: t, from: from, to: to), phase: .renames, safety: .safe)
            }
            return
        case let (old?, new):
            builder.add(.dropPrimaryKey(table: t, key: old), phase: .dropConstraints, safety: .safe)
            if let new { addPrimaryKey(new, into: &builder) }
        case let (nil, new?):
            addPrimaryKey(new, into: &builder)
        }
    }

    private func addPrimaryKey(_ key: PrimaryKey, into builder: inout PlanBuilder) {
        let t = desired.name
        let checks = key.columns.map { DataCheck.nulls(table: t, column: $0) }
            + [.duplicates(table: t, columns: key.columns, predicate: nil)]
        builder.add(.addPrimaryKey(table: t, key: key), phase: .addConstraints, safety: .safe, checks: checks)
    }

    private func uniquesEqual(_ a: UniqueConstraint, _ b: UniqueConstraint) -> Bool {
        var x = a.definition, y = b.definition
        if !dialect.capabilities.deferrableForeignKeys {
            x.deferrable = false; x.initiallyDeferred = false
            y.deferrable = false; y.initiallyDeferred = false
        }
        return x == y
    }

    /// Pairs (current name, desired name) of constraints whose definitions match under different
    /// names, neither name matched as it is: renamed in place where the dialect can.
    private func renames<C>(_ current: [C], _ desired: [C], name: (C) -> String, same: (C, C) -> Bool) -> [(String, String)] {
        guard dialect.capabilities.renamesConstraints else { return [] }
        let desiredNames = Set(desired.map(name)), currentNames = Set(current.map(name))
        var free = desired.filter { !currentNames.contains(name($0)) }
        var pairs: [(String, String)] = []
        for old in current where !desiredNames.contains(name(old)) {
            if let i = free.firstIndex(where: { same($0, old) }) {
                pairs.append((name(old), name(free[i])))
                free.remove(at: i)
            }
        }
        return pairs
    }

    private func addRenames(_ pairs: [(String, String)], into builder: inout PlanBuilder) {
        for (from, to) in pairs {
            builder.add(.renameConstraint(table: desired.name, from: from, to: to), phase: .renames, safety: .safe)
        }
    }

    private func diffUniques(into builder: inout PlanBuilder) {
        let t = desired.name
        let renamed = renames(current.uniqueConstraints, desired.uniqueConstraints, name: \.name, same: uniquesEqual)
        addRenames(renamed, into: &builder)
        for old in current.uniqueConstraints where !renamed.contains(where: { $0.0 == old.name }) {
            if let new = desired.uniqueConstraints.first(where: { $0.name == old.name }), uniquesEqual(new, old) { continue }
            builder.add(.dropUnique(table: t, constraint: old), phase: .dropConstraints, safety: .safe)
        }
        for new in desired.uniqueConstraints where !renamed.contains(where: { $0.1 == new.name }) {
            if let old = current.uniqueConstraints.first(where: { $0.name == new.name }), uniquesEqual(new, old) { continue }
            builder.add(.addUnique(table: t, constraint: new), phase: .addConstraints, safety: .safe,
                        checks: [.duplicates(table: t, columns: new.columns, predicate: nil)])
        }
    }

    private func indexesEqual(_ a: Index, _ b: Index) -> Bool {
        guard a.unique == b.unique, a.parts.count == b.parts.count, a.normalizedMethod == b.normalizedMethod,
              a.include == b.include, a.nullsNotDistinct == b.nullsNotDistinct,
              a.storageParameters == b.storageParameters, a.isValid == b.isValid else { return false }
        switch (a.predicate, b.predicate) {
        case (nil, nil): break
        case let (x?, y?): if !dialect.expressionsEquivalent(x, y) { return false }
        default: return false
        }
        return zip(a.parts, b.parts).allSatisfy { p, q in
            guard p.descending == q.descending, p.prefixLength == q.prefixLength, p.column == q.column,
                  p.opclass?.lowercased() == q.opclass?.lowercased(), p.collation == q.collation,
                  p.explicitNullsFirst == q.explicitNullsFirst else { return false }
            switch (p.expression, q.expression) {
            case (nil, nil): return true
            case let (x?, y?): return dialect.expressionsEquivalent(x, y)
            default: return false
            }
        }
    }

    private func diffIndexes(into builder: inout PlanBuilder) {
        let t = desired.name
        for old in current.indexes {
            if let new = desired.indexes.first(where: { $0.name == old.name }), indexesEqual(new, old) { continue }
            builder.add(.dropIndex(table: t, index: old), phase: .dropConstraints, safety: .safe)
        }
        for new in desired.indexes {
            if let old = current.indexes.first(where: { $0.name == new.name }), indexesEqual(new, old) { continue }
            var checks: [DataCheck] = []
            if new.unique && !new.columnNames.isEmpty && new.columnNames.count == new.parts.count
                && new.parts.allSatisfy({ $0.prefixLength == nil }) {
                checks.append(.duplicates(table: t, columns: new.columnNames, predicate: new.predicate))
            }
            builder.add(.createIndex(table: t, index: new), phase: .addConstraints, safety: .safe, checks: checks)
        }
    }

    private func diffChecks(into builder: inout PlanBuilder) {
        let t = desired.name
        let byName = dialect.capabilities.namedChecks
        func sameRule(_ a: CheckConstraint, _ b: CheckConstraint) -> Bool {
            dialect.expressionsEquivalent(a.expression, b.expression) && a.noInherit == b.noInherit
        }
        func same(_ a: CheckConstraint, _ b: CheckConstraint) -> Bool {
            (!byName || a.name == b.name) && sameRule(a, b) && a.notValid == b.notValid
        }
        let renamed = byName ? renames(current.checks, desired.checks, name: \.name) { sameRule($0, $1) && $0.notValid == $1.notValid } : []
        addRenames(renamed, into: &builder)
        var unmatched = desired.checks.filter { c in !renamed.contains { $0.1 == c.name } }
        for old in current.checks where !renamed.contains(where: { $0.0 == old.name }) {
            if let i = unmatched.firstIndex(where: { same($0, old) }) {
                unmatched.remove(at: i)
                continue
            }
            // NOT VALID in the database, valid as declared: validated in place (rows counted first).
            if old.notValid, dialect.capabilities.notValidConstraints,
               let i = unmatched.firstIndex(where: { !$0.notValid && $0.name == old.name && sameRule($0, old) }) {
                let new = unmatched.remove(at: i)
                builder.add(.addCheck(table: t, check: new), phase: .addConstraints, safety: .safe,
                            checks: [.violations(table: t, expression: new.expression)])
                continue
            }
            builder.add(.dropCheck(table: t, check: old), phase: .dropConstraints, safety: .safe)
        }
        for new in unmatched {
            // A NOT VALID check leaves existing rows alone: nothing to count.
            builder.add(.addCheck(table: t, check: new), phase: .addConstraints, safety: .safe,
                        checks: new.notValid ? [] : [.violations(table: t, expression: new.expression)])
        }
    }

    private func diffForeignKeys(into builder: inout PlanBuilder) {
        let t = desired.name
        let byName = dialect.capabilities.namedForeignKeys
        func same(_ a: ForeignKey, _ b: ForeignKey) -> Bool {
            var x = a.definition, y = b.definition
            if !dialect.capabilities.deferrableForeignKeys {
                x.deferrable = false; x.initiallyDeferred = false
                y.deferrable = false; y.initiallyDeferred = false
            }
            // NO ACTION and RESTRICT behave the same for immediate constraints.
            for action in [\ForeignKey.onDelete, \ForeignKey.onUpdate] {
                if x[keyPath: action] == .restrict && !x.deferrable { x[keyPath: action] = .noAction }
                if y[keyPath: action] == .restrict && !y.deferrable { y[keyPath: action] = .noAction }
            }
            return (!byName || a.name == b.name) && x == y
        }
        let renamed = byName ? renames(current.foreignKeys, desired.foreignKeys, name: \.name) {
            var a = $0, b = $1
            a.name = b.name
            return same(a, b)
        } : []
        addRenames(renamed, into: &builder)
        var unmatched = desired.foreignKeys.filter { k in !renamed.contains { $0.1 == k.name } }
        for old in current.foreignKeys where !renamed.contains(where: { $0.0 == old.name }) {
            if let i = unmatched.firstIndex(where: { same($0, old) }) {
                unmatched.remove(at: i)
                continue
            }
            // NOT VALID in the database, valid as declared: validated in place (orphans counted first).
            if old.notValid, dialect.capabilities.notValidConstraints,
               let i = unmatched.firstIndex(where: { var k = $0; k.notValid = true; return !$0.notValid && same(k, old) }) {
                let new = unmatched.remove(at: i)
                builder.add(.addForeignKey(table: t, key: new), phase: .addForeignKeys, safety: .safe,
                            checks: [.orphans(table: t, columns: new.columns, referencedTable: new.referencedTable,
                                              referencedColumns: new.referencedColumns)])
                continue
            }
            builder.add(.dropForeignKey(table: t, key: old), phase: .dropForeignKeys, safety: .safe)
        }
        for new in unmatched {
            builder.add(.addForeignKey(table: t, key: new), phase: .addForeignKeys, safety: .safe,
                        checks: new.notValid ? [] : [.orphans(table: t, columns: new.columns, referencedTable: new.referencedTable,
                                                               referencedColumns: new.referencedColumns)])
        }
    }
}
