import Foundation

/// Trains one GAN run on a 2-D target (the 2-D lab) and returns its log.
///
/// The loop is the 1-D `Trainer`'s with D judging points (`d-input
/// sample`, PacGAN's packs with `pack` M): per epoch `d-steps` D steps,
/// then `g-steps` G steps, with the same losses (`GANLoss`), penalties (R1
/// at the real points, R2 at the generated ones, WGAN-GP's at interpolates,
/// one eps per pack), clipping, instance noise and optimizers.
///
/// Shapes. G maps `z-dim` noise values (U[0, 1) or N(0, 1), `noise`) to a
/// point, G: R^z -> R^2, over a minibatch of n; D maps a pack of M points,
/// 2M values, to one output, over P = n / M packs. Every buffer is planar
/// and coordinate-major (coordinate c of point i at c n + i), which is at
/// once G's output layout and D's input layout: D's feature f = c M + j of
/// pack p is coordinate c of point i = j P + p, at (c M + j) P + p = c n + i.
/// So the minibatch goes from G into D with no copy, and pack p holds the
/// points p, P + p, 2P + p, ... (i.i.d. points: which share a pack does not
/// matter).
///
/// Random draws, all from the run's training stream (stream 0) in this
/// order: G's then D's initial parameters; per D step the real points (the
/// target's `fill`), then the noise (n z values), then with
/// `wasserstein-gp` only eps (P uniforms); per G step the noise. Each
/// evaluation (a snapshot, the final record) draws its noise from a
/// stream of its own, 1 + the epoch it evaluates, as in 1-D, so a seed's
/// final record does not depend on how often the run logged.
public struct PlaneTrainer: Sendable {
    public let config: TrainingConfig
    public let seed: UInt64
    let target: PlaneTarget

    var rng: Xoshiro256StarStar
    let normal = NormalSampler()
    public private(set) var generator: MultilayerPerceptron<Float>
    public private(set) var discriminator: MultilayerPerceptron<Float>
    var generatorOptimizer: Optimizer<Float>
    var discriminatorOptimizer: Optimizer<Float>
    var penalty: GradientPenalty<Float>

    /// z: (z-dim, n); points: (2, n); D's outputs: (1, P).
    var noise: [Float]
    var realBatch: [Float]
    var fakeBatch: [Float]
    var noisyBatch: [Float]
    var interpolate: [Float]
    var fakeGradient: [Float]
    var output: [Float]
    var outputGradient: [Float]
    var interpolationWeights: [Float]
    var noiseLevel = 0.0
    var evaluationNoise: [Float]
    var evaluationPoints: [Float]
    var sampler: MultilayerPerceptron<Float>

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
        rng = Xoshiro256StarStar(seed: seed, stream: 0)
        let n = config.batchSize, packs = config.discriminatorBatch
        generator = MultilayerPerceptron(sizes: config.generatorSizes, activations: config.generatorActivations,
                                         batchSize: n)
        discriminator = MultilayerPerceptron(sizes: config.discriminatorSizes,
                                             activations: config.discriminatorActivations, batchSize: packs)
        generator.initializeLikePyTorch(using: &rng)
        discriminator.initializeLikePyTorch(using: &rng)
        generatorOptimizer = Optimizer(config: config.generatorOptimizer, parameterCount: generator.parameters.count)
        discriminatorOptimizer = Optimizer(config: config.discriminatorOptimizer,
                                           parameterCount: discriminator.parameters.count)
        penalty = GradientPenalty(for: discriminator)
        noise = [Float](repeating: 0, count: config.zDim * n)
        realBatch = [Float](repeating: 0, count: 2 * n)
        (fakeBatch, noisyBatch, interpolate, fakeGradient) = (realBatch, realBatch, realBatch, realBatch)
        output = [Float](repeating: 0, count: packs)
        (outputGradient, interpolationWeights) = (output, output)
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
        var last = Trainer.StepLosses()
        epochs: for epoch in 1...config.epochs {
            noiseLevel = config.instanceNoise * (1 - Double(epoch - 1) / Double(config.epochs))
            for step in 1...config.discriminatorSteps {
                discriminatorStep(&last)
                if !last.discriminatorIsFinite || !discriminatorOptimizer.lastStepFinite {
                    divergence = "epoch \(epoch), discriminator step \(step)"
                    break epochs
                }
            }
            for step in 1...config.generatorSteps {
                generatorStep(&last)
                if !last.generator.isFinite || !generatorOptimizer.lastStepFinite {
                    divergence = "epoch \(epoch), generator step \(step)"
                    break epochs
                }
            }
            completed = epoch
            if epoch % config.logInterval == 0 {
                log.epochs.append(PlaneEpochRecord(epoch: epoch, dRealLoss: last.real, dFakeLoss: last.fake,
                                                   dPenalty: hasPenalty ? last.penalty : nil, gLoss: last.generator))
            }
            if epoch % config.snapshotInterval == 0 { log.snapshots.append(snapshot(epoch: epoch)) }
            progress?(epoch)
        }
        let points = evaluate(epoch: completed)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        log.final = PlaneFinalRecord(
            epochsCompleted: completed, diverged: divergence != nil, divergence: divergence,
            generator: weights(of: generator), discriminator: weights(of: discriminator), points: points,
            evaluation: PlaneEvaluation(points: points, target: target), wallSeconds: seconds)
        return log
    }

    var hasPenalty: Bool { config.gradientPenalty > 0 || config.r2Penalty > 0 || config.loss == .wassersteinGP }

    mutating func discriminatorStep(_ losses: inout Trainer.StepLosses) {
        discriminator.zeroGradients()
        target.fill(&realBatch, count: config.batchSize, using: &rng)
        losses.real = discriminatorPass(withInstanceNoise(realBatch), real: true)
        losses.penalty = 0
        if config.gradientPenalty > 0 {
            losses.penalty = penalty.accumulate(into: &discriminator, weight: Float(config.gradientPenalty))
        }
        fillNoise()
        generator.forward(noise, into: &fakeBatch)
        losses.fake = discriminatorPass(withInstanceNoise(fakeBatch), real: false)
        if config.r2Penalty > 0 {
            losses.penalty += penalty.accumulate(into: &discriminator, weight: Float(config.r2Penalty))
        }
        if config.loss == .wassersteinGP { losses.penalty += interpolatePenalty() }
        discriminatorOptimizer.step(&discriminator.parameters, gradients: discriminator.gradients)
        if config.loss == .wasserstein && config.clip > 0 { discriminator.clipParameters(to: Float(config.clip)) }
    }

    /// The mean over D's P outputs of L_real or L_fake; adds dLoss/dD to D's gradients.
    mutating func discriminatorPass(_ batch: [Float], real: Bool) -> Float {
        discriminator.forward(batch, into: &output)
        let loss = config.loss, label = Float(config.realLabel)
        let value = Trainer.meanOverOutputs(output, into: &outputGradient) { y in
            real ? loss.discriminatorOnReal(y, label: label) : loss.discriminatorOnGenerated(y)
        }
        discriminator.backward(outputGradient: outputGradient)
        return value
    }

    /// WGAN-GP's penalty at x^ = eps x + (1 - eps) G(z), point by point,
    /// one eps per pack (point i is in pack i mod P).
    mutating func interpolatePenalty() -> Float {
        for p in interpolationWeights.indices { interpolationWeights[p] = rng.nextFloat() }
        let packs = interpolationWeights.count, n = config.batchSize
        for j in interpolate.indices {
            let eps = interpolationWeights[(j % n) % packs]
            interpolate[j] = eps * realBatch[j] + (1 - eps) * fakeBatch[j]
        }
        discriminator.forward(interpolate, into: &output)
        let shape = PenaltyShape<Float>.wasserstein(lambda: Float(config.gpWeight), oneSided: config.gpSides == .one)
        return penalty.accumulate(into: &discriminator, shape: shape)
    }

    mutating func generatorStep(_ losses: inout Trainer.StepLosses) {
        generator.zeroGradients()
        fillNoise()
        generator.forward(noise, into: &fakeBatch)
        discriminator.forward(withInstanceNoise(fakeBatch), into: &output)
        let loss = config.loss
        losses.generator = Trainer.meanOverOutputs(output, into: &outputGradient) { loss.generator($0) }
        discriminator.backward(outputGradient: outputGradient, inputGradient: &fakeGradient,
                               accumulatesParameterGradients: false)
        generator.backward(outputGradient: fakeGradient)  // d(x + noise)/dx = 1
        generatorOptimizer.step(&generator.parameters, gradients: generator.gradients)
    }

    /// `batch` plus N(0, noiseLevel^2) noise on each coordinate, or `batch`
    /// itself (and no draws) without instance noise.
    mutating func withInstanceNoise(_ batch: [Float]) -> [Float] {
        guard noiseLevel > 0 else { return batch }
        normal.fill(&noisyBatch, mean: 0, std: noiseLevel, using: &rng)
        for i in noisyBatch.indices { noisyBatch[i] += batch[i] }
        return noisyBatch
    }

    mutating func fillNoise() { Self.fill(&noise, config.noise, normal, &rng) }

    static func fill(_ z: inout [Float], _ kind: NoiseKind, _ normal: NormalSampler, _ rng: inout Xoshiro256StarStar) {
        switch kind {
        case .uniform: rng.fill(&z)
        case .gaussian: normal.fill(&z, mean: 0, std: 1, using: &rng)
        }
    }

    /// G's points on fresh noise from the evaluation stream of `epoch`.
    mutating func evaluate(epoch: Int) -> [Float] {
        var stream = Xoshiro256StarStar(seed: seed, stream: 1 + UInt64(epoch))
        Self.fill(&evaluationNoise, config.noise, normal, &stream)
        sampler.loadParameters(generator.parameters)
        sampler.forward(evaluationNoise, into: &evaluationPoints)
        return evaluationPoints
    }

    mutating func snapshot(epoch: Int) -> PlaneSnapshotRecord {
        let points = evaluate(epoch: epoch)
        return PlaneSnapshotRecord(epoch: epoch, generator: weights(of: generator),
                                   discriminator: weights(of: discriminator), points: points,
                                   evaluation: PlaneEvaluation(points: points, target: target))
    }

    func weights(of network: MultilayerPerceptron<Float>) -> NetworkWeights {
        NetworkWeights(sizes: network.sizes, activations: network.activations, parameters: network.parameters)
    }
}
