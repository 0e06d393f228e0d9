// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "SchemaSync",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SchemaSyncCore", targets: ["SchemaSyncCore"]),
        .library(name: "SchemaSyncConformance", targets: ["SchemaSyncConformance"]),
        .library(name: "SchemaSyncCLI", targets: ["SchemaSyncCLI"]),
        .library(name: "SchemaSyncSQLite", targets: ["SchemaSyncSQLite"]),
        .library(name: "SchemaSyncPostgreSQL", targets: ["SchemaSyncPostgreSQL"]),
        .library(name: "SchemaSyncMariaDB", targets: ["SchemaSyncMariaDB"]),
        .executable(name: "schemasync", targets: ["schemasync"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/onevcat/Rainbow", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        // Core: neutral model, schema files, differ, plan, connector protocols. No database dependency.
        .target(
            name: "SchemaSyncCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Conformance kit: scenarios every connector must pass, given a fresh empty database.
        .target(name: "SchemaSyncConformance", dependencies: ["SchemaSyncCore"]),
        // Command-line interface as a library, so a third party can add connectors.
        .target(
            name: "SchemaSyncCLI",
            dependencies: [
                "SchemaSyncCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Rainbow", package: "Rainbow"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "schemasync",
            dependencies: ["SchemaSyncCLI", "SchemaSyncSQLite", "SchemaSyncPostgreSQL", "SchemaSyncMariaDB"]
        ),

        // SQLite connector.
        .systemLibrary(
            name: "CSQLite",
            path: "Connectors/SQLite/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "SchemaSyncSQLite",
            dependencies: ["SchemaSyncCore", "CSQLite"],
            path: "Connectors/SQLite/Sources"
        ),

        // PostgreSQL connector.
        .systemLibrary(
            name: "CLibPQ",
            path: "Connectors/PostgreSQL/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "SchemaSyncPostgreSQL",
            dependencies: ["SchemaSyncCore", "CLibPQ"],
            path: "Connectors/PostgreSQL/Sources"
        ),

        // MariaDB connector.
        .systemLibrary(
            name: "CMariaDB",
            path: "Connectors/MariaDB/CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]
        ),
        .target(
            name: "SchemaSyncMariaDB",
            dependencies: ["SchemaSyncCore", "CMariaDB"],
            path: "Connectors/MariaDB/Sources"
        ),

        // Tests.
        .testTarget(name: "SchemaSyncCoreTests", dependencies: ["SchemaSyncCore"]),
        .testTarget(
            name: "SchemaSyncSQLiteTests",
            dependencies: ["SchemaSyncSQLite", "SchemaSyncConformance", "CSQLite"]
        ),
        .testTarget(
            name: "SchemaSyncPostgreSQLTests",
            dependencies: ["SchemaSyncPostgreSQL", "SchemaSyncConformance", "CLibPQ"]
        ),
        .testTarget(
            name: "SchemaSyncMariaDBTests",
            dependencies: ["SchemaSyncMariaDB", "SchemaSyncConformance", "CMariaDB"]
        ),
        .testTarget(
            name: "SchemaSyncCLITests",
            dependencies: ["SchemaSyncCLI", "SchemaSyncSQLite", "SchemaSyncConformance", "schemasync"]
        ),
    ]
)
