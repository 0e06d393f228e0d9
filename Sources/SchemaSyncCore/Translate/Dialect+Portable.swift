/// What a source dialect says about one of its types when the schema goes to another engine.
public struct PortableTypeMapping: Sendable {
    /// The portable type the target uses.
    public var type: DataType
    /// What is lost (shown in the lossy-mappings list); nil when nothing is.
    public var note: String?
    /// A check that keeps the allowed values (an enum's labels), if any.
    public var check: PortableExpression?
    /// Values may not fit: the copy needs `--allow-lossy`.
    public var needsAllowLossy: Bool

    public init(type: DataType, note: String?, check: PortableExpression? = nil, needsAllowLossy: Bool = false) {
        self.type = type
        self.note = note
        self.check = check
        self.needsAllowLossy = needsAllowLossy
    }
}

extension Dialect {
    public func portableType(forNative native: String, column: Column) -> PortableTypeMapping? { nil }

    public func exportedType(of column: Column, in table: Table) -> PortableTypeMapping? { nil }

    public func portableFunction(_ name: String, arguments: [String], distinct: Bool) -> String {
        "\(name)(\(distinct ? "DISTINCT " : "")\(arguments.joined(separator: ", ")))"
    }

    public func portableOperator(_ op: String, _ left: String, _ right: String) -> String? { nil }

    public func portableCastType(_ type: DataType) -> String? {
        type.isNative ? nil : type.description
    }

    public func approximation(of type: DataType) -> String? { nil }

    public func targetType(for type: DataType, keyParts: Int?) -> PortableTypeMapping? { nil }

    public func targetIndex(_ index: Index, in table: Table) -> (index: Index, note: String)? { nil }

    public var behaviouralAttributes: Set<String> { [] }
}
