import SchemaSyncCore
import XCTest

final class ConnectorTests: XCTestCase {
    struct NullConnector: Connector {
        var schemes: [String]
        func connect(to url: DatabaseURL, options: ConnectionOptions) throws -> any DatabaseSession {
            throw SchemaSyncError(.connectionFailed, "no")
        }
    }

    func testRegisteringASchemeTwiceIsAnError() throws {
        let registry = ConnectorRegistry()
        try registry.register(NullConnector(schemes: ["fake", "fake2"]))
        XCTAssertThrowsError(try registry.register(NullConnector(schemes: ["FAKE"]))) {
            XCTAssertEqual(($0 as? SchemaSyncError)?.code, .registry)
        }
        XCTAssertEqual(registry.schemes, ["fake", "fake2"])
        XCTAssertThrowsError(try registry.connect(to: DatabaseURL(parsing: "other://x"))) {
            XCTAssertEqual(($0 as? SchemaSyncError)?.code, .unknownScheme)
        }
    }

    func testURLsParseAndNeverShowThePassword() throws {
        let pg = try DatabaseURL(parsing: "postgres://app:s3cr%40t@db.local:5433/shop?sslmode=require&schema=sales")
        XCTAssertEqual(pg.user, "app")
        XCTAssertEqual(pg.password, "s3cr@t")
        XCTAssertEqual(pg.host, "db.local")
        XCTAssertEqual(pg.port, 5433)
        XCTAssertEqual(pg.path, "/shop")
        XCTAssertEqual(pg.databaseName, "shop")
        XCTAssertEqual(pg.query["schema"], "sales")
        XCTAssertFalse(pg.description.contains("s3cr"))
        XCTAssertEqual(pg.description, "postgres://app:***@db.local:5433/shop?schema=sales&sslmode=require")

        XCTAssertEqual(try DatabaseURL(parsing: "sqlite:data/app.db").path, "data/app.db")
        XCTAssertEqual(try DatabaseURL(parsing: "sqlite:///var/app.db").path, "/var/app.db")
        XCTAssertEqual(try DatabaseURL(parsing: "sqlite::memory:").path, ":memory:")
        // The core knows no scheme: a third party's file-based URL keeps its absolute path.
        let duck = try DatabaseURL(parsing: "duckdb:///abs/x.db")
        XCTAssertEqual(duck.path, "/abs/x.db")
        XCTAssertEqual(try DatabaseURL(parsing: duck.description), duck)
        XCTAssertEqual(try DatabaseURL(parsing: "duckdb:rel/x.db").path, "rel/x.db")
        XCTAssertThrowsError(try DatabaseURL(parsing: "no-scheme-here"))
        XCTAssertFalse(DatabaseURL.redact("failed for mysql://root:hunter2@h/db and password=hunter2").contains("hunter2"))
        for url in ["postgres://u:pa/ss@h:1/db", "postgres://u:p@ss:w@h/db", "mysql://u:a:b/c@h/db?x=1"] {
            XCTAssertEqual(DatabaseURL.redact("error: '\(url)' failed").contains("pa/ss") || DatabaseURL.redact(url).contains("ss:w")
                           || DatabaseURL.redact(url).contains("a:b/c"), false, DatabaseURL.redact(url))
            do {
                let parsed = try DatabaseURL(parsing: url)
                XCTAssertFalse(parsed.description.contains("pa/ss") || parsed.description.contains("ss:w"), parsed.description)
            } catch {
                XCTAssertFalse("\(error)".contains("pa/ss") || "\(error)".contains("ss:w") || "\(error)".contains("a:b/c"), "\(error)")
            }
        }
    }

    func testDataTypesParseAndClassifyNarrowing() {
        XCTAssertEqual(DataType.parse("Character Varying(20)"), .varchar(length: 20))
        XCTAssertEqual(DataType.parse("numeric(12, 2)"), .decimal(precision: 12, scale: 2))
        XCTAssertNil(DataType.parse("decimal(2,5)"))
        XCTAssertNil(DataType.parse("varchar(-1)"))
        XCTAssertNil(DataType.parse("int unsigned"))
        // The one-pass ASCII path and the general path agree on odd spacing, case and suffixes.
        XCTAssertEqual(DataType.parse("  VARCHAR ( 20 ) "), .varchar(length: 20))
        XCTAssertEqual(DataType.parse("double   precision"), .double)
        XCTAssertEqual(DataType.parse("Timestamp With Time Zone"), .timestamptz)
        XCTAssertEqual(DataType.parse("decimal(12 ,2)"), .decimal(precision: 12, scale: 2))
        XCTAssertEqual(DataType.parse("\tvarchar(+7)\u{00A0}"), .varchar(length: 7))
        XCTAssertEqual(DataType.parse("varchar(080)"), .varchar(length: 80))
        XCTAssertNil(DataType.parse("varchar(20)x"))
        XCTAssertNil(DataType.parse("varchar()"))
        XCTAssertNil(DataType.parse("varchar(20"))
        XCTAssertNil(DataType.parse("decimal(1,2,3)"))
        XCTAssertNil(DataType.parse("varchar(99999999999999999999999)"))
        XCTAssertNil(DataType.parse("(20)"))
        XCTAssertEqual(DataType.varchar(length: 10).isNarrowing(to: .varchar(length: 5)), true)
        XCTAssertEqual(DataType.varchar(length: 10).isNarrowing(to: .text), false)
        XCTAssertEqual(DataType.integer.isNarrowing(to: .smallint), true)
        XCTAssertEqual(DataType.decimal(precision: 10, scale: 2).isNarrowing(to: .decimal(precision: 12, scale: 2)), false)
        XCTAssertEqual(DataType.decimal(precision: 10, scale: 2).isNarrowing(to: .decimal(precision: 10, scale: 3)), true)
    }

    func testExpressionNormalisation() {
        XCTAssertEqual(ExpressionText.normalized("( Email <>  '' )"), ExpressionText.normalized("email<>''"))
        XCTAssertEqual(ExpressionText.normalized("(a) AND (b)"), ExpressionText.normalized("(a)and(b)"))
        XCTAssertNotEqual(ExpressionText.normalized("(a) AND (b)"), ExpressionText.normalized("a AND b OR c"))
        XCTAssertEqual(ExpressionText.normalized("x IS  NOT null"), "x is not null")
        XCTAssertNotEqual(ExpressionText.normalized("x = 'A'"), ExpressionText.normalized("x = 'a'"))
    }
}
