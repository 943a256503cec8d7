import TinyGANCore

/// A regular grid of lines in G's 2-D noise space, to be drawn through G:
/// GAN Lab's warped manifold. Each line is dense enough (`samples` points)
/// to show how G bends it.
///
/// The lines sit at equal steps of probability, so every cell of the grid
/// holds the same share of the noise and its image under G holds the same
/// share of G's points: a cell G stretches is thinly covered, one it
/// squeezes densely.
/// - Uniform noise, U[0, 1)^2: lines at z = k / (L - 1), k = 0 ... L - 1,
///   the whole square (GAN Lab's grid).
/// - Gaussian noise, N(0, 1)^2: lines at z = Phi^-1(u_k) with u_k = 0.025 +
///   0.95 k / (L - 1), the quantiles from 2.5% to 97.5% (z from -1.96 to
///   1.96); its cells hold 90.25% of the noise (the tails reach to
///   infinity and would stretch the picture to G's extremes).
/// Along a line the points are spaced in the same way.
public struct NoiseGrid: Sendable {
    /// The lines, each as its noise points (z_1, z_2): first the L lines of
    /// constant z_1, then the L of constant z_2.
    public let lines: [[(z1: Double, z2: Double)]]

    public init(noise: NoiseKind, lines count: Int = 11, samples: Int = 61) {
        let levels = Self.levels(noise, count), along = Self.levels(noise, samples)
        lines = levels.map { c in along.map { (c, $0) } } + levels.map { c in along.map { ($0, c) } }
    }

    /// `count` values of a noise coordinate at equal steps of probability
    /// (above).
    static func levels(_ noise: NoiseKind, _ count: Int) -> [Double] {
        (0..<count).map { k in
            let u = Double(k) / Double(count - 1)
            switch noise {
            case .uniform: return u
            case .gaussian: return Normal.standardQuantile(0.025 + 0.95 * u)
            }
        }
    }

    /// Each line through `generator` (a network of two inputs and two
    /// outputs, evaluated in double precision): one polyline in the plane
    /// a line, in the order of `lines`.
    public func warped(by generator: NetworkWeights) -> [[(x: Double, y: Double)]] {
        let z = lines.joined()
        let n = z.count
        let points = generator.outputs(featureMajor: z.map(\.z1) + z.map(\.z2), count: n)
        var start = 0
        return lines.map { line in
            defer { start += line.count }
            return (start..<start + line.count).map { (points[$0], points[n + $0]) }
        }
    }
}
