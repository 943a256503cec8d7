/// What became of a run: the one rule that the figures, the report and the
/// sweeps all use. With the target's mean mu, std sigma and excess kurtosis
/// kappa (N(mu, sigma^2) and 0 for the article's Gaussian), and the
/// statistics of the final generated samples, in this order:
///
/// | verdict | when |
/// |---|---|
/// | diverged | the run stopped on a NaN or infinity, or its statistics are not finite |
/// | missing modes | (mixture targets only) fewer modes covered than the target has, or some mode k holds a share below 0.4 w_k (`ModeStatistics`) |
/// | collapsed | std < 0.25 sigma: G maps most noise to nearly one value (a spike) |
/// | shifted | abs(mean - mu) > 0.5 sigma: the mass sits in the wrong place |
/// | wrong shape | right place and spread, but W1 > 0.25 sigma, KS > 0.15, abs(std - sigma) > 0.25 sigma or excess kurtosis < min(kappa, 0) - 1 |
/// | success | everything else: W1 <= 0.25 sigma, KS <= 0.15, mean within 0.5 sigma, std within 25%, excess kurtosis >= min(kappa, 0) - 1 |
///
/// W1 is the Wasserstein-1 distance (in the data's units) between the
/// samples and the target; 0.25 sigma is about the distance of a Gaussian
/// shifted by a quarter of its std. KS is the Kolmogorov-Smirnov statistic
/// of the 10,000 final samples (sampling noise about 0.01). The KS limit was
/// set by looking at the final histograms of 100 runs of the article
/// (README, "Verdicts"): up to about 0.13 they look like bell curves, at most
/// with a mild peak; from about 0.15 a narrow spike dominates, though W1 may
/// still be small.
///
/// A flat box passes both distances: a uniform with the target's mean and
/// std has KS 0.057 and W1 0.15 sigma, yet nobody would call it a bell
/// curve. Its excess kurtosis, -1.2, gives it away (a Gaussian's is 0, one
/// cut off at +-2 sigma -0.63, at +-1.5 sigma -0.88). D's that are
/// regularized hard end in such boxes (README, "A recipe that does not
/// fail"), hence the flatness limit of -1. Peaks are left to KS: a
/// Gaussian with a spike holding a share q of the mass has excess kurtosis
/// 3q / (1 - q), already 1.05 at the mild q = 0.26.
///
/// For other targets the same rule holds in their own units, and the
/// flatness limit follows the target: min(kappa, 0) - 1, that is -1 for
/// every target at least as peaked as a Gaussian (Laplace, Student's t,
/// log-normal: a box is still wrong for them) and kappa - 1 for a flatter
/// one (-2.2 for a uniform, which is itself a box; a two-point law, the
/// flattest there is, has -2). KS and W1 are against the target's own
/// distribution function (two-sample for a data target).
///
/// *Missing modes* is judged for mixture targets only, from the final
/// samples' `ModeStatistics` (logged in the final record, computed from
/// the samples for a log that lacks them): mode k is missing when no
/// sample within 3 s_k of m_k has it as its nearest mode, or when its
/// share (the fraction of samples within 3 s_k of m_k) is below
/// `modeShareLimit` = 0.4 of its weight w_k. A sampler of the target
/// holds 0.9973 w_k, and with 10,000 samples a weight of 0.05 has a
/// sampling std of 0.0022 in its share, so only a mode that lost most of
/// its mass falls below; a single stray sample still covers a mode, which
/// is why the share is needed too. The limit was set by looking at the
/// final histograms of two 20-seed sweeps (d-input moments and
/// moments-and-cdf; README, "Verdicts"): on 0.5 N(-2, 0.5^2) +
/// 0.5 N(2, 0.5^2) every run shows both humps (least share 0.60 of the
/// weight); on 0.2 N(-4, 0.5^2) + 0.5 N(0, 0.5^2) + 0.3 N(4, 0.5^2) the runs
/// whose middle hump is gone by eye hold 0.23 and 0.24 of its weight, and
/// the least of the others 0.51; 0.4 lies in that gap with room on both
/// sides.
///
/// It comes right after *diverged*, before *collapsed* and *shifted*: for
/// a mixture, losing a mode is what a run that sits on one mode did, and
/// the other rules would hide it. A run on one of two modes 8 of their
/// std apart, with that mode's own std, has std below 0.25 sigma and a
/// mean more than 0.5 sigma off: it would be called collapsed or shifted.
/// A spike is a run that misses modes too. Gaussian and other unimodal
/// targets are never judged by it, so their verdicts are as before.
public enum Verdict: String, Codable, CaseIterable, Sendable {
    case success
    case collapsed
    case shifted
    case wrongShape = "wrong shape"
    case diverged
    case missingModes = "missing modes"

    public static let collapseRatio = 0.25
    public static let shiftLimit = 0.5
    public static let spreadLimit = 0.25
    public static let distanceLimit = 0.25
    public static let ksLimit = 0.15
    public static let flatnessLimit = -1.0
    /// A mode holding less than this fraction of its weight is missing.
    public static let modeShareLimit = 0.4

    public init(_ final: FinalRecord, target: Normal) { self.init(final, target: Target(target)) }

    /// The flatness limit for `target`: min(kappa, 0) - 1.
    public static func flatnessLimit(for target: Target) -> Double {
        Swift.min(target.excessKurtosis, 0) + flatnessLimit
    }

    /// Whether a mixture run misses a mode: a mode not covered, or one
    /// whose share is below `modeShareLimit` of its weight.
    public static func missesModes(_ modes: ModeStatistics) -> Bool {
        modes.modes.contains { !$0.covered || $0.share < modeShareLimit * $0.weight }
    }

    public init(_ final: FinalRecord, target: Target) {
        let e = final.evaluation
        let sigma = target.std
        let modes = target.isMixture ? final.modes ?? ModeStatistics(samples: final.samples, target: target) : nil
        if final.diverged || ![e.mean, e.std, e.wasserstein1].allSatisfy(\.isFinite) {
            self = .diverged
        } else if let modes, Self.missesModes(modes) {
            self = .missingModes
        } else if e.std < Self.collapseRatio * sigma {
            self = .collapsed
        } else if abs(e.mean - target.mean) > Self.shiftLimit * sigma {
            self = .shifted
        } else if e.wasserstein1 > Self.distanceLimit * sigma || e.ks > Self.ksLimit
                    || abs(e.std - sigma) > Self.spreadLimit * sigma
                    || e.excessKurtosis < Self.flatnessLimit(for: target) {
            self = .wrongShape
        } else {
            self = .success
        }
    }
}

extension RunLog {
    /// The verdict of a finished run; nil while it has no final record.
    public var verdict: Verdict? { final.map { Verdict($0, target: target) } }
}
