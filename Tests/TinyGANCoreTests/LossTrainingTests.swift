import Foundation
import Testing
import TinyGANCore

/// The losses in the trainer: determinism, what each draws, clipping,
/// the penalties in the log, and the article's numbers unchanged.
@Suite struct LossTrainingTests {
    static func config(_ loss: GANLoss, epochs: Int = 6) -> TrainingConfig {
        var config = quickConfig(epochs: epochs)
        config.loss = loss
        return config
    }

    /// Every loss trains, gives the same bytes for the same seed, names
    /// itself in the header and ends D in the loss's last layer.
    @Test(arguments: GANLoss.allCases)
    func deterministicPerLoss(_ loss: GANLoss) throws {
        var a = try Trainer(config: Self.config(loss), seed: 9), b = try Trainer(config: Self.config(loss), seed: 9)
        let logA = a.run(), logB = b.run()
        #expect(try bytesWithoutWallTime(logA) == bytesWithoutWallTime(logB))
        #expect(logA.final?.diverged == false)
        #expect(logA.final?.discriminator?.activations.last == loss.outputActivation)
        let text = String(decoding: try RunLogCoding.encode(logA), as: UTF8.self)
        #expect(text.contains("\"loss\":\"\(loss.rawValue)\""))
        #expect(text.contains("dPenalty") == (loss == .wassersteinGP))
    }

    /// Only wasserstein-gp draws more from the training stream (one eps per
    /// D step), so every other loss sees the same real minibatches as bce.
    @Test func onlyWassersteinGPDrawsMore() throws {
        func realMeans(_ loss: GANLoss) throws -> [Float] {
            var trainer = try Trainer(config: Self.config(loss, epochs: 3), seed: 4)
            return trainer.run().epochs.map(\.realMean)
        }
        let bce = try realMeans(.bce)
        for loss in GANLoss.allCases where loss != .bce {
            #expect(try (realMeans(loss) == bce) == (loss != .wassersteinGP), "\(loss)")
        }
    }

    /// With wasserstein, D's parameters stay within [-c, c] (and reach its
    /// edge); with clip 0, or with another loss, clipping is off.
    @Test func clippingKeepsWeightsWithinC() throws {
        for (loss, c, clipped) in [(GANLoss.wasserstein, 0.01, true), (.wasserstein, 0.05, true),
                                   (.wasserstein, 0, false), (.hinge, 0.01, false)] {
            var config = Self.config(loss, epochs: 3)
            config.clip = c
            var trainer = try Trainer(config: config, seed: 2)
            let parameters = try #require(trainer.run().final?.discriminator?.parameters)
            let largest = parameters.map { abs(Double($0)) }.max()!
            if clipped {
                #expect(largest == Double(Float(c)), "\(loss) \(c)")
            } else {
                #expect(largest > 0.05, "\(loss) \(c)")
            }
        }
    }

    /// R2 and WGAN-GP's penalty are logged as `dPenalty`, the sum of D's
    /// penalties in the last D step; R2 scales with gamma (epoch 1's first
    /// and only D step sees the same weights and batches for any gamma).
    @Test func penaltiesAreLogged() throws {
        var config = Self.config(.bce, epochs: 2)
        config.discriminatorSteps = 1
        config.r2Penalty = 1
        var one = try Trainer(config: config, seed: 4)
        config.r2Penalty = 3
        var three = try Trainer(config: config, seed: 4)
        let p1 = try #require(one.run().epochs.first?.dPenalty), p3 = try #require(three.run().epochs.first?.dPenalty)
        #expect(p1 > 0 && abs(p3 / p1 - 3) < 1e-5)
        var gp = try Trainer(config: Self.config(.wassersteinGP, epochs: 2), seed: 4)
        #expect(gp.run().epochs.allSatisfy { ($0.dPenalty ?? -1) > 0 })
    }

    /// real-label is a label of a cross-entropy or least-squares loss; the
    /// critics without labels refuse one (a usage error), and the bounds
    /// of the new settings hold.
    @Test func settingsThatDoNotFit() {
        for loss in GANLoss.allCases {
            var config = Self.config(loss)
            config.realLabel = 0.9
            if loss.usesRealLabel {
                #expect(throws: Never.self) { try config.validate() }
            } else {
                #expect(throws: TinyGANError.self) { try config.validate() }
            }
        }
        for change: (inout TrainingConfig) -> Void in [{ $0.clip = -0.01 }, { $0.gpWeight = 0 }, { $0.r2Penalty = .nan }] {
            var config = Self.config(.wassersteinGP)
            change(&config)
            #expect(throws: TinyGANError.self) { try config.validate() }
        }
    }

    /// The article's and the stable preset's seed-1 numbers, as the binary
    /// before the loss zoo (commit f18d814, this machine's x86-64 AVX2 build)
    /// logged them: `bce` kept today's arithmetic to the bit.
    @Test func articleAndStableNumbersUnchanged() throws {
        var article = Presets.article
        article.epochs = 200
        var trainer = try Trainer(config: article, seed: 1)
        let log = trainer.run()
        let e1 = log.epochs[0], e200 = log.epochs[199]
        #expect([e1.dRealLoss, e1.dFakeLoss, e1.gLoss, e1.fakeMean] == [0.60621345, 0.78537613, 0.60994667, 0.38648048])
        #expect([e200.dRealLoss, e200.dFakeLoss, e200.gLoss, e200.fakeMean, e200.fakeStd]
                == [0.06487389, 0.10430844, 2.4442546, 3.6345587, 0.025329057])
        var stable = Presets.stable
        stable.epochs = 100
        var stableTrainer = try Trainer(config: stable, seed: 1)
        let e100 = stableTrainer.run().epochs[99]
        #expect([e100.dRealLoss, e100.dFakeLoss, e100.dPenalty, e100.gLoss, e100.fakeMean, e100.fakeStd]
                == [0.6666303, 0.45304185, 0.016792381, 1.0118759, 2.078236, 3.5853262])
    }
}
