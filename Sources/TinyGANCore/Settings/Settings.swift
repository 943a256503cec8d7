/// The table of settings: every setting of an experiment, declared once.
/// Its name is the flag (`--lr-g`), the config-file key, the `--grid` key
/// and the log header's key. Presets, config files, flags, a sweep's base
/// and its grid points are layers over this table (`SettingLayer`).
///
/// Adding a setting: a stored property of `TrainingConfig` with its
/// article default, its entry here, and its use in the trainer.
///
/// The bounds keep a run's values meaningful; `TrainingConfig.validate()`
/// adds the checks that involve several settings, among them the memory a
/// configuration needs (`MemoryBudget`).
public enum Settings {
    /// The most epochs a run may have: at the article's speed, ten days of one core.
    public static let maxEpochs = 1_000_000_000

    public static let all: [Setting] = [
        .value("target", \.target, help: "The real distribution: \(Target.syntaxes).")
            .overriding(["target-mean", "target-std"]),
        .gaussianParameter("target-mean", \.mean, bounds: "within +-1e6",
                           help: "Mean of the real Gaussian; with another target, the target's mean (read only: "
                               + "another value is an error).", check: Bounds.magnitude(atMost: 1e6)),
        .gaussianParameter("target-std", \.std, bounds: "> 0, at most 1e6",
                           help: "Std of the real Gaussian; with another target, the target's std (read only).",
                           check: Bounds.positive(atMost: 1e6)),
        .value("epochs", \.epochs, bounds: "1 to 1e9", help: "Training epochs.",
               check: Bounds.integer(1...maxEpochs)),
        .value("d-steps", \.discriminatorSteps, bounds: "1 to 1e5", help: "Discriminator steps per epoch.",
               check: Bounds.integer(1...100_000)),
        .value("g-steps", \.generatorSteps, bounds: "1 to 1e5", help: "Generator steps per epoch.",
               check: Bounds.integer(1...100_000)),
        .value("batch-size", \.batchSize, bounds: "2 to 1e6", help: "Samples per minibatch, real and generated alike.",
               check: Bounds.integer(2...1_000_000)),
        .value("g-hidden", \.generator.hiddenSizes, bounds: "1 to 16 layers of 1 to 65536",
               help: "Generator hidden layer sizes, e.g. 5,5.", check: Bounds.sizes(1...65536, layers: 1...16)),
        .value("g-activation", \.generator.activations,
               help: "Generator hidden activation, one for all layers or one per layer: \(Activation.knownNames)."),
        .value("d-hidden", \.discriminator.hiddenSizes, bounds: "1 to 16 layers of 1 to 65536",
               help: "Discriminator hidden layer sizes, e.g. 10,10.", check: Bounds.sizes(1...65536, layers: 1...16)),
        .value("d-activation", \.discriminator.activations,
               help: "Discriminator hidden activation, one for all layers or one per layer."),
        .value("d-input", \.discriminatorInput, help: "What D sees of a minibatch: \(DiscriminatorInputMode.knownNames) "
               + "(sample: D judges each sample alone, the classic GAN)."),
        .value("pack", \.pack, bounds: "1 to 1e6",
               help: "PacGAN: D judges M samples concatenated (d-input sample only; batch-size a multiple of M).",
               check: Bounds.integer(1...1_000_000)),
        .value("z-dim", \.zDim, bounds: "1 to 4096",
               help: "Noise values per sample that G turns into one sample (1 for 1-D targets).",
               check: Bounds.integer(1...4096)),
        .value("noise", \.noise, help: "G's noise: uniform (on [0, 1), the article) or gaussian (standard normal; "
               + "2-D targets only)."),
        .value("data-units", \.dataUnits, help: "The units G and D work in: raw (the data's own, the article) or "
               + "standard (the target's: D sees (x - mean) / std, G's output u is the sample mean + std u)."),
        .value("loss", \.loss, help: "The adversarial loss: \(GANLoss.knownNames); D ends in a sigmoid for bce and "
               + "minimax, in a raw score (a critic) for the others."),
        .alias("optimizer", of: [\.generatorOptimizer.kind, \.discriminatorOptimizer.kind],
               names: ["g-optimizer", "d-optimizer"], help: "Optimizer of both networks (sets g-optimizer and d-optimizer)."),
        .value("g-optimizer", \.generatorOptimizer.kind,
               help: "Generator optimizer: sgd (uses momentum-g) or adam (uses beta1-g, beta2-g)."),
        .value("d-optimizer", \.discriminatorOptimizer.kind,
               help: "Discriminator optimizer: sgd (uses momentum-d) or adam (uses beta1-d, beta2-d)."),
        .value("lr-g", \.generatorOptimizer.learningRate, bounds: "> 0", help: "Generator learning rate.",
               check: Bounds.positive),
        .value("lr-d", \.discriminatorOptimizer.learningRate, bounds: "> 0", help: "Discriminator learning rate.",
               check: Bounds.positive),
        .alias("momentum", of: [\.generatorOptimizer.momentum, \.discriminatorOptimizer.momentum],
               names: ["momentum-g", "momentum-d"], help: "SGD momentum of both networks (sets momentum-g and momentum-d)."),
        .value("momentum-g", \.generatorOptimizer.momentum, bounds: "[0, 1)",
               help: "Generator SGD momentum (sgd only; kept, unused, under adam).", check: Bounds.unitInterval),
        .value("momentum-d", \.discriminatorOptimizer.momentum, bounds: "[0, 1)",
               help: "Discriminator SGD momentum (sgd only).", check: Bounds.unitInterval),
        .alias("beta1", of: [\.generatorOptimizer.beta1, \.discriminatorOptimizer.beta1],
               names: ["beta1-g", "beta1-d"], help: "Adam beta1 of both networks (sets beta1-g and beta1-d)."),
        .alias("beta2", of: [\.generatorOptimizer.beta2, \.discriminatorOptimizer.beta2],
               names: ["beta2-g", "beta2-d"], help: "Adam beta2 of both networks (sets beta2-g and beta2-d)."),
        .value("beta1-g", \.generatorOptimizer.beta1, bounds: "[0, 1)",
               help: "Generator Adam beta1 (adam only; kept, unused, under sgd).", check: Bounds.unitInterval),
        .value("beta2-g", \.generatorOptimizer.beta2, bounds: "[0, 1)", help: "Generator Adam beta2 (adam only).",
               check: Bounds.unitInterval),
        .value("beta1-d", \.discriminatorOptimizer.beta1, bounds: "[0, 1)", help: "Discriminator Adam beta1 (adam only).",
               check: Bounds.unitInterval),
        .value("beta2-d", \.discriminatorOptimizer.beta2, bounds: "[0, 1)", help: "Discriminator Adam beta2 (adam only).",
               check: Bounds.unitInterval),
        .value("real-label", \.realLabel, bounds: "(0.5, 1]",
               help: "Label of real data in D's loss; below 1 is one-sided label smoothing.",
               check: { $0 > 0.5 && $0 <= 1 ? nil : "must be in (0.5, 1]" }),
        .value("instance-noise", \.instanceNoise, bounds: ">= 0, at most 1e6",
               help: "Std of Gaussian noise added to what D sees, annealed linearly to 0 (0: none).",
               check: Bounds.nonNegative(atMost: 1e6)),
        .value("gradient-penalty", \.gradientPenalty, bounds: ">= 0, at most 1e6",
               help: "Weight gamma of D's R1 penalty (gamma/2) |d logit / d features|^2 at real data (0: none).",
               check: Bounds.nonNegative(atMost: 1e6)),
        .value("r2-penalty", \.r2Penalty, bounds: ">= 0, at most 1e6",
               help: "Weight gamma of D's R2 penalty (gamma/2) |d logit / d features|^2 at generated data (0: none).",
               check: Bounds.nonNegative(atMost: 1e6)),
        .value("clip", \.clip, bounds: ">= 0, at most 1e6",
               help: "wasserstein only: clamp every D parameter to [-c, c] after each D step (0: no clipping).",
               check: Bounds.nonNegative(atMost: 1e6)),
        .value("gp-weight", \.gpWeight, bounds: "> 0, at most 1e6",
               help: "wasserstein-gp only: lambda of the gradient penalty at interpolates of real and generated data.",
               check: Bounds.positive(atMost: 1e6)),
        .value("gp-sides", \.gpSides,
               help: "wasserstein-gp only: two = lambda (|g| - 1)^2, one = lambda max(0, |g| - 1)^2."),
        .value("g-average", \.generatorAverage, bounds: "[0, 1)",
               help: "Decay beta of a moving average of G's parameters, updated after every G step; snapshots and "
                   + "the final samples use the average (0: none; Yazici et al. 2019).",
               check: Bounds.unitInterval),
        .value("log-interval", \.logInterval, bounds: ">= 1", help: "Log an epoch record every N epochs.",
               check: Bounds.integer(1...Int.max)),
        .value("snapshot-interval", \.snapshotInterval, bounds: ">= 1",
               help: "Log a generator snapshot every N epochs (and at epoch 0).", check: Bounds.integer(1...Int.max)),
    ]

    /// The settings a log header holds: every one but the aliases, in table order.
    public static let stored: [Setting] = all.filter { !$0.isAlias }

    static let byName: [String: Setting] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The setting called `name`, or a usage error listing the known names.
    public static func named(_ name: String) throws -> Setting {
        guard let setting = byName[name] else {
            throw TinyGANError.usage("unknown setting \(TinyGANError.quote(name)) (known: preset, seed, "
                + all.map(\.name).joined(separator: ", ") + ")")
        }
        return setting
    }

    /// The settings in which `config` differs from `base`, in table order,
    /// without those that a differing setting overrides (`target-mean`
    /// when `target` differs: the target says it all).
    public static func differences(_ config: TrainingConfig, from base: TrainingConfig) -> [Setting] {
        let differing = stored.filter { $0.json(of: config) != $0.json(of: base) }
        let overridden = Set(differing.flatMap(\.overrides))
        return differing.filter { !overridden.contains($0.name) }
    }
}
