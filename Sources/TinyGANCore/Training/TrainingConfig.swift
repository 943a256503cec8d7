/// The shape of one network: hidden layer sizes and their activations. The
/// output layer is fixed by the network's role: the generator's is linear
/// (one value per sample), the discriminator's follows the loss (a sigmoid,
/// one probability, for `bce` and `minimax`; identity, a critic's score,
/// for the others: `GANLoss.outputActivation`).
public struct NetworkConfig: Codable, Equatable, Sendable {
    public var hiddenSizes: [Int]
    /// One per hidden layer.
    public var activations: [Activation]

    public init(hiddenSizes: [Int], activations: [Activation]) {
        self.hiddenSizes = hiddenSizes
        self.activations = activations
    }
}

/// Everything that defines an experiment, except the seed that picks one run.
public struct TrainingConfig: Equatable, Sendable {
    /// The preset this configuration started from (a label, not a rule).
    public var preset: String
    /// The real data R (the article's: N(4, 1.25^2)).
    public var target: Target
    /// Samples per minibatch, real and generated alike.
    public var batchSize: Int
    public var epochs: Int
    /// Each epoch: this many discriminator steps, then generator steps.
    public var discriminatorSteps: Int
    public var generatorSteps: Int
    public var generator: NetworkConfig
    public var discriminator: NetworkConfig
    public var discriminatorInput: DiscriminatorInputMode
    public var generatorOptimizer: OptimizerConfig
    public var discriminatorOptimizer: OptimizerConfig
    /// Log one epoch record every this many epochs.
    public var logInterval: Int
    /// Log a generator snapshot every this many epochs (and at epoch 0).
    public var snapshotInterval: Int
    /// The label of real data in D's loss: 1 as in the article; below 1 is
    /// one-sided label smoothing.
    public var realLabel: Double = 1
    /// Instance noise: the std of Gaussian noise added to every minibatch D
    /// sees, real and generated, falling linearly from this value at the
    /// first epoch to 0 after the last. 0 (the article) draws no noise.
    public var instanceNoise: Double = 0
    /// The weight gamma of the R1 penalty (gamma / 2) |d logit / d features|^2
    /// at the real minibatch, added to D's loss (`GradientPenalty`); 0 (the
    /// article) adds none.
    public var gradientPenalty: Double = 0
    /// The adversarial loss (`GANLoss`); `bce` is the article's.
    public var loss: GANLoss = .bce
    /// The weight gamma of the R2 penalty (gamma / 2) |d logit / d features|^2
    /// at the generated minibatch, added to D's loss; 0 adds none.
    public var r2Penalty: Double = 0
    /// WGAN's clipping bound c, used by `wasserstein` only: after each D
    /// step every D parameter is clamped to [-c, c]; 0 clips nothing. The
    /// default is the WGAN paper's 0.01.
    public var clip: Double = 0.01
    /// WGAN-GP's lambda, used by `wasserstein-gp` only (the paper's 10).
    public var gpWeight: Double = 10
    /// Whether WGAN-GP's penalty is two-sided (the paper's) or one-sided.
    public var gpSides: PenaltySides = .two
    /// PacGAN's packing M, with `d-input sample` only: D judges M samples
    /// concatenated; 1 (the classic GAN) judges each sample alone.
    public var pack: Int = 1
    /// The units G and D work in (`DataUnits`): the data's own (the
    /// article) or the target's standard units.
    public var dataUnits: DataUnits = .raw
    /// The noise G turns into samples: `zDim` values per sample, each
    /// uniform on [0, 1) (the article) or standard normal.
    public var zDim: Int = 1
    public var noise: NoiseKind = .uniform
    /// The decay beta of an exponential moving average of G's parameters,
    /// a <- beta a + (1 - beta) theta after every G step, from G's initial
    /// parameters; the average is the generator that snapshots and final
    /// records evaluate and log. 0 (the article) keeps no average.
    public var generatorAverage: Double = 0

    public init(preset: String, targetMean: Double, targetStd: Double, batchSize: Int, epochs: Int,
                discriminatorSteps: Int, generatorSteps: Int, generator: NetworkConfig,
                discriminator: NetworkConfig, discriminatorInput: DiscriminatorInputMode,
                generatorOptimizer: OptimizerConfig, discriminatorOptimizer: OptimizerConfig,
                logInterval: Int, snapshotInterval: Int, realLabel: Double = 1, instanceNoise: Double = 0,
                gradientPenalty: Double = 0) {
        self.preset = preset
        self.target = Target(GaussianTarget(mean: targetMean, std: targetStd))
        self.batchSize = batchSize
        self.epochs = epochs
        self.discriminatorSteps = discriminatorSteps
        self.generatorSteps = generatorSteps
        self.generator = generator
        self.discriminator = discriminator
        self.discriminatorInput = discriminatorInput
        self.generatorOptimizer = generatorOptimizer
        self.discriminatorOptimizer = discriminatorOptimizer
        self.logInterval = logInterval
        self.snapshotInterval = snapshotInterval
        self.realLabel = realLabel
        self.instanceNoise = instanceNoise
        self.gradientPenalty = gradientPenalty
    }

    /// The target's mean and std (a Gaussian's parameters).
    public var targetMean: Double { target.mean }
    public var targetStd: Double { target.std }

    /// Feature counts of the generator: `zDim` noise values in, one sample
    /// (`target.dimension` values) out.
    public var generatorSizes: [Int] { [zDim] + generator.hiddenSizes + [target.dimension] }
    public var generatorActivations: [Activation] { generator.activations + [.identity] }

    /// Feature counts of the discriminator: the preprocessed minibatch in
    /// (one pack of `pack` samples for `d-input sample`), one probability
    /// or score out.
    public var discriminatorSizes: [Int] {
        let inputs = discriminatorInput.judgesSamples
            ? pack * target.dimension : discriminatorInput.featureCount(batchSize: batchSize)
        return [inputs] + discriminator.hiddenSizes + [1]
    }

    /// How many outputs D gives per minibatch: n / M for `d-input sample`,
    /// else 1 (the whole minibatch is one sample of D).
    public var discriminatorBatch: Int { discriminatorInput.judgesSamples ? batchSize / pack : 1 }
    public var discriminatorActivations: [Activation] { discriminator.activations + [loss.outputActivation] }

    /// Throws a usage error naming the first value out of range (the
    /// table's bounds), a network whose activations do not fit its layers,
    /// a real label with a loss that has none (`hinge`, `wasserstein`,
    /// `wasserstein-gp`), or a configuration that needs more memory than a
    /// run may use.
    public func validate() throws {
        for setting in Settings.stored {
            if let message = setting.validationError(in: self) { throw TinyGANError.usage(message) }
        }
        for (name, network) in [("g", generator), ("d", discriminator)] where network.activations.count != network.hiddenSizes.count {
            throw TinyGANError.usage("\(name)-activation needs one activation or one per hidden layer "
                + "(\(network.hiddenSizes.count) layers, \(network.activations.count) activations)")
        }
        if pack > 1 && !discriminatorInput.judgesSamples {
            throw TinyGANError.usage("pack \(pack) needs d-input sample (D judging samples, M at a time); "
                + "d-input \(discriminatorInput.rawValue) judges the whole minibatch")
        }
        if batchSize % pack != 0 {
            throw TinyGANError.usage("batch-size \(batchSize) must be a multiple of pack \(pack)")
        }
        if target.plane != nil && !discriminatorInput.judgesSamples {
            throw TinyGANError.usage("the 2-D target \(target.spec) needs d-input sample (D judging points, "
                + "with --pack M for packs); d-input \(discriminatorInput.rawValue) is a feature of 1-D minibatches")
        }
        if target.plane != nil && dataUnits != .raw {
            throw TinyGANError.usage("data-units \(dataUnits.rawValue) is for 1-D targets; "
                + "the 2-D targets are already near the unit scale")
        }
        if target.plane == nil && (zDim != 1 || noise != .uniform) {
            throw TinyGANError.usage("z-dim \(zDim) and noise \(noise.rawValue): a 1-D target's G takes one uniform "
                + "noise value (its figures draw G's map of it); other noise is for 2-D targets")
        }
        if realLabel != 1 && !loss.usesRealLabel {
            throw TinyGANError.usage("real-label \(realLabel) needs a loss with labels (bce, minimax, least-squares); "
                + "\(loss.rawValue) has none")
        }
        try MemoryBudget.check(self)
    }
}

extension TrainingConfig: Codable {
    /// Written as `settingsJSON`: the keys are the settings' names, so a
    /// log's config is a valid `--config` file.
    public func encode(to encoder: Encoder) throws {
        try settingsJSON.encode(to: encoder)
    }

    /// Reads the form above, or the nested form of run-log format 1
    /// (`LegacyConfig`); settings it lacks keep the article's values.
    public init(from decoder: Decoder) throws {
        let json = try JSONValue(from: decoder)
        let layer = try SettingLayer.json(LegacyConfig.isLegacy(json) ? try LegacyConfig.convert(json) : json, source: "")
        self = try TrainingConfig.resolve([layer], knownPresetOnly: false)
    }
}
