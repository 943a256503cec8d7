/// What became of a run: the one rule that the figures, the report and the
/// sweeps all use. With the target N(mu, sigma^2) and the statistics of the
/// final generated samples, in this order:
///
/// | verdict | when |
/// |---|---|
/// | diverged | the run stopped on a NaN or infinity, or its statistics are not finite |
/// | collapsed | std < 0.25 sigma: G maps most noise to nearly one value (a spike) |
/// | shifted | abs(mean - mu) > 0.5 sigma: the mass sits in the wrong place |
/// | wrong shape | right place and spread, but W1 > 0.25 sigma, KS > 0.15 or abs(std - sigma) > 0.25 sigma |
/// | success | everything else: W1 <= 0.25 sigma, KS <= 0.15, mean within 0.5 sigma, std within 25% |
///
/// W1 is the Wasserstein-1 distance (in the data's units) between the
/// samples and the target; 0.25 sigma is about the distance of a Gaussian
/// shifted by a quarter of its std. KS is the Kolmogorov-Smirnov statistic
/// of the 10,000 final samples (sampling noise about 0.01). The KS limit was
/// set by looking at the final histograms of 100 runs of the article
/// (README, "Verdicts"): up to about 0.13 they look like bell curves, at most
/// with a mild peak; from about 0.15 a narrow spike dominates, though W1 may
/// still be small.
public enum Verdict: String, Codable, CaseIterable, Sendable {
    case success
    case collapsed
    case shifted
    case wrongShape = "wrong shape"
    case diverged

    public static let collapseRatio = 0.25
    public static let shiftLimit = 0.5
    public static let spreadLimit = 0.25
    public static let distanceLimit = 0.25
    public static let ksLimit = 0.15

    public init(_ final: FinalRecord, target: Normal) {
        let e = final.evaluation
        let sigma = target.std
        if final.diverged || ![e.mean, e.std, e.wasserstein1].allSatisfy(\.isFinite) {
            self = .diverged
        } else if e.std < Self.collapseRatio * sigma {
            self = .collapsed
        } else if abs(e.mean - target.mean) > Self.shiftLimit * sigma {
            self = .shifted
        } else if e.wasserstein1 > Self.distanceLimit * sigma || e.ks > Self.ksLimit
                    || abs(e.std - sigma) > Self.spreadLimit * sigma {
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
