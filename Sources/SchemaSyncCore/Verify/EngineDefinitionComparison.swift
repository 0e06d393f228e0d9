/// Compares the engine's definitions of the database with those of a scratch copy of the
/// desired schema, leaving out objects the plan deliberately leaves different (destructive
/// changes skipped without `--allow-destructive`).
public struct EngineDefinitionComparison: Sendable {
    public let actual: [EngineDefinition]
    public let expected: [EngineDefinition]
    /// Changes the plan skips: the objects they touch may differ.
    public let skipped: [PlannedChange]
    /// Tables verified by the model alone (see ``VerificationBaseline/modelOnlyTables``): their
    /// definitions are left out on both sides. Matched by ``tableKey``.
    public let leftOut: Set<String>
    /// The key a table name is matched by (the dialect's ``Dialect/identifierKey(_:kind:)``).
    public let tableKey: @Sendable (String) -> String
    /// Whether two definition texts mean the same (the dialect's ``Dialect/definitionsEquivalent(_:_:)``).
    public let equivalent: @Sendable (String, String) -> Bool

    public init(actual: [EngineDefinition], expected: [EngineDefinition], skipped: [PlannedChange] = [],
                leavingOut leftOut: Set<String> = [], tableKey: @escaping @Sendable (String) -> String = { $0 },
                equivalent: @escaping @Sendable (String, String) -> Bool = { $0 == $1 }) {
        self.tableKey = tableKey
        self.actual = actual
        self.expected = expected
        self.skipped = skipped
        self.leftOut = Set(leftOut.map(tableKey))
        self.equivalent = equivalent
    }

    /// Every object whose definition differs, is missing, or is extra, in a stable order.
    public var mismatches: [DefinitionMismatch] {
        let compared: (EngineDefinition) -> Bool = { [leftOut, tableKey] definition in
            guard !leftOut.isEmpty, let table = definition.table ?? (definition.kind == "table" ? definition.name : nil) else { return true }
            return !leftOut.contains(tableKey(table))
        }
        func byIdentity(_ definitions: [EngineDefinition]) -> [EngineDefinition.Identity: EngineDefinition] {
            var result: [EngineDefinition.Identity: EngineDefinition] = [:]
            result.reserveCapacity(definitions.count)
            for definition in definitions where compared(definition) {
                let identity = definition.identity
                result[identity] = result[identity].map { merged($0, definition) } ?? definition
            }
            return result
        }
        let have = byIdentity(actual), want = byIdentity(expected)
        // Only the differing keys are sorted (for a stable report): sorting every key cost more
        // than comparing them at 1,000 tables.
        var differing: [EngineDefinition.Identity] = []
        for (identity, e) in want {
            let a = have[identity]
            if let a, a.text == e.text || equivalent(a.text, e.text) { continue }
            differing.append(identity)
        }
        for identity in have.keys where want[identity] == nil { differing.append(identity) }
        var result: [DefinitionMismatch] = []
        for identity in differing.sorted(by: { ($0.kind, $0.table ?? "", $0.name) < ($1.kind, $1.table ?? "", $1.name) }) {
            let a = have[identity], e = want[identity]
            guard let any = a ?? e, !isSkipped(any) else { continue }
            result.append(DefinitionMismatch(kind: any.kind, objectPath: any.objectPath, actual: a?.text, expected: e?.text))
        }
        return result
    }

    /// Two rows with one key (e.g. two unnamed foreign keys with the same definition) compare as a list.
    private func merged(_ a: EngineDefinition, _ b: EngineDefinition) -> EngineDefinition {
        var copy = a
        copy.text = [a.text, b.text].sorted().joined(separator: "\n")
        return copy
    }

    private func isSkipped(_ definition: EngineDefinition) -> Bool {
        skipped.contains { planned in
            let change = planned.change
            switch change {
            case let .dropTable(table):
                return definition.table == table.name || isTableRow(definition, of: table.name)
            case let .dropView(view):
                return definition.table == view.name || (definition.table == nil && definition.kind == "view" && definition.name == view.name)
            default:
                guard let table = change.tableName else { return false }
                if change.objectPath == definition.objectPath || isTableRow(definition, of: table) { return true }
                // A skipped column change also shows in that column's sequence ("id sequence").
                switch change {
                case let .dropColumn(_, column), let .alterColumn(_, _, column, _):
                    return definition.table == table
                        && (definition.name.hasPrefix(column.name + " ") || definition.kind == EngineDefinition.columnOrderKind)
                default:
                    return false
                }
            }
        }
    }

    private func isTableRow(_ definition: EngineDefinition, of table: String) -> Bool {
        definition.table == nil && definition.kind == "table" && definition.name == table
    }
}
