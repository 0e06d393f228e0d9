/// The differ's output: ordered changes, plus what is unchanged and what is not managed.
public struct Plan: Hashable, Sendable, Codable {
    /// Every change in dependency order, including destructive ones that may be skipped.
    public var changes: [PlannedChange]
    /// Tables and views that need no change.
    public var unchanged: [String]
    /// Objects present in the database that SchemaSync does not manage.
    public var unmanaged: [UnmanagedObject]
    /// Whether destructive changes are to be applied.
    public var allowDestructive: Bool

    public init(changes: [PlannedChange], unchanged: [String], unmanaged: [UnmanagedObject] = [], allowDestructive: Bool) {
        self.changes = changes
        self.unchanged = unchanged
        self.unmanaged = unmanaged
        self.allowDestructive = allowDestructive
    }

    /// Changes that apply would run (destructive ones only when allowed).
    public var applicable: [PlannedChange] {
        changes.filter { allowDestructive || $0.safety != .destructive }
    }

    /// Whether `changes` only create objects that do not exist yet: tables and views, and the
    /// indexes, keys and checks of tables created among them. Split over several transactions
    /// such a plan changes nothing that exists at any point, and a re-run after a failure
    /// converges (see ``Dialect/changesPerTransaction(creating:)``).
    public static func onlyCreatesNewObjects(_ changes: [PlannedChange]) -> Bool {
        var created = Set<String>()
        for planned in changes {
            switch planned.change {
            case let .createTable(t): created.insert(t.name)
            case .createView: continue
            case let .createIndex(t, _), let .addUnique(t, _), let .addPrimaryKey(t, _), let .addForeignKey(t, _), let .addCheck(t, _):
                guard created.contains(t) else { return false }
            default: return false
            }
        }
        return !changes.isEmpty
    }

    /// Destructive changes skipped because they were not allowed.
    public var skipped: [PlannedChange] {
        allowDestructive ? [] : changes.filter { $0.safety == .destructive }
    }

    /// True when nothing at all differs.
    public var isEmpty: Bool { changes.isEmpty }
}
