/// The steps of a GAN's game, shared by the 1-D `Trainer` and the 2-D
/// `PlaneTrainer`, which add what each logs and evaluates.
///
/// One discriminator step (REFERENCE.md, "One D step", with the article's
/// BCE generalized to `config.loss`, a `GANLoss`; D gives P outputs per
/// minibatch, P = 1 where it judges the whole minibatch and P = n / M
/// where it judges samples in packs of M, and each loss below is the mean
/// of its P per-output terms):
///   zero D's gradients; real x ~ the target (`RealData.fill`): loss_real =
///   L_real(D(pre(x))), backward (with `gradientPenalty` > 0, plus the R1
///   penalty at that real minibatch); noise z: loss_fake = L_fake(D(pre(G(z)))),
///   backward (no gradient into G; with `r2Penalty` > 0, plus the R2 penalty
///   at that generated minibatch); with `wasserstein-gp`, plus WGAN-GP's
///   penalty at the interpolate x^ = eps x + (1 - eps) G(z), eps ~ U[0, 1),
///   taken elementwise over the two minibatches as drawn (unsorted: sample j
///   of each, a random pairing as in Gulrajani et al.'s Algorithm 1, before
///   instance noise), one eps per output of D (per pack); step D; with
///   `wasserstein` and `clip` c > 0, clamp every D parameter to [-c, c].
///   The article's BCE: L_real(p) = BCE(p, 1), L_fake(p) = BCE(p, 0).
/// One generator step: zero G's gradients; noise z:
///   loss_g = L_G(D(pre(G(z)))), backward through D into G; step G.
///   The article's (non-saturating) L_G(p) = BCE(p, 1).
///
/// Shapes: a minibatch is n samples of d values (d = 1 on the line, 2 in
/// the plane), dn values feature-major (value c of sample i at c n + i),
/// the layout of G's output; `pre` is D's preprocessing
/// (`DiscriminatorInput`), the identity where D judges samples, whose
/// pack p holds samples p, P + p, 2P + p, ... G's noise is `z-dim` values
/// per sample, U[0, 1) (the article's) or N(0, 1) (`noise`).
///
/// Random draws, all from the run's training stream (stream 0) in this
/// order: G's then D's initial parameters; per D step the real minibatch
/// (the target's draws: for a Gaussian, n ziggurat normals) then the noise
/// (z-dim n values), then with `wasserstein-gp` only eps (P uniforms,
/// `nextFloat`); per G step the noise. Instance noise, when on, draws its
/// normals right before D sees each minibatch.
///
/// All buffers are made in `init`; a step allocates nothing.
struct AdversarialSteps: Sendable {
    let config: TrainingConfig
    let real: RealData
    var rng: Xoshiro256StarStar
    let normal = NormalSampler()
    var generator: MultilayerPerceptron<Float>
    var discriminator: MultilayerPerceptron<Float>
    var generatorOptimizer: Optimizer<Float>
    var discriminatorOptimizer: Optimizer<Float>
    var input: DiscriminatorInput<Float>
    var penalty: GradientPenalty<Float>

    var noise: [Float]
    /// A minibatch plus instance noise, as D sees it (unused without noise).
    var noisyBatch: [Float]
    /// The std of the instance noise in the current epoch, in the networks' units.
    var noiseLevel = 0.0
    var realBatch: [Float]
    var fakeBatch: [Float]
    var features: [Float]
    var featureGradient: [Float]
    var fakeGradient: [Float]
    /// With `g-average` beta > 0, the exponential moving average of G's
    /// parameters, a <- beta a + (1 - beta) theta after every G step,
    /// started at G's initial parameters and kept in Float (Yazici et al.,
    /// "The Unusual Effectiveness of Averaging in GAN Training", ICLR 2019);
    /// empty without.
    var averagedGenerator: [Float] = []
    /// The interpolate of the real and the generated minibatch (WGAN-GP).
    var interpolate: [Float]
    /// WGAN-GP's eps, one per output of D.
    var interpolationWeights: [Float]
    /// D's P outputs (probabilities or a critic's scores) and dLoss/d(output).
    var output: [Float]
    var outputGradient: [Float]
    var last = StepLosses()

    init(config: TrainingConfig, real: RealData, seed: UInt64) {
        self.config = config
        self.real = real
        rng = Xoshiro256StarStar(seed: seed, stream: 0)
        let n = config.batchSize, values = config.target.dimension * n
        generator = MultilayerPerceptron(sizes: config.generatorSizes,
                                         activations: config.generatorActivations, batchSize: n)
        discriminator = MultilayerPerceptron(sizes: config.discriminatorSizes,
                                             activations: config.discriminatorActivations,
                                             batchSize: config.discriminatorBatch)
        generator.initializeLikePyTorch(using: &rng)
        discriminator.initializeLikePyTorch(using: &rng)
        if config.generatorAverage > 0 { averagedGenerator = generator.parameters }
        generatorOptimizer = Optimizer(config: config.generatorOptimizer,
                                       parameterCount: generator.parameters.count)
        discriminatorOptimizer = Optimizer(config: config.discriminatorOptimizer,
                                           parameterCount: discriminator.parameters.count)
        input = DiscriminatorInput(mode: config.discriminatorInput, batchSize: values)
        penalty = GradientPenalty(for: discriminator)
        noise = [Float](repeating: 0, count: config.zDim * n)
        realBatch = [Float](repeating: 0, count: values)
        (fakeBatch, noisyBatch, interpolate, fakeGradient) = (realBatch, realBatch, realBatch, realBatch)
        output = [Float](repeating: 0, count: config.discriminatorBatch)
        (outputGradient, interpolationWeights) = (output, output)
        features = [Float](repeating: 0, count: input.featureCount)
        featureGradient = features
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

    /// Sets the epoch's instance noise: `instance-noise` (in data units)
    /// falling linearly to 0 over the run.
    mutating func startEpoch(_ epoch: Int) {
        noiseLevel = config.instanceNoise / real.unitFactor * (1 - Double(epoch - 1) / Double(config.epochs))
    }

    /// The epoch's D steps; where one is not finite, where it happened.
    mutating func discriminatorSteps(epoch: Int) -> String? {
        for step in 1...config.discriminatorSteps {
            discriminatorStep()
            if !last.discriminatorIsFinite || !discriminatorOptimizer.lastStepFinite {
                return "epoch \(epoch), discriminator step \(step)"
            }
        }
        return nil
    }

    /// The epoch's G steps; where one is not finite, where it happened.
    mutating func generatorSteps(epoch: Int) -> String? {
        for step in 1...config.generatorSteps {
            generatorStep()
            if !last.generator.isFinite || !generatorOptimizer.lastStepFinite {
                return "epoch \(epoch), generator step \(step)"
            }
        }
        return nil
    }

    mutating func discriminatorStep() {
        discriminator.zeroGradients()
        real.fill(&realBatch, count: config.batchSize, using: &rng)
        last.real = discriminatorPass(withInstanceNoise(realBatch), real: true)
        last.penalty = 0
        if config.gradientPenalty > 0 {
            last.penalty = penalty.accumulate(into: &discriminator, weight: Float(config.gradientPenalty))
        }
        fillNoise()
        generator.forward(noise, into: &fakeBatch)
        last.fake = discriminatorPass(withInstanceNoise(fakeBatch), real: false)
        if config.r2Penalty > 0 {
            last.penalty += penalty.accumulate(into: &discriminator, weight: Float(config.r2Penalty))
        }
        if config.loss == .wassersteinGP { last.penalty += interpolatePenalty() }
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
        let count = Float(output.count)
        var total: Float = 0
        for p in output.indices {
            let t = term(output[p])
            total = p == 0 ? t.value : total + t.value
            outputGradient[p] = t.derivative / count
        }
        return total / count
    }

    /// WGAN-GP's penalty at x^ = eps x + (1 - eps) G(z) (the D step's real
    /// and generated minibatches, value by value), eps ~ U[0, 1) from the
    /// training stream, one per pack: value j is of sample j mod n, in pack
    /// (j mod n) mod P. Adds its gradient to D's and returns it.
    mutating func interpolatePenalty() -> Float {
        for p in interpolationWeights.indices { interpolationWeights[p] = rng.nextFloat() }
        let packs = interpolationWeights.count, n = config.batchSize
        for j in interpolate.indices {
            let eps = interpolationWeights[(j % n) % packs]
            interpolate[j] = eps * realBatch[j] + (1 - eps) * fakeBatch[j]
        }
        input.forward(interpolate, into: &features)
        discriminator.forward(features, into: &output)
        let shape = PenaltyShape<Float>.wasserstein(lambda: Float(config.gpWeight), oneSided: config.gpSides == .one)
        return penalty.accumulate(into: &discriminator, shape: shape)
    }

    mutating func generatorStep() {
        generator.zeroGradients()
        fillNoise()
        generator.forward(noise, into: &fakeBatch)
        inputGradientThroughD(withInstanceNoise(fakeBatch))
        generator.backward(outputGradient: fakeGradient)
        generatorOptimizer.step(&generator.parameters, gradients: generator.gradients)
        if !averagedGenerator.isEmpty { averageGenerator() }
    }

    /// loss_g = L_G(D(pre(seen))) into `last.generator`, and dloss_g/d(G's
    /// output) into `fakeGradient`: `seen` is G's minibatch as D sees it,
    /// with instance noise if any (d(x + noise)/dx = 1). D's own gradients
    /// are left alone.
    mutating func inputGradientThroughD(_ seen: [Float]) {
        input.forward(seen, into: &features)
        discriminator.forward(features, into: &output)
        let loss = config.loss
        last.generator = meanOverOutputs { loss.generator($0) }
        discriminator.backward(outputGradient: outputGradient, inputGradient: &featureGradient,
                               accumulatesParameterGradients: false)
        input.backward(seen, featureGradient: featureGradient, into: &fakeGradient)
    }

    /// a <- beta a + (1 - beta) theta, elementwise.
    mutating func averageGenerator() {
        let beta = Float(config.generatorAverage), rest = 1 - Float(config.generatorAverage)
        averagedGenerator.withUnsafeMutableBufferPointer { a in
            generator.parameters.withUnsafeBufferPointer { theta in
                for i in a.indices { a[i] = beta * a[i] + rest * theta[i] }
            }
        }
    }

    /// The parameters of the generator that is evaluated and logged: the
    /// average with `g-average`, else G's own.
    var evaluatedGeneratorParameters: [Float] { averagedGenerator.isEmpty ? generator.parameters : averagedGenerator }

    /// The evaluated generator's weights (`evaluatedGeneratorParameters`).
    var evaluatedGeneratorWeights: NetworkWeights {
        NetworkWeights(sizes: generator.sizes, activations: generator.activations,
                       parameters: evaluatedGeneratorParameters)
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

    mutating func fillNoise() { config.noise.fill(&noise, normal: normal, using: &rng) }

    static func weights(of network: MultilayerPerceptron<Float>) -> NetworkWeights {
        NetworkWeights(sizes: network.sizes, activations: network.activations, parameters: network.parameters)
    }
}

/// Where the real minibatch comes from: a target on the line, drawn in
/// data units and mapped to the networks' (`UnitMap`), or one in the plane.
enum RealData: Sendable {
    case line(Target, UnitMap)
    case plane(PlaneTarget)

    /// n samples into `batch` (n values on the line, 2n planar in the plane).
    func fill(_ batch: inout [Float], count n: Int, using rng: inout Xoshiro256StarStar) {
        switch self {
        case .line(let target, let units):
            target.fill(&batch, using: &rng)
            units.toNetwork(&batch)
        case .plane(let target):
            target.fill(&batch, count: n, using: &rng)
        }
    }

    /// sigma of the map from data units to the networks' (1 in the plane).
    var unitFactor: Double {
        if case .line(_, let units) = self { return units.factor }
        return 1
    }
}

extension NoiseKind {
    /// Fills `z` with draws of this law from `rng`.
    func fill(_ z: inout [Float], normal: NormalSampler, using rng: inout Xoshiro256StarStar) {
        switch self {
        case .uniform: rng.fill(&z)
        case .gaussian: normal.fill(&z, mean: 0, std: 1, using: &rng)
        }
    }
}
