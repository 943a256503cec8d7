import Foundation

/// An equal-weight mixture of isotropic Gaussians in the plane: the two
/// mode-collapse benchmarks exactly as PacGAN defines them
/// (fjxmlzn/PacGAN, `synthetic_data_experiments/2DRing_GAN&PacGAN/config.py`
/// and `2DGrid_GAN&PacGAN/config.py`; shared/BENCHMARKS.md):
///
/// - `ring`: 8 modes at (cos 2 pi k / 8, sin 2 pi k / 8), k = 0 ... 7,
///   std 0.01 (covariance 0.01^2 I);
/// - `grid`: 25 modes at (i, j) for i, j in {-4, -2, 0, 2, 4}, i outer as in
///   `itertools.product`, std 0.05 (covariance 0.05^2 I).
///
/// Both weigh the modes equally (`x_mode_priors: None`). A draw picks mode
/// k uniformly (`index(below:)`, one 64-bit draw), then x = m_kx + s z_1,
/// y = m_ky + s z_2 with z_1, z_2 ziggurat normals, in that order. The
/// density is exact: p(x, y) = sum_k w_k N((x, y); m_k, s^2 I).
public struct PlaneMixture: PlaneDistribution {
    public let name: String
    public let modeList: [PlaneMode]
    public let bounds: PlaneBox

    init(name: String, means: [(x: Double, y: Double)], std: Double) {
        // Every mode a distinct point: the unrolled-GAN notebook's
        // linspace(0, 2 pi, 8) ring has two equal means, 7 modes.
        for i in means.indices { for j in means.indices where j > i {
            precondition(means[i] != means[j], "\(name): modes \(i) and \(j) have the same mean")
        } }
        self.name = name
        modeList = means.map { PlaneMode(x: $0.x, y: $0.y, std: std, weight: 1 / Double(means.count)) }
        bounds = PlaneBox.holding(means, atLeast: 5 * std)
    }

    /// PacGAN's ring: 8 modes of radius 1, std 0.01.
    public static let ring = PlaneMixture(
        name: "ring", means: (0..<8).map { k in (cos(2 * Double.pi * Double(k) / 8), sin(2 * Double.pi * Double(k) / 8)) },
        std: 0.01)

    /// PacGAN's grid: 25 modes at {-4, -2, 0, 2, 4}^2, std 0.05.
    public static let grid = PlaneMixture(
        name: "grid", means: stride(from: -4.0, through: 4, by: 2).flatMap { i in stride(from: -4.0, through: 4, by: 2).map { j in (i, j) } },
        std: 0.05)

    public var spec: String { name }
    public var label: String { name == "ring" ? "ring of 8 Gaussians" : "grid of 25 Gaussians" }
    public var json: JSONValue { .string(spec) }
    public var modes: [PlaneMode]? { modeList }

    public func density(x: Double, y: Double) -> Double {
        modeList.reduce(0) { $0 + $1.weight * $1.density(x: x, y: y) }
    }

    public func fill(_ batch: inout [Float], count n: Int, using rng: inout Xoshiro256StarStar) {
        precondition(batch.count >= 2 * n, "a planar batch of \(n) points needs \(2 * n) values")
        let modes = modeList
        NormalSampler.shared.withVariates { normal in
            batch.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    let mode = modes[Self.index(below: modes.count, &rng)]
                    out[i] = Float(mode.x + mode.std * normal.next(&rng))
                    out[n + i] = Float(mode.y + mode.std * normal.next(&rng))
                }
            }
        }
    }
}
