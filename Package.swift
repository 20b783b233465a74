// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tebiki",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tebiki", targets: ["tebiki"]),
        // Debug builds only (it imports the core for testing): Benchmarks/fuzz.sh, and the suite's smoke run.
        .executable(name: "tebiki-fuzz", targets: ["TebikiFuzz"]),
        .library(name: "TebikiCore", targets: ["TebikiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The cmark C library from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // jemalloc from the system (Debian: libjemalloc-dev), the tebiki executable's malloc: a
        // build allocates millions of small strings and arrays, and with glibc's malloc the
        // 10,000-article build took 15 % longer (Benchmarks/build-speed.py).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // System calls Swift's Glibc module does not expose (an atomic swap of two folders).
        .target(name: "CTebikiSystem"),
        // The default theme's templates and assets, bundled so a site without Themes/ still builds.
        .target(
            name: "DefaultTheme",
            path: "Themes",
            sources: ["DefaultTheme.swift"],
            resources: [.copy("default")]
        ),
        // Everything a build does, stage by stage; no networking, no argument parsing.
        .target(
            name: "TebikiCore",
            dependencies: [
                "CCmark",
                "CTebikiSystem",
                "DefaultTheme",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `tebiki serve`: the preview server with live reload, kept apart so the core has no networking.
        .target(
            name: "TebikiServe",
            dependencies: [
                "TebikiCore",
                "DefaultTheme",
            ],
            resources: [.copy("live-reload.js")]
        ),
        .executableTarget(
            name: "tebiki",
            dependencies: [
                "TebikiCore",
                "TebikiServe",
                "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets over the parsers: libFuzzer when built with -sanitize=fuzzer, else a
        // deterministic mutator.
        .executableTarget(
            name: "TebikiFuzz",
            dependencies: ["TebikiCore", "TebikiServe"]
        ),
        .testTarget(
            name: "TebikiCoreTests",
            dependencies: ["TebikiCore"]
        ),
        .testTarget(
            name: "TebikiServeTests",
            dependencies: ["TebikiServe"]
        ),
        .testTarget(
            name: "TebikiCLITests",
            dependencies: ["TebikiCore"]
        ),
        .testTarget(
            name: "TebikiFuzzTests",
            dependencies: ["TebikiFuzz"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
