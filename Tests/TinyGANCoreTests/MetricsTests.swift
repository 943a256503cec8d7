import Testing
import TinyGANCore

@Suite struct MetricsTests {
    let target = Normal(mean: 4, std: 1.25)

    @Test func quantileInvertsTheCDF() {
        #expect(abs(Normal.standardQuantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(Normal.standardQuantile(0.5)) < 1e-15)
        #expect(abs(Normal.standardQuantile(1e-10) - -6.361340902404056) < 1e-9)
        for p in stride(from: 0.001, to: 1, by: 0.013) {
            #expect(abs(Normal.standardCDF(Normal.standardQuantile(p)) - p) < 1e-14)
        }
        #expect(abs(target.quantile(0.8413447460685429) - 5.25) < 1e-9)
    }

    /// A single sample at the mean: F_n jumps from 0 to 1 at mu, so
    /// KS = 1/2 and W1 = integral |H(x - mu) - F(x)| = 2 sigma phi(0).
    @Test func oneSampleAtTheMean() {
        let stats = SampleStatistics(samples: [4.0], target: target)
        #expect(abs(stats.ks - 0.5) < 1e-15)
        #expect(abs(stats.wasserstein1 - 2 * 1.25 * Normal.standardDensity(0)) < 1e-12)
    }

    /// n stratified quantiles F^-1((i + 1/2)/n) of the target: KS = 1/(2n);
    /// shifted by delta, W1 -> delta (the W1 of a pure shift). The
    /// stratified sample is itself about 2 sigma / n = 1.25e-3 from the
    /// target in W1, so both W1 checks allow 3 sigma / n = 1.9e-3.
    @Test func stratifiedSamples() {
        let n = 2000
        let quantiles = (0..<n).map { target.quantile((Double($0) + 0.5) / Double(n)) }
        let exact = SampleStatistics(samples: quantiles, target: target)
        #expect(abs(exact.ks - 0.5 / Double(n)) < 1e-12)
        #expect(exact.wasserstein1 < 1.9e-3)
        #expect(abs(exact.mean - 4) < 1e-9)
        #expect(abs(exact.std - 1.25) < 5e-3)
        let shifted = SampleStatistics(samples: quantiles.map { $0 + 0.7 }, target: target)
        #expect(abs(shifted.wasserstein1 - 0.7) < 1.9e-3)
    }

    /// W1 against a direct numerical integral of |F_n - F| on a fine grid.
    @Test func wassersteinMatchesQuadrature() {
        var data = TestData(seed: 8)
        let x = data.uniform(50, 0, 9).sorted()
        let exact = SampleStatistics.wasserstein1(sorted: x, target: target)
        var integral = 0.0
        let h = 1e-4
        var k = 0
        for step in 0..<250_000 {
            let t = -8.0 + (Double(step) + 0.5) * h
            while k < x.count && x[k] <= t { k += 1 }
            integral += abs(Double(k) / Double(x.count) - target.cdf(t)) * h
        }
        #expect(abs(exact - integral) < 1e-4)
    }

    @Test func nonFiniteSamplesGiveNaN() {
        let stats = SampleStatistics(samples: [1, Float.nan, 3], target: target)
        #expect(stats.mean.isNaN && stats.ks.isNaN && stats.wasserstein1.isNaN)
    }

    @Test func histogramKeepsEveryValue() {
        var h = Histogram(lower: 0, binWidth: 0.5, binCount: 4)
        h.add([-1, 0, 0.49, 0.5, 1.99, 2, 7, Double.nan, -Double.infinity])
        #expect(h.counts == [2, 1, 0, 1])
        #expect(h.below == 2 && h.above == 2 && h.nonFinite == 1)
        #expect(h.total == 9)
        let fixed = Histogram.forTarget(target)
        #expect(fixed.lower == -16 && fixed.upper == 24 && fixed.counts.count == 320)
    }
}
