import TinyGANCore

/// A run's configuration as the page's prose tells it: the five parts with
/// their sizes, activations, optimizers and what D sees.
struct ConfigView {
    let targetMean, targetStd: String
    let batch, epochs, dSteps, gSteps, steps: Int
    /// Layer sizes joined by arrows ("1 → 5 → 5 → 1").
    let gNetwork, dNetwork: String
    let gActivations, dActivations: String
    let dInput: String
    let dFeatures: Int
    let isMoments: Bool
    /// D judges single samples (`d-input sample`), in packs of `pack` when `isPacked`.
    let judgesSamples, isPacked: Bool
    let pack, packs: Int
    let isMixture: Bool
    let gOptimizer, dOptimizer: String
    let hasRealLabel: Bool, realLabel: String
    let hasNoise: Bool, noise: String
    let hasPenalty: Bool, penalty: String
    let hasR2: Bool, r2Penalty: String
    /// The target as figures name it ("N(4, 1.25²)", "U(0, 1)") and as
    /// `--target` takes it ("gaussian:4.0,1.25").
    let targetLabel, targetSpec: String
    /// The target's excess kurtosis ("∞" when it has none).
    let targetKurtosis: String
    let isGaussian: Bool
    /// The article's target, N(4, 1.25²).
    let isArticleTarget: Bool
    /// The adversarial loss (`--loss`) and what it makes of D.
    let lossName: String
    let isBCE, isMinimax, isLeastSquares, isHinge, isWasserstein, isWassersteinGP: Bool
    /// D's output is a probability (bce, minimax), else a score (a critic).
    let isProbability, isCritic: Bool
    /// The article's story: its target and its loss, where the page's
    /// prose is the article's own.
    let isArticleStory: Bool
    /// WGAN's clipping (`wasserstein`): on when c > 0.
    let clipOn: Bool, clip: String
    /// WGAN-GP's lambda and whether the penalty is one-sided.
    let gpWeight: String, gpOneSided: Bool

    /// Layer sizes joined by arrows ("1 → 5 → 5 → 1").
    static func network(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: " \u{2192} ") }

    /// "SGD, lr 0.001, momentum 0.9", "Adam, lr 0.001, betas (0.5, 0.999)".
    static func optimizer(_ o: OptimizerConfig) -> String {
        switch o.kind {
        case .sgd: "SGD, lr \(o.learningRate), momentum \(o.momentum)"
        case .adam: "Adam, lr \(o.learningRate), betas (\(o.beta1), \(o.beta2))"
        }
    }

    init(_ c: TrainingConfig) {
        let network = Self.network, optimizer = Self.optimizer
        // The article's 4.0 and 1.25 as ever; a mixture's std to 4 digits.
        func short(_ x: Double) -> String {
            let plain = PageFormat.number(x)
            return plain.count <= 8 ? plain : String(format: "%.4g", x)
        }
        targetMean = short(c.targetMean)
        targetStd = short(c.targetStd)
        batch = c.batchSize
        epochs = c.epochs
        dSteps = c.discriminatorSteps
        gSteps = c.generatorSteps
        steps = c.epochs * (c.discriminatorSteps + c.generatorSteps)
        gNetwork = network(c.generatorSizes)
        dNetwork = network(c.discriminatorSizes)
        gActivations = c.generator.activations.map(\.rawValue).joined(separator: ", ")
        dActivations = c.discriminator.activations.map(\.rawValue).joined(separator: ", ")
        dInput = c.discriminatorInput.rawValue
        dFeatures = c.discriminatorSizes[0]
        isMoments = c.discriminatorInput == .moments
        judgesSamples = c.discriminatorInput.judgesSamples
        isPacked = c.pack > 1
        pack = c.pack
        packs = c.discriminatorBatch
        isMixture = c.target.isMixture
        gOptimizer = optimizer(c.generatorOptimizer)
        dOptimizer = optimizer(c.discriminatorOptimizer)
        hasRealLabel = c.realLabel != 1
        realLabel = "\(c.realLabel)"
        hasNoise = c.instanceNoise > 0
        noise = "\(c.instanceNoise)"
        hasPenalty = c.gradientPenalty > 0
        penalty = "\(c.gradientPenalty)"
        hasR2 = c.r2Penalty > 0
        r2Penalty = "\(c.r2Penalty)"
        targetLabel = c.target.label
        targetSpec = c.target.spec
        targetKurtosis = c.target.excessKurtosis.isFinite ? short(c.target.excessKurtosis) : "\u{221E}"
        isGaussian = c.target.gaussian != nil
        isArticleTarget = c.target.spec == Presets.article.target.spec
        lossName = c.loss.rawValue
        isBCE = c.loss == .bce
        isMinimax = c.loss == .minimax
        isLeastSquares = c.loss == .leastSquares
        isHinge = c.loss == .hinge
        isWasserstein = c.loss == .wasserstein
        isWassersteinGP = c.loss == .wassersteinGP
        isProbability = c.loss.outputsProbability
        isCritic = !c.loss.outputsProbability
        isArticleStory = isArticleTarget && isBCE
        clipOn = c.clip > 0
        clip = "\(c.clip)"
        gpWeight = "\(c.gpWeight)"
        gpOneSided = c.gpSides == .one
    }
}
