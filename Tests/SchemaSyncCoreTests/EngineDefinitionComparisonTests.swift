import XCTest
@testable import SchemaSyncCore

final class EngineDefinitionComparisonTests: XCTestCase {
    private func def(_ kind: String, _ table: String?, _ name: String, _ text: String) -> EngineDefinition {
        EngineDefinition(kind: kind, table: table, name: name, text: text)
    }

    func testEqualDefinitionsHaveNoMismatch() {
        let defs = [def("table", nil, "t", "heap"), def("column", "t", "a", "integer"), def("index", "t", "i", "USING hash (a)")]
        XCTAssertEqual(EngineDefinitionComparison(actual: defs, expected: defs.reversed()).mismatches, [])
    }

    func testDifferentMissingAndExtraObjectsAreNamed() {
        let actual = [def("index", "t", "i", "USING hash (a)"), def("column", "t", "extra", "text")]
        let expected = [def("index", "t", "i", "USING btree (a)"), def("constraint", "t", "t_pkey", "PRIMARY KEY (a)")]
        let mismatches = EngineDefinitionComparison(actual: actual, expected: expected).mismatches
        XCTAssertEqual(mismatches.map(\.objectPath).sorted(), ["t.extra", "t.i", "t.t_pkey"])
        let index = mismatches.first { $0.objectPath == "t.i" }
        XCTAssertEqual(index?.actual, "USING hash (a)")
        XCTAssertEqual(index?.expected, "USING btree (a)")
        XCTAssertTrue(index?.description.contains("the database has `USING hash (a)`") ?? false)
    }

    func testSkippedDestructiveChangesAreLeftOut() {
        let legacy = Column(name: "legacy", type: .text)
        let gone = Table(name: "gone", columns: [legacy])
        let actual = [def("column", "t", "legacy", "text"), def("sequence", "t", "legacy sequence", "x"),
                      def("table", nil, "gone", "heap"), def("column", "gone", "legacy", "text"),
                      def("view", nil, "v", "SELECT 1"), def("column", "t", "kept", "text")]
        let skipped = [
            PlannedChange(id: 1, change: .dropColumn(table: "t", column: legacy), safety: .destructive),
            PlannedChange(id: 2, change: .dropTable(gone), safety: .destructive),
            PlannedChange(id: 3, change: .dropView(View(name: "v", definition: "SELECT 1")), safety: .destructive),
        ]
        let mismatches = EngineDefinitionComparison(actual: actual, expected: [], skipped: skipped).mismatches
        XCTAssertEqual(mismatches.map(\.objectPath), ["t.kept"], "only the column no skipped change explains differs")
    }

    func testCapturedDefinitionsAreDroppedOnceTheSchemaChanges() {
        var schema = Schema(tables: [Table(name: "t", columns: [Column(name: "a", type: .integer)])])
        schema.captureSourceDefinitions([def("column", "t", "a", "integer")])
        XCTAssertEqual(schema.sourceDefinitions?.count, 1)
        schema.tables[0].columns[0].name = "b"
        XCTAssertNil(schema.sourceDefinitions, "definitions captured for another model must not be used")
    }

    func testTheDialectDecidesWhichTextsMeanTheSame() {
        let actual = [def("constraint", "t", "c", "CHECK (x::text = 'a')")], expected = [def("constraint", "t", "c", "CHECK (x = 'a')")]
        XCTAssertEqual(EngineDefinitionComparison(actual: actual, expected: expected).mismatches.count, 1)
        let lenient = EngineDefinitionComparison(actual: actual, expected: expected,
                                                 equivalent: { $0.replacingOccurrences(of: "::text", with: "") == $1 })
        XCTAssertEqual(lenient.mismatches, [])
    }
}

/// Which new tables apply leaves to the model, and that the comparison then ignores them.
final class VerificationBaselineTests: XCTestCase {
    private func table(_ name: String, references: [String] = []) -> Table {
        Table(name: name, columns: [Column(name: "id", type: .integer)] + references.map { Column(name: "\($0)_id", type: .integer) },
              foreignKeys: references.map { ForeignKey(name: "\(name)_\($0)_fk", columns: ["\($0)_id"], referencedTable: $0, referencedColumns: ["id"]) })
    }

    func testNewTablesAnExistingTableOrAViewNeedsStayInTheCopy() {
        // kept (exists) → b → c (chain of new tables it needs); v mentions d; e refers to kept; a is alone.
        let desired = Schema(tables: [table("kept", references: ["b"]), table("b", references: ["c"]), table("c"),
                                      table("d"), table("e", references: ["kept"]), table("a")],
                             views: [View(name: "v", definition: "SELECT id FROM public.D")])
        let modelOnly = VerificationBaseline.modelOnlyTables(desired: desired, created: ["a", "b", "c", "d", "e"])
        XCTAssertEqual(modelOnly, ["a", "e"])
        XCTAssertEqual(VerificationBaseline.modelOnlyTables(desired: desired, created: []), [])
        XCTAssertEqual(VerificationBaseline.schema(desired, without: modelOnly).tables.map(\.name), ["kept", "b", "c", "d"])
    }

    func testForeignKeysMatchTablesWithoutRegardToCase() {
        let desired = Schema(tables: [table("kept", references: ["Users"]), table("users")])
        XCTAssertEqual(VerificationBaseline.modelOnlyTables(desired: desired, created: ["users"]), [])
    }

    func testLeftOutTablesAreIgnoredOnBothSides() {
        let actual = [EngineDefinition(kind: "table", table: nil, name: "a", text: "heap"),
                      EngineDefinition(kind: "column", table: "a", name: "x", text: "integer"),
                      EngineDefinition(kind: "column", table: "t", name: "x", text: "integer")]
        let expected = [EngineDefinition(kind: "column", table: "t", name: "x", text: "bigint")]
        let mismatches = EngineDefinitionComparison(actual: actual, expected: expected, leavingOut: ["a"]).mismatches
        XCTAssertEqual(mismatches.map(\.objectPath), ["t.x"], "a is left out, t is still compared")
    }
}
