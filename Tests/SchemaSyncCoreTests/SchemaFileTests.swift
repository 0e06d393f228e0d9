import SchemaSyncCore
import XCTest

final class SchemaFileTests: XCTestCase {
    func parse(_ text: String) throws -> Schema { try SchemaFileReader(source: "s.yaml").parse(text) }

    func assertInvalid(_ text: String, contains fragments: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(text), file: file, line: line) { error in
            guard let error = error as? SchemaSyncError else { return XCTFail("not a SchemaSyncError: \(error)", file: file, line: line) }
            XCTAssertEqual(error.code, .invalidSchema, file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(error.description.contains(fragment), "'\(error)' lacks '\(fragment)'", file: file, line: line)
            }
        }
    }

    func testReadsTheSpecSketch() throws {
        let schema = try parse("""
            tables:
              - name: users
                columns:
                  - { name: id, type: bigint, identity: true }
                  - { name: email, type: varchar(320), nullable: false }
                  - { name: created_at, type: timestamptz, nullable: false, default: { function: current_timestamp } }
                  - { name: display_name, type: text, renamedFrom: name }
                  - { name: score, type: "decimal(12,2)", default: 0 }
                  - { name: kind, type: text, default: "0" }
                primaryKey: [id]
                indexes:
                  - { name: users_email_key, columns: [email], unique: true }
                checks:
                  - { name: users_email_nonempty, expression: "email <> ''" }
              - name: orders
                columns:
                  - { name: id, type: bigint, identity: true }
                  - { name: user_id, type: bigint, nullable: false }
                primaryKey: [id]
                foreignKeys:
                  - { columns: [user_id], references: { table: users, columns: [id] }, onDelete: cascade }
            """)
        let users = schema.table(named: "users")!
        XCTAssertEqual(users.column(named: "id")?.identity, .byDefault)
        XCTAssertEqual(users.column(named: "id")?.nullable, false)
        XCTAssertEqual(users.column(named: "email")?.type, .varchar(length: 320))
        XCTAssertEqual(users.column(named: "created_at")?.defaultValue, .function(.currentTimestamp))
        XCTAssertEqual(users.column(named: "display_name")?.renamedFrom, "name")
        XCTAssertEqual(users.column(named: "score")?.defaultValue, .number("0"))
        XCTAssertEqual(users.column(named: "kind")?.defaultValue, .string("0"), "a quoted number is a string")
        let fk = schema.table(named: "orders")!.foreignKeys[0]
        XCTAssertEqual(fk.name, "orders_user_id_fkey")
        XCTAssertEqual(fk.onDelete, .cascade)
        XCTAssertNoThrow(try SchemaValidator.validate(schema))
    }

    func testErrorsNameFileLineAndProblem() {
        assertInvalid("", contains: ["s.yaml", "empty"])
        assertInvalid("   \n# only a comment\n", contains: ["empty"])
        assertInvalid("tables: []\n", contains: ["no tables"])
        assertInvalid("tables:\n  - name: t\n    columns:\n      - { name: a, type: varchr(3) }\n", contains: ["s.yaml:4", "t.a", "varchr(3)"])
        assertInvalid("tables:\n  - name: t\n    columns:\n      - { name: a, type: text, nulable: false }\n", contains: ["s.yaml:4", "nulable", "nullable"])
        assertInvalid("tables:\n  - name: t\n    columns: [ { name: a, type: text }\n", contains: ["s.yaml", "malformed"])
        assertInvalid("{\"tables\": [{\"name\": \"t\"}]}", contains: ["missing 'columns'"])
        for form in [".inf", "0x1F", "0o17", "1_000", "1e999"] {
            assertInvalid("tables:\n  - name: t\n    columns: [{ name: a, type: integer, default: \(form) }]\n", contains: ["s.yaml:3", "not a plain decimal"])
        }
    }

    func testValidatorRejectsForeignKeysToMissingTables() throws {
        let schema = try parse("""
            tables:
              - name: t
                columns: [{ name: a, type: integer }]
                foreignKeys: [{ columns: [a], references: { table: nowhere, columns: [id] } }]
            """)
        XCTAssertThrowsError(try SchemaValidator.validate(schema)) { error in
            XCTAssertTrue("\(error)".contains("nowhere"))
        }
    }

    func testAnotherDialectsNativeTypeIsRefusedWithTheFix() throws {
        let schema = try parse("tables:\n  - name: t\n    columns: [{ name: n, native: { mariadb: int unsigned } }]\n")
        XCTAssertNoThrow(try SchemaValidator.validateNativeTypes(schema, dialect: "mariadb"))
        XCTAssertThrowsError(try SchemaValidator.validateNativeTypes(schema, dialect: "postgresql")) { error in
            XCTAssertTrue("\(error)".contains("t.n"), "\(error)")
            XCTAssertTrue("\(error)".contains("native: { postgresql"), "\(error)")
        }
    }

    func testGeneratedNamesFitEveryEngineAndDoNotCollide() throws {
        let long = GeneratedName.make("customer_subscription_billing_events", ["subscription_identifier", "billing_period_start_date"], "idx")
        XCTAssertLessThanOrEqual(long.utf8.count, 63)
        XCTAssertEqual(long, GeneratedName.make("customer_subscription_billing_events", ["subscription_identifier", "billing_period_start_date"], "idx"))
        XCTAssertNotEqual(long, GeneratedName.make("customer_subscription_billing_events", ["subscription_identifier", "billing_period_end_date"], "idx"))
        let schema = try parse("tables:\n  - name: t\n    columns: [{ name: a, type: text }]\n    indexes:\n      - { columns: [{ expression: \"lower(a)\" }] }\n      - { columns: [{ expression: \"upper(a)\" }] }\n")
        XCTAssertEqual(schema.tables[0].indexes.map(\.name), ["t_expr_idx", "t_expr_idx2"])
    }

    func testWriterOutputReadsBackToTheSameSchema() throws {
        let original = try parse("""
            tables:
              - name: "we\\"ird: name"
                columns:
                  - { name: id, type: bigint, identity: always }
                  - { name: "true", type: text, default: "yes" }
                  - { name: n, native: { mariadb: "int unsigned" } }
                  - { name: g, type: integer, generated: { expression: "id * 2", stored: false } }
                primaryKey: [id]
                indexes:
                  - { name: i, columns: [{ column: "true", order: desc }, { expression: "lower(\\"true\\")" }], where: "id > 0" }
            views:
              - { name: v, definition: "SELECT 1 AS one" }
            """)
        let writer = SchemaFileWriter(dialectName: "mariadb")
        let yaml = try writer.document(original).yaml()
        XCTAssertEqual(try SchemaFileReader(source: "out.yaml").parse(yaml), original.sorted(), yaml)
        let json = writer.document(original).json()
        XCTAssertEqual(try SchemaFileReader(source: "out.json").parse(json), original.sorted(), json)
    }

    /// Strings YAML could read as something else, or not at all, written plain or quoted by
    /// the writer's own check: every one reads back as the same string.
    func testWriterQuotesEveryStringThatPlainWouldChange() throws {
        let tricky = ["", " lead", "trail ", "a: b", "a #b", "#x", "- x", "-", "123", "1.5", "0x1F", "+1", ".5", "1e3",
                      "true", "Yes", "no", "OFF", "null", "Null", "~", "<<", "=", "2024-01-01", "12:30", "\u{3000}x", "x\u{00A0}",
                      "line\nbreak", "cr\rx", "tab\tin", "é", "€ sign", "quote\"s", "back\\slash", "ctrl\u{1}x", "nel\u{85}x",
                      "ls\u{2028}x", "a:", ":a", "[x]", "{x}", "!x", "&x", "*x", "|x", ">x", "%x", "@x", "`x", "'x'", "\"x\"",
                      "? x", ",x", "plain words", "snake_case", "schema.table", "a,b", "a]b", "x: ", "k:v",
                      "nan", "NaN", "inf", "Infinity", "-infinity", "_1", "1_000", "0o17", "0b101", "1:30:00", "y", "N"]
        let tables = tricky.enumerated().map { i, text in
            Table(name: "t\(i)", columns: [Column(name: "c", type: .text, nullable: true, defaultValue: .string(text))], comment: text)
        }
        let original = Schema(tables: tables)
        let writer = SchemaFileWriter(dialectName: "postgresql")
        let yaml = try writer.document(original).yaml()
        let read = try SchemaFileReader(source: "out.yaml").parse(yaml)
        for (i, text) in tricky.enumerated() {
            let table = read.tables.first { $0.name == "t\(i)" }
            if !text.isEmpty { XCTAssertEqual(table?.comment, text, "comment \(i): \(yaml)") }
            XCTAssertEqual(table?.columns.first?.defaultValue, .string(text), "default \(i)")
        }
    }
}
