import Foundation
import RealModule

/// The log-normal distribution: X = exp(mu + sigma Z), Z ~ N(0, 1), with
/// density phi((ln x - mu) / sigma) / (sigma x) for x > 0, mean
/// exp(mu + sigma^2 / 2), std mean sqrt(exp(sigma^2) - 1) and excess kurtosis
/// e^(4 s^2) + 2 e^(3 s^2) + 3 e^(2 s^2) - 6. Z is the ziggurat normal of
/// `NormalSampler` (|Z| < 15: its tail method cannot go further); exp is
/// `FastMath.exp`, four at a time, and mu + sigma Z stays within +-40,
/// inside its domain. sigma is at most 2, so that 10,000 samples estimate
/// the std well enough for a verdict.
public struct LognormalTarget: TargetDistribution, Equatable {
    public var mu: Double
    public var sigma: Double

    static func parse(_ text: String) throws(SettingProblem) -> LognormalTarget {
        let p = try TargetParameters.numbers(text, syntax: "lognormal:MU,SIGMA", count: 2)
        guard abs(p[0]) <= 10 else { throw SettingProblem("lognormal's MU must be within +-10 (got \(p[0]))") }
        guard p[1] > 0 && p[1] <= 2 else { throw SettingProblem("lognormal's SIGMA must be > 0 and at most 2 (got \(p[1]))") }
        return LognormalTarget(mu: p[0], sigma: p[1])
    }

    public var spec: String { "lognormal:\(mu),\(sigma)" }
    public var label: String { "LogNormal(\(labelNumber(mu)), \(labelNumber(sigma))\u{00B2})" }
    public var mean: Double { Double.exp(mu + sigma * sigma / 2) }
    public var std: Double { mean * Double.expMinusOne(sigma * sigma).squareRoot() }
    public var excessKurtosis: Double {
        let s2 = sigma * sigma
        return Double.exp(4 * s2) + 2 * Double.exp(3 * s2) + 3 * Double.exp(2 * s2) - 6
    }
    public var breakpoints: [Double] { [0] }

    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) {
        NormalSampler.shared.withVariates { normal in
            BlockFill.fill(&batch, columns: 1, draw: { block, count in
                for row in 0..<count { block[0, row] = mu + sigma * normal.next(&rng) }
            }, transform: { block, row in FastMath.exp(block.lanes(0, row)) })
        }
    }

    public func density(_ x: Double) -> Double {
        x > 0 ? Normal.standardDensity((Double.log(x) - mu) / sigma) / (sigma * x) : 0
    }

    public func cdf(_ x: Double) -> Double { x > 0 ? Normal.standardCDF((Double.log(x) - mu) / sigma) : 0 }
    public func quantile(_ p: Double) -> Double { Double.exp(mu + sigma * Normal.standardQuantile(p)) }
}
