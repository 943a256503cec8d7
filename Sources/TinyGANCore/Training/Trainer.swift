import Foundation

/// Trains one GAN run and returns its log.
///
/// One discriminator step (REFERENCE.md, "One D step", with the article's
/// BCE generalized to `config.loss`, a `GANLoss`; D gives P outputs per
/// minibatch, P = 1 where it judges the whole minibatch and P = n / M
/// where it judges samples in packs of M, and each loss below is the mean
/// of its P per-output terms):
///   zero D's gradients; real x ~ the target (`Target.fill`): loss_real = L_real(D(pre(x))),
///   backward (with `gradientPenalty` > 0, plus the R1 penalty at that real
///   minibatch); noise z ~ U[0, 1): loss_fake = L_fake(D(pre(G(z)))), backward
///   (no gradient into G; with `r2Penalty` > 0, plus the R2 penalty at that
///   generated minibatch); with `wasserstein-gp`, plus WGAN-GP's penalty at
///   the interpolate x^ = eps x + (1 - eps) G(z), eps ~ U[0, 1), taken
///   elementwise over the two minibatches as drawn (unsorted: sample j of
///   each, a random pairing as in Gulrajani et al.'s Algorithm 1, before
///   instance noise), one eps per output of D (per pack); step D; with `wasserstein` and `clip` c > 0, clamp
///   every D parameter to [-c, c].
///   The article's BCE: L_real(p) = BCE(p, 1), L_fake(p) = BCE(p, 0).
/// One generator step: zero G's gradients; z ~ U[0, 1):
///   loss_g = L_G(D(pre(G(z)))), backward through D into G; step G.
///   The article's (non-saturating) L_G(p) = BCE(p, 1).
///
/// Random draws, all from the run's training stream (stream 0) in this
/// order: G's then D's initial parameters; per D step the real minibatch
/// (n draws of the target: for a Gaussian, n ziggurat normals) then the
/// noise (n uniforms), then with `wasserstein-gp` only eps (P uniforms,
/// `nextFloat`); per G step the noise. Each evaluation (a snapshot, the
/// final record) draws from its own stream,
/// 1 + the epoch it evaluates (`evaluationStream`), so logging more or
/// less often changes neither the training trajectory nor any evaluation:
/// a seed's final record is the same whichever command trained it.
///
/// All buffers are made in `init`; a step allocates nothing.
public struct Trainer: Sendable {
    public let config: TrainingConfig
    public let seed: UInt64

    var rng: Xoshiro256StarStar
    let normal = NormalSampler()
    let target: Target
    /// Data units from and to the networks' units (`data-units`).
    let units: UnitMap
    public private(set) var generator: MultilayerPerceptron<Float>
    public private(set) var discriminator: MultilayerPerceptron<Float>
    var generatorOptimizer: Optimizer<Float>
    var discriminatorOptimizer: Optimizer<Float>
    var input: DiscriminatorInput<Float>
    var penalty: GradientPenalty<Float>

    var noise: [Float]
    /// A minibatch plus instance noise, as D sees it (unused without noise).
    var noisyBatch: [Float]
    /// The std of the instance noise in the current epoch.
    var noiseLevel = 0.0
    var realBatch: [Float]
    var fakeBatch: [Float]
    var features: [Float]
    var featureGradient: [Float]
    var fakeGradient: [Float]
    /// The interpolate of the real and the generated minibatch (WGAN-GP).
    var interpolate: [Float]
    /// WGAN-GP's eps, one per output of D.
    var interpolationWeights: [Float]
    /// D's P outputs (probabilities or a critic's scores) and dLoss/d(output).
    var output: [Float]
    var outputGradient: [Float]
    var probe: GeneratorProbe

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
        rng = Xoshiro256StarStar(seed: seed, stream: 0)
        let n = config.batchSize
        generator = MultilayerPerceptron(sizes: config.generatorSizes,
                                         activations: config.generatorActivations, batchSize: n)
        discriminator = MultilayerPerceptron(sizes: config.discriminatorSizes,
                                             activations: config.discriminatorActivations,
                                             batchSize: config.discriminatorBatch)
        generator.initializeLikePyTorch(using: &rng)
        discriminator.initializeLikePyTorch(using: &rng)
        generatorOptimizer = Optimizer(config: config.generatorOptimizer,
                                       parameterCount: generator.parameters.count)
        discriminatorOptimizer = Optimizer(config: config.discriminatorOptimizer,
                                           parameterCount: discriminator.parameters.count)
        input = DiscriminatorInput(mode: config.discriminatorInput, batchSize: n)
        penalty = GradientPenalty(for: discriminator)
        noise = [Float](repeating: 0, count: n)
        realBatch = noise
        fakeBatch = noise
        noisyBatch = noise
        interpolate = noise
        fakeGradient = noise
        output = [Float](repeating: 0, count: config.discriminatorBatch)
        outputGradient = output
        interpolationWeights = output
        features = [Float](repeating: 0, count: input.featureCount)
        featureGradient = features
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
        var last = StepLosses()
        epochs: for epoch in 1...config.epochs {
            noiseLevel = config.instanceNoise / units.factor * (1 - Double(epoch - 1) / Double(config.epochs))
            for step in 1...config.discriminatorSteps {
                discriminatorStep(&last)
                if !last.discriminatorIsFinite || !discriminatorOptimizer.lastStepFinite {
                    divergence = "epoch \(epoch), discriminator step \(step)"
                    break epochs
                }
            }
            let realStats = units.toData(Self.meanAndStd(realBatch)), fakeStats = units.toData(Self.meanAndStd(fakeBatch))
            for step in 1...config.generatorSteps {
                generatorStep(&last)
                if !last.generator.isFinite || !generatorOptimizer.lastStepFinite {
                    divergence = "epoch \(epoch), generator step \(step)"
                    break epochs
                }
            }
            completed = epoch
            if epoch % config.logInterval == 0 {
                log.epochs.append(EpochRecord(
                    epoch: epoch, dRealLoss: last.real, dFakeLoss: last.fake,
                    dPenalty: hasPenalty ? last.penalty : nil, gLoss: last.generator,
                    realMean: realStats.mean, realStd: realStats.std,
                    fakeMean: fakeStats.mean, fakeStd: fakeStats.std))
            }
            if epoch % config.snapshotInterval == 0 { log.snapshots.append(snapshot(epoch: epoch)) }
            progress?(epoch)
        }
        log.final = finalRecord(epochsCompleted: completed, divergence: divergence, start: start)
        return log
    }

    struct StepLosses {
        /// penalty: D's penalties in the D step, summed: R1 and R2,
        /// (gamma/2)|d logit/d features|^2 at the real and the generated
        /// features, and WGAN-GP's at the interpolate.
        var real: Float = 0, fake: Float = 0, generator: Float = 0, penalty: Float = 0
        var discriminatorIsFinite: Bool { real.isFinite && fake.isFinite && penalty.isFinite }
    }

    /// True when D's loss has a penalty: R1, R2 or WGAN-GP's.
    var hasPenalty: Bool { config.gradientPenalty > 0 || config.r2Penalty > 0 || config.loss == .wassersteinGP }

    mutating func discriminatorStep(_ losses: inout StepLosses) {
        discriminator.zeroGradients()
        target.fill(&realBatch, using: &rng)
        units.toNetwork(&realBatch)
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

    /// loss = L_real(D(pre(batch))) or L_fake(D(pre(batch))) of the GAN
    /// loss (real label `realLabel`), the mean over D's P outputs; adds
    /// dloss/dD to D's gradients.
    mutating func discriminatorPass(_ batch: [Float], real: Bool) -> Float {
        input.forward(batch, into: &features)
        discriminator.forward(features, into: &output)
        let loss = config.loss, label = Float(config.realLabel)
        let value = meanOverOutputs { y in
            real ? loss.discriminatorOnReal(y, label: label) : loss.discriminatorOnGenerated(y)
        }
        discriminator.backward(outputGradient: outputGradient)
        return value
    }

    /// (1/P) sum_p term(y_p).value over D's outputs y, with dLoss/dy_p =
    /// term(y_p).derivative / P in `outputGradient`. For P = 1 the value and
    /// the derivative are the term's own, bit for bit.
    mutating func meanOverOutputs(_ term: (Float) -> GANLoss.Term<Float>) -> Float {
        Self.meanOverOutputs(output, into: &outputGradient, term)
    }

    /// The same over `output`, writing dLoss/dy_p to `gradient` (also the
    /// 2-D trainer's).
    static func meanOverOutputs(_ output: [Float], into gradient: inout [Float],
                                _ term: (Float) -> GANLoss.Term<Float>) -> Float {
        let count = Float(output.count)
        var total: Float = 0
        for p in output.indices {
            let t = term(output[p])
            total = p == 0 ? t.value : total + t.value
            gradient[p] = t.derivative / count
        }
        return total / count
    }

    /// WGAN-GP's penalty at x^ = eps x + (1 - eps) G(z) (the D step's real
    /// and generated minibatches, sample by sample), eps ~ U[0, 1) from the
    /// training stream: adds its gradient to D's and returns it.
    mutating func interpolatePenalty() -> Float {
        for p in interpolationWeights.indices { interpolationWeights[p] = rng.nextFloat() }
        let packs = interpolationWeights.count
        for j in interpolate.indices {
            let eps = interpolationWeights[j % packs]  // value j is in pack j mod P
            interpolate[j] = eps * realBatch[j] + (1 - eps) * fakeBatch[j]
        }
        input.forward(interpolate, into: &features)
        discriminator.forward(features, into: &output)
        let shape = PenaltyShape<Float>.wasserstein(lambda: Float(config.gpWeight), oneSided: config.gpSides == .one)
        return penalty.accumulate(into: &discriminator, shape: shape)
    }

    mutating func generatorStep(_ losses: inout StepLosses) {
        generator.zeroGradients()
        fillNoise()
        generator.forward(noise, into: &fakeBatch)
        let seen = withInstanceNoise(fakeBatch)
        input.forward(seen, into: &features)
        discriminator.forward(features, into: &output)
        let loss = config.loss
        losses.generator = meanOverOutputs { loss.generator($0) }
        discriminator.backward(outputGradient: outputGradient, inputGradient: &featureGradient,
                               accumulatesParameterGradients: false)
        input.backward(seen, featureGradient: featureGradient, into: &fakeGradient)  // d(x + noise)/dx = 1
        generator.backward(outputGradient: fakeGradient)
        generatorOptimizer.step(&generator.parameters, gradients: generator.gradients)
    }

    /// `batch` plus N(0, noiseLevel^2) noise in `noisyBatch`, or `batch`
    /// itself (and no draws) without instance noise.
    mutating func withInstanceNoise(_ batch: [Float]) -> [Float] {
        guard noiseLevel > 0 else { return batch }
        normal.fill(&noisyBatch, mean: 0, std: noiseLevel, using: &rng)
        noisyBatch.withUnsafeMutableBufferPointer { noisy in
            batch.withUnsafeBufferPointer { clean in
                for i in noisy.indices { noisy[i] += clean[i] }
            }
        }
        return noisyBatch
    }

    mutating func fillNoise() {
        rng.fill(&noise)
    }

    /// The generator of the evaluation at `epoch`: a stream of its own.
    func evaluationStream(epoch: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: 1 + UInt64(epoch))
    }

    mutating func snapshot(epoch: Int) -> SnapshotRecord {
        probe.load(generator.parameters)
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
        probe.load(generator.parameters)
        var evaluationRNG = evaluationStream(epoch: epochsCompleted)
        var samples = probe.samples(using: &evaluationRNG), lastBatch = fakeBatch
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

    func weights(of network: MultilayerPerceptron<Float>) -> NetworkWeights {
        NetworkWeights(sizes: network.sizes, activations: network.activations, parameters: network.parameters)
    }

    /// G's weights as a function of data units (with `data-units
    /// standard`, the map folded into its last layer): what the log keeps.
    var generatorWeights: NetworkWeights { units.generatorInDataUnits(weights(of: generator)) }

    /// D's weights as the log keeps them: where D judges samples, as a
    /// function of data units (the map folded into its first layer); where
    /// it judges a minibatch's features, as trained (on the features of
    /// the minibatch in the networks' units).
    var discriminatorWeights: NetworkWeights {
        config.discriminatorInput.judgesSamples
            ? units.discriminatorInDataUnits(weights(of: discriminator)) : weights(of: discriminator)
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
