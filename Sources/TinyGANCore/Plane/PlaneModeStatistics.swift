import Foundation

/// How a planar batch of n generated points spreads over a 2-D target's
/// modes: the metrics of PacGAN's and VEEGAN's Table 1 (the papers use
/// n = 2,500; shared/BENCHMARKS.md). With d_k(p) = |p - m_k| / s_k, the
/// Mahalanobis distance to isotropic mode k (the Euclidean distance in
/// stds; all modes of `ring` and `grid` share one std, so nearest by d_k is
/// nearest by Euclidean distance):
///
/// - the nearest mode of p is the k with the least d_k(p) (lowest k on a tie);
/// - p is *high quality* (HQ) when d_k(p) < 3 for its nearest mode. In two
///   dimensions |p - m|^2 / s^2 is chi-squared with 2 degrees of freedom, so
///   a perfect sampler's HQ share is 1 - e^(-9/2) = 0.98889, not the 1-D
///   0.9973 (PacGAN's best ring row, 98.2%, sits below it);
/// - `hqCount` of mode k counts the HQ points whose nearest mode is k; mode
///   k is *covered* when `hqCount` > 0;
/// - `hqShare` = (HQ points) / n;
/// - `reverseKL` = sum_k p_k ln(p_k / w_k), p_k the fraction of the finite
///   points whose nearest mode is k, HQ or not, terms with p_k = 0 being 0:
///   stevliu/self-conditioned-gan `2d_mix/evaluation.py`
///   (`percent_good_pts`: every point to its nearest mean, `kl +=
///   p log(K p)`, which is this with w_k = 1/K). A collapse onto one mode
///   gives ln(1 / w_k) = ln 8 on the ring;
/// - `pacganJSD`: what PacGAN's released code computes and logs as
///   "JSD" (fjxmlzn/PacGAN `synthetic_data_experiments/PacGAN/pacgan/
///   extensions.py`, `MetricLogger`): only the HQ points (Mahalanobis
///   distance < 3, `dis_thre`), each to its nearest mode, give the
///   histogram q_k = hqCount_k / (HQ points), and
///   JS(q, w) = (1/2) KL(q || m) + (1/2) KL(w || m), m = (q + w) / 2,
///   natural log (at most ln 2), against the uniform w_k = 1/K there (the
///   target's weights here, uniform for ring and grid). The paper's table
///   calls its column "reverse KL"; this is the code's form, labelled as such.
///   Its modes covered (nonzero bins) and HQ share are the ones above.
///
/// Self-conditioned-gan's own HQ test differs: |dx| < 3 s and |dy| < 3 s
/// (a box, 0.9973^2 = 0.9946 of a perfect sampler), not used here.
/// Non-finite points are never HQ and have no nearest mode; they count in n.
/// With no finite point `reverseKL` is NaN, with no HQ point `pacganJSD`.
public struct PlaneModeStatistics: Codable, Equatable, Sendable {
    public struct Mode: Codable, Equatable, Sendable {
        public var mode: PlaneMode
        /// HQ points whose nearest mode this is.
        public var hqCount: Int
        /// Finite points, HQ or not, whose nearest mode this is.
        public var nearestCount: Int
        public var covered: Bool { hqCount > 0 }
    }

    /// The HQ radius in stds (PacGAN's `dis_thre`).
    public static let radius = 3.0

    public var sampleCount: Int
    public var modes: [Mode]
    public var modesCovered: Int
    public var hqShare: Double
    public var reverseKL: Double
    public var pacganJSD: Double

    /// The statistics of the planar batch (x_0 ... x_(n-1), y_0 ... y_(n-1),
    /// an even count) against `modes` (not empty, weights summing to 1).
    public init(planar batch: [Float], modes targetModes: [PlaneMode]) {
        precondition(!targetModes.isEmpty && batch.count % 2 == 0, "mode statistics need modes and a planar batch")
        let n = batch.count / 2
        var hq = [Int](repeating: 0, count: targetModes.count)
        var nearest = hq
        for i in 0..<n {
            let x = Double(batch[i]), y = Double(batch[n + i])
            guard x.isFinite && y.isFinite else { continue }
            var best = 0, bestDistance = Double.infinity
            for (k, mode) in targetModes.enumerated() {
                let d = mode.standardizedDistance(x: x, y: y)
                if d < bestDistance { (best, bestDistance) = (k, d) }
            }
            nearest[best] += 1
            if bestDistance < Self.radius { hq[best] += 1 }
        }
        sampleCount = n
        modes = targetModes.indices.map { Mode(mode: targetModes[$0], hqCount: hq[$0], nearestCount: nearest[$0]) }
        modesCovered = hq.filter { $0 > 0 }.count
        let hqTotal = hq.reduce(0, +), finite = nearest.reduce(0, +)
        hqShare = n > 0 ? Double(hqTotal) / Double(n) : 0
        let weights = targetModes.map(\.weight)
        reverseKL = finite > 0 ? Self.kl(nearest.map { Double($0) / Double(finite) }, weights) : .nan
        pacganJSD = hqTotal > 0 ? Self.js(hq.map { Double($0) / Double(hqTotal) }, weights) : .nan
    }

    /// The statistics against `target`'s modes; nil for a target without modes.
    public init?(planar batch: [Float], target: PlaneTarget) {
        guard let modes = target.modes else { return nil }
        self.init(planar: batch, modes: modes)
    }

    /// KL(p || q) = sum over p_i > 0 of p_i ln(p_i / q_i), natural log.
    static func kl(_ p: [Double], _ q: [Double]) -> Double {
        zip(p, q).reduce(0) { $1.0 > 0 ? $0 + $1.0 * log($1.0 / $1.1) : $0 }
    }

    /// JS(p, q) = KL(p || m) / 2 + KL(q || m) / 2 with m = (p + q) / 2.
    static func js(_ p: [Double], _ q: [Double]) -> Double {
        let m = zip(p, q).map { ($0 + $1) / 2 }
        return kl(p, m) / 2 + kl(q, m) / 2
    }
}
