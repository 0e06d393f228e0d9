/// The kinds of names a dialect may compare by different rules.
public enum IdentifierKind: Sendable, Hashable {
    /// Tables and views (one namespace).
    case table
    case column
    case index
    /// Primary key, unique, foreign key and check constraint names.
    case constraint
}

extension Dialect {
    /// The key under which this engine compares names of `kind`: two names with equal keys
    /// name the same object. The default folds ASCII letters to lower case where
    /// ``DialectCapabilities`` says the engine ignores case (``DialectCapabilities/caseInsensitiveTableNames``
    /// for tables and views, ``DialectCapabilities/caseInsensitiveColumnNames`` for columns) and
    /// is the name itself otherwise, as for PostgreSQL's quoted identifiers.
    /// A dialect whose engine folds differently overrides ``identifierKey(_:kind:)``.
    public func defaultIdentifierKey(_ name: String, kind: IdentifierKind) -> String {
        switch kind {
        case .table where capabilities.caseInsensitiveTableNames,
             .column where capabilities.caseInsensitiveColumnNames:
            return IdentifierRules.asciiLowercased(name)
        default:
            return name
        }
    }
}

/// Helpers for ``Dialect/identifierKey(_:kind:)``.
public enum IdentifierRules {
    /// `name` with A–Z folded to a–z and every other character kept (SQLite's rule).
    public static func asciiLowercased(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return name }
        return String(String.UnicodeScalarView(name.unicodeScalars.map { scalar in
            (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
    }
}
