import SchemaSyncCore
import XCTest

/// Index details in the core: dialects without them refuse them; the differ sees each detail;
/// schema files read and write them.
final class IndexDetailTests: XCTestCase {
    private func schema(_ index: Index) -> Schema {
        Schema(tables: [Table(name: "t", columns: [Column(name: "a", type: .text), Column(name: "b", type: .integer)],
                              indexes: [index])])
    }

    func testDialectWithoutFeaturesRefusesEachDetail() {
        let details: [(Index, String)] = [
            (Index(name: "i", parts: [Index.Part(column: "a")], include: ["b"]), "INCLUDE"),
            (Index(name: "i", parts: [Index.Part(column: "a", opclass: "text_pattern_ops")]), "operator classes"),
            (Index(name: "i", parts: [Index.Part(column: "a", collation: "C")]), "collations"),
            (Index(name: "i", parts: [Index.Part(column: "a", nullsFirst: true)]), "NULLS FIRST/LAST"),
            (Index(name: "i", parts: [Index.Part(column: "a")], unique: true, nullsNotDistinct: true), "NULLS NOT DISTINCT"),
            (Index(name: "i", parts: [Index.Part(column: "a")], storageParameters: ["fillfactor": "70"]), "storage parameters"),
        ]
        for (index, detail) in details {
            XCTAssertThrowsError(try Differ(dialect: FakeDialect()).plan(from: Schema(), to: schema(index), allowDestructive: false)) { error in
                let e = error as? SchemaSyncError
                XCTAssertEqual(e?.code, .invalidSchema)
                XCTAssertTrue(e?.message.contains(detail) == true, e?.message ?? "")
                XCTAssertTrue(e?.message.contains("index 'i' on table 't'") == true)
            }
        }
        // The direction's default null order is no detail at all.
        XCTAssertNoThrow(try Differ(dialect: FakeDialect()).plan(
            from: Schema(), to: schema(Index(name: "i", parts: [Index.Part(column: "a", descending: true, nullsFirst: true)])),
            allowDestructive: false))
    }

    func testSchemaFileReadsAndWritesDetails() throws {
        let yaml = """
        tables:
          - name: t
            columns: [{ name: a, type: text }, { name: b, type: integer }]
            uniqueConstraints:
              - { name: t_b_key, columns: [b], nullsNotDistinct: true, deferrable: true, initiallyDeferred: true }
            indexes:
              - name: t_a_idx
                columns:
                  - { column: a, opclass: text_pattern_ops, collation: C, order: desc, nulls: last }
                  - { expression: "lower(a)", nulls: first }
                include: [b]
                method: gist
                nullsNotDistinct: true
                with: { fillfactor: 70 }
        """
        let schema = try SchemaFileReader(source: "t.yaml").parse(yaml)
        let index = try XCTUnwrap(schema.tables.first?.indexes.first)
        XCTAssertEqual(index.parts, [
            Index.Part(column: "a", descending: true, opclass: "text_pattern_ops", collation: "C", nullsFirst: false),
            Index.Part(expression: "lower(a)", nullsFirst: true),
        ])
        XCTAssertEqual(index.include, ["b"])
        XCTAssertEqual(index.storageParameters, ["fillfactor": "70"])
        XCTAssertTrue(index.nullsNotDistinct)
        XCTAssertEqual(schema.tables[0].uniqueConstraints,
                       [UniqueConstraint(name: "t_b_key", columns: ["b"], nullsNotDistinct: true, deferrable: true, initiallyDeferred: true)])
        let written = try SchemaFileWriter(dialectName: "postgresql").document(schema).yaml()
        XCTAssertEqual(try SchemaFileReader(source: "w.yaml").parse(written), schema)
        XCTAssertThrowsError(try SchemaFileReader(source: "t.yaml").parse(yaml.replacingOccurrences(of: "nulls: last", with: "nulls: middle")))
    }

    func testDifferSeesEachDetail() throws {
        let base = Index(name: "i", parts: [Index.Part(column: "a")])
        var variants: [Index] = []
        var v = base; v.include = ["b"]; variants.append(v)
        v = base; v.parts[0].opclass = "text_pattern_ops"; variants.append(v)
        v = base; v.parts[0].collation = "C"; variants.append(v)
        v = base; v.parts[0].nullsFirst = true; variants.append(v)
        v = base; v.unique = true; v.nullsNotDistinct = true; variants.append(v)
        v = base; v.storageParameters = ["fillfactor": "70"]; variants.append(v)
        v = base; v.method = "hash"; variants.append(v)
        let all = FullFeatureDialect()
        for variant in variants {
            let plan = try Differ(dialect: all).plan(from: schema(base), to: schema(variant), allowDestructive: false)
            XCTAssertEqual(plan.changes.map(\.change.kind), ["dropIndex", "createIndex"], "\(variant)")
            let back = try Differ(dialect: all).plan(from: schema(variant), to: schema(base), allowDestructive: false)
            XCTAssertEqual(back.changes.map(\.change.kind), ["dropIndex", "createIndex"], "\(variant)")
        }
        var same = base; same.method = "BTREE"; same.parts[0].nullsFirst = false
        XCTAssertEqual(try Differ(dialect: all).plan(from: schema(base), to: schema(same), allowDestructive: false).changes.count, 0)
    }
}

/// The fake dialect with every index feature.
private struct FullFeatureDialect: Dialect {
    var name: String { "full" }
    var capabilities: DialectCapabilities {
        var c = FakeDialect().capabilities
        c.indexFeatures = .all
        return c
    }
    func quoteIdentifier(_ name: String) -> String { "\"\(name)\"" }
    func render(_ changes: [PlannedChange], current: Schema, desired: Schema) throws -> [RenderedStatement] { [] }
}
