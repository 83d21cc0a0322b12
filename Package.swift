// swift-tools-version:6.1
import PackageDescription

// Layers (arrows are the only imports allowed):
//   folio -> FolioUI -> FolioCore, TermKit
//   folio -> NCursesBackend -> TermKit, CNCursesW
//   FolioCore -> CLibXML2, GRDB
let package = Package(
    name: "folio",
    products: [
        .executable(name: "folio", targets: ["folio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "TermKit"),
        .target(name: "NCursesBackend", dependencies: ["TermKit", "CNCursesW"]),
        .target(name: "FolioCore", dependencies: [
            "CLibXML2",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "FolioUI", dependencies: ["FolioCore", "TermKit"]),
        .executableTarget(name: "folio", dependencies: [
            "FolioUI", "FolioCore", "TermKit", "NCursesBackend",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "TermKitTests", dependencies: ["TermKit"]),
        .testTarget(name: "NCursesBackendTests", dependencies: ["NCursesBackend", "TermKit"]),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore"], exclude: ["Fixtures"]),
        .testTarget(name: "FolioUITests", dependencies: ["FolioUI", "FolioCore", "TermKit"]),
        // Depends on the executable so that `swift test` builds the binary it drives.
        .testTarget(name: "EndToEndTests", dependencies: ["folio", "FolioCore"]),
    ],
    swiftLanguageModes: [.v5]
)
