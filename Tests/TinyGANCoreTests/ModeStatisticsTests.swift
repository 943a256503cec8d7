import Foundation
import Testing
import TinyGANCore

/// `ModeStatistics` against hand-built sample sets, and the verdict
/// *missing modes* that reads it.
@Suite struct ModeStatisticsTests {
    let mixture = try! Target(spec: "mixture:0.3*N(-2,0.5)+0.7*N(2,0.5)")

    /// n draws of the target's own sampler (seed 1).
    func draws(_ target: Target, n: Int = 10_000) -> [Float] {
        var batch = [Float](repeating: 0, count: n)
        var rng = Xoshiro256StarStar(seed: 1)
        target.fill(&batch, using: &rng)
        return batch
    }

    /// n stratified quantiles of N(mean, std^2).
    func gaussian(_ mean: Double, _ std: Double, n: Int) -> [Float] {
        (0..<n).map { Float(Normal(mean: mean, std: std).quantile((Double($0) + 0.5) / Double(n))) }
    }

    func final(_ samples: [Float], target: Target) -> FinalRecord {
        FinalRecord(epochsCompleted: 1, diverged: false, divergence: nil, lastBatch: [],
                    evaluation: SampleStatistics(samples: samples, target: target), samples: samples,
                    histogram: Histogram.forTarget(target, holding: samples), generator: nil, discriminator: nil,
                    wallSeconds: 0, modes: ModeStatistics(samples: samples, target: target))
    }

    /// The target's own draws: every mode covered, HQ near 0.9973, KL near 0,
    /// each mode's share near 0.9973 of its weight.
    @Test func aSamplerOfTheMixtureCoversEveryMode() throws {
        let modes = try #require(ModeStatistics(samples: draws(mixture), target: mixture))
        #expect(modes.modesCovered == 2)
        #expect(abs(modes.hqShare - 0.9973) < 0.003)
        #expect(modes.reverseKL >= 0 && modes.reverseKL < 0.001)
        #expect(modes.modes.map(\.weight) == [0.3, 0.7])
        for mode in modes.modes {
            #expect(mode.covered)
            #expect(abs(mode.share - 0.9973 * mode.weight) < 0.015)
        }
        #expect(Verdict(final(draws(mixture), target: mixture), target: mixture) == .success)
    }

    /// All samples at one mode: one mode covered, KL = ln(1 / w_k).
    @Test func aCollapsedGeneratorCoversOneMode() throws {
        let atFirst = try #require(ModeStatistics(samples: gaussian(-2, 0.5, n: 4000), target: mixture))
        #expect(atFirst.modesCovered == 1)
        #expect(atFirst.modes.map(\.covered) == [true, false])
        #expect(abs(atFirst.reverseKL - log(1 / 0.3)) < 1e-12)
        #expect(abs(atFirst.hqShare - 0.9973) < 0.001)
        let spike = try #require(ModeStatistics(samples: [Float](repeating: 2, count: 1000), target: mixture))
        #expect(spike.modesCovered == 1 && spike.hqShare == 1)
        #expect(abs(spike.reverseKL - log(1 / 0.7)) < 1e-12)
        // On one mode with its own std: collapsed and shifted by the other rules, missing modes first.
        #expect(Verdict(final(gaussian(2, 0.5, n: 4000), target: mixture), target: mixture) == .missingModes)
    }

    /// Samples more than 3 std from every mode: HQ 0, nothing covered, yet
    /// each sample has a nearest mode, so KL is that of the histogram.
    @Test func samplesFarFromEveryModeAreNotHighQuality() throws {
        let far = [Float](repeating: 0, count: 500) + [Float](repeating: 10, count: 500)
        let modes = try #require(ModeStatistics(samples: far, target: mixture))
        #expect(modes.hqShare == 0 && modes.modesCovered == 0)
        #expect(modes.modes.allSatisfy { $0.share == 0 && !$0.covered })
        // 0 is 4 std from both: the tie goes to the first mode; 10 is nearest the second.
        #expect(abs(modes.reverseKL - (0.5 * log(0.5 / 0.3) + 0.5 * log(0.5 / 0.7))) < 1e-12)
        let nonFinite = try #require(ModeStatistics(samples: [Float.nan, .infinity], target: mixture))
        #expect(nonFinite.hqShare == 0 && nonFinite.modesCovered == 0 && nonFinite.reverseKL.isNaN)
    }

    /// A mode covered by a few strays but far below its weight is missing;
    /// at more than 0.4 of its weight it is not.
    @Test func aModeBelowTwoFifthsOfItsWeightIsMissing() throws {
        let few = gaussian(-2, 0.5, n: 100) + gaussian(2, 0.5, n: 3900)
        let modes = try #require(ModeStatistics(samples: few, target: mixture))
        #expect(modes.modesCovered == 2)
        #expect(Verdict.missesModes(modes))
        #expect(Verdict(final(few, target: mixture), target: mixture) == .missingModes)
        let enough = gaussian(-2, 0.5, n: 700) + gaussian(2, 0.5, n: 3300)  // 0.175 of 0.3: above 0.4 x 0.3 = 0.12
        #expect(!Verdict.missesModes(try #require(ModeStatistics(samples: enough, target: mixture))))
    }

    /// A unimodal analytic target has one mode (its mean and std), a data
    /// target none; only mixtures are judged for missing modes, and the
    /// verdict reads a log without mode statistics from its samples.
    @Test func modesOfEachKindOfTarget() throws {
        let gaussian = Target.article
        let one = try #require(gaussian.modes)
        #expect(one.count == 1 && one[0].weight == 1 && one[0].mean == 4 && one[0].std == 1.25)
        let laplace = try Target(spec: "laplace:0,1")
        #expect(laplace.modes?.first?.std == laplace.std)
        #expect(!gaussian.isMixture && mixture.isMixture)
        // A spike at the Gaussian's mean covers its one mode but is collapsed, as before.
        var spike = final([Float](repeating: 4, count: 1000), target: gaussian)
        spike.modes = nil
        #expect(Verdict(spike, target: gaussian) == .collapsed)
        var unlogged = final(self.gaussian(2, 0.5, n: 4000), target: mixture)
        unlogged.modes = nil
        #expect(Verdict(unlogged, target: mixture) == .missingModes)
    }
}
