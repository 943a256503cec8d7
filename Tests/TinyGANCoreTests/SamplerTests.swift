import Foundation
import Testing
import TinyGANCore

/// Every analytic target's sampler: a large KS test against its own exact
/// CDF, determinism, and draws that do not depend on how a batch is cut.
@Suite struct SamplerTests {
    static let specs = ["gaussian:4,1.25", "mixture:0.3*N(-2,0.5)+0.7*N(3,1)", "mixture:0.5*N(-2,0.5)+0.5*N(2,0.5)",
                        "mixture:0.2*N(0,1)+0.2*N(4,1)+0.2*N(8,1)+0.2*N(12,1)+0.2*N(16,1)", "uniform:-1,3",
                        "laplace:1,0.5", "lognormal:0.2,0.6", "lognormal:-3,2", "student-t:5,2,1.5"]

    /// n = 200,000 draws from seed 41: the one-sample KS critical value at
    /// level 0.01 is 1.63 / sqrt(n) = 0.00364. Float rounding moves F by at
    /// most p(x) |x| 2^-24, far below it.
    @Test(arguments: specs) func ksAgainstItsOwnCDFWithLargeSample(spec: String) throws {
        let target = try Target(spec: spec)
        var rng = Xoshiro256StarStar(seed: 41)
        var values = [Float](repeating: 0, count: 200_000)
        target.fill(&values, using: &rng)
        let ks = target.distribution.kolmogorovSmirnov(sorted: values.map(Double.init).sorted())
        #expect(ks < 1.63 / 200_000.0.squareRoot(), "\(spec): KS \(ks)")
    }

    /// The same seed gives the same draws, another seed others; the first
    /// n draws of a batch are the draws of a batch of n (for n that leave
    /// a partial block of four lanes, or several blocks). Student's t also
    /// with its heaviest and lightest tails (its sampler rejects pairs).
    @Test(arguments: specs + ["student-t:2.5,-1,2", "student-t:100000,0,1"]) func drawsAreDeterministicAndIndependentOfTheBatchSize(spec: String) throws {
        let target = try Target(spec: spec)
        func draws(_ n: Int, seed: UInt64) -> [Float] {
            var rng = Xoshiro256StarStar(seed: seed)
            var values = [Float](repeating: .nan, count: n)
            target.fill(&values, using: &rng)
            return values
        }
        let full = draws(1003, seed: 5)
        #expect(full.allSatisfy { $0.isFinite })
        #expect(full == draws(1003, seed: 5))
        #expect(full != draws(1003, seed: 6))
        for n in [1, 2, 3, 7, 256, 257, 600] { #expect(draws(n, seed: 5) == Array(full.prefix(n)), "\(spec): n = \(n)") }
    }

    /// Laplace: each draw is m + b E S from the bits the doc comment names,
    /// E = -ln(1 - U) by FastMath; against Foundation's log1p it may differ
    /// by Float rounding only (one ulp).
    @Test func laplaceDrawsAreTheInverseCDFOfTheirBits() throws {
        let target = try Target(spec: "laplace:1,0.5")
        var a = Xoshiro256StarStar(seed: 8), b = a
        var values = [Float](repeating: 0, count: 999)
        target.fill(&values, using: &a)
        for value in values {
            let bits = b.next()
            let e = -Foundation.log1p(-Double(Int64(bitPattern: bits >> 11)) * 0x1p-53)
            let exact = Float(1 + (bits & 1 == 0 ? 0.5 * e : -0.5 * e))
            #expect(abs(value - exact) <= exact.ulp, "\(value) vs \(exact)")
        }
    }

    /// Log-normal: each draw is exp(mu + sigma Z) of the ziggurat's Z, to
    /// Float rounding (one ulp) against Foundation's exp.
    @Test func lognormalDrawsAreExpOfTheZigguratNormals() throws {
        let target = try Target(spec: "lognormal:0.2,0.6")
        var a = Xoshiro256StarStar(seed: 9), b = a
        var values = [Float](repeating: 0, count: 999)
        target.fill(&values, using: &a)
        for value in values {
            let exact = Float(Foundation.exp(0.2 + 0.6 * NormalSampler.shared.next(using: &b)))
            #expect(abs(value - exact) <= exact.ulp, "\(value) vs \(exact)")
        }
    }

    /// Mixture: the share of 200,000 draws (seed 43) between the midpoints
    /// of neighbouring means, against the mass F gives there, within 4.5
    /// binomial standard errors: the components are picked by their weights.
    @Test func mixtureComponentSharesFollowTheWeights() throws {
        let target = try Target(spec: "mixture:0.1*N(0,1)+0.6*N(4,1)+0.3*N(8,1)")
        var rng = Xoshiro256StarStar(seed: 43)
        var values = [Float](repeating: 0, count: 200_000)
        target.fill(&values, using: &rng)
        let cuts = [-Double.infinity, 2, 6, .infinity]
        for k in 0..<3 {
            let share = Double(values.filter { Double($0) > cuts[k] && Double($0) <= cuts[k + 1] }.count) / 200_000
            let expected = target.cdf(cuts[k + 1]) - target.cdf(cuts[k])
            let standardError = (expected * (1 - expected) / 200_000).squareRoot()
            #expect(abs(share - expected) < 4.5 * standardError, "component \(k): \(share) vs \(expected)")
        }
    }
}
