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
    let gOptimizer, dOptimizer: String
    let hasRealLabel: Bool, realLabel: String
    let hasNoise: Bool, noise: String
    let hasPenalty: Bool, penalty: String

    init(_ c: TrainingConfig) {
        func network(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: " \u{2192} ") }
        func optimizer(_ o: OptimizerConfig) -> String {
            switch o.kind {
            case .sgd: "SGD, lr \(o.learningRate), momentum \(o.momentum)"
            case .adam: "Adam, lr \(o.learningRate), betas (\(o.beta1), \(o.beta2))"
            }
        }
        targetMean = PageFormat.number(c.targetMean)
        targetStd = PageFormat.number(c.targetStd)
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
        gOptimizer = optimizer(c.generatorOptimizer)
        dOptimizer = optimizer(c.discriminatorOptimizer)
        hasRealLabel = c.realLabel != 1
        realLabel = "\(c.realLabel)"
        hasNoise = c.instanceNoise > 0
        noise = "\(c.instanceNoise)"
        hasPenalty = c.gradientPenalty > 0
        penalty = "\(c.gradientPenalty)"
    }
}
