import Foundation

/// How samples x_1 ... x_n spread over a target's modes: the 1-D form of the
/// 2-D benchmarks' mode metrics (PacGAN, VEEGAN; shared/BENCHMARKS.md).
/// The modes are a mixture's components N(m_k, s_k^2) with weights w_k
/// (summing to 1); a unimodal analytic target has one, its mean and std
/// with weight 1 (`Target.modes`); a data target has none.
///
/// With the standardized distance d_k(x) = |x - m_k| / s_k:
///
/// - the nearest mode of x is the k with the least d_k(x) (the lowest k on
///   a tie);
/// - x is *high quality* (HQ) when d_k(x) <= 3 for some k (within 3 std
///   of a mode: 99.73% of a Gaussian's draws are);
/// - mode k's `share` is the fraction of all n samples with
///   d_k(x) <= 3 (a sample within 3 std of two overlapping modes counts
///   for both); a sampler of the target gives about 0.9973 w_k when the
///   modes are apart by more than 6 std;
/// - mode k is *covered* when at least one sample within 3 std of it has
///   it as its nearest mode (PacGAN's and VEEGAN's rule);
/// - `hqShare` is the fraction of all n samples that are HQ;
/// - `reverseKL` is KL(p || w) = sum over k with p_k > 0 of
///   p_k ln(p_k / w_k), where p_k is the fraction of the finite samples
///   whose nearest mode is k: every finite sample counts, HQ or not, as in
///   stevliu/self-conditioned-gan's `2d_mix/evaluation.py`, whose
///   sum p_k ln(K p_k) is this with equal weights w_k = 1/K. It is 0 when
///   the samples fall to the modes in proportion to the weights and
///   ln(1 / w_k) when they all fall to mode k (a collapse).
///
/// Non-finite samples are never HQ and have no nearest mode; with no finite
/// sample `reverseKL` is NaN.
public struct ModeStatistics: Codable, Equatable, Sendable {
    public struct Mode: Codable, Equatable, Sendable {
        public var weight: Double
        public var mean: Double
        public var std: Double
        /// The fraction of all samples within 3 std of this mode.
        public var share: Double
        /// Some sample within 3 std of this mode has it as its nearest mode.
        public var covered: Bool
    }

    /// The radius, in the mode's std, within which a sample is near a mode.
    public static let radius = 3.0

    public var modes: [Mode]
    /// How many modes are covered.
    public var modesCovered: Int
    /// The fraction of the samples within 3 std of some mode.
    public var hqShare: Double
    /// KL(p || w) of the nearest-mode histogram p against the weights w.
    public var reverseKL: Double

    /// The statistics of `samples` against `modes` (weights normalized here
    /// to sum 1). `modes` must not be empty.
    public init<C: Collection>(samples: C, modes components: [MixtureTarget.Component])
    where C.Element: BinaryFloatingPoint {
        precondition(!components.isEmpty, "mode statistics need at least one mode")
        let totalWeight = components.map(\.weight).reduce(0, +)
        let k = components.count
        var near = [Int](repeating: 0, count: k)
        var nearest = [Int](repeating: 0, count: k)
        var coveredFlags = [Bool](repeating: false, count: k)
        var hq = 0, finite = 0
        for sample in samples {
            let x = Double(sample)
            guard x.isFinite else { continue }
            finite += 1
            var best = 0, bestDistance = Double.infinity, isHQ = false
            for (i, c) in components.enumerated() {
                let d = abs(x - c.mean) / c.std
                if d <= Self.radius { near[i] += 1; isHQ = true }
                if d < bestDistance { best = i; bestDistance = d }
            }
            nearest[best] += 1
            if isHQ { hq += 1 }
            if bestDistance <= Self.radius { coveredFlags[best] = true }
        }
        let n = Double(samples.count)
        modes = components.indices.map { i in
            Mode(weight: components[i].weight / totalWeight, mean: components[i].mean, std: components[i].std,
                 share: n > 0 ? Double(near[i]) / n : 0, covered: coveredFlags[i])
        }
        modesCovered = coveredFlags.filter { $0 }.count
        hqShare = n > 0 ? Double(hq) / n : 0
        if finite == 0 {
            reverseKL = .nan
        } else {
            var kl = 0.0
            for i in 0..<k where nearest[i] > 0 {
                let p = Double(nearest[i]) / Double(finite)
                kl += p * log(p / modes[i].weight)
            }
            reverseKL = kl
        }
    }

    /// The statistics against `target`'s modes; nil for a data target.
    public init?<C: Collection>(samples: C, target: Target) where C.Element: BinaryFloatingPoint {
        guard let modes = target.modes else { return nil }
        self.init(samples: samples, modes: modes)
    }
}

extension Target {
    /// The target's modes for `ModeStatistics`: a mixture's components, one
    /// mode (mean, std, weight 1) for any other analytic target, nil for a
    /// data target.
    public var modes: [MixtureTarget.Component]? {
        if let mixture = distribution as? MixtureTarget { return mixture.components }
        if distribution is DataTarget { return nil }
        return [MixtureTarget.Component(weight: 1, mean: mean, std: std)]
    }

    /// Whether the target is a mixture: the runs whose final records hold
    /// mode statistics.
    public var isMixture: Bool { plane == nil && distribution is MixtureTarget }
}

extension RunLog {
    /// The final samples' mode statistics for a mixture target: those the
    /// final record holds, else computed from its samples (a log written
    /// before they were logged); nil for any other target or without a
    /// final record.
    public var mixtureModes: ModeStatistics? {
        guard target.isMixture, let final else { return nil }
        return final.modes ?? ModeStatistics(samples: final.samples, target: target)
    }
}
