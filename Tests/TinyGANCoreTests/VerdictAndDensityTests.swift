import Testing
import TinyGANCore

@Suite struct VerdictTests {
    let target = Normal(mean: 4, std: 1.25)

    /// A final record whose samples are `samples`.
    func final(_ samples: [Float], diverged: Bool = false) -> FinalRecord {
        let histogram = Histogram.forTarget(target, holding: samples)
        return FinalRecord(epochsCompleted: 1, diverged: diverged, divergence: nil, lastBatch: [], evaluation:
                           SampleStatistics(samples: samples, target: target), samples: samples, histogram: histogram,
                           generator: nil, discriminator: nil, wallSeconds: 0)
    }

    /// n stratified quantiles of N(mean, std^2).
    func gaussian(_ mean: Double, _ std: Double, n: Int = 4000) -> [Float] {
        (0..<n).map { Float(Normal(mean: mean, std: std).quantile((Double($0) + 0.5) / Double(n))) }
    }

    @Test func eachOutcome() {
        #expect(Verdict(final(gaussian(4, 1.25)), target: target) == .success)
        #expect(Verdict(final(gaussian(4.2, 1.4)), target: target) == .success)
        #expect(Verdict(final(gaussian(-11, 0.05)), target: target) == .collapsed)  // the article's spike
        #expect(Verdict(final(gaussian(6, 1.3)), target: target) == .shifted)  // its run near 6
        // A flat box with the target's mean and std: close by KS and W1, not a bell.
        let uniform = final(flatMixture(1))
        #expect(uniform.evaluation.ks < Verdict.ksLimit && uniform.evaluation.wasserstein1 < Verdict.distanceLimit * 1.25)
        #expect(Verdict(uniform, target: target) == .wrongShape)
        let bimodal = gaussian(2.9, 0.3, n: 2000) + gaussian(5.1, 0.3, n: 2000)  // mean 4, std 1.14, two spikes
        #expect(Verdict(final(bimodal), target: target) == .wrongShape)
        #expect(Verdict(final(gaussian(4, 1.25), diverged: true), target: target) == .diverged)
        #expect(Verdict(final([1, .nan]), target: target) == .diverged)
    }

    /// A share `a` of a uniform and 1 - a of a Gaussian, both with mean 4 and
    /// std 1.25 (stratified, 4000 values): excess kurtosis -1.2 a.
    func flatMixture(_ a: Double) -> [Float] {
        let flat = Int(a * 4000), halfWidth = 1.25 * 3.0.squareRoot()
        let box = (0..<flat).map { Float(4 - halfWidth + 2 * halfWidth * (Double($0) + 0.5) / Double(flat)) }
        return box + gaussian(4, 1.25, n: 4000 - flat)
    }

    /// Flatness: kurtosis just above and just below -1 (a = 0.79 and 0.88).
    @Test func flatnessBoundary() {
        let above = final(flatMixture(0.79)), below = final(flatMixture(0.88))
        #expect(above.evaluation.excessKurtosis > -1 && below.evaluation.excessKurtosis < -1)
        #expect(Verdict(above, target: target) == .success)
        #expect(Verdict(below, target: target) == .wrongShape)
    }

    /// The thresholds' boundaries, on exactly shifted and scaled samples.
    @Test func boundaries() {
        let sigma = 1.25
        #expect(Verdict(final(gaussian(4, 0.26 * sigma)), target: target) != .collapsed)
        #expect(Verdict(final(gaussian(4, 0.24 * sigma)), target: target) == .collapsed)
        #expect(Verdict(final(gaussian(4 + 0.49 * sigma, sigma)), target: target) != .shifted)
        #expect(Verdict(final(gaussian(4 + 0.51 * sigma, sigma)), target: target) == .shifted)
        #expect(Verdict(final(gaussian(4, 1.24 * sigma)), target: target) != .wrongShape)
        #expect(Verdict(final(gaussian(4, 1.26 * sigma)), target: target) == .wrongShape)
        // KS: a Gaussian with a spike at its mean holding a share q of the
        // mass has KS = q / 2 and W1 = q sigma sqrt(2 / pi) = 0.80 q sigma;
        // at q = 0.31 KS (0.155) is past its limit while W1 (0.247 sigma) is not.
        func spiked(_ q: Double) -> [Float] {
            let spike = Int(q * 4000)
            return gaussian(4, sigma, n: 4000 - spike) + [Float](repeating: 4, count: spike)
        }
        let below = final(spiked(0.26)), above = final(spiked(0.31))
        #expect(below.evaluation.ks < 0.15 && above.evaluation.ks > 0.15)
        #expect(above.evaluation.wasserstein1 < Verdict.distanceLimit * sigma)
        #expect(Verdict(below, target: target) == .success)
        #expect(Verdict(above, target: target) == .wrongShape)
    }
}

@Suite struct ExactDensityTests {
    /// G(z) = 5 z + 1.5 pushes U[0, 1) to U[1.5, 6.5): density 1/5 there.
    @Test func linearGenerator() {
        let g = NetworkWeights(sizes: [1, 1], activations: [.identity], parameters: [5, 1.5])
        let d = ExactDensity(generator: g, range: 0...8, bins: 80)
        for (x, p) in zip(d.centers, d.density) {
            let expected = (1.5..<6.5).contains(x) ? 0.2 : 0
            #expect(abs(p - expected) < 1e-9, "x \(x)")
        }
        #expect(abs(d.massOutside) < 1e-12)
    }

    /// A decreasing map and mass outside the range are handled.
    @Test func decreasingAndOutside() {
        let g = NetworkWeights(sizes: [1, 1], activations: [.identity], parameters: [-4, 2])  // U(-2, 2]
        let d = ExactDensity(generator: g, range: 0...4, bins: 40)
        #expect(abs(d.massOutside - 0.5) < 1e-9)
        #expect(abs(d.density.reduce(0, +) * d.binWidth - 0.5) < 1e-9)
    }

    /// Against a histogram of 2 million samples of a trained-like tanh
    /// network: the bin averages agree within 4 standard errors.
    @Test func matchesSampling() {
        var net = MultilayerPerceptron<Double>(sizes: [1, 5, 5, 1], activations: [.tanh, .tanh, .identity], batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 21)
        net.initializeLikePyTorch(using: &rng)
        let weights = NetworkWeights(sizes: net.sizes, activations: net.activations, parameters: net.parameters.map(Float.init))
        var sampler = MultilayerPerceptron<Double>(sizes: net.sizes, activations: net.activations, batchSize: 2_000_000)
        sampler.loadParameters(weights.parameters.map(Double.init))
        let z = (0..<2_000_000).map { _ in rng.nextDouble() }
        var x = [Double](repeating: 0, count: z.count)
        sampler.forward(z, into: &x)
        let low = x.min()!, high = x.max()!
        let d = ExactDensity(generator: weights, range: low...high, bins: 50)
        var counts = [Int](repeating: 0, count: 50)
        for v in x { counts[min(49, Int((v - low) / d.binWidth))] += 1 }
        for k in 0..<50 {
            let p = Double(counts[k]) / Double(x.count)
            let standardError = (p * (1 - p) / Double(x.count)).squareRoot()
            #expect(abs(d.density[k] * d.binWidth - p) < 4 * standardError + 1e-4, "bin \(k)")
        }
    }
}
