import SchemaSyncCore

/// Schemas the scenarios start from and move to, using portable types every engine maps losslessly.
enum ConformanceFixtures {
    static func col(_ name: String, _ type: DataType, null: Bool = true, default value: ColumnDefault? = nil,
                    identity: Bool = false) -> Column {
        Column(name: name, type: type, nullable: identity ? false : null, defaultValue: value, identity: identity ? .byDefault : nil)
    }

    /// A small shop: identity keys, defaults of each kind, a unique constraint, indexes, a
    /// cascading foreign key, a check and a view.
    static var shop: Schema {
        let users = Table(
            name: "users",
            columns: [
                col("id", .bigint, identity: true),
                col("email", .varchar(length: 320), null: false),
                col("name", .varchar(length: 100)),
                col("active", .boolean, null: false, default: .boolean(true)),
                col("created_at", .timestamp, null: false, default: .function(.currentTimestamp)),
            ],
            primaryKey: PrimaryKey(columns: ["id"]),
            indexes: [Index(name: "users_email_key", columns: ["email"], unique: true)],
            checks: [CheckConstraint(name: "users_email_nonempty", expression: "email <> ''")])
        let orders = Table(
            name: "orders",
            columns: [
                col("id", .bigint, identity: true),
                col("user_id", .bigint, null: false),
                col("status", .varchar(length: 20), null: false, default: .string("new")),
                col("total", .decimal(precision: 12, scale: 2), null: false, default: .number("0")),
                col("note", .text),
            ],
            primaryKey: PrimaryKey(columns: ["id"]),
            uniqueConstraints: [],
            indexes: [Index(name: "orders_user_status_idx", columns: ["user_id", "status"])],
            foreignKeys: [ForeignKey(name: "orders_user_id_fkey", columns: ["user_id"], referencedTable: "users",
                                     referencedColumns: ["id"], onDelete: .cascade)],
            checks: [CheckConstraint(name: "orders_total_nonnegative", expression: "total >= 0")])
        let view = View(name: "user_order_counts",
                        definition: "SELECT user_id, COUNT(*) AS order_count FROM orders GROUP BY user_id")
        return Schema(tables: [users, orders], views: [view])
    }

    /// One table `items(id integer PK, code varchar(10), qty integer, label text)`.
    static var items: Schema {
        Schema(tables: [Table(
            name: "items",
            columns: [
                col("id", .integer, null: false),
                col("code", .varchar(length: 10)),
                col("qty", .integer),
                col("label", .text),
            ],
            primaryKey: PrimaryKey(columns: ["id"]))])
    }

    static func modify(_ schema: Schema, _ table: String, _ body: (inout Table) -> Void) -> Schema {
        var copy = schema
        let i = copy.tables.firstIndex { $0.name == table }!
        body(&copy.tables[i])
        return copy
    }

    static func modifyColumn(_ schema: Schema, _ table: String, _ column: String, _ body: (inout Column) -> Void) -> Schema {
        modify(schema, table) { t in
            let i = t.columns.firstIndex { $0.name == column }!
            body(&t.columns[i])
        }
    }
}
