import Foundation

/// Trains one GAN run on a 1-D target and returns its log: the game's
/// steps (`AdversarialSteps`, where the D and G steps and the order of the
/// random draws are stated), with the epoch records, snapshots and final
/// record of a 1-D run.
///
/// Each evaluation (a snapshot, the final record) draws from its own
/// stream, 1 + the epoch it evaluates (`evaluationStream`), so logging more
/// or less often changes neither the training trajectory nor any
/// evaluation: a seed's final record is the same whichever command trained
/// it. With `data-units standard` the networks work in the target's
/// standard units and everything logged is mapped back (`UnitMap`).
public struct Trainer: Sendable {
    public let config: TrainingConfig
    public let seed: UInt64

    var steps: AdversarialSteps
    let target: Target
    /// Data units from and to the networks' units (`data-units`).
    let units: UnitMap
    var probe: GeneratorProbe

    public var generator: MultilayerPerceptron<Float> { steps.generator }
    public var discriminator: MultilayerPerceptron<Float> { steps.discriminator }

    public static let evaluationSampleCount = 10_000

    public init(config: TrainingConfig, seed: UInt64) throws {
        try config.validate()
        guard config.target.plane == nil else {
            throw TinyGANError.usage("the 2-D target \(config.target.spec) trains with tinygan train only, for now "
                + "(sweeps, reports and the 1-D tools take 1-D targets)")
        }
        self.config = config
        self.seed = seed
        target = config.target
        units = UnitMap(config.dataUnits, target: config.target)
        steps = AdversarialSteps(config: config, real: .line(config.target, units), seed: seed)
        probe = GeneratorProbe(sizes: config.generatorSizes, activations: config.generatorActivations,
                               sampleCount: Self.evaluationSampleCount)
    }

    /// Runs all epochs (or until divergence). `progress` is called after
    /// every epoch with the number of epochs completed.
    public mutating func run(progress: ((Int) -> Void)? = nil) -> RunLog {
        let start = DispatchTime.now()
        var log = RunLog(header: RunHeader(config: config, seed: seed))
        log.epochs.reserveCapacity(config.epochs / config.logInterval)
        log.snapshots.append(snapshot(epoch: 0))
        var divergence: String?
        var completed = 0
        for epoch in 1...config.epochs {
            steps.startEpoch(epoch)
            divergence = steps.discriminatorSteps(epoch: epoch)
            if divergence != nil { break }
            let realStats = units.toData(Self.meanAndStd(steps.realBatch))
            let fakeStats = units.toData(Self.meanAndStd(steps.fakeBatch))
            divergence = steps.generatorSteps(epoch: epoch)
            if divergence != nil { break }
            completed = epoch
            if epoch % config.logInterval == 0 {
                let last = steps.last
                log.epochs.append(EpochRecord(
                    epoch: epoch, dRealLoss: last.real, dFakeLoss: last.fake,
                    dPenalty: steps.hasPenalty ? last.penalty : nil, gLoss: last.generator,
                    realMean: realStats.mean, realStd: realStats.std,
                    fakeMean: fakeStats.mean, fakeStd: fakeStats.std))
            }
            if epoch % config.snapshotInterval == 0 { log.snapshots.append(snapshot(epoch: epoch)) }
            progress?(epoch)
        }
        log.final = finalRecord(epochsCompleted: completed, divergence: divergence, start: start)
        return log
    }

    /// The generator of the evaluation at `epoch`: a stream of its own.
    func evaluationStream(epoch: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: 1 + UInt64(epoch))
    }

    mutating func snapshot(epoch: Int) -> SnapshotRecord {
        probe.load(steps.evaluatedGeneratorParameters)
        var evaluationRNG = evaluationStream(epoch: epoch)
        var samples = probe.samples(using: &evaluationRNG), mapping = probe.mapping()
        units.toData(&samples)
        units.toData(&mapping)
        return SnapshotRecord(epoch: epoch, generator: generatorWeights, mapping: mapping,
                              histogram: Histogram.forTarget(target, holding: samples),
                              discriminator: config.discriminatorInput.judgesSamples ? discriminatorWeights : nil,
                              modes: target.isMixture ? ModeStatistics(samples: samples, target: target) : nil)
    }

    mutating func finalRecord(epochsCompleted: Int, divergence: String?, start: DispatchTime) -> FinalRecord {
        probe.load(steps.evaluatedGeneratorParameters)
        var evaluationRNG = evaluationStream(epoch: epochsCompleted)
        var samples = probe.samples(using: &evaluationRNG), lastBatch = steps.fakeBatch
        units.toData(&samples)
        units.toData(&lastBatch)
        let histogram = Histogram.forTarget(target, holding: samples)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return FinalRecord(
            epochsCompleted: epochsCompleted, diverged: divergence != nil, divergence: divergence,
            lastBatch: lastBatch, evaluation: SampleStatistics(samples: samples, target: target),
            samples: samples, histogram: histogram, generator: generatorWeights,
            discriminator: discriminatorWeights, wallSeconds: seconds,
            modes: target.isMixture ? ModeStatistics(samples: samples, target: target) : nil)
    }

    /// G's weights as a function of data units (with `data-units
    /// standard`, the map folded into its last layer): what the log keeps.
    var generatorWeights: NetworkWeights { units.generatorInDataUnits(steps.evaluatedGeneratorWeights) }

    /// D's weights as the log keeps them: where D judges samples, as a
    /// function of data units (the map folded into its first layer); where
    /// it judges a minibatch's features, as trained (on the features of
    /// the minibatch in the networks' units).
    var discriminatorWeights: NetworkWeights {
        config.discriminatorInput.judgesSamples
            ? units.discriminatorInDataUnits(AdversarialSteps.weights(of: discriminator))
            : AdversarialSteps.weights(of: discriminator)
    }

    /// Mean and population std, accumulated in double precision.
    static func meanAndStd(_ values: [Float]) -> (mean: Float, std: Float) {
        var sum = 0.0, sumOfSquares = 0.0
        for value in values { sum += Double(value) }
        let mean = sum / Double(values.count)
        for value in values { sumOfSquares += (Double(value) - mean) * (Double(value) - mean) }
        return (Float(mean), Float((sumOfSquares / Double(values.count)).squareRoot()))
    }
}
