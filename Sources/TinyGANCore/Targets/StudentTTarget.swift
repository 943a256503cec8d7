import Foundation
import RealModule

/// Student's t with nu degrees of freedom, location m and scale s:
/// density Gamma((nu + 1)/2) / (Gamma(nu/2) sqrt(nu pi) s) (1 + t^2/nu)^(-(nu + 1)/2)
/// with t = (x - m)/s, mean m, std s sqrt(nu / (nu - 2)), excess kurtosis
/// 6 / (nu - 4) (infinite for nu <= 4). nu must exceed 2, so that the std
/// (which bins and verdicts use) exists. F(x) = 1 - I_{nu/(nu + t^2)}(nu/2, 1/2) / 2
/// for t >= 0 (mirrored below), I the regularized incomplete beta function.
///
/// A draw is m + s T by Bailey's method in its trigonometric form (R. W.
/// Bailey, "Polar generation of random variates with the t-distribution",
/// Math. Comp. 62 (1994), 779-781): for W and V independent and uniform on
/// (0, 1),
///     T = sqrt(nu (W^(-2/nu) - 1)) cos(2 pi V)
/// has exactly the t law with nu degrees of freedom. (His polar form takes
/// W = U^2 + V^2 of a pair uniform on the unit disc, which is uniform on
/// (0, 1) and independent of the angle, whose cosine is U / sqrt(W); as nu
/// grows, T becomes Box and Muller's normal sqrt(-2 ln W) cos(2 pi V).)
///
/// Each value takes one 64-bit draw, with no rejection: its top 36 bits a
/// give W = (a + 1/2) 2^-36 in [2^-37, 1), its low 28 bits b give
/// V = (b + 1/2) 2^-28, and cos(2 pi V) = sin(2 pi (|V - 1/2| - 1/4)), an
/// identity whose argument is exact and in [-1/4, 1/4]. So the angle lies on
/// a grid of 2^28 points (it moves F by at most about 2^-27, below what
/// rounding to Float does) and |T| is at most
/// sqrt(nu (2^(74/nu) - 1)), which only W < 2^-37 would pass: the draws
/// leave out a tail of probability 2^-37 = 7e-12 in all.
///
/// Four values at a time (two such groups a step), in double precision then
/// rounded to `Float`:
/// W^(-2/nu) - 1 = expm1(-(2/nu) ln W) by `FastMath`'s `logForFloat` and
/// `expMinusOneForFloat` (expm1 keeps the relative accuracy of small
/// exponents for large nu), the root as g / sqrt(g) for g = nu (W^(-2/nu) - 1)
/// by `reciprocalSquareRootForFloat`, and `sinTwoPi`: each within 5e-11 in
/// relative error, so with the exponent's (0, 25.7) T is within about 1e-10
/// of the formula, a value at most one Float ulp from the formula's. For
/// nu > 2, ln W is in [-25.7, 0) and g in [2^-36, 1.4e17], inside their domains.
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
        batch.withUnsafeMutableBufferPointer { batch in
            guard let out = batch.baseAddress else { return }
            func store(_ values: FastMath.Lanes, at row: Int) {
                UnsafeMutableRawPointer(out + row).storeBytes(of: SIMD4<Float>(values), as: SIMD4<Float>.self)
            }
            var row = 0
            // Eight values a step: two independent chains of arithmetic to overlap.
            while row + 8 <= batch.count {
                let first = SIMD4(rng.next(), rng.next(), rng.next(), rng.next())
                let second = SIMD4(rng.next(), rng.next(), rng.next(), rng.next())
                store(location + scale * Self.variates(first, nu: nu, exponent: exponent), at: row)
                store(location + scale * Self.variates(second, nu: nu, exponent: exponent), at: row + 4)
                row += 8
            }
            // The last one to seven values, four at a time: one draw each, as everywhere.
            while row < batch.count {
                let lanes = min(4, batch.count - row)
                var bits = SIMD4<UInt64>()
                for lane in 0..<lanes { bits[lane] = rng.next() }
                let values = location + scale * Self.variates(bits, nu: nu, exponent: exponent)
                for lane in 0..<lanes { out[row + lane] = Float(values[lane]) }
                row += lanes
            }
        }
    }

    /// Four standard t variates (`exponent` = -2/nu), one from each 64-bit draw.
    @inline(__always)
    static func variates(_ bits: SIMD4<UInt64>, nu: Double, exponent: Double) -> FastMath.Lanes {
        // Integers below 2^52 become Doubles exactly through the bits of 2^52.
        let twoTo52 = SIMD4<UInt64>(repeating: 0x4330_0000_0000_0000)
        let a = unsafeBitCast((bits &>> 28) | twoTo52, to: FastMath.Lanes.self) - 0x1p52
        let b = unsafeBitCast((bits & 0xFFF_FFFF) | twoTo52, to: FastMath.Lanes.self) - 0x1p52
        let w = (a + 0.5) * 0x1p-36
        let fromHalf = (b + 0.5) * 0x1p-28 - 0.5
        let y = unsafeBitCast(unsafeBitCast(fromHalf, to: SIMD4<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF,
                              to: FastMath.Lanes.self) - 0.25
        let g = nu * FastMath.expMinusOneForFloat(exponent * FastMath.logForFloat(w))
        return FastMath.sinTwoPi(y) * (g * FastMath.reciprocalSquareRootForFloat(g))
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
