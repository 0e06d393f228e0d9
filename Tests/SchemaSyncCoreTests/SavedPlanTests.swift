import Foundation
import XCTest
@testable import SchemaSyncCore

/// The plan file's integrity hash, its fingerprint comparison, and the published JSON Schema
/// staying in step with what the tool writes.
final class SavedPlanTests: XCTestCase {
    private func sample() -> SavedPlan {
        let table = Table(name: "t", columns: [Column(name: "id", type: .integer)])
        let plan = Plan(changes: [PlannedChange(id: 1, change: .createTable(table), safety: .safe)], unchanged: [], allowDestructive: false)
        return SavedPlan(tool: "test", createdAt: "2026-01-01T00:00:00Z", dialect: "fake", serverVersion: nil, database: "fake:x",
                         allowDestructive: false, desiredSchema: Schema(tables: [table]),
                         catalog: CatalogFingerprint(schema: Schema(), definitions: nil), plan: plan,
                         hazards: ["1": [ChangeHazard(.blocksWrites, "a lock")]],
                         statements: [RenderedStatement("CREATE TABLE t (id integer)", changeIDs: [1])])
    }

    func testAFileReadsBackAndAnyEditIsRefused() throws {
        let data = try sample().encoded()
        XCTAssertEqual(try SavedPlan.decode(data, path: "p.json").statements.map(\.sql), ["CREATE TABLE t (id integer)"])
        let edited = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "id integer", with: "id bigint").utf8)
        XCTAssertThrowsError(try SavedPlan.decode(edited, path: "p.json")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .planStale)
        }
        let otherVersion = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 2").utf8)
        XCTAssertThrowsError(try SavedPlan.decode(otherVersion, path: "p.json")) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
            XCTAssertTrue("\(error)".contains("version 2"), "\(error)")
        }
        XCTAssertThrowsError(try SavedPlan.decode(Data("not json".utf8), path: "p.json"))
    }

    func testFingerprintNamesWhatChanged() {
        let a = Table(name: "a", columns: [Column(name: "id", type: .integer)])
        let b = Table(name: "b", columns: [Column(name: "id", type: .integer)])
        let before = CatalogFingerprint(schema: Schema(tables: [a, b]), definitions: [EngineDefinition(kind: "index", table: "a", name: "i", text: "btree")])
        XCTAssertEqual(CatalogFingerprint(schema: Schema(tables: [b, a]), definitions: [EngineDefinition(kind: "index", table: "a", name: "i", text: "btree")]), before,
                       "the order of tables does not matter")
        let hashIndex = CatalogFingerprint(schema: Schema(tables: [a, b]), definitions: [EngineDefinition(kind: "index", table: "a", name: "i", text: "hash")])
        XCTAssertEqual(hashIndex.changes(since: before), ["table a changed"], "a difference only the engine reports counts")
        let c = Table(name: "c", columns: [])
        XCTAssertEqual(CatalogFingerprint(schema: Schema(tables: [a, c]), definitions: [EngineDefinition(kind: "index", table: "a", name: "i", text: "btree")])
            .changes(since: before), ["table b was dropped", "table c was added"])
    }

    func testUnmanagedObjectsCountAndSessionDependentAttributesDoNot() {
        var view = View(name: "v", definition: "SELECT 1")
        let trigger = UnmanagedObject(kind: "trigger", name: "audit", table: "t", definition: "CREATE TRIGGER audit ... BEGIN SELECT 1; END")
        let before = CatalogFingerprint(schema: Schema(views: [view], unmanaged: [trigger]), definitions: nil, ignoring: ["x.definer"])
        var edited = trigger
        edited.definition = "CREATE TRIGGER audit ... BEGIN SELECT 2; END"
        XCTAssertEqual(CatalogFingerprint(schema: Schema(views: [view], unmanaged: [edited]), definitions: nil, ignoring: ["x.definer"])
            .changes(since: before), ["trigger audit on t changed"])
        view.attributes["x.definer"] = "deploy@%"
        XCTAssertEqual(CatalogFingerprint(schema: Schema(views: [view], unmanaged: [trigger]), definitions: nil, ignoring: ["x.definer"]), before)
    }

    /// docs/plan-file.schema.json lists every field the tool writes and every hazard kind.
    func testThePublishedJSONSchemaMatchesTheFormat() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("docs/plan-file.schema.json"))) as? [String: Any])
        let written = try XCTUnwrap(try JSONSerialization.jsonObject(with: sample().encoded()) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(written.keys).union(["serverVersion", "scope"]))
        XCTAssertEqual(Set(try XCTUnwrap(schema["required"] as? [String])), Set(written.keys))
        let hazards = try XCTUnwrap(((((properties["hazards"] as? [String: Any])?["additionalProperties"] as? [String: Any])?["items"] as? [String: Any])?["properties"] as? [String: Any])?["kind"] as? [String: Any])
        XCTAssertEqual(hazards["enum"] as? [String], ChangeHazard.Kind.allCases.map(\.rawValue))
    }
}
