// swift-tools-version:6.1
import PackageDescription
import Foundation

// Layers (arrows are the only imports allowed):
//   folio -> FolioUI -> FolioCore, TermKit
//   folio -> NCursesBackend -> TermKit, CNCursesW
//   FolioCore -> CLibXML2, CSHA256, GRDB
let package = Package(
    name: "folio",
    products: [
        .executable(name: "folio", targets: ["folio"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // libxml2 is opened when a page is first parsed (see its shim.h), not linked: so no
        // pkg-config (which would add -lxml2), and FolioCore gets the header path itself.
        .systemLibrary(name: "CLibXML2", providers: [.apt(["libxml2-dev"])]),
        // SHA-256 blocks with the x86 SHA instructions, for article identities; its functions carry
        // their own target attribute, so no flags here.
        .target(name: "CSHA256"),
        .target(name: "TermKit"),
        .target(name: "NCursesBackend", dependencies: ["TermKit", "CNCursesW"]),
        .target(name: "FolioCore", dependencies: [
            "CLibXML2",
            "CSHA256",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: [.unsafeFlags(["-Xcc", "-I/usr/include/libxml2"])]),
        .target(name: "FolioUI", dependencies: ["FolioCore", "TermKit"]),
        // The command line is parsed by plain code in Sources/folio/CLI: swift-argument-parser's
        // reflection cost 2-3 ms of every start.
        .executableTarget(name: "folio", dependencies: ["FolioUI", "FolioCore", "TermKit", "NCursesBackend"]),
        .testTarget(name: "TermKitTests", dependencies: ["TermKit"]),
        .testTarget(name: "NCursesBackendTests", dependencies: ["NCursesBackend", "TermKit"]),
        .testTarget(name: "FolioCoreTests", dependencies: ["FolioCore"], exclude: ["Fixtures"]),
        .testTarget(name: "FolioUITests", dependencies: ["FolioUI", "FolioCore", "TermKit"]),
        // Depends on the executable so that `swift test` builds the binary it drives.
        .testTarget(name: "EndToEndTests", dependencies: ["folio", "FolioCore"]),
    ],
    swiftLanguageModes: [.v5]
)

// libFuzzer targets (see scripts/fuzz). Only declared when FOLIO_FUZZ=1, because they call
// LLVMFuzzerRunDriver, which links only with -sanitize=fuzzer; plain `swift build` and
// `swift test` never see them.
if ProcessInfo.processInfo.environment["FOLIO_FUZZ"] == "1" {
    package.targets += [
        .target(name: "FuzzSupport", dependencies: ["FolioCore", "TermKit"], path: "Fuzz/Support"),
    ]
    for (name, folder, dictionary) in [
        ("FuzzPlainText", "PlainText", "plaintext.dict"),
        ("FuzzMarkdown", "Markdown", "markdown.dict"),
        ("FuzzHTML", "HTML", "html.dict"),
        ("FuzzSanitizer", "Sanitizer", "sanitizer.dict"),
    ] {
        package.targets.append(.executableTarget(name: name, dependencies: ["FuzzSupport", "FolioCore", "TermKit"],
                                                 path: "Fuzz/\(folder)", exclude: ["seeds", dictionary],
                                                 // gold crashes linking ASan-instrumented Swift ("internal error in format_file_lineno").
                                                 linkerSettings: [.unsafeFlags(["-use-ld=lld"])]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
