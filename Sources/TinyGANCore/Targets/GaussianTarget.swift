/// N(mean, std^2), the article's target. Its draws are exactly those of
/// `NormalSampler.fill` (ziggurat normals, mean + std z), so a run's log
/// does not depend on whether the Gaussian came from `--target` or from
/// `--target-mean`/`--target-std`; its W1 is the exact closed form.
public struct GaussianTarget: TargetDistribution, Equatable {
    public var normal: Normal

    public init(mean: Double, std: Double) { normal = Normal(mean: mean, std: std) }

    static func parse(_ text: String) throws(SettingProblem) -> GaussianTarget {
        let p = try TargetParameters.numbers(text, syntax: "gaussian:MEAN,STD", count: 2)
        try TargetParameters.location(p[0], "MEAN")
        try TargetParameters.scale(p[1], "STD")
        return GaussianTarget(mean: p[0], std: p[1])
    }

    public var spec: String { "gaussian:\(normal.mean),\(normal.std)" }
    public var label: String { "N(\(labelNumber(normal.mean)), \(labelNumber(normal.std))\u{00B2})" }
    public var mean: Double { normal.mean }
    public var std: Double { normal.std }
    public var excessKurtosis: Double { 0 }

    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) {
        NormalSampler.shared.fill(&batch, mean: normal.mean, std: normal.std, using: &rng)
    }

    public func density(_ x: Double) -> Double { normal.density(x) }
    public func cdf(_ x: Double) -> Double { normal.cdf(x) }
    public func quantile(_ p: Double) -> Double { normal.quantile(p) }

    public func wasserstein1(sorted x: [Double]) -> Double {
        SampleStatistics.wasserstein1(sorted: x, target: normal)
    }
}

extension Target {
    /// The Gaussian target `normal`.
    public init(_ normal: Normal) { self.init(GaussianTarget(mean: normal.mean, std: normal.std)) }
}
