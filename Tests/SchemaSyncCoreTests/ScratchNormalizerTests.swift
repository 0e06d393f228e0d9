import SchemaSyncCore
import XCTest

/// The one normaliser every connector with a scratch space uses: only what the engine respells
/// goes to the scratch copy, and the engine's spelling replaces the declared one.
final class ScratchNormalizerTests: XCTestCase {
    private struct Standard: ServerSpelling {}

    /// An engine that writes every check in parentheses and upper case.
    private func engineCopy(_ tables: [Table], _ views: [View]) -> Schema {
        var copy = Schema(tables: tables, views: views)
        for t in copy.tables.indices {
            for k in copy.tables[t].checks.indices { copy.tables[t].checks[k].expression = "(\(copy.tables[t].checks[k].expression.uppercased()))" }
        }
        for v in copy.views.indices { copy.views[v].definition = copy.views[v].definition.uppercased() }
        return copy
    }

    private let plain = Table(name: "plain", columns: [Column(name: "a", type: .integer)])
    private let checked = Table(name: "checked", columns: [Column(name: "a", type: .integer)], checks: [CheckConstraint(name: "c", expression: "a > 0")])

    func testOnlyTablesTheEngineRespellsGoToTheScratchCopy() throws {
        var sent: [String] = []
        let normalized = try ScratchNormalizer(spelling: Standard()).normalize(Schema(tables: [plain, checked]), catalog: nil) { tables, views in
            sent = tables.map(\.name) + views.map(\.name)
            return engineCopy(tables, views)
        }
        XCTAssertEqual(sent, ["checked"])
        XCTAssertEqual(normalized.table(named: "checked")?.checks.first?.expression, "(A > 0)")
        XCTAssertEqual(normalized.table(named: "plain"), plain)
    }

    func testWhatTheCatalogAlreadySpellsAlikeNeedsNoScratchCopy() throws {
        var spelled = checked
        spelled.checks[0].expression = "(A > 0)"
        let catalog = Schema(tables: [spelled])
        let normalized = try ScratchNormalizer(spelling: Standard()).normalize(Schema(tables: [spelled]), catalog: catalog) { _, _ in
            XCTFail("nothing needs the engine")
            return Schema()
        }
        XCTAssertEqual(normalized.tables, [spelled])
        // A check that differs from the catalog's goes again.
        XCTAssertEqual(ScratchNormalizer(spelling: Standard()).tablesNeedingServer(Schema(tables: [checked]), catalog: catalog).map(\.name), ["checked"])
    }

    func testAViewTheCatalogSpellsDifferentlyTakesEveryTableAlong() throws {
        let view = View(name: "v", definition: "select a from plain")
        var sent: [String] = []
        let normalized = try ScratchNormalizer(spelling: Standard()).normalize(Schema(tables: [plain, checked], views: [view]), catalog: nil) { tables, views in
            sent = tables.map(\.name) + views.map(\.name)
            return engineCopy(tables, views)
        }
        XCTAssertEqual(sent, ["plain", "checked", "v"])
        XCTAssertEqual(normalized.view(named: "v")?.definition, "SELECT A FROM PLAIN")
    }

    func testTheScratchSpacesErrorPassesThrough() {
        XCTAssertThrowsError(try ScratchNormalizer(spelling: Standard()).normalize(Schema(tables: [checked]), catalog: nil) { _, _ in
            throw SchemaSyncError(.invalidSchema, "check 'c' is not valid here")
        }) { error in
            XCTAssertEqual((error as? SchemaSyncError)?.code, .invalidSchema)
        }
    }
}
