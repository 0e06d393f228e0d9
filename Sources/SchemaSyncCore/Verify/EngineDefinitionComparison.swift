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
        // Indexes, not copies: at 1,000 tables the two sides hold some 60,000 definitions.
        struct Side {
            var index: [EngineDefinition.Identity: Int] = [:]
            /// Texts of identities held by several rows, compared as a list.
            var merged: [Int: String] = [:]
        }
        func side(_ definitions: [EngineDefinition]) -> Side {
            var result = Side()
            result.index.reserveCapacity(definitions.count)
            for (i, definition) in definitions.enumerated() where compared(definition) {
                let identity = definition.identity
                if let first = result.index[identity] {
                    result.merged[first] = [result.merged[first] ?? definitions[first].text, definition.text].sorted().joined(separator: "\n")
                } else {
                    result.index[identity] = i
                }
            }
            return result
        }
        let have = side(actual), want = side(expected)
        func text(_ side: Side, _ definitions: [EngineDefinition], _ identity: EngineDefinition.Identity) -> String? {
            side.index[identity].map { side.merged[$0] ?? definitions[$0].text }
        }
        // Only the differing keys are sorted (for a stable report): sorting every key cost more
        // than comparing them at 1,000 tables.
        var differing: [EngineDefinition.Identity] = []
        for (identity, i) in want.index {
            let e = want.merged[i] ?? expected[i].text
            if let a = text(have, actual, identity), a == e || equivalent(a, e) { continue }
            differing.append(identity)
        }
        for identity in have.index.keys where want.index[identity] == nil { differing.append(identity) }
        var result: [DefinitionMismatch] = []
        for identity in differing.sorted(by: { ($0.kind, $0.table ?? "", $0.name) < ($1.kind, $1.table ?? "", $1.name) }) {
            guard let any = have.index[identity].map({ actual[$0] }) ?? want.index[identity].map({ expected[$0] }),
                  !isSkipped(any) else { continue }
            result.append(DefinitionMismatch(kind: any.kind, objectPath: any.objectPath,
                                             actual: text(have, actual, identity), expected: text(want, expected, identity)))
        }
        return result
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
