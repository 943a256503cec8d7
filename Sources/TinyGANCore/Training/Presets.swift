/// Named configurations.
public enum Presets {
    /// The article's experiment (REFERENCE.md): G 1-5-5-1 with tanh, D 4-10-10-1
    /// with sigmoids on the four moments of a 500-sample minibatch, BCE,
    /// SGD (lr 1e-3, momentum 0.9) for both, 5000 epochs of 20 D and 20 G steps.
    public static let article = TrainingConfig(
        preset: "article",
        targetMean: 4, targetStd: 1.25,
        batchSize: 500, epochs: 5000, discriminatorSteps: 20, generatorSteps: 20,
        generator: NetworkConfig(hiddenSizes: [5, 5], activations: [.tanh, .tanh]),
        discriminator: NetworkConfig(hiddenSizes: [10, 10], activations: [.sigmoid, .sigmoid]),
        discriminatorInput: .moments,
        generatorOptimizer: .sgd(learningRate: 1e-3, momentum: 0.9),
        discriminatorOptimizer: .sgd(learningRate: 1e-3, momentum: 0.9),
        logInterval: 1, snapshotInterval: 100)

    /// tinygan's recipe that does not fail (README, "A recipe that does not
    /// fail"): the article's networks, minibatch, steps and generator
    /// optimizer, with three changes to D, and 3000 epochs instead of 5000,
    /// so that a run costs no more than the article's (the richer input
    /// makes each epoch 1.44 to 1.51 times as long):
    /// - D sees the four moments and the smoothed CDF of the standardized
    ///   minibatch at 17 points (`moments-and-cdf`), so shapes that match
    ///   four moments no longer fool it;
    /// - D steps with Adam (lr 1e-3, betas 0.9, 0.999), which keeps up with G;
    /// - the R1 penalty (gamma 1) on D's slope at the real minibatch's
    ///   features, which damps the circling around the equilibrium.
    public static let stable: TrainingConfig = {
        var config = article
        config.preset = "stable"
        config.epochs = 3000
        config.discriminatorInput = .momentsAndCDF
        config.discriminatorOptimizer = .adam(learningRate: 1e-3)
        config.gradientPenalty = 1
        return config
    }()

    /// The earlier revision of the same program: G 1-50-50-1 (ELU, sigmoid,
    /// linear), D 200-50-50-1 (ELU, ELU, sigmoid) on data and variances of a
    /// 100-sample minibatch, Adam (lr 2e-4, betas 0.9, 0.999) for both,
    /// 30000 epochs of 1 D and 1 G step.
    public static let original2017 = TrainingConfig(
        preset: "original-2017",
        targetMean: 4, targetStd: 1.25,
        batchSize: 100, epochs: 30000, discriminatorSteps: 1, generatorSteps: 1,
        generator: NetworkConfig(hiddenSizes: [50, 50], activations: [.elu, .sigmoid]),
        discriminator: NetworkConfig(hiddenSizes: [50, 50], activations: [.elu, .elu]),
        discriminatorInput: .dataAndVariances,
        generatorOptimizer: .adam(learningRate: 2e-4),
        discriminatorOptimizer: .adam(learningRate: 2e-4),
        logInterval: 10, snapshotInterval: 1000)

    /// The two-mode mixture of the mixture experiments: 0.5 N(-2, 0.5^2) +
    /// 0.5 N(2, 0.5^2), modes 8 std apart.
    public static let twoModes = try! Target(spec: "mixture:0.5*N(-2,0.5)+0.5*N(2,0.5)")

    /// The article's model, loop and recipe on a two-mode mixture
    /// (`twoModes`): what the article's GAN does when the real data are
    /// not one bell curve. Its D sees four moments, which a unimodal or
    /// lumpy shape can match: over 100 seeds (README, "Beyond the bell
    /// curve") it covers both modes but gets the shape between them wrong.
    public static let mixture: TrainingConfig = {
        var config = article
        config.preset = "mixture"
        config.target = twoModes
        return config
    }()

    /// `stable` on the same mixture: the smoothed CDF shows D the two
    /// humps the four moments hide.
    public static let mixtureStable: TrainingConfig = {
        var config = stable
        config.preset = "mixture-stable"
        config.target = twoModes
        return config
    }()

    /// MAD-GAN's 1-D mixture (Ghosh et al., 2018; BENCHMARKS.md): five
    /// equally weighted modes at 10, 20, 60, 80 and 110 with std 3, 3, 2, 2
    /// and 1; mean 56, std 37.27.
    public static let madGANModes = try! Target(
        spec: "mixture:0.2*N(10,3)+0.2*N(20,3)+0.2*N(60,2)+0.2*N(80,2)+0.2*N(110,1)")

    /// tinygan's recipe for MAD-GAN's five modes (`madGANModes`): `stable`
    /// with three changes (README, "Beyond the bell curve"):
    /// - the networks work in the target's standard units (`data-units
    ///   standard`): in the data's units G starts 50 std from the data and
    ///   never gets there (stable ends with std 0.04 and KS 1.0);
    /// - G steps with Adam (lr 3e-4): with SGD the narrowest mode (std 1,
    ///   0.027 in standard units) keeps too little of its share;
    /// - 6000 epochs, twice stable's.
    public static let fiveModes: TrainingConfig = {
        var config = stable
        config.preset = "five-modes"
        config.target = madGANModes
        config.dataUnits = .standard
        config.generatorOptimizer = .adam(learningRate: 3e-4)
        config.epochs = 6000
        return config
    }()

    /// The 2-D lab's GAN on PacGAN's ring of 8 Gaussians (std 0.01, radius
    /// 1; `PlaneTarget.ring`): the classic GAN, D judging each point alone,
    /// with PacGAN's noise (2-D standard normal) and a smaller, quicker
    /// version of its networks (BENCHMARKS.md: G 4 x 400 with batch norm,
    /// D 3 x 200 maxout there; here G and D 3 x 64 ReLU, no batch norm) and
    /// of its training (Adam lr 1e-3 instead of 1e-4, beta1 0.5; batch 100;
    /// 10,000 steps of D and G each instead of 400 epochs of 1,000).
    public static let ring: TrainingConfig = {
        var config = article
        config.preset = "ring"
        config.target = Target(PlaneTarget.ring)
        config.discriminatorInput = .sample
        config.zDim = 2
        config.noise = .gaussian
        config.generator = NetworkConfig(hiddenSizes: [64, 64, 64], activations: [.relu, .relu, .relu])
        config.discriminator = NetworkConfig(hiddenSizes: [64, 64, 64], activations: [.relu, .relu, .relu])
        config.generatorOptimizer = .adam(learningRate: 1e-3, beta1: 0.5)
        config.discriminatorOptimizer = .adam(learningRate: 1e-3, beta1: 0.5)
        config.batchSize = 100
        config.discriminatorSteps = 1
        config.generatorSteps = 1
        config.epochs = 10_000
        config.logInterval = 10
        config.snapshotInterval = 500
        return config
    }()

    /// The same on PacGAN's grid of 25 Gaussians (std 0.05, {-4, ..., 4}^2).
    public static let grid: TrainingConfig = {
        var config = ring
        config.preset = "grid"
        config.target = Target(PlaneTarget.grid)
        return config
    }()

    public static let all: [TrainingConfig] = [article, stable, original2017, mixture, mixtureStable, fiveModes, ring, grid]

    public static let names: [String] = all.map(\.preset)

    public static func named(_ name: String) throws -> TrainingConfig {
        guard let preset = all.first(where: { $0.preset == name }) else {
            throw TinyGANError.usage("unknown preset '\(name)' (known: \(names.joined(separator: ", ")))")
        }
        return preset
    }
}
