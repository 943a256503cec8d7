import Foundation
import Testing
import TinyGANCore
import TinyGANTestSupport

/// A small configuration for fast tests: the article's model on 100-sample
/// minibatches, 4 + 4 steps per epoch.
func quickConfig(epochs: Int = 30) -> TrainingConfig {
    var config = Presets.article
    config.epochs = epochs
    config.batchSize = 100
    config.discriminatorSteps = 4
    config.generatorSteps = 4
    config.snapshotInterval = 10
    return config
}

/// A log's bytes with the wall time, the one field allowed to differ, zeroed.
func bytesWithoutWallTime(_ log: RunLog) throws -> Data {
    var log = log
    log.final?.wallSeconds = 0
    return try RunLogCoding.encode(log)
}

@Suite struct TrainerTests {
    @Test func sameSeedGivesByteIdenticalLogs() throws {
        var a = try Trainer(config: quickConfig(), seed: 17)
        var b = try Trainer(config: quickConfig(), seed: 17)
        var c = try Trainer(config: quickConfig(), seed: 18)
        let logA = a.run(), logB = b.run(), logC = c.run()
        #expect(try bytesWithoutWallTime(logA) == bytesWithoutWallTime(logB))
        #expect(try bytesWithoutWallTime(logA) != bytesWithoutWallTime(logC))
    }

    /// Every preprocessing mode and both optimizers train and stay
    /// deterministic; the log has the shape the config asks for.
    @Test(arguments: DiscriminatorInputMode.allCases)
    func logShape(_ mode: DiscriminatorInputMode) throws {
        var config = quickConfig(epochs: 20)
        config.discriminatorInput = mode
        config.logInterval = 3
        config.discriminatorOptimizer = .adam(learningRate: 1e-3)
        var trainer = try Trainer(config: config, seed: 5)
        var reported: [Int] = []
        let log = trainer.run { reported.append($0) }
        #expect(reported == Array(1...20))
        #expect(log.epochs.map(\.epoch) == [3, 6, 9, 12, 15, 18])
        #expect(log.snapshots.map(\.epoch) == [0, 10, 20])
        #expect(log.snapshots.allSatisfy { $0.mapping.count == 101 && $0.histogram.total == 10_000 })
        let final = try #require(log.final)
        #expect(!final.diverged && final.epochsCompleted == 20)
        #expect(final.lastBatch.count == 100 && final.samples.count == 10_000)
        #expect(final.generator?.sizes == [1, 5, 5, 1])
        #expect(final.discriminator?.sizes == [mode.judgesSamples ? 1 : mode.featureCount(batchSize: 100), 10, 10, 1])
        #expect(log.epochs.allSatisfy { abs($0.realMean - 4) < 0.6 && abs($0.realStd - 1.25) < 0.4 })
    }

    /// Logging more or less often leaves the trajectory alone, and (case 6
    /// of the trust issue) every evaluation too: each draws from a stream
    /// fixed by the seed and the epoch it evaluates, so the final record
    /// (samples, moments, KS, W1, verdict) is the same under any log and
    /// snapshot intervals, and a snapshot of epoch E is the same wherever
    /// it is taken. Before, snapshots and the final record shared one
    /// stream, and seed 3 at 300 epochs gave KS 0.69370 or 0.69237.
    @Test func loggingChangesNeitherTrainingNorEvaluation() throws {
        var often = quickConfig(epochs: 20), rarely = quickConfig(epochs: 20), never = quickConfig(epochs: 20)
        often.snapshotInterval = 1
        rarely.snapshotInterval = 20
        rarely.logInterval = 20
        never.snapshotInterval = 1_000_000
        never.logInterval = 7
        var a = try Trainer(config: often, seed: 3), b = try Trainer(config: rarely, seed: 3)
        var c = try Trainer(config: never, seed: 3)
        let logA = a.run(), logB = b.run(), logC = c.run()
        #expect(logA.final?.generator == logB.final?.generator)
        #expect(logA.epochs.last == logB.epochs.last)
        var finals = [logA, logB, logC].map { $0.final! }
        for k in finals.indices { finals[k].wallSeconds = 0 }
        #expect(finals[0] == finals[1] && finals[1] == finals[2])
        #expect(logA.snapshots.first { $0.epoch == 20 } == logB.snapshots.first { $0.epoch == 20 })
        #expect(logA.snapshots[0] == logC.snapshots[0])
    }

    /// Case 7: with the R1 penalty on, each epoch record carries the
    /// penalty of its last D step, (gamma/2)|d logit/d features|^2 >= 0,
    /// proportional to gamma at the same weights (epoch 1's first D step
    /// sees the same weights and batch for any gamma); without it, the
    /// field is absent from the log.
    @Test func thePenaltyIsLogged() throws {
        var config = quickConfig(epochs: 3)
        config.discriminatorSteps = 1
        config.gradientPenalty = 1
        var one = try Trainer(config: config, seed: 4)
        config.gradientPenalty = 3
        var three = try Trainer(config: config, seed: 4)
        let a = one.run(), b = three.run()
        let p1 = try #require(a.epochs.first?.dPenalty), p3 = try #require(b.epochs.first?.dPenalty)
        #expect(p1 > 0 && a.epochs.allSatisfy { ($0.dPenalty ?? -1) >= 0 })
        #expect(abs(p3 / p1 - 3) < 1e-5)
        var plain = try Trainer(config: quickConfig(epochs: 2), seed: 4)
        let log = plain.run()
        #expect(log.epochs.allSatisfy { $0.dPenalty == nil })
        #expect(!String(decoding: try RunLogCoding.encode(log), as: UTF8.self).contains("dPenalty"))
    }

    /// The article's model learns. With the article's settings on 200-sample
    /// minibatches for 1500 epochs, a run succeeds when the mean and std of
    /// its 10,000 final samples are within 0.2 of 4.0 and 1.25 and their
    /// Wasserstein-1 distance to the target is below 0.5, from a first epoch
    /// more than 3 away in mean with a std below 0.1. GANs fail now and then
    /// (the article's point): of seeds 1...6 at least 3 must succeed
    /// (measured: 4, seeds 1, 3, 5, 6; a trainer that does not learn gets 0).
    /// KS is not required: a D that sees only four moments cannot see the
    /// shape beyond them, and runs with the right moments reach KS 0.2 to 0.3
    /// (seeds 4 to 6 of the full article preset do too).
    @Test func articleModelLearnsTheTarget() throws {
        var config = Presets.article
        config.epochs = 1500
        config.batchSize = 200
        config.snapshotInterval = 1500
        var successes = 0
        for seed: UInt64 in 1...6 {
            var trainer = try Trainer(config: config, seed: seed)
            let log = trainer.run()
            let first = log.epochs[0]
            #expect(abs(first.fakeMean - 4) > 3 && first.fakeStd < 0.1)
            let e = try #require(log.final?.evaluation)
            if abs(e.mean - 4) < 0.2 && abs(e.std - 1.25) < 0.2 && e.wasserstein1 < 0.5 { successes += 1 }
        }
        #expect(successes >= 3)
    }

    /// The `stable` preset, run in full: seeds 1 to 3 succeed, each with KS
    /// below 0.05 (measured here: 0.025, 0.026, 0.021; the sweep of seeds 1
    /// to 100 had 99 successes). The article's preset
    /// ends at KS 0.087, 0.084 and 0.041 on the same seeds, and at 0.31
    /// (wrong shape) on seed 4.
    /// Runs are bit-reproducible, so this is a fixed outcome, not a draw.
    @Test(arguments: [UInt64(1), 2, 3])
    func stablePresetSucceeds(_ seed: UInt64) throws {
        var config = Presets.stable
        config.snapshotInterval = config.epochs
        var trainer = try Trainer(config: config, seed: seed)
        let log = trainer.run()
        let e = try #require(log.final?.evaluation)
        #expect(log.verdict == .success)
        #expect(e.ks < 0.05)
    }

    /// A generator learning rate of 1e30 throws G's weights to about 1e29 on
    /// its first step and to infinity on its second: the run stops there,
    /// is marked diverged with where, and still yields a complete log.
    /// (A huge learning rate for D alone does not diverge: D saturates, the
    /// clamped loss sits at 100 and its gradients vanish.)
    @Test func divergenceIsAResult() throws {
        var config = quickConfig(epochs: 500)
        config.generatorOptimizer.learningRate = 1e30
        var trainer = try Trainer(config: config, seed: 1)
        let log = trainer.run()
        let final = try #require(log.final)
        let (diverged, completed, divergence) = (final.diverged, final.epochsCompleted, final.divergence)
        #expect(diverged)
        #expect(completed == 0)
        #expect(divergence == "epoch 1, generator step 2")
        #expect(log.epochs.isEmpty)
        let nonFinite = final.histogram.nonFinite + final.histogram.below + final.histogram.above
        #expect(nonFinite == 10_000)
        let decoded = try RunLogCoding.decode(try RunLogCoding.encode(log), file: "diverged.jsonl")
        #expect(decoded.final?.diverged == true)
    }
}

@Suite struct RegularizationTests {
    /// Instance noise, label smoothing and the R1 penalty leave the article
    /// alone at their defaults, and otherwise change the run deterministically.
    @Test func defaultsDrawNothingAndSettingsAreDeterministic() throws {
        var plain = try Trainer(config: quickConfig(epochs: 10), seed: 4)
        var explicit = quickConfig(epochs: 10)
        explicit.instanceNoise = 0
        explicit.realLabel = 1
        explicit.gradientPenalty = 0
        var same = try Trainer(config: explicit, seed: 4)
        #expect(try bytesWithoutWallTime(plain.run()) == bytesWithoutWallTime(same.run()))
        var noisy = quickConfig(epochs: 10)
        noisy.instanceNoise = 0.5
        noisy.realLabel = 0.9
        noisy.gradientPenalty = 2
        var a = try Trainer(config: noisy, seed: 4), b = try Trainer(config: noisy, seed: 4)
        let logA = a.run()
        #expect(try bytesWithoutWallTime(logA) == bytesWithoutWallTime(b.run()))
        var reference = try Trainer(config: quickConfig(epochs: 10), seed: 4)
        let referenceLog = reference.run()
        #expect(logA.final?.generator != referenceLog.final?.generator)
        // Each setting alone changes the run: none is ignored by the trainer.
        for change in [\TrainingConfig.instanceNoise, \.gradientPenalty] {
            var alone = quickConfig(epochs: 10)
            alone[keyPath: change] = 2
            var trainer = try Trainer(config: alone, seed: 4)
            #expect(trainer.run().final?.discriminator != referenceLog.final?.discriminator, "\(change)")
        }
        var smoothed = quickConfig(epochs: 10)
        smoothed.realLabel = 0.9
        var smoothedTrainer = try Trainer(config: smoothed, seed: 4)
        #expect(smoothedTrainer.run().final?.discriminator != referenceLog.final?.discriminator)
    }

    @Test func smoothedLabelGradient() {
        for p in stride(from: 0.05, through: 0.95, by: 0.1) {
            let numeric = FiniteDifference.gradient(of: { BinaryCrossEntropy.loss(probability: $0[0], label: 0.9) }, at: [p])
            #expect(FiniteDifference.agree([BinaryCrossEntropy.gradient(probability: p, label: 0.9)], numeric))
        }
    }

    @Test(arguments: [(0.5, 0.0, 0.0), (1.01, 0.0, 0.0), (1.0, -0.1, 0.0), (1.0, Double.nan, 0.0),
                      (1.0, 0.0, -1.0), (1.0, 0.0, Double.infinity)])
    func outOfRange(_ label: Double, _ noise: Double, _ penalty: Double) {
        var config = quickConfig()
        config.realLabel = label
        config.instanceNoise = noise
        config.gradientPenalty = penalty
        #expect(throws: TinyGANError.self) { try config.validate() }
    }

    /// Logs written before these settings existed still read, with the
    /// article's values.
    @Test func oldConfigurationsRead() throws {
        let data = try JSONEncoder().encode(Presets.article)
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        object.removeValue(forKey: "real-label")
        object.removeValue(forKey: "instance-noise")
        object.removeValue(forKey: "gradient-penalty")
        #expect(object.count == Settings.stored.count - 3 + 1)  // + preset
        let old = try JSONDecoder().decode(TrainingConfig.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old == Presets.article)
    }
}
