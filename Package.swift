// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// The training core is compiled for the build machine's vector units when it
/// has AVX-512 or AVX2 with FMA: its loops are 2 to 4 times wider than on
/// baseline x86-64. tinygan is built where it runs (`bash .ci/main`); set
/// TINYGAN_PORTABLE=1 for a binary that runs on any x86-64.
let buildMachineCPU: String? = {
    #if arch(x86_64)
    guard ProcessInfo.processInfo.environment["TINYGAN_PORTABLE"] == nil,
          let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return nil }
    let flags = Set(line.split(separator: " ").map(String.init))
    let haswell: Set = ["avx", "avx2", "fma", "bmi1", "bmi2", "movbe", "f16c", "abm"]
    let skylakeAVX512 = haswell.union(["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"])
    if skylakeAVX512.isSubset(of: flags) { return "skylake-avx512" }
    if haswell.isSubset(of: flags) { return "haswell" }
    #endif
    return nil
}()

let coreSettings: [SwiftSetting] = buildMachineCPU.map { [.unsafeFlags(["-target-cpu", $0])] } ?? []

/// The C kernels (`CVectorMath`) for the same CPU, without errno (so that
/// their square roots vectorize) and without contracting a multiply and an
/// add into one rounding.
let vectorMathSettings: [CSetting] = [
    .unsafeFlags(["-fno-math-errno", "-ffp-contract=off"] + (buildMachineCPU.map { ["-march=\($0)"] } ?? [])),
]

let package = Package(
    name: "tinygan",
    products: [
        .executable(name: "tinygan", targets: ["tinygan"]),
        .library(name: "TinyGANCore", targets: ["TinyGANCore"]),
        .library(name: "TinyGANPlot", targets: ["TinyGANPlot"]),
        .library(name: "TinyGANCairo", targets: ["TinyGANCairo"]),
        .library(name: "TinyGANReport", targets: ["TinyGANReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Training: RNG, samplers, layers, losses, optimizers, trainer, metrics, run logs.
        .target(
            name: "TinyGANCore",
            dependencies: ["CVectorMath", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: coreSettings
        ),
        // Vectorized square roots (C, without errno) for the optimizer.
        .target(name: "CVectorMath", cSettings: vectorMathSettings),
        // The renderer-neutral figure model, the article's and sweeps' figures from run logs, and their files.
        .target(name: "TinyGANPlot", dependencies: ["TinyGANCore"]),
        // The system library: libcairo through pkg-config.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        // The only code that calls Cairo: a figure's scene in, PNG or SVG bytes out.
        .target(name: "TinyGANCairo", dependencies: ["TinyGANPlot", "CCairo"]),
        // The report: runs, figures and the article's story as an HTML page from templates/.
        .target(
            name: "TinyGANReport",
            dependencies: ["TinyGANCore", "TinyGANPlot", "TinyGANCairo",
                           .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "tinygan",
            dependencies: [
                "TinyGANCore", "TinyGANPlot", "TinyGANCairo", "TinyGANReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TinyGANCoreTests",
            dependencies: [
                "TinyGANCore", "TinyGANTestSupport",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        // Logs built by hand for the figure and export tests, and a CSV reader.
        .target(name: "TinyGANTestSupport", dependencies: ["TinyGANCore"], path: "Tests/TestSupport"),
        .testTarget(name: "TinyGANPlotTests", dependencies: ["TinyGANPlot", "TinyGANCore", "TinyGANTestSupport"]),
        .testTarget(
            name: "TinyGANCairoTests",
            dependencies: ["TinyGANCairo", "TinyGANPlot", "TinyGANCore", "TinyGANTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "TinyGANReportTests",
            dependencies: ["TinyGANReport", "TinyGANCore", "TinyGANPlot", "TinyGANCairo", "TinyGANTestSupport"]
        ),
        .testTarget(
            name: "TinyGANCLITests",
            dependencies: ["tinygan", "TinyGANCore", "TinyGANPlot", "TinyGANCairo", "TinyGANTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
