import SchemaSyncCore

/// InnoDB refuses a foreign key whose columns' types differ from the referenced columns'
/// (errno 150), and on MariaDB that failure comes after earlier DDL has committed. This check
/// refuses such a schema before anything changes, naming both columns.
enum MariaDBForeignKeyTypes {
    static func validate(_ schema: Schema, serverVersion: Int) throws {
        for table in schema.tables {
            for key in table.foreignKeys {
                guard let target = schema.table(named: key.referencedTable) else { continue }
                for (local, remote) in zip(key.columns, key.referencedColumns) {
                    guard let a = table.column(named: local), let b = target.column(named: remote) else { continue }
                    let x = MariaDBTypeMapping.columnType(a, serverVersion: serverVersion)
                    let y = MariaDBTypeMapping.columnType(b, serverVersion: serverVersion)
                    if let problem = mismatch(x, y, charsets: (charset(a, table), charset(b, target))) {
                        throw SchemaSyncError(
                            .invalidSchema,
                            "foreign key '\(key.name)' on table '\(table.name)': column '\(table.name).\(local)' is \(x) but the referenced column '\(target.name).\(remote)' is \(y) (\(problem))",
                            hint: "give both columns the same type (and signedness, character set)")
                    }
                }
            }
        }
    }

    private static func charset(_ column: Column, _ table: Table) -> String? {
        let collation = column.attributes[MariaDBDialect.Attribute.collation] ?? table.attributes[MariaDBDialect.Attribute.collation]
        return (column.attributes[MariaDBDialect.Attribute.charset] ?? table.attributes[MariaDBDialect.Attribute.charset]
            ?? collation.map { String($0.prefix { $0 != "_" }) })?.lowercased()
    }

    /// Why InnoDB would refuse a key from a `local`-typed column to a `remote`-typed one, or nil.
    static func mismatch(_ local: String, _ remote: String, charsets: (String?, String?)) -> String? {
        let a = MariaDBTypeMapping.comparisonKey(local), b = MariaDBTypeMapping.comparisonKey(remote)
        if let x = MariaDBTypeMapping.integerRank(a), let y = MariaDBTypeMapping.integerRank(b) {
            if x.rank != y.rank { return "integer sizes differ" }
            return x.unsigned == y.unsigned ? nil : "signedness differs"
        }
        let baseA = String(a.prefix { $0.isLetter }), baseB = String(b.prefix { $0.isLetter })
        let strings: Set<String> = ["char", "varchar"]
        if strings.contains(baseA) && strings.contains(baseB) {
            if let x = charsets.0, let y = charsets.1, x != y { return "character sets differ" }
            return baseA == baseB ? nil : "char and varchar differ"
        }
        return a == b ? nil : "types differ"
    }
}
