import SchemaSyncCore
import XCTest

/// The core refuses what a dialect's capabilities say its engine cannot hold, so no connector
/// re-checks them by hand and a new dialect gets the refusals by declaring its capabilities.
final class CapabilityCheckTests: XCTestCase {
    private func table(_ name: String = "t", columns: [Column] = [Column(name: "id", type: .integer)],
                       indexes: [Index] = [], foreignKeys: [ForeignKey] = []) -> Table {
        Table(name: name, columns: columns, primaryKey: PrimaryKey(columns: ["id"]), indexes: indexes, foreignKeys: foreignKeys)
    }

    /// Refused by a dialect lacking the capability `without` turns off, accepted with everything.
    private func assertRefused(_ schema: Schema, mentioning text: String, without: (inout DialectCapabilities) -> Void,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNoThrow(try CapabilityCheck.validate(schema, dialect: ConfigurableDialect()), file: file, line: line)
        var limited = ConfigurableDialect()
        without(&limited.caps)
        XCTAssertThrowsError(try CapabilityCheck.validate(schema, dialect: limited), file: file, line: line) { error in
            let error = error as? SchemaSyncError
            XCTAssertEqual(error?.code, .invalidSchema, file: file, line: line)
            XCTAssertTrue(error?.description.contains(text) ?? false, "\(String(describing: error))", file: file, line: line)
            XCTAssertTrue(error?.description.contains("configurable") ?? false, "names the engine: \(String(describing: error))", file: file, line: line)
        }
    }

    func testEachMissingCapabilityIsRefusedNamingTheObject() {
        let always = Column(name: "id", type: .integer, nullable: false, identity: .always)
        assertRefused(Schema(tables: [table(columns: [always])]), mentioning: "t.id") { $0.identityAlways = false }
        let virtual = Column(name: "v", type: .integer, generated: .init(expression: "id + 1", stored: false))
        assertRefused(Schema(tables: [table(columns: [Column(name: "id", type: .integer), virtual])]), mentioning: "t.v") { $0.virtualGeneratedColumns = false }
        assertRefused(Schema(tables: [table()], views: [View(name: "v", definition: "SELECT 1")]), mentioning: "view 'v'") { $0.views = false }
        let partial = Index(name: "t_partial", columns: ["id"], predicate: "id > 0")
        assertRefused(Schema(tables: [table(indexes: [partial])]), mentioning: "t_partial") { $0.partialIndexes = false }
        let expression = Index(name: "t_expr", parts: [.init(expression: "id + 1")])
        assertRefused(Schema(tables: [table(indexes: [expression])]), mentioning: "t_expr") { $0.expressionIndexes = false }
        let prefix = Index(name: "t_prefix", parts: [.init(column: "id", prefixLength: 4)])
        assertRefused(Schema(tables: [table(indexes: [prefix])]), mentioning: "prefix") { $0.indexFeatures.remove(.prefixLengths) }
        let hash = Index(name: "t_hash", parts: [.init(column: "id")], method: "hash")
        assertRefused(Schema(tables: [table(indexes: [hash])]), mentioning: "hash") { $0.indexFeatures.remove(.methods) }
        let deferred = ForeignKey(name: "t_self_fkey", columns: ["id"], referencedTable: "t", referencedColumns: ["id"], deferrable: true)
        assertRefused(Schema(tables: [table(foreignKeys: [deferred])]), mentioning: "t_self_fkey") { $0.deferrableForeignKeys = false }
    }

    func testNameLimitsCountTheEnginesUnit() {
        // 33 characters, 64 bytes of UTF-8.
        let name = String(repeating: "ж", count: 31) + "xx"
        let schema = Schema(tables: [table(name)])
        assertRefused(schema, mentioning: "64 bytes") { $0.identifierLimit = IdentifierLimit(63, .bytes) }
        var characters = ConfigurableDialect()
        characters.caps.identifierLimit = IdentifierLimit(33, .characters)
        XCTAssertNoThrow(try CapabilityCheck.validate(schema, dialect: characters))
        // A generated index name counts too, and the hint says how to name it.
        let unnamed = Index(name: GeneratedName.make("orders", ["customer_reference"], "idx"), columns: ["id"])
        var short = ConfigurableDialect()
        short.caps.identifierLimit = IdentifierLimit(20, .bytes)
        XCTAssertThrowsError(try CapabilityCheck.validate(Schema(tables: [table(indexes: [unnamed])]), dialect: short)) { error in
            XCTAssertTrue("\(error)".contains("orders_customer_reference_idx") && "\(error)".contains("name:"), "\(error)")
        }
    }

    func testSchemaWideIndexNamesAreComparedByTheTableNameRule() {
        let clash = Schema(tables: [table("Orders"), table("t", indexes: [Index(name: "orders", columns: ["id"])])])
        var exact = ConfigurableDialect()
        exact.caps.schemaWideIndexNames = true
        XCTAssertNoThrow(try CapabilityCheck.validate(clash, dialect: exact))
        var folding = exact
        folding.caps.caseInsensitiveTableNames = true
        XCTAssertThrowsError(try CapabilityCheck.validate(clash, dialect: folding)) { error in
            XCTAssertTrue("\(error)".contains("'orders'"), "\(error)")
        }
        var perTable = folding
        perTable.caps.schemaWideIndexNames = false
        XCTAssertNoThrow(try CapabilityCheck.validate(clash, dialect: perTable))
    }
}

/// The fake dialect with capabilities a test sets; everything on by default.
private struct ConfigurableDialect: Dialect {
    var caps: DialectCapabilities = {
        var c = FakeDialect().capabilities
        c.indexFeatures = .all
        return c
    }()
    var name: String { "configurable" }
    var capabilities: DialectCapabilities { caps }
    func quoteIdentifier(_ name: String) -> String { "\"\(name)\"" }
    func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] { [] }
}
