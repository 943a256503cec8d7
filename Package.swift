// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tinygan",
    products: [
        .executable(name: "tinygan", targets: ["tinygan"]),
        .library(name: "TinyGANCore", targets: ["TinyGANCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // Training: RNG, samplers, layers, losses, optimizers, trainer, metrics, run logs.
        .target(
            name: "TinyGANCore",
            dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: [.unsafeFlags(["-target-cpu", "icelake-server"])]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "tinygan",
            dependencies: [
                "TinyGANCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TinyGANCoreTests",
            dependencies: [
                "TinyGANCore",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .testTarget(
            name: "TinyGANCLITests",
            dependencies: ["tinygan", "TinyGANCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
