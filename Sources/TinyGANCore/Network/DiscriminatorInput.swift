/// What the discriminator sees of a minibatch x_1 ... x_n: the original's
/// four preprocessing modes, with m = (1/n) sum x_i.
///
/// | mode | features | count |
/// |---|---|---|
/// | raw | x_1 ... x_n | n |
/// | data-and-variances | x_1 ... x_n, (x_1 - m)^2 ... (x_n - m)^2 | 2n |
/// | data-and-diffs | x_1 ... x_n, x_1 - m ... x_n - m | 2n |
/// | moments | m, s, skew, excess kurtosis | 4 |
public enum DiscriminatorInputMode: String, Codable, CaseIterable, Sendable {
    case raw
    case dataAndVariances = "data-and-variances"
    case dataAndDiffs = "data-and-diffs"
    case moments

    /// The number of features for a minibatch of `batchSize` values.
    public func featureCount(batchSize: Int) -> Int {
        switch self {
        case .raw: batchSize
        case .dataAndVariances, .dataAndDiffs: 2 * batchSize
        case .moments: 4
        }
    }
}

/// The preprocessing step as a differentiable function of the minibatch.
///
/// In the two "data and ..." modes m is a constant, as in the original
/// (it is computed from `tensor.data`): d(x_i - m)^2/dx_i = 2 (x_i - m) and
/// d(x_i - m)/dx_i = 1, with no path through m.
///
/// In `moments` every path counts. With d_i = x_i - m, the population
/// s = sqrt((1/n) sum d_i^2), z_i = d_i / s, S = (1/n) sum z_i^3 and
/// K = (1/n) sum z_i^4 - 3 (using sum d_i = 0):
///
///     dm/dx_i = 1/n
///     ds/dx_i = z_i / n
///     dS/dx_i = 3 (z_i^2 - 1 - S z_i) / (n s)
///     dK/dx_i = 4 (z_i^3 - S - (K + 3) z_i) / (n s)
///
/// A batch of identical values has s = 0, so its moments are NaN, as in
/// PyTorch; the trainer reports that as divergence.
public struct DiscriminatorInput<S: NetworkScalar>: Sendable {
    public let mode: DiscriminatorInputMode
    public let batchSize: Int
    /// The statistics of the last `forward` (moments mode: all four).
    public private(set) var mean: S = 0
    public private(set) var std: S = 0
    public private(set) var skewness: S = 0
    public private(set) var excessKurtosis: S = 0

    public init(mode: DiscriminatorInputMode, batchSize: Int) {
        self.mode = mode
        self.batchSize = batchSize
    }

    public var featureCount: Int { mode.featureCount(batchSize: batchSize) }

    /// features = pre(x); x has `batchSize` values, features `featureCount`.
    public mutating func forward(_ x: [S], into features: inout [S]) {
        let n = batchSize
        mean = Self.mean(x, count: n)
        switch mode {
        case .raw:
            for i in 0..<n { features[i] = x[i] }
        case .dataAndVariances:
            for i in 0..<n {
                features[i] = x[i]
                features[n + i] = (x[i] - mean) * (x[i] - mean)
            }
        case .dataAndDiffs:
            for i in 0..<n {
                features[i] = x[i]
                features[n + i] = x[i] - mean
            }
        case .moments:
            let (m2, m3, m4) = x.withUnsafeBufferPointer {
                Self.centralMoments($0.baseAddress!, count: n, mean: mean)
            }
            let s = m2.squareRoot()
            std = S(s)
            skewness = S(m3 / (s * s * s))
            excessKurtosis = S(m4 / (m2 * m2) - 3)
            features[0] = mean
            features[1] = std
            features[2] = skewness
            features[3] = excessKurtosis
        }
    }

    /// dLoss/dx from dLoss/dfeatures, for the x of the last `forward`.
    public func backward(_ x: [S], featureGradient g: [S], into dx: inout [S]) {
        let n = batchSize
        switch mode {
        case .raw:
            for i in 0..<n { dx[i] = g[i] }
        case .dataAndVariances:
            for i in 0..<n { dx[i] = g[i] + g[n + i] * 2 * (x[i] - mean) }
        case .dataAndDiffs:
            for i in 0..<n { dx[i] = g[i] + g[n + i] }
        case .moments:
            let count = S(n)
            let meanTerm = g[0] / count
            let stdTerm = g[1] / count
            let skewTerm = 3 * g[2] / (count * std)
            let kurtosisTerm = 4 * g[3] / (count * std)
            let fourth = excessKurtosis + 3
            for i in 0..<n {
                let z = (x[i] - mean) / std, z2 = z * z
                dx[i] = meanTerm + stdTerm * z
                    + skewTerm * (z2 - 1 - skewness * z)
                    + kurtosisTerm * (z2 * z - skewness - fourth * z)
            }
        }
    }

    /// (1/n) sum x_i.
    static func mean(_ x: [S], count n: Int) -> S {
        x.withUnsafeBufferPointer { Kernels.sum($0.baseAddress!, count: n) } / S(n)
    }

    /// (1/n) sum d_i^k for k = 2, 3, 4, with d_i = x_i - mean: summed in 16
    /// lanes of S, then the lanes in double precision.
    static func centralMoments(_ x: UnsafePointer<S>, count n: Int, mean: S) -> (Double, Double, Double) {
        var s2 = SIMD16<S>(), s3 = SIMD16<S>(), s4 = SIMD16<S>()
        let center = SIMD16<S>(repeating: mean)
        var k = 0
        while k + 16 <= n {
            let d = Kernels.load16(x + k) - center, d2 = d * d
            s2 += d2
            s3 += d2 * d
            s4 += d2 * d2
            k += 16
        }
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for lane in 0..<16 {
            m2 += Double(s2[lane]); m3 += Double(s3[lane]); m4 += Double(s4[lane])
        }
        while k < n {
            let d = Double(x[k] - mean), d2 = d * d
            m2 += d2; m3 += d2 * d; m4 += d2 * d2
            k += 1
        }
        let count = Double(n)
        return (m2 / count, m3 / count, m4 / count)
    }
}
