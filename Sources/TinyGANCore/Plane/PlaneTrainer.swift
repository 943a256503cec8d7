import Foundation

/// Trains one GAN run on a 2-D target (the 2-D lab) and returns its log.
///
/// The game is the 1-D one (`AdversarialSteps`: its D and G steps, losses,
/// penalties, clipping, instance noise, optimizers and order of draws),
/// with D judging points (`d-input sample`, PacGAN's packs with `pack` M).
///
/// Shapes. G maps `z-dim` noise values (U[0, 1) or N(0, 1), `noise`) to a
/// point, G: R^z -> R^2, over a minibatch of n; D maps a pack of M points,
/// 2M values, to one output, over P = n / M packs. Every buffer is planar
/// and coordinate-major (coordinate c of point i at c n + i), which is at
/// once G's output layout and D's input layout: D's feature f = c M + j of
/// pack p is coordinate c of point i = j P + p, at (c M + j) P + p = c n + i.
/// So D's preprocessing is the identity, and pack p holds the points p,
/// P + p, 2P + p, ... (i.i.d. points: which share a pack does not matter).
///
/// Each evaluation (a snapshot, the final record) draws its noise from a
/// stream of its own, 1 + the epoch it evaluates, as in 1-D, so a seed's
/// final record does not depend on how often the run logged.
public struct PlaneTrainer: Sendable {
    public let config: TrainingConfig
    public let seed: UInt64
    let target: PlaneTarget
    /// The target's reference sample on the grid, binned once for every evaluation.
    let referenceShares: [Double]
    var steps: AdversarialSteps
    var sampler: MultilayerPerceptron<Float>
    var evaluationNoise: [Float]
    var evaluationPoints: [Float]

    public var generator: MultilayerPerceptron<Float> { steps.generator }
    public var discriminator: MultilayerPerceptron<Float> { steps.discriminator }

    /// Points per evaluation: the papers' 2,500 (PacGAN, VEEGAN).
    public static let evaluationSampleCount = 2_500

    public init(config: TrainingConfig, seed: UInt64) throws {
        try config.validate()
        guard let target = config.target.plane else {
            throw TinyGANError.usage("the target \(config.target.spec) is 1-D: train it with the 1-D trainer")
        }
        self.config = config
        self.seed = seed
        self.target = target
        referenceShares = GridDivergence.referenceShares(of: target)
        steps = AdversarialSteps(config: config, real: .plane(target), seed: seed)
        let m = Self.evaluationSampleCount
        sampler = MultilayerPerceptron(sizes: config.generatorSizes, activations: config.generatorActivations,
                                       batchSize: m)
        evaluationNoise = [Float](repeating: 0, count: config.zDim * m)
        evaluationPoints = [Float](repeating: 0, count: 2 * m)
    }

    /// Runs all epochs (or until divergence); `progress` gets the epochs done.
    public mutating func run(progress: ((Int) -> Void)? = nil) -> PlaneRunLog {
        let start = DispatchTime.now()
        var log = PlaneRunLog(header: RunHeader(config: config, seed: seed))
        log.snapshots.append(snapshot(epoch: 0))
        var divergence: String?
        var completed = 0
        for epoch in 1...config.epochs {
            steps.startEpoch(epoch)
            divergence = steps.discriminatorSteps(epoch: epoch)
            if divergence != nil { break }
            divergence = steps.generatorSteps(epoch: epoch)
            if divergence != nil { break }
            completed = epoch
            if epoch % config.logInterval == 0 {
                let last = steps.last
                log.epochs.append(PlaneEpochRecord(epoch: epoch, dRealLoss: last.real, dFakeLoss: last.fake,
                                                   dPenalty: steps.hasPenalty ? last.penalty : nil,
                                                   gLoss: last.generator))
            }
            if epoch % config.snapshotInterval == 0 { log.snapshots.append(snapshot(epoch: epoch)) }
            progress?(epoch)
        }
        let points = evaluate(epoch: completed)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        log.final = PlaneFinalRecord(
            epochsCompleted: completed, diverged: divergence != nil, divergence: divergence,
            generator: steps.evaluatedGeneratorWeights,
            discriminator: AdversarialSteps.weights(of: steps.discriminator), points: points,
            evaluation: PlaneEvaluation(points: points, target: target, referenceShares: referenceShares),
            wallSeconds: seconds)
        return log
    }

    /// G's points on fresh noise from the evaluation stream of `epoch`.
    mutating func evaluate(epoch: Int) -> [Float] {
        var stream = Xoshiro256StarStar(seed: seed, stream: 1 + UInt64(epoch))
        config.noise.fill(&evaluationNoise, normal: steps.normal, using: &stream)
        sampler.loadParameters(steps.evaluatedGeneratorParameters)
        sampler.forward(evaluationNoise, into: &evaluationPoints)
        return evaluationPoints
    }

    mutating func snapshot(epoch: Int) -> PlaneSnapshotRecord {
        let points = evaluate(epoch: epoch)
        return PlaneSnapshotRecord(epoch: epoch, generator: steps.evaluatedGeneratorWeights,
                                   discriminator: AdversarialSteps.weights(of: steps.discriminator), points: points,
                                   evaluation: PlaneEvaluation(points: points, target: target,
                                                               referenceShares: referenceShares))
    }
}
