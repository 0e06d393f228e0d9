// swift-tools-version: 6.0
import PackageDescription

// Firebird 3 connector for SchemaSync, kept as a separate package (issue 12) that uses only the
// main package's public products.
//
// For now it holds the C client module and a small Swift client over Firebird's legacy ISC API;
// no target uses the main package yet. Declaring the dependency costs only its resolution
// (SwiftPM reads ../../Package.swift and checks out the main package's remote dependencies,
// which it does from its local cache), not a build: SwiftPM compiles only the products a target
// depends on. The dialect/inspector target will add `.product(name: "SchemaSyncCore",
// package: "SchemaSync")`.
let package = Package(
    name: "SchemaSyncFirebird",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "SchemaSyncFirebirdClient", targets: ["SchemaSyncFirebirdClient"]),
    ],
    dependencies: [.package(name: "SchemaSync", path: "../..")],
    targets: [
        // Debian's firebird-dev ships ibase.h and libfbclient.so but no pkg-config file.
        .systemLibrary(
            name: "CFirebird",
            providers: [.apt(["firebird-dev"])]
        ),
        .target(name: "SchemaSyncFirebirdClient", dependencies: ["CFirebird"]),
        .testTarget(name: "SchemaSyncFirebirdClientTests", dependencies: ["SchemaSyncFirebirdClient"]),
    ]
)
