import TinyGANCore

/// A short ring run (under a second): G z-2-16-16-2 on `zDim`-dimensional
/// noise (2-D Gaussian by default), D 2M-16-16-1 on packs of M = `pack`
/// points, batch 40, snapshots every 20 of 100 epochs.
public func shortRingLog(pack: Int = 1, loss: GANLoss = .bce, zDim: Int = 2, noise: NoiseKind = .gaussian,
                         seed: UInt64 = 2) throws -> PlaneRunLog {
    var config = Presets.ring
    config.zDim = zDim
    config.noise = noise
    config.generator = NetworkConfig(hiddenSizes: [16, 16], activations: [.relu, .relu])
    config.discriminator = NetworkConfig(hiddenSizes: [16, 16], activations: [.relu, .relu])
    config.batchSize = 40
    config.pack = pack
    config.loss = loss
    config.epochs = 100
    config.snapshotInterval = 20
    var trainer = try PlaneTrainer(config: config, seed: seed)
    return trainer.run()
}
