// swift-tools-version: 6.0
import PackageDescription

// Firebird 3 connector for SchemaSync, kept as a separate package (issue 12) that uses only the
// main package's public products: the way a third party adds a dialect.
//
// - CFirebird / SchemaSyncFirebirdClient: libfbclient and a small Swift client over its ISC API.
// - SchemaSyncFirebird: the connector (dialect, inspector, renderer, session) on SchemaSyncCore.
// - schemasync-firebird: the command line with the built-in connectors plus Firebird.
let package = Package(
    name: "SchemaSyncFirebird",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SchemaSyncFirebirdClient", targets: ["SchemaSyncFirebirdClient"]),
        .library(name: "SchemaSyncFirebird", targets: ["SchemaSyncFirebird"]),
        .executable(name: "schemasync-firebird", targets: ["schemasync-firebird"]),
    ],
    dependencies: [.package(name: "SchemaSync", path: "../..")],
    targets: [
        // Debian's firebird-dev ships ibase.h and libfbclient.so but no pkg-config file.
        .systemLibrary(
            name: "CFirebird",
            providers: [.apt(["firebird-dev"])]
        ),
        .target(name: "SchemaSyncFirebirdClient", dependencies: ["CFirebird"]),
        .target(
            name: "SchemaSyncFirebird",
            dependencies: [.product(name: "SchemaSyncCore", package: "SchemaSync"), "SchemaSyncFirebirdClient"]
        ),
        .executableTarget(
            name: "schemasync-firebird",
            dependencies: [
                "SchemaSyncFirebird",
                .product(name: "SchemaSyncCLI", package: "SchemaSync"),
                .product(name: "SchemaSyncSQLite", package: "SchemaSync"),
                .product(name: "SchemaSyncPostgreSQL", package: "SchemaSync"),
                .product(name: "SchemaSyncMariaDB", package: "SchemaSync"),
            ]
        ),
        .testTarget(name: "SchemaSyncFirebirdClientTests", dependencies: ["SchemaSyncFirebirdClient"]),
        .testTarget(
            name: "SchemaSyncFirebirdTests",
            dependencies: ["SchemaSyncFirebird", "SchemaSyncFirebirdClient",
                           .product(name: "SchemaSyncConformance", package: "SchemaSync")]
        ),
    ]
)
