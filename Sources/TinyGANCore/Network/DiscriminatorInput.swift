import RealModule

/// What the discriminator sees of a minibatch x_1 ... x_n, with
/// m = (1/n) sum x_i.
///
/// | mode | features | count |
/// |---|---|---|
/// | raw | x_1 ... x_n | n |
/// | data-and-variances | x_1 ... x_n, (x_1 - m)^2 ... (x_n - m)^2 | 2n |
/// | data-and-diffs | x_1 ... x_n, x_1 - m ... x_n - m | 2n |
/// | moments | m, s, skew, excess kurtosis | 4 |
/// | eight-moments | m, s, then M_3 ... M_8 centred and scaled (below) | 8 |
/// | sorted | x_(1) <= ... <= x_(n), the minibatch in order: its quantiles | n |
/// | moments-and-cdf | the four moments, then C_0 ... C_(K-1), the smoothed CDF of the shape (below) | 4 + K |
/// | sample | x_1 ... x_n, judged one by one (or M at a time, `pack`) | n |
///
/// The first four are the original's; the next three are tinygan's own.
/// In all of them D judges the whole minibatch at once and gives one
/// output. `sample` is the classic GAN instead (Goodfellow et al., 2014):
/// D judges each sample alone, D(x_i), one output per sample, and D's loss
/// is the mean of the per-sample terms. With `pack` M > 1 it is PacGAN
/// (Lin et al., 2018, arXiv:1712.04086): D judges packs of M samples
/// concatenated, P = n / M outputs. The features are the minibatch itself,
/// laid out feature-major for D's P samples: value j of pack p is
/// x_(j P + p), so the preprocessing is the identity (samples are i.i.d.,
/// so which M of them share a pack does not matter).
/// `eight-moments`:
/// with the standardized moments M_k = (1/n) sum z_i^k, it adds
/// (M_k - E_k) / (k - 1)!! for k = 5 ... 8, where E_k is the Gaussian's
/// value ((k - 1)!! for even k, 0 for odd), so every feature is 0 for a
/// perfect Gaussian and of order one near it. Moments up to the eighth tell
/// a bell curve from the lumpy shapes that match the first four.
///
/// `moments-and-cdf`: with z_i = (x_i - m) / s the standardized minibatch,
/// K points t_k = -2 + k w (k = 0 ..< K, spacing w = 4 / (K - 1)) and the
/// ramp r(y) = min(1, max(0, y)),
///
///     C_k = 2 (1/n) sum_i r((z_i - t_k) / w + 1/2) - 1 = 1 - 2 F(t_k),
///
/// with F the empirical CDF of the z_i, each sample's step smoothed into a
/// ramp of width w (r counts the samples above t_k). The shape features
/// are blind to location and scale, which m and s carry, and bounded: a
/// lumpy or spiked shape shows directly, where four moments can match, and
/// the kurtosis tells a flat box (-1.2) from a bell (0) more clearly than
/// the CDF, which differs between the two by at most about 0.11 (0.057 in
/// F). A ramp is linear inside, so rearranging mass within one ramp while
/// keeping its mean changes no C_k: the grid's spacing is the finest detail
/// D can see. Sampling noise in C_k is at most 1/sqrt(n),
/// 0.045 for n = 500.
public enum DiscriminatorInputMode: String, Codable, CaseIterable, Sendable {
    case raw
    case dataAndVariances = "data-and-variances"
    case dataAndDiffs = "data-and-diffs"
    case moments
    case eightMoments = "eight-moments"
    case sorted
    case momentsAndCDF = "moments-and-cdf"
    case sample

    /// (k - 1)!! for k = 0 ... 8.
    static let doubleFactorials: [Double] = [1, 1, 1, 2, 3, 8, 15, 48, 105]

    /// Whether D judges single samples (or packs) instead of the minibatch.
    public var judgesSamples: Bool { self == .sample }

    /// The number of features for a minibatch of `batchSize` values (for
    /// `sample`, over all of D's samples together).
    public func featureCount(batchSize: Int) -> Int {
        switch self {
        case .raw: batchSize
        case .dataAndVariances, .dataAndDiffs: 2 * batchSize
        case .moments: 4
        case .eightMoments: 8
        case .sorted, .sample: batchSize
        case .momentsAndCDF: 4 + CDFGrid.count
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
/// In `sorted` the features are the order statistics: feature j is x_p(j)
/// for the permutation p that sorts x, so dLoss/dx_p(j) = g_j (sorting is
/// piecewise linear; ties, of measure zero, take the order of the sort).
///
/// In `moments-and-cdf`, the moments' terms above plus, with
/// p_i = (2 / w) sum_k g_(C_k) r'_ik, each sample's pull on its own z_i
/// (r'_ik = 1 where the ramp of point k rises, else 0), and
/// dz_j/dx_i = (delta_ij - 1/n - z_i z_j / n) / s:
///
///     (p_i - mean_j p_j - z_i mean_j p_j z_j) / (n s)
///
/// In general dM_k/dx_i = k (z_i^(k-1) - M_(k-1) - M_k z_i) / (n s), with
/// M_1 = 0 and M_2 = 1 (the two lines above are k = 3 and k = 4).
///
/// A batch of identical values has s = 0, so its moments are NaN, as in
/// PyTorch; the trainer reports that as divergence.
public struct DiscriminatorInput<S: NetworkScalar>: Sendable {
    public let mode: DiscriminatorInputMode
    public let batchSize: Int
    /// The statistics of the last `forward` (all four in the moments,
    /// eight-moments and moments-and-cdf modes; the mean in every mode).
    public private(set) var mean: S = 0
    public private(set) var std: S = 0
    public private(set) var skewness: S = 0
    public private(set) var excessKurtosis: S = 0
    /// eight-moments: M_0 ... M_8 of the last `forward`, in double precision.
    private var standardized = [Double](repeating: 0, count: 9)
    /// sorted: the permutation of the last `forward` (feature j is x[order[j]]).
    private var order: [Int] = []
    private var keys: [UInt64] = []
    private var scratch: [UInt64] = []
    /// moments-and-cdf: the last forward's positions u_i = z_i / w + 1/2 - t_0 / w
    /// (the ramp of point k rises while u_i runs from k to k + 1), and scratch
    /// for one point's ramps (forward) or the pulls p_i (backward).
    private var positions: [S] = []
    private var rampScratch: [S] = []

    /// (k - 1)!! for k = 0 ... 8, the scales of the eight-moments features.
    static var scales: [Double] { DiscriminatorInputMode.doubleFactorials }

    public init(mode: DiscriminatorInputMode, batchSize: Int) {
        self.mode = mode
        self.batchSize = batchSize
        if mode == .sorted {
            order = Array(0..<batchSize)
            keys = [UInt64](repeating: 0, count: batchSize)
            scratch = keys
        }
        if mode == .momentsAndCDF {
            positions = [S](repeating: 0, count: batchSize)
            rampScratch = positions
        }
    }

    public var featureCount: Int { mode.featureCount(batchSize: batchSize) }

    /// features = pre(x); x has `batchSize` values, features `featureCount`.
    public mutating func forward(_ x: [S], into features: inout [S]) {
        precondition(x.count >= batchSize && features.count >= featureCount)
        let n = batchSize
        mean = Self.mean(x, count: n)
        switch mode {
        case .raw, .sample:
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
            momentFeatures(x, into: &features)
        case .sorted:
            sortOrder(x)
            for j in 0..<n { features[j] = x[order[j]] }
        case .momentsAndCDF:
            momentFeatures(x, into: &features)
            x.withUnsafeBufferPointer { x in
                features.withUnsafeMutableBufferPointer { f in
                    positions.withUnsafeMutableBufferPointer { u in
                        rampScratch.withUnsafeMutableBufferPointer { r in
                            Self.smoothedCDF(x.baseAddress!, count: n, mean: mean, std: std, positions: u.baseAddress!,
                                             ramps: r.baseAddress!, into: f.baseAddress! + 4)
                        }
                    }
                }
            }
        case .eightMoments:
            let m = Double(mean)
            let s = withUnsafeTemporaryAllocation(of: Double.self, capacity: 9) { sums in
                sums.initialize(repeating: 0)
                for i in 0..<n {
                    let d = Double(x[i]) - m
                    var power = d
                    for k in 2...8 { power *= d; sums[k] += power }
                }
                let s = (sums[2] / Double(n)).squareRoot()
                standardized[0] = 1
                standardized[1] = 0
                for k in 2...8 { standardized[k] = sums[k] / Double(n) / Double.pow(s, k) }
                return s
            }
            std = S(s)
            skewness = S(standardized[3])
            excessKurtosis = S(standardized[4] - 3)
            features[0] = mean
            features[1] = std
            for k in 3...8 {
                let gaussian = k % 2 == 0 ? Self.scales[k] : 0
                features[k - 1] = S((standardized[k] - (k == 4 ? 3 : gaussian)) / (k <= 4 ? 1 : Self.scales[k]))
            }
        }
    }

    /// dLoss/dx from dLoss/dfeatures, for the x of the last `forward` (the
    /// sorted and moments-and-cdf modes reuse what that forward kept).
    public mutating func backward(_ x: [S], featureGradient g: [S], into dx: inout [S]) {
        precondition(x.count >= batchSize && g.count >= featureCount && dx.count >= batchSize)
        let n = batchSize
        switch mode {
        case .raw, .sample:
            for i in 0..<n { dx[i] = g[i] }
        case .dataAndVariances:
            for i in 0..<n { dx[i] = g[i] + g[n + i] * 2 * (x[i] - mean) }
        case .dataAndDiffs:
            for i in 0..<n { dx[i] = g[i] + g[n + i] }
        case .moments:
            momentsGradient(x, featureGradient: g, into: &dx)
        case .sorted:
            for j in 0..<n { dx[order[j]] = g[j] }
        case .momentsAndCDF:
            momentsGradient(x, featureGradient: g, into: &dx)
            positions.withUnsafeBufferPointer { u in
                rampScratch.withUnsafeMutableBufferPointer { pulls in
                    dx.withUnsafeMutableBufferPointer { dx in
                        g.withUnsafeBufferPointer { g in
                            Self.addSmoothedCDFGradient(positions: u.baseAddress!, count: n, std: std,
                                                        featureGradient: g.baseAddress! + 4, pulls: pulls.baseAddress!,
                                                        into: dx.baseAddress!)
                        }
                    }
                }
            }
        case .eightMoments:
            let count = Double(n), s = Double(std), m = Double(mean)
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 9) { coefficient in
                for k in 3...8 {
                    coefficient[k] = Double(g[k - 1]) / (k <= 4 ? 1 : Self.scales[k]) * Double(k) / (count * s)
                }
                let meanTerm = Double(g[0]) / count, stdTerm = Double(g[1]) / count
                for i in 0..<n {
                    let z = (Double(x[i]) - m) / s
                    var total = meanTerm + stdTerm * z
                    var previous = z  // z^(k - 1) for k = 3 ... 8
                    for k in 3...8 {
                        previous *= z
                        total += coefficient[k] * (previous - standardized[k - 1] - standardized[k] * z)
                    }
                    dx[i] = S(total)
                }
            }
        }
    }

    /// features[0 ..< 4] = m, s, skewness, excess kurtosis of x.
    mutating func momentFeatures(_ x: [S], into features: inout [S]) {
        let (m2, m3, m4) = x.withUnsafeBufferPointer {
            Self.centralMoments($0.baseAddress!, count: batchSize, mean: mean)
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

    /// dx = dLoss/dx through the four moments (features 0 ..< 4).
    func momentsGradient(_ x: [S], featureGradient g: [S], into dx: inout [S]) {
        let count = S(batchSize)
        let meanTerm = g[0] / count
        let stdTerm = g[1] / count
        let skewTerm = 3 * g[2] / (count * std)
        let kurtosisTerm = 4 * g[3] / (count * std)
        let fourth = excessKurtosis + 3, (mean, std, skewness) = (self.mean, self.std, self.skewness)
        x.withUnsafeBufferPointer { x in
            dx.withUnsafeMutableBufferPointer { dx in
                for i in 0..<batchSize {
                    let z = (x[i] - mean) / std, z2 = z * z
                    dx[i] = meanTerm + stdTerm * z
                        + skewTerm * (z2 - 1 - skewness * z)
                        + kurtosisTerm * (z2 * z - skewness - fourth * z)
                }
            }
        }
    }

    /// Sets `order` to the permutation that sorts x (ties by index). For
    /// `Float` it radix-sorts 64-bit keys, the float's bits made
    /// order-preserving in the high half and the index in the low half: four
    /// stable passes of 8 bits over the high half, no comparisons, no
    /// allocation.
    mutating func sortOrder(_ x: [S]) {
        let n = batchSize
        if S.self == Float.self {
            keys.withUnsafeMutableBufferPointer { keys in
                x.withUnsafeBufferPointer { values in
                    for i in 0..<n {
                        let bits = (values[i] as! Float).bitPattern
                        let sortable = bits & 0x8000_0000 != 0 ? ~bits : bits | 0x8000_0000
                        keys[i] = UInt64(sortable) << 32 | UInt64(i)
                    }
                }
                scratch.withUnsafeMutableBufferPointer { scratch in
                    Self.radixSortHighHalves(keys, scratch: scratch, count: n)
                }
            }
            for j in 0..<n { order[j] = Int(truncatingIfNeeded: keys[j] & 0xFFFF_FFFF) }
        } else {
            x.withUnsafeBufferPointer { values in
                order.sort { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            }
        }
    }

    /// Sorts `keys[0..<count]` by their high 32 bits, stably (an LSD radix
    /// sort in four passes of 8 bits); `scratch` holds as many keys.
    static func radixSortHighHalves(_ keys: UnsafeMutableBufferPointer<UInt64>,
                                    scratch: UnsafeMutableBufferPointer<UInt64>, count: Int) {
        var source = keys, target = scratch
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { counts in
            for pass in 0..<4 {
                let shift = UInt64(32 + 8 * pass)
                counts.initialize(repeating: 0)
                for i in 0..<count { counts[Int((source[i] >> shift) & 0xFF)] += 1 }
                var total = 0
                for digit in 0..<256 { let c = counts[digit]; counts[digit] = total; total += c }
                for i in 0..<count {
                    let digit = Int((source[i] >> shift) & 0xFF)
                    target[counts[digit]] = source[i]
                    counts[digit] += 1
                }
                swap(&source, &target)
            }
        }
        // Four passes end back in `keys`.
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
