import Foundation
import Testing
import TinyGANCore

/// The analytic targets: samplers against their own CDFs, CDFs against
/// quantiles, densities against 1, moments against quadrature, W1 by
/// quadrature against the Gaussian's closed form, and their specs.
@Suite struct TargetTests {
    static let specs = ["gaussian:4,1.25", "mixture:0.3*N(-2,0.5)+0.7*N(3,1)", "uniform:-1,3", "laplace:1,0.5",
                        "lognormal:0.2,0.6", "student-t:5,2,1.5"]
    static let targets = specs.map { try! Target(spec: $0) }

    static func integral(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        GaussLegendre.integral(a, b, panels: 4000, f)
    }

    /// integral of f over [F^-1(1e-12), F^-1(1 - 1e-12)], split at the breakpoints.
    static func overSupport(_ target: Target, _ f: (Double) -> Double) -> Double {
        let cuts = ([target.quantile(1e-12)] + target.distribution.breakpoints + [target.quantile(1 - 1e-12)])
            .filter { $0 >= target.quantile(1e-12) && $0 <= target.quantile(1 - 1e-12) }.sorted()
        return zip(cuts, cuts.dropFirst()).map { integral($0, $1, f) }.reduce(0, +)
    }

    /// The article's Gaussian draws exactly what NormalSampler draws, pinned
    /// by the reference normals of seed 7 (bench/reference_rng.py).
    @Test func gaussianDrawsAreTheNormalSamplersDrawForDraw() throws {
        let target = try Target(spec: "gaussian:4,1.25")
        #expect(target == Target.article && target.spec == "gaussian:4.0,1.25")
        var a = Xoshiro256StarStar(seed: 7), b = Xoshiro256StarStar(seed: 7)
        var mine = [Float](repeating: 0, count: 1000), theirs = mine
        target.fill(&mine, using: &a)
        NormalSampler().fill(&theirs, mean: 4, std: 1.25, using: &b)
        #expect(mine == theirs)
        let reference = [0.47319497607888616, -0.5710650210335607, 1.5179217372486586, 1.4751301803939147, 2.1481817140518267]
        #expect(Array(mine.prefix(5)) == reference.map { Float(4 + 1.25 * $0) })
    }

    /// One-sample KS with n = 20,000 draws: the critical value at level
    /// 0.001 is 1.949 / sqrt(n) = 0.0138. Draws are rounded to Float, which
    /// moves F by at most p(x) |x| 2^-24, far below it.
    @Test(arguments: specs) func samplerPassesKolmogorovSmirnovAgainstItsCDF(spec: String) throws {
        let target = try Target(spec: spec)
        var rng = Xoshiro256StarStar(seed: 31)
        var values = [Float](repeating: 0, count: 20_000)
        target.fill(&values, using: &rng)
        let stats = SampleStatistics(samples: values, target: target)
        #expect(stats.ks < 1.949 / 20_000.0.squareRoot(), "\(spec): KS \(stats.ks)")
    }

    /// F(F^-1(p)) = p to 1e-12 and F^-1(F(x)) = x to 1e-9 std, p from 1e-6 to 1 - 1e-6.
    @Test(arguments: specs) func cdfAndQuantileInvertEachOther(spec: String) throws {
        let target = try Target(spec: spec)
        let ps = [1e-6, 1e-4, 0.01] + stride(from: 0.02, to: 0.99, by: 0.037).map { $0 } + [0.99, 0.9999, 1 - 1e-6]
        for p in ps {
            let x = target.quantile(p)
            #expect(abs(target.cdf(x) - p) < 1e-12 * max(1, p / 1e-3), "\(spec): F(F^-1(\(p)))")
            #expect(abs(target.quantile(target.cdf(x)) - x) < 1e-9 * target.std, "\(spec): F^-1(F(\(x)))")
        }
    }

    /// The density integrates to 1 and gives the declared mean, std and
    /// excess kurtosis (to 1e-8, 1e-7 relative, and 1e-5 of kappa + 3: the
    /// tails beyond the 1e-12 quantiles hold a little of the log-normal's
    /// fourth moment; Student's t with nu = 5 has none and is skipped there).
    @Test(arguments: specs) func densityIntegratesToOneWithTheDeclaredMoments(spec: String) throws {
        let t = try Target(spec: spec)
        #expect(abs(Self.overSupport(t, t.density) - 1) < 1e-8, "\(spec): mass")
        if spec.hasPrefix("student-t") { return }
        let mean = Self.overSupport(t) { $0 * t.density($0) }
        let variance = Self.overSupport(t) { ($0 - t.mean) * ($0 - t.mean) * t.density($0) }
        let fourth = Self.overSupport(t) { pow($0 - t.mean, 4) * t.density($0) }
        #expect(abs(mean - t.mean) < 1e-8 * max(1, abs(t.mean)) + 1e-8 * t.std, "\(spec): mean")
        #expect(abs(variance.squareRoot() / t.std - 1) < 1e-7, "\(spec): std")
        #expect(abs(fourth / (variance * variance) - 3 - t.excessKurtosis) < 1e-5 * (t.excessKurtosis + 3), "\(spec): kurtosis")
    }

    /// A one-component mixture is N(4, 1.25^2) without the closed form: its
    /// W1 by quadrature equals the Gaussian's exact W1 to 1e-9 std, for a
    /// good sample, a shifted one and one with far outliers.
    @Test func quadratureW1MatchesTheGaussianClosedForm() throws {
        let mixture = try Target(spec: "mixture:1*N(4,1.25)")
        var rng = Xoshiro256StarStar(seed: 5)
        var values = [Float](repeating: 0, count: 2000)
        Target.article.fill(&values, using: &rng)
        for sample in [values, values.map { $0 + 0.7 }, values + [-40, 60, 4.5]] {
            let x = sample.map(Double.init).sorted()
            let exact = SampleStatistics.wasserstein1(sorted: x, target: Normal(mean: 4, std: 1.25))
            let quadrature = mixture.distribution.wasserstein1(sorted: x)
            #expect(abs(quadrature - exact) < 1e-9 * 1.25, "\(quadrature) vs \(exact)")
        }
    }

    /// Specs read back as themselves; ':' separates numbers as ',' does
    /// (a --grid value cannot hold a ','); mixture weights are normalized.
    @Test func specsAreCanonical() throws {
        for target in Self.targets { #expect(try Target(spec: target.spec) == target) }
        #expect(try Target(spec: "uniform:-1:3") == Target(spec: "uniform:-1,3"))
        #expect(try Target(spec: "mixture:1*N(0,1)+3*N(5,2)").spec == "mixture:0.25*N(0.0,1.0)+0.75*N(5.0,2.0)")
        #expect(try Target(spec: " laplace:1,0.5 ").spec == "laplace:1.0,0.5")
    }

    @Test func badSpecsSayWhatIsExpected() {
        let cases: [(String, String)] = [
            ("normal:0,1", "must be one of gaussian:MEAN,STD"),
            ("gaussian:0", "gaussian: needs 2 numbers as in gaussian:MEAN,STD"),
            ("gaussian:0,0", "STD must be > 0"),
            ("gaussian:nan,1", "needs finite numbers"),
            ("uniform:3,1", "needs A < B"),
            ("mixture:0*N(0,1)", "weights must be > 0"),
            ("mixture:N(0,1)", "W*N(MEAN,STD)"),
            ("student-t:2,0,1", "NU must be > 2"),
            ("lognormal:0,3", "SIGMA must be > 0 and at most 2"),
            ("laplace:2e6,1", "LOC must be within +-1e6"),
            ("uniform:" + String(repeating: "9", count: 5000), "(5000 bytes)"),
        ]
        for (spec, expected) in cases {
            #expect(throws: SettingProblem.self) { try Target(spec: spec) }
            do { _ = try Target(spec: spec) } catch {
                #expect(error.reason.contains(expected), "\(spec): \(error.reason)")
                #expect(error.reason.count < 400)
            }
        }
    }
}
