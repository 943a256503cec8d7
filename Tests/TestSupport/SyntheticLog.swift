import TinyGANCore

/// A deterministic log built by hand (no training): moments ramping to the
/// target, snapshots, and final samples at the target's quantiles.
public func syntheticLog(seed: UInt64 = 1, shift: Double = 0, epochs: Int = 200, diverged: Bool = false) -> RunLog {
    var config = Presets.article
    config.epochs = epochs
    let target = Normal(mean: 4, std: 1.25)
    let records = (1...epochs).map { e -> EpochRecord in
        let t = Float(e) / Float(epochs)
        return EpochRecord(epoch: e, dRealLoss: 0.69 + 0.1 * (1 - t), dFakeLoss: 0.69 - 0.1 * (1 - t), gLoss: 0.7,
                           realMean: 4, realStd: 1.25, fakeMean: 0.4 + 3.6 * t, fakeStd: 0.01 + 1.24 * t)
    }
    let samples = (0..<10_000).map { Float(target.quantile((Double($0) + 0.5) / 10_000) + shift) }
    let histogram = Histogram.forTarget(target, holding: samples)
    // G(z) = a z + b: one linear layer (sizes [1, 1]).
    let generator = NetworkWeights(sizes: [1, 1], activations: [.identity], parameters: [5, Float(1.5 + shift)])
    let snapshots = stride(from: 0, through: epochs, by: 50).map { e in
        SnapshotRecord(epoch: e, generator: generator, mapping: (0...100).map { Float(1.5 + shift + 5 * Double($0) / 100) },
                       histogram: histogram)
    }
    var final = FinalRecord(epochsCompleted: epochs, diverged: diverged, divergence: diverged ? "epoch 7, generator step 2" : nil,
                            lastBatch: Array(samples.prefix(500)), evaluation: SampleStatistics(samples: samples, target: target),
                            samples: samples, histogram: histogram, generator: generator, discriminator: nil, wallSeconds: 0)
    if diverged {
        final.samples = final.samples.map { _ in .nan }
        final.evaluation = SampleStatistics(samples: final.samples, target: target)
    }
    return RunLog(header: RunHeader(config: config, seed: seed), epochs: records, snapshots: snapshots, final: final)
}


/// A short real run on a two-mode mixture with D judging single samples:
/// its snapshots hold mode statistics and D's weights.
public func trainedMixtureLog(loss: GANLoss = .bce, epochs: Int = 60) throws -> RunLog {
    var config = Presets.article
    config.target = try Target(spec: "mixture:0.5*N(-2,0.5)+0.5*N(2,0.5)")
    config.discriminatorInput = .sample
    config.loss = loss
    config.batchSize = 64
    config.epochs = epochs
    config.snapshotInterval = 20
    var trainer = try Trainer(config: config, seed: 3)
    return trainer.run()
}
