import Foundation
import RealModule

/// Student's t with nu degrees of freedom, location m and scale s:
/// density Gamma((nu + 1)/2) / (Gamma(nu/2) sqrt(nu pi) s) (1 + t^2/nu)^(-(nu + 1)/2)
/// with t = (x - m)/s, mean m, std s sqrt(nu / (nu - 2)), excess kurtosis
/// 6 / (nu - 4) (infinite for nu <= 4). nu must exceed 2, so that the std
/// (which bins and verdicts use) exists. F(x) = 1 - I_{nu/(nu + t^2)}(nu/2, 1/2) / 2
/// for t >= 0 (mirrored below), I the regularized incomplete beta function.
///
/// A draw is m + s Z / sqrt(2 G / nu) with Z ~ N(0, 1) and G ~ Gamma(nu/2, 1)
/// by Marsaglia and Tsang's method (2000; nu/2 > 1, so no boost is needed).
public struct StudentTTarget: TargetDistribution, Equatable {
    public var nu: Double
    public var location: Double
    public var scale: Double

    static func parse(_ text: String) throws(SettingProblem) -> StudentTTarget {
        let p = try TargetParameters.numbers(text, syntax: "student-t:NU,LOC,SCALE", count: 3)
        guard p[0] > 2 && p[0] <= 1e6 else {
            throw SettingProblem("student-t's NU must be > 2 (for a finite std) and at most 1e6 (got \(p[0]))")
        }
        try TargetParameters.location(p[1], "LOC")
        try TargetParameters.scale(p[2], "SCALE")
        return StudentTTarget(nu: p[0], location: p[1], scale: p[2])
    }

    public var spec: String { "student-t:\(nu),\(location),\(scale)" }
    public var label: String { "t(\(labelNumber(nu)); \(labelNumber(location)), \(labelNumber(scale)))" }
    public var mean: Double { location }
    public var std: Double { scale * (nu / (nu - 2)).squareRoot() }
    public var excessKurtosis: Double { nu > 4 ? 6 / (nu - 4) : .infinity }

    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) {
        let d = nu / 2 - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        let factor = scale * (nu / 2).squareRoot()
        NormalSampler.shared.withVariates { normal in
            batch.withUnsafeMutableBufferPointer { batch in
                for i in batch.indices {
                    let z = normal.next(&rng)
                    var gamma: Double
                    while true {
                        let x = normal.next(&rng)
                        let v = 1 + c * x
                        guard v > 0 else { continue }
                        let v3 = v * v * v, u = rng.nextDouble()
                        if u < 1 - 0.0331 * (x * x) * (x * x) { gamma = d * v3; break }
                        if Double.log(u) < 0.5 * x * x + d * (1 - v3 + Double.log(v3)) { gamma = d * v3; break }
                    }
                    batch[i] = Float(location + factor * z / gamma.squareRoot())
                }
            }
        }
    }

    var logNormalizer: Double {
        lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * Double.log(nu * Double.pi) - Double.log(scale)
    }

    public func density(_ x: Double) -> Double {
        let t = (x - location) / scale
        return Double.exp(logNormalizer - (nu + 1) / 2 * Double.log(onePlus: t * t / nu))
    }

    public func cdf(_ x: Double) -> Double {
        let t = (x - location) / scale
        let tail = 0.5 * IncompleteBeta.regularized(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
        return t < 0 ? tail : 1 - tail
    }

    public func quantile(_ p: Double) -> Double {
        QuantileSearch.invert(p, cdf: cdf, density: density, start: location, step: std)
    }
}
