import Foundation
import XCTest
@testable import SchemaSyncCore

/// The definition cache keys a schema read from a file by the file's text, and anything else
/// (or a schema changed after it was read) by its model.
final class DefinitionCacheKeyTests: XCTestCase {
    private let cache = DefinitionCache(directory: URL(fileURLWithPath: "/nonexistent"))

    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private let yaml = """
        tables:
          - name: users
            columns:
              - { name: id, type: bigint }
        """

    func testASchemaReadFromAFileCarriesItsTextDigestUntilItChanges() throws {
        var schema = try SchemaSource.load(path: try write(yaml), sqlLoader: nil)
        XCTAssertEqual(schema.sourceTextDigest, SourceTextDigest.of([yaml], kind: "schema file"))
        let keyed = try XCTUnwrap(cache.key(desired: schema, scope: "s"))
        schema.tables[0].columns[0].nullable = false
        XCTAssertNil(schema.sourceTextDigest, "a changed schema no longer stands for the text it was read from")
        XCTAssertNotEqual(cache.key(desired: schema, scope: "s"), keyed)
    }

    func testTheDigestDoesNotMakeEqualSchemasDiffer() throws {
        let read = try SchemaSource.load(path: try write(yaml), sqlLoader: nil)
        let built = Schema(tables: read.tables, views: read.views)
        XCTAssertNil(built.sourceTextDigest)
        XCTAssertEqual(read, built)
        XCTAssertEqual(read.hashValue, built.hashValue)
    }

    func testDifferentTextsAndScopesGiveDifferentKeys() throws {
        let first = try SchemaSource.load(path: try write(yaml), sqlLoader: nil)
        let second = try SchemaSource.load(path: try write(yaml + "\n# a comment\n"), sqlLoader: nil)
        XCTAssertEqual(first, second)
        XCTAssertNotEqual(cache.key(desired: first, scope: "s"), cache.key(desired: second, scope: "s"),
                          "keyed by text: a different text is a different entry (only a cache miss)")
        XCTAssertNotEqual(cache.key(desired: first, scope: "s"), cache.key(desired: first, scope: "t"))
        XCTAssertEqual(cache.key(desired: first, scope: "s"),
                       cache.key(desired: try SchemaSource.load(path: try write(yaml), sqlLoader: nil), scope: "s"))
    }
}
