import Foundation
import RealModule

/// Student's t with nu degrees of freedom, location m and scale s:
/// density Gamma((nu + 1)/2) / (Gamma(nu/2) sqrt(nu pi) s) (1 + t^2/nu)^(-(nu + 1)/2)
/// with t = (x - m)/s, mean m, std s sqrt(nu / (nu - 2)), excess kurtosis
/// 6 / (nu - 4) (infinite for nu <= 4). nu must exceed 2, so that the std
/// (which bins and verdicts use) exists. F(x) = 1 - I_{nu/(nu + t^2)}(nu/2, 1/2) / 2
/// for t >= 0 (mirrored below), I the regularized incomplete beta function.
///
/// A draw is m + s T by Bailey's polar method (R. W. Bailey, "Polar
/// generation of random variates with the t-distribution", Math. Comp. 62
/// (1994), 779-781): for (U, V) uniform on the unit disc, W = U^2 + V^2,
///     T = U sqrt(nu (W^(-2/nu) - 1) / W)
/// has exactly the t law with nu degrees of freedom (W is uniform on (0, 1)
/// and independent of the angle, U / sqrt(W) = cos(angle); as nu grows it
/// becomes Marsaglia's polar normal U sqrt(-2 ln W / W)).
///
/// U and V come from one 64-bit draw, its high and low halves: a 32-bit
/// integer j gives (j + 1/2) 2^-31 in (-1, 1), symmetric about 0 and never
/// 0, so W >= 2^-63; pairs with W >= 1 are rejected (a share 1 - pi/4).
/// W^(-2/nu) - 1 = expm1(-(2/nu) ln W) by `FastMath`'s `log` and
/// `expMinusOne`, and the root as g / sqrt(g W) for g = nu (W^(-2/nu) - 1)
/// by its `reciprocalSquareRoot`, four at a time (`BlockFill`). For nu > 2,
/// ln W is in [-43.7, 0), the exponent in (0, 43.7) and g W in
/// [2^-63, nu] (g W <= nu W^(1 - 2/nu) <= nu), inside their domains; expm1
/// keeps the relative accuracy of small exponents for large nu. The 2^-31
/// grid of U and V bounds |T| by sqrt(nu) 2^(63/nu) (which only
/// W < 2^-63 would pass: probability of order 2^-63).
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
        let exponent = -2 / nu
        BlockFill.fill(&batch, columns: 2, draw: { block, count in
            // Rejection without branches: every pair is written at `row`,
            // which advances only past pairs inside the disc.
            var row = 0
            while row < count {
                let bits = rng.next()
                let u = Self.centeredUniform(UInt32(truncatingIfNeeded: bits >> 32))
                let v = Self.centeredUniform(UInt32(truncatingIfNeeded: bits))
                let w = u * u + v * v
                block[0, row] = u
                block[1, row] = w
                row += w < 1 ? 1 : 0
            }
        }, transform: { block, row in
            let u = block.lanes(0, row), w = block.lanes(1, row)
            // sqrt(g / W) = g / sqrt(g W) for g = nu (W^(-2/nu) - 1).
            let g = nu * FastMath.expMinusOne(exponent * FastMath.log(w))
            return location + scale * u * g * FastMath.reciprocalSquareRoot(g * w)
        })
    }

    /// (j + 1/2) 2^-31 for the 32 bits read as a signed integer j: uniform
    /// over 2^32 points of (-1, 1), symmetric about 0.
    @inline(__always)
    static func centeredUniform(_ bits: UInt32) -> Double {
        Double(Int32(bitPattern: bits)) * 0x1p-31 + 0x1p-32
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
