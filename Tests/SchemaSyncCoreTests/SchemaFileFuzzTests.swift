import Foundation
import SchemaSyncCore
import XCTest

/// Hostile input: mutated, truncated and random schema files must give a SchemaSyncError (or a
/// valid schema), never a crash, a hang or another error type.
final class SchemaFileFuzzTests: XCTestCase {
    static let seed = """
        tables:
          - name: users
            columns:
              - { name: id, type: bigint, identity: true }
              - { name: email, type: varchar(320), nullable: false, default: "x" }
              - { name: created_at, type: timestamptz, default: { function: current_timestamp } }
            primaryKey: [id]
            indexes:
              - { name: users_email_key, columns: [email, { expression: "lower(email)", order: desc }], unique: true, where: "id > 0" }
            foreignKeys:
              - { columns: [id], references: { table: users, columns: [id] }, onDelete: cascade }
            checks:
              - { name: c, expression: "email <> ''" }
        views:
          - { name: v, definition: "SELECT 1" }
        """

    /// A small deterministic generator, so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }
    }

    func parseMustNotCrash(_ text: String) {
        do {
            let schema = try SchemaFileReader(source: "fuzz.yaml").parse(text)
            try? SchemaValidator.validate(schema)
        } catch is SchemaSyncError {
        } catch {
            XCTFail("non-SchemaSyncError for input \(text.debugDescription): \(error)")
        }
    }

    func testTruncationsNeverCrash() {
        let seed = Self.seed
        for length in stride(from: 0, through: seed.count, by: 3) {
            parseMustNotCrash(String(seed.prefix(length)))
        }
    }

    func testMutationsNeverCrash() {
        var random = Generator(state: 42)
        let alphabet = Array("{}[]:,-'\"&*!|>#%@`\n\t 0123456789abcXYZ\\\u{0}\u{FEFF}é😀~?")
        let seed = Array(Self.seed)
        for _ in 0..<1500 {
            var text = seed
            for _ in 0...random.next(6) {
                let position = random.next(text.count)
                switch random.next(3) {
                case 0: text[position] = alphabet[random.next(alphabet.count)]
                case 1: text.insert(alphabet[random.next(alphabet.count)], at: position)
                default: text.remove(at: position)
                }
            }
            parseMustNotCrash(String(text))
        }
    }

    func testDeepNestingIsRefusedWithALine() {
        XCTAssertThrowsError(try SchemaFileReader(source: "deep.yaml").parse("tables:\n  " + String(repeating: "[", count: 500))) { error in
            XCTAssertTrue("\(error)".contains("deep.yaml:2: nested too deeply"), "\(error)")
        }
        // Brackets inside quotes and comments do not count.
        let quoted = "tables:\n  - name: t # [[[[\n    columns: [{ name: a, type: text, default: '" + String(repeating: "[", count: 300) + "' }]\n"
        XCTAssertEqual(try SchemaFileReader(source: "q.yaml").parse(quoted).tables.first?.columns.first?.defaultValue,
                       .string(String(repeating: "[", count: 300)))
    }

    func testOddButValidValuesAreHandled() {
        parseMustNotCrash("tables: [{ name: t, columns: [{ name: a, type: \"varchar(99999999999999999999)\" }] }]")
        parseMustNotCrash("tables: [{ name: t, columns: [{ name: a, type: \"decimal(1000000,2)\" }] }]")
        parseMustNotCrash("tables: [{ name: t, columns: [{ name: a, type: text, default: 1e999999 }] }]")
        parseMustNotCrash("tables: [{ name: t, columns: [{ name: a, type: text }], indexes: [{ columns: [{ column: a, length: -1 }] }] }]")
        parseMustNotCrash("tables: !!map { }")
        parseMustNotCrash("--- \n...\n--- \ntables: []")
        parseMustNotCrash(String(repeating: "[", count: 10_000))
        parseMustNotCrash(String(repeating: "- ", count: 100_000) + "x")
        parseMustNotCrash("tables:\n" + (0..<2_000).map { String(repeating: " ", count: $0) + "a\($0):" }.joined(separator: "\n"))
        parseMustNotCrash("tables:\n" + String(repeating: "  - name: t\n    columns: [{ name: a, type: text }]\n", count: 3))
    }
}
