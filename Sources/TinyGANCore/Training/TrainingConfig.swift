/// The shape of one network: hidden layer sizes and their activations. The
/// output layer is fixed by the network's role: the generator's is linear
/// (one value per sample), the discriminator's a sigmoid (one probability).
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
public struct TrainingConfig: Codable, Equatable, Sendable {
    /// The preset this configuration started from (a label, not a rule).
    public var preset: String
    /// The real data R: a Gaussian N(mean, std^2).
    public var targetMean: Double
    public var targetStd: Double
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

    enum CodingKeys: String, CodingKey {
        case preset, targetMean, targetStd, batchSize, epochs, discriminatorSteps, generatorSteps, generator,
             discriminator, discriminatorInput, generatorOptimizer, discriminatorOptimizer, logInterval,
             snapshotInterval, realLabel, instanceNoise, gradientPenalty
    }

    public init(preset: String, targetMean: Double, targetStd: Double, batchSize: Int, epochs: Int,
                discriminatorSteps: Int, generatorSteps: Int, generator: NetworkConfig,
                discriminator: NetworkConfig, discriminatorInput: DiscriminatorInputMode,
                generatorOptimizer: OptimizerConfig, discriminatorOptimizer: OptimizerConfig,
                logInterval: Int, snapshotInterval: Int, realLabel: Double = 1, instanceNoise: Double = 0,
                gradientPenalty: Double = 0) {
        self.preset = preset
        self.targetMean = targetMean
        self.targetStd = targetStd
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

    /// Reads a configuration; the three later settings default to the article's
    /// values, so logs written before they existed still read.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            preset: try c.decode(String.self, forKey: .preset), targetMean: try c.decode(Double.self, forKey: .targetMean),
            targetStd: try c.decode(Double.self, forKey: .targetStd), batchSize: try c.decode(Int.self, forKey: .batchSize),
            epochs: try c.decode(Int.self, forKey: .epochs),
            discriminatorSteps: try c.decode(Int.self, forKey: .discriminatorSteps),
            generatorSteps: try c.decode(Int.self, forKey: .generatorSteps),
            generator: try c.decode(NetworkConfig.self, forKey: .generator),
            discriminator: try c.decode(NetworkConfig.self, forKey: .discriminator),
            discriminatorInput: try c.decode(DiscriminatorInputMode.self, forKey: .discriminatorInput),
            generatorOptimizer: try c.decode(OptimizerConfig.self, forKey: .generatorOptimizer),
            discriminatorOptimizer: try c.decode(OptimizerConfig.self, forKey: .discriminatorOptimizer),
            logInterval: try c.decode(Int.self, forKey: .logInterval),
            snapshotInterval: try c.decode(Int.self, forKey: .snapshotInterval),
            realLabel: try c.decodeIfPresent(Double.self, forKey: .realLabel) ?? 1,
            instanceNoise: try c.decodeIfPresent(Double.self, forKey: .instanceNoise) ?? 0,
            gradientPenalty: try c.decodeIfPresent(Double.self, forKey: .gradientPenalty) ?? 0)
    }

    /// Feature counts of the generator: 1 noise value in, 1 sample out.
    public var generatorSizes: [Int] { [1] + generator.hiddenSizes + [1] }
    public var generatorActivations: [Activation] { generator.activations + [.identity] }

    /// Feature counts of the discriminator: the preprocessed minibatch in,
    /// one probability out.
    public var discriminatorSizes: [Int] {
        [discriminatorInput.featureCount(batchSize: batchSize)] + discriminator.hiddenSizes + [1]
    }
    public var discriminatorActivations: [Activation] { discriminator.activations + [.sigmoid] }

    /// Throws a `ConfigError` naming the first value out of range.
    public func validate() throws {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
            if !condition { throw TinyGANError.usage(message()) }
        }
        try require(epochs >= 1, "epochs must be at least 1 (got \(epochs))")
        try require(discriminatorSteps >= 1, "d-steps must be at least 1 (got \(discriminatorSteps))")
        try require(generatorSteps >= 1, "g-steps must be at least 1 (got \(generatorSteps))")
        try require(batchSize >= 2, "batch-size must be at least 2 (got \(batchSize))")
        try require(targetMean.isFinite, "target-mean must be finite (got \(targetMean))")
        try require(targetStd.isFinite && targetStd > 0, "target-std must be finite and > 0 (got \(targetStd))")
        try require(logInterval >= 1, "log-interval must be at least 1 (got \(logInterval))")
        try require(snapshotInterval >= 1, "snapshot-interval must be at least 1 (got \(snapshotInterval))")
        try require(realLabel > 0.5 && realLabel <= 1, "real-label must be in (0.5, 1] (got \(realLabel))")
        try require(instanceNoise.isFinite && instanceNoise >= 0,
                    "instance-noise must be finite and >= 0 (got \(instanceNoise))")
        try require(gradientPenalty.isFinite && gradientPenalty >= 0,
                    "gradient-penalty must be finite and >= 0 (got \(gradientPenalty))")
        for (name, network) in [("g", generator), ("d", discriminator)] {
            try require(network.hiddenSizes.allSatisfy { $0 >= 1 },
                        "\(name)-hidden sizes must be at least 1 (got \(network.hiddenSizes))")
            try require(network.activations.count == network.hiddenSizes.count,
                        "\(name)-activation needs one activation or one per hidden layer "
                            + "(\(network.hiddenSizes.count) layers, \(network.activations.count) activations)")
        }
        for (name, optimizer) in [("g", generatorOptimizer), ("d", discriminatorOptimizer)] {
            try require(optimizer.learningRate.isFinite && optimizer.learningRate > 0,
                        "lr-\(name) must be finite and > 0 (got \(optimizer.learningRate))")
            try require(optimizer.momentum.isFinite && (0..<1).contains(optimizer.momentum),
                        "momentum-\(name) must be in [0, 1) (got \(optimizer.momentum))")
            try require((0..<1).contains(optimizer.beta1) && (0..<1).contains(optimizer.beta2),
                        "Adam betas of \(name) must be in [0, 1)")
            try require(optimizer.epsilon.isFinite && optimizer.epsilon > 0,
                        "Adam epsilon of \(name) must be finite and > 0")
        }
    }
}
