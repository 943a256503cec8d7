import Foundation

/// The swiss roll of the WGAN-GP toy script (igul222/improved_wgan_training
/// `gan_toy.py`: `make_swiss_roll(n_samples, noise=0.25)`, columns 0 and 2,
/// divided by 7.5), with scikit-learn's `make_swiss_roll` written out
/// (`sklearn/datasets/_samples_generator.py`): t = 1.5 pi (1 + 2 u), u
/// uniform on [0, 1); x = t cos t, z = t sin t; each coordinate plus
/// 0.25 N(0, 1). So a draw is
///
///     (x, y) = ((t cos t + 0.25 z_1) / 7.5, (t sin t + 0.25 z_2) / 7.5),
///
/// drawn u, z_1, z_2 in that order (the roll's height, 21 u' with its own
/// noise, is dropped: the script never uses it).
///
/// The density is exact up to quadrature, not a kernel estimate: with
/// c(t) = (t cos t, t sin t) / 7.5 and s = 0.25 / 7.5,
///
///     p(x, y) = (1 / (3 pi)) * integral over [1.5 pi, 4.5 pi] of N((x, y); c(t), s^2 I) dt,
///
/// by the midpoint rule on `nodes` = 2048 nodes (step 0.0046 in t, at most
/// 0.0087 along the curve, about a quarter of s: the sum of Gaussians is
/// then exact to far below 1e-9; the density's integral over the bounds
/// was measured 1 - 7e-15), terms beyond 9 s cut (below e^-40).
public struct SwissRoll: PlaneDistribution {
    public static let noise = 0.25
    public static let scale = 7.5
    static let nodes = 2048
    static let tStart = 1.5 * Double.pi, tEnd = 4.5 * Double.pi

    /// c(t) at the midpoint nodes.
    let curve: [(x: Double, y: Double)]
    public let bounds: PlaneBox

    public static let standard = SwissRoll()

    init() {
        let step = (Self.tEnd - Self.tStart) / Double(Self.nodes)
        curve = (0..<Self.nodes).map { k in
            let t = Self.tStart + (Double(k) + 0.5) * step
            return (t * cos(t) / Self.scale, t * sin(t) / Self.scale)
        }
        bounds = PlaneBox.holding(curve, atLeast: 5 * Self.noise / Self.scale)
    }

    public var spec: String { "swiss-roll" }
    public var label: String { "swiss roll" }
    public var json: JSONValue { .string(spec) }
    public var modes: [PlaneMode]? { nil }

    public func density(x: Double, y: Double) -> Double {
        let s = Self.noise / Self.scale
        let cut = 81 * s * s
        var total = 0.0
        for c in curve {
            let d2 = (x - c.x) * (x - c.x) + (y - c.y) * (y - c.y)
            if d2 < cut { total += exp(-0.5 * d2 / (s * s)) }
        }
        // Each node carries dt / (3 pi) = 1 / nodes of the mass.
        return total / Double(Self.nodes) / (2 * Double.pi * s * s)
    }

    public func fill(_ batch: inout [Float], count n: Int, using rng: inout Xoshiro256StarStar) {
        precondition(batch.count >= 2 * n, "a planar batch of \(n) points needs \(2 * n) values")
        NormalSampler.shared.withVariates { normal in
            batch.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    let t = 1.5 * Double.pi * (1 + 2 * rng.nextDouble())
                    out[i] = Float((t * cos(t) + Self.noise * normal.next(&rng)) / Self.scale)
                    out[n + i] = Float((t * sin(t) + Self.noise * normal.next(&rng)) / Self.scale)
                }
            }
        }
    }
}
