import Foundation
import Testing
import TinyGANCore

/// Student's t sampler (Bailey's method): KS against the exact CDF
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

    /// Each draw is m + s sqrt(nu (W^(-2/nu) - 1)) cos(2 pi V) for the
    /// draw's top 36 bits a and low 28 bits b, W = (a + 1/2) 2^-36 and
    /// V = (b + 1/2) 2^-28, one 64-bit draw a value (the generators agree
    /// after the batch); W^(-2/nu) - 1 here is Foundation's
    /// expm1(-(2/nu) log W) (pow(W, -2/nu) - 1 would cancel for large nu),
    /// and the cosine Foundation's sin(2 pi (|V - 1/2| - 1/4)), whose
    /// argument is exact, checked against its cos(2 pi V) (which errs by up
    /// to 2 pi 2^-53 in absolute terms near its zeros). The sampler's
    /// functions are within 5e-11, so the Float draws may differ from the
    /// Float of this value by one ulp at most.
    @Test(arguments: [2.5, 30, 1e5]) func drawsAreBaileysFormulaOfTheirBits(nu: Double) throws {
        let target = try Target(spec: "student-t:\(nu),0,1.5")
        var sampler = Xoshiro256StarStar(seed: 8), rng = Xoshiro256StarStar(seed: 8)
        var values = [Float](repeating: .nan, count: 999)
        target.fill(&values, using: &sampler)
        for value in values {
            let bits = rng.next()
            let w = (Double(bits >> 28) + 0.5) * 0x1p-36
            let v = (Double(bits & 0xFFF_FFFF) + 0.5) * 0x1p-28
            let cosine = Foundation.sin(2 * Double.pi * (abs(v - 0.5) - 0.25))
            #expect(abs(cosine - Foundation.cos(2 * Double.pi * v)) < 1e-15)
            let exact = Float(1.5 * (nu * Foundation.expm1(-2 / nu * Foundation.log(w))).squareRoot() * cosine)
            #expect(abs(value - exact) <= exact.ulp, "nu = \(nu): \(value) vs \(exact)")
        }
        #expect(sampler.next() == rng.next(), "one draw a value")
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
