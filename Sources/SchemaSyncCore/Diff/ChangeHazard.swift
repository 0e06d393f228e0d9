/// What a change does to a live database beyond its result, with the same names on every
/// engine: `plan` shows them, `apply --allow-hazards` refuses the kinds not listed.
public struct ChangeHazard: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The kinds of hazard, named alike on every engine.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Rows or values are lost (drop table or column, a narrowing type).
        case deletesData = "deletes-data"
        /// The table is copied or rewritten in full.
        case rewritesTable = "rewrites-table"
        /// Writers to the table wait while the statement runs (the detail says which lock, how long).
        case blocksWrites = "blocks-writes"
        /// Readers of the table wait too.
        case blocksReads = "blocks-reads"
        /// An index is built over the existing rows.
        case buildsIndex = "builds-index"
        /// Existing rows are scanned to check a new constraint.
        case validatesRows = "validates-rows"
        /// The statement commits by itself and cannot be rolled back with the rest.
        case notTransactional = "not-transactional"
        /// Values are converted to a type that may not hold them exactly.
        case lossyTypeMapping = "lossy-type-mapping"
    }

    public var kind: Kind
    /// What exactly, e.g. `ACCESS EXCLUSIVE lock on users until COMMIT`.
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }

    /// The hazards any engine has for `planned`, before a dialect names its locks: what the change
    /// does to existing rows. New tables and views, and changes to a table the same plan creates
    /// (`tableExists` false), have none; every change to an existing table is taken to block its
    /// writers; engines without transactional DDL add `not-transactional`. A dialect refines
    /// these in ``Dialect/hazards(of:in:current:tableExists:)``.
    public static func standard(for planned: PlannedChange, tableExists: Bool, capabilities: DialectCapabilities) -> [ChangeHazard] {
        var result: [ChangeHazard] = []
        let change = planned.change
        if change.tableName != nil && !tableExists && !isDrop(change) { return [] }
        let table = change.tableName ?? change.objectPath
        func add(_ kind: Kind, _ detail: String) { result.append(ChangeHazard(kind, detail)) }
        switch change {
        case .createTable, .createView, .dropView, .renameConstraint:
            break
        case .dropTable:
            add(.deletesData, "every row of \(table) is deleted")
        case let .dropColumn(_, column):
            add(.deletesData, "every value of \(table).\(column.name) is deleted")
        case let .alterColumn(_, from, to, aspects):
            if aspects.contains(.type) {
                add(.rewritesTable, "\(table) may be rewritten to convert \(to.name) from \(from.type) to \(to.type)")
                if planned.safety == .destructive {
                    add(.lossyTypeMapping, "\(to.name) narrows from \(from.type) to \(to.type): values that do not fit are cut or refused")
                }
            }
            if aspects.contains(.nullability) && from.nullable && !to.nullable {
                add(.validatesRows, "every row of \(table) is checked for NULL in \(to.name)")
            }
        case .createIndex, .addUnique, .addPrimaryKey:
            add(.buildsIndex, "an index is built over the rows of \(table)")
        case let .addForeignKey(_, key):
            add(.validatesRows, "every row of \(table) is checked against \(key.referencedTable)")
        case .addCheck:
            add(.validatesRows, "every row of \(table) is checked against the new check")
        default:
            break
        }
        if !isNewObject(change) && change.tableName != nil {
            add(.blocksWrites, "writes to \(table) wait while the change runs")
        }
        if !capabilities.transactionalDDL, !isNewObject(change) {
            add(.notTransactional, "the engine commits this statement by itself; a later failure does not undo it")
        }
        return result
    }

    private static func isDrop(_ change: Change) -> Bool {
        if case .dropTable = change { return true }
        return false
    }

    private static func isNewObject(_ change: Change) -> Bool {
        switch change {
        case .createTable, .createView: return true
        default: return false
        }
    }
}
