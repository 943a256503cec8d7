import Testing
import TinyGANCore

/// `data-units standard`: the networks work in u = (x - mu) / sigma and
/// the log keeps everything in data units x = mu + sigma u. The log's G is
/// the trained one with the map folded into its last layer, and D on
/// samples the trained one with the map folded into its first; both are
/// checked against the trained networks (`Trainer.generator`,
/// `.discriminator`) composed with the map, in double precision. The
/// folded weights are rounded to Float once, so they agree to a few Float
/// ulps of the data's scale: 1e-5 relative to sigma.
@Suite struct DataUnitsTests {
    /// MAD-GAN's five modes (mean 56, std 37.27): far from unit scale.
    static func config(dInput: DiscriminatorInputMode) -> TrainingConfig {
        var config = Presets.fiveModes
        config.discriminatorInput = dInput
        config.batchSize = 100
        config.epochs = 30
        config.discriminatorSteps = 2
        config.generatorSteps = 2
        config.snapshotInterval = 10
        return config
    }

    static func trained(_ config: TrainingConfig) throws -> (Trainer, RunLog) {
        var trainer = try Trainer(config: config, seed: 5)
        let log = trainer.run()
        return (trainer, log)
    }

    static func weights(_ network: MultilayerPerceptron<Float>) -> NetworkWeights {
        NetworkWeights(sizes: network.sizes, activations: network.activations, parameters: network.parameters)
    }

    static let (mu, sigma) = (Presets.madGANModes.mean, Presets.madGANModes.std)

    @Test func theLogsGeneratorIsTheTrainedOneInDataUnits() throws {
        let (trainer, log) = try Self.trained(Self.config(dInput: .momentsAndCDF))
        let z = (0...40).map { Double($0) / 40 }
        let trained = Self.weights(trainer.generator).outputs(at: z).map { Self.mu + Self.sigma * $0 }
        let logged = try #require(log.final?.generator).outputs(at: z)
        for (a, b) in zip(trained, logged) { #expect(abs(a - b) <= 1e-5 * Self.sigma) }
    }

    @Test func theSnapshotsMapAndWeightsAgreeInDataUnits() throws {
        let (_, log) = try Self.trained(Self.config(dInput: .momentsAndCDF))
        #expect(log.snapshots.count == 4)
        let grid = (0...100).map { Double($0) / 100 }
        for snapshot in log.snapshots {
            let fromWeights = snapshot.generator.outputs(at: grid)
            for (mapped, evaluated) in zip(snapshot.mapping, fromWeights) {
                #expect(abs(Double(mapped) - evaluated) <= 1e-5 * Self.sigma)
            }
        }
    }

    @Test func theLogsSampleDiscriminatorJudgesDataUnits() throws {
        let (trainer, log) = try Self.trained(Self.config(dInput: .sample))
        let x = stride(from: 0.0, through: 120, by: 7.5).map { $0 }
        let trained = Self.weights(trainer.discriminator).outputs(at: x.map { ($0 - Self.mu) / Self.sigma })
        let logged = try #require(log.final?.discriminator).outputs(at: x)
        for (a, b) in zip(trained, logged) { #expect(abs(a - b) <= 1e-5) }
        let snapshotD = try #require(log.snapshots.last?.discriminator)
        #expect(snapshotD == log.final?.discriminator)
    }

    /// The epoch records and the final samples are in data units: the real
    /// minibatch's mean is within 5 of its standard errors (sigma / sqrt(n))
    /// of mu, its std within 20% of sigma, and G's samples start near mu
    /// (an untrained G's outputs are within a few units of 0, i.e. of mu).
    @Test func recordsAreInDataUnits() throws {
        let config = Self.config(dInput: .momentsAndCDF)
        let (_, log) = try Self.trained(config)
        let tolerance = 5 * Self.sigma / Double(config.batchSize).squareRoot()
        for record in log.epochs {
            #expect(abs(Double(record.realMean) - Self.mu) <= tolerance)
            #expect(abs(Double(record.realStd) / Self.sigma - 1) <= 0.2)
            #expect(abs(Double(record.fakeMean) - Self.mu) <= 3 * Self.sigma)
        }
        let final = try #require(log.final)
        #expect(abs(final.evaluation.mean - Self.mu) <= 3 * Self.sigma)
        #expect(final.lastBatch.allSatisfy { abs(Double($0) - Self.mu) <= 5 * Self.sigma })
    }

    /// In raw units the same recipe leaves G 50 std from the data: the
    /// reason `five-modes` works in standard units.
    @Test func rawUnitsLeaveTheGeneratorFarFromTheData() throws {
        var config = Self.config(dInput: .momentsAndCDF)
        config.dataUnits = .raw
        let (_, log) = try Self.trained(config)
        let final = try #require(log.final)
        #expect(abs(final.evaluation.mean - Self.mu) > Self.sigma)
    }
}
