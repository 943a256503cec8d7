import Foundation
import Testing
import TinyGANCore

/// Student's t sampler (Bailey's polar method): KS against the exact CDF
/// from light to near-normal tails, each draw against the formula computed
/// from its bits with Foundation's functions, and the far tail's mass.
@Suite struct StudentTSamplerTests {
    static func draws(_ spec: String, count: Int, seed: UInt64) throws -> (Target, [Float]) {
        let target = try Target(spec: spec)
        var rng = Xoshiro256StarStar(seed: seed)
        var values = [Float](repeating: .nan, count: count)
        target.fill(&values, using: &rng)
        return (target, values)
    }

    /// n = 100,000 draws from seed 47 for each nu: the one-sample KS critical
    /// value at level 0.01 is 1.628 / sqrt(n) = 0.00515. Float rounding
    /// moves F by at most p(x) |x| 2^-24, far below it.
    @Test(arguments: [2.5, 3, 5, 30, 1e5]) func ksAgainstTheExactCDF(nu: Double) throws {
        let (target, values) = try Self.draws("student-t:\(nu),-1,2", count: 100_000, seed: 47)
        let ks = target.distribution.kolmogorovSmirnov(sorted: values.map(Double.init).sorted())
        #expect(ks < 1.628 / 100_000.0.squareRoot(), "nu = \(nu): KS \(ks)")
    }

    /// Each draw is m + s U sqrt(nu (W^(-2/nu) - 1) / W) for the first pair
    /// (U, V) of the 64-bit draws' halves, j -> (j + 1/2) 2^-31, with
    /// W = U^2 + V^2 < 1; W^(-2/nu) - 1 here is Foundation's
    /// expm1(-(2/nu) log W) (pow(W, -2/nu) - 1 would cancel for large nu).
    /// FastMath is within 1e-15, so the Float draws may differ from the
    /// Float of this value by one ulp at most.
    @Test(arguments: [2.5, 30, 1e5]) func drawsAreBaileysFormulaOfTheirBits(nu: Double) throws {
        let (_, values) = try Self.draws("student-t:\(nu),0,1.5", count: 999, seed: 8)
        var rng = Xoshiro256StarStar(seed: 8)
        func uniform(_ bits: UInt64) -> Double {
            Double(Int32(bitPattern: UInt32(truncatingIfNeeded: bits))) * 0x1p-31 + 0x1p-32
        }
        for value in values {
            var u = 0.0, w = 1.0
            while w >= 1 {
                let bits = rng.next()
                u = uniform(bits >> 32)
                let v = uniform(bits)
                w = u * u + v * v
            }
            let exact = Float(1.5 * u * (nu * Foundation.expm1(-2 / nu * Foundation.log(w)) / w).squareRoot())
            #expect(abs(value - exact) <= exact.ulp, "nu = \(nu): \(value) vs \(exact)")
        }
    }

    /// The far tails, which KS hardly sees: of 1,000,000 draws (seed 48) with
    /// nu = 2.5, the share beyond F^-1(5e-5) on each side against its
    /// mass 5e-5, within 4.5 binomial standard errors (expected 50 +- 7).
    @Test func farTailsHaveTheirMass() throws {
        let (target, values) = try Self.draws("student-t:2.5,0,1", count: 1_000_000, seed: 48)
        let low = target.quantile(5e-5), high = target.quantile(1 - 5e-5)
        #expect(abs(target.cdf(low) - 5e-5) < 1e-9 && abs(target.cdf(high) - (1 - 5e-5)) < 1e-9)
        let standardError = (5e-5 * (1 - 5e-5) / 1e6).squareRoot()
        for (side, count) in [("low", values.filter { Double($0) < low }.count),
                              ("high", values.filter { Double($0) > high }.count)] {
            let share = Double(count) / 1e6
            #expect(abs(share - 5e-5) < 4.5 * standardError, "\(side) tail: \(count) draws beyond, 50 expected")
        }
    }
}
