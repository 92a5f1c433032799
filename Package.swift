// swift-tools-version: 6.1
import PackageDescription

// One-way dependencies, readers → model → document contexts → rendering → build → CLI:
//
//   GongwenModel        values, formatting and validation; no I/O, no dependencies
//   GongwenReaders      campaign.yaml and CSV tables → model values + diagnostics
//   GongwenDocuments    model → what one document shows (its context)
//   GongwenOOXML        the Office Open XML engine: escaping XML writer, one type per part, zip packaging
//   GongwenTemplates    the template machinery: templates folder, Mustache compiled and checked, Word and
//                       Excel templates (loaded, repaired, rendered)
//   GongwenRendering    context + template → bytes (HTML, CSV, XLSX, DOCX), the GB/T 9704 layout
//   GongwenBuild        the named steps, atomic output, manifest
//   GongwenCLI          the commands (a library, so tests can call them)
//   gongwen             the one-line executable
let package = Package(
    name: "gongwen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gongwen", targets: ["gongwen"]),
        .executable(name: "gongwen-serve", targets: ["gongwen-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // Without its default ConfigurationSupport trait: gongwen-serve reads its options from its own flags, and
        // swift-configuration would be compiled for nothing.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: ["FullFoundation"]),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        // Named because the web server uses their types directly (Hummingbird brings them in anyway).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CGongwenZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // renameat2 and syncfs, which Swift's Glibc module does not expose: the output folder's atomic swap.
        .target(name: "CGongwenPOSIX"),
        // SHA-256 of gongwen's own (FIPS 180-4, SHA extensions where the processor has them): a fresh build
        // need not compile a cryptography library for one hash.
        .target(name: "CGongwenSHA256"),
        .target(name: "GongwenModel", dependencies: ["CGongwenSHA256"]),
        .target(name: "GongwenOOXML", dependencies: ["CGongwenZlib", "CLibXML2"]),
        .target(
            name: "GongwenReaders",
            dependencies: [
                "GongwenModel", "CLibXML2", "CGongwenZlib", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "GongwenDocuments", dependencies: ["GongwenModel"]),
        .target(
            name: "GongwenTemplates",
            dependencies: [
                "GongwenModel", "GongwenDocuments", "GongwenOOXML", "CLibXML2",
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "GongwenRendering",
            dependencies: [
                "GongwenModel", "GongwenDocuments", "GongwenOOXML", "GongwenTemplates",
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "GongwenBuild",
            dependencies: [
                "GongwenModel", "GongwenReaders", "GongwenDocuments", "GongwenRendering", "GongwenTemplates",
                "GongwenOOXML",
                "CGongwenPOSIX",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `gongwen serve`: the office's local web page over the same library the commands use.
        .target(
            name: "GongwenServe",
            dependencies: [
                "GongwenBuild", "GongwenDocuments", "GongwenModel", "GongwenOOXML", "GongwenReaders",
                "GongwenTemplates",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The web page's own executable (swift run gongwen-serve): `gongwen build` never compiles a web server.
        .executableTarget(name: "gongwen-serve", dependencies: ["GongwenServe"]),
        .target(
            name: "GongwenCLI",
            dependencies: [
                "GongwenBuild", "GongwenDocuments", "GongwenModel", "GongwenReaders", "GongwenRendering",
                "GongwenTemplates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gongwen", dependencies: ["GongwenCLI"]),
        // Benchmarks run on a release build, never as timed tests: swift run -c release gongwen-bench.
        .executableTarget(
            name: "gongwen-bench",
            dependencies: [
                "GongwenBuild", "GongwenModel", "GongwenOOXML", "GongwenReaders", "GongwenRendering",
                "GongwenTemplates", "GongwenTestSupport",
            ],
            path: "Benchmarks/gongwen-bench"
        ),
        .target(
            name: "GongwenTestSupport",
            dependencies: ["GongwenModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "GongwenModelTests", dependencies: ["GongwenModel", "GongwenTestSupport"]),
        .testTarget(
            name: "GongwenOOXMLTests",
            dependencies: ["GongwenOOXML", "GongwenRendering", "GongwenTemplates", "GongwenTestSupport"]
        ),
        .testTarget(
            name: "GongwenReadersTests",
            dependencies: [
                "GongwenReaders", "GongwenOOXML", "GongwenRendering", "GongwenTemplates", "GongwenTestSupport",
            ]
        ),
        .testTarget(
            name: "GongwenRenderingTests",
            dependencies: ["GongwenRendering", "GongwenTemplates", "GongwenReaders", "GongwenTestSupport"]
        ),
        .testTarget(
            name: "GongwenServeTests",
            dependencies: [
                "GongwenServe", "GongwenBuild", "GongwenDocuments", "GongwenOOXML", "GongwenReaders",
                "GongwenRendering", "GongwenTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "GongwenBuildTests",
            dependencies: [
                "GongwenBuild", "GongwenCLI", "GongwenServe", "GongwenOOXML", "GongwenTemplates", "GongwenTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Goldens"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
