import Foundation

/// Changes to a preset, from command-line flags or a `--config` JSON file.
/// Every field is optional; the JSON keys are the flag names, for example
/// `{"preset": "article", "epochs": 300, "lr-g": 0.01, "g-hidden": [8, 8]}`.
/// Activations may be one name for every hidden layer or one per layer.
public struct ConfigOverrides: Codable, Equatable, Sendable {
    public var preset: String?
    public var seed: UInt64?
    public var epochs: Int?
    public var dSteps: Int?
    public var gSteps: Int?
    public var batchSize: Int?
    public var gHidden: [Int]?
    public var dHidden: [Int]?
    public var gActivation: [Activation]?
    public var dActivation: [Activation]?
    public var optimizer: OptimizerConfig.Kind?
    public var gOptimizer: OptimizerConfig.Kind?
    public var dOptimizer: OptimizerConfig.Kind?
    public var lrG: Double?
    public var lrD: Double?
    public var momentum: Double?
    public var momentumG: Double?
    public var momentumD: Double?
    public var beta1: Double?
    public var beta2: Double?
    public var dInput: DiscriminatorInputMode?
    public var targetMean: Double?
    public var targetStd: Double?
    public var logInterval: Int?
    public var snapshotInterval: Int?
    public var realLabel: Double?
    public var instanceNoise: Double?
    public var gradientPenalty: Double?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case preset, seed, epochs, optimizer, momentum
        case dSteps = "d-steps", gSteps = "g-steps", batchSize = "batch-size"
        case gHidden = "g-hidden", dHidden = "d-hidden"
        case gActivation = "g-activation", dActivation = "d-activation"
        case gOptimizer = "g-optimizer", dOptimizer = "d-optimizer"
        case lrG = "lr-g", lrD = "lr-d", momentumG = "momentum-g", momentumD = "momentum-d"
        case beta1, beta2
        case dInput = "d-input", targetMean = "target-mean", targetStd = "target-std"
        case logInterval = "log-interval", snapshotInterval = "snapshot-interval"
        case realLabel = "real-label", instanceNoise = "instance-noise", gradientPenalty = "gradient-penalty"
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let known = Set(CodingKeys.allCases.map(\.stringValue))
        let any = try decoder.container(keyedBy: AnyKey.self)
        if let unknown = any.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw TinyGANError.usage("unknown setting '\(unknown.stringValue)' (known: \(known.sorted().joined(separator: ", ")))")
        }
        preset = try container.decodeIfPresent(String.self, forKey: .preset)
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed)
        epochs = try container.decodeIfPresent(Int.self, forKey: .epochs)
        dSteps = try container.decodeIfPresent(Int.self, forKey: .dSteps)
        gSteps = try container.decodeIfPresent(Int.self, forKey: .gSteps)
        batchSize = try container.decodeIfPresent(Int.self, forKey: .batchSize)
        gHidden = try container.decodeIfPresent([Int].self, forKey: .gHidden)
        dHidden = try container.decodeIfPresent([Int].self, forKey: .dHidden)
        gActivation = try Self.decodeActivations(container, .gActivation)
        dActivation = try Self.decodeActivations(container, .dActivation)
        optimizer = try container.decodeIfPresent(OptimizerConfig.Kind.self, forKey: .optimizer)
        gOptimizer = try container.decodeIfPresent(OptimizerConfig.Kind.self, forKey: .gOptimizer)
        dOptimizer = try container.decodeIfPresent(OptimizerConfig.Kind.self, forKey: .dOptimizer)
        lrG = try container.decodeIfPresent(Double.self, forKey: .lrG)
        lrD = try container.decodeIfPresent(Double.self, forKey: .lrD)
        momentum = try container.decodeIfPresent(Double.self, forKey: .momentum)
        momentumG = try container.decodeIfPresent(Double.self, forKey: .momentumG)
        momentumD = try container.decodeIfPresent(Double.self, forKey: .momentumD)
        beta1 = try container.decodeIfPresent(Double.self, forKey: .beta1)
        beta2 = try container.decodeIfPresent(Double.self, forKey: .beta2)
        dInput = try container.decodeIfPresent(DiscriminatorInputMode.self, forKey: .dInput)
        targetMean = try container.decodeIfPresent(Double.self, forKey: .targetMean)
        targetStd = try container.decodeIfPresent(Double.self, forKey: .targetStd)
        logInterval = try container.decodeIfPresent(Int.self, forKey: .logInterval)
        snapshotInterval = try container.decodeIfPresent(Int.self, forKey: .snapshotInterval)
        realLabel = try container.decodeIfPresent(Double.self, forKey: .realLabel)
        instanceNoise = try container.decodeIfPresent(Double.self, forKey: .instanceNoise)
        gradientPenalty = try container.decodeIfPresent(Double.self, forKey: .gradientPenalty)
    }

    private static func decodeActivations(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> [Activation]? {
        if let one = try? container.decodeIfPresent(Activation.self, forKey: key) { return [one] }
        return try container.decodeIfPresent([Activation].self, forKey: key)
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads overrides from a JSON file; errors name the file.
    public static func read(from url: URL) throws -> ConfigOverrides {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TinyGANError.usage("cannot read config file \(url.path)")
        }
        do {
            return try JSONDecoder().decode(ConfigOverrides.self, from: data)
        } catch let error as TinyGANError {
            throw TinyGANError.usage("\(url.path): \(error.description)")
        } catch {
            throw TinyGANError.usage("\(url.path): not a valid config (\(RunLogCoding.describe(error)))")
        }
    }

    /// `other`'s values win where both set one.
    public func merged(with other: ConfigOverrides) -> ConfigOverrides {
        var result = self
        result.preset = other.preset ?? preset
        result.seed = other.seed ?? seed
        result.epochs = other.epochs ?? epochs
        result.dSteps = other.dSteps ?? dSteps
        result.gSteps = other.gSteps ?? gSteps
        result.batchSize = other.batchSize ?? batchSize
        result.gHidden = other.gHidden ?? gHidden
        result.dHidden = other.dHidden ?? dHidden
        result.gActivation = other.gActivation ?? gActivation
        result.dActivation = other.dActivation ?? dActivation
        result.optimizer = other.optimizer ?? optimizer
        result.gOptimizer = other.gOptimizer ?? gOptimizer
        result.dOptimizer = other.dOptimizer ?? dOptimizer
        result.lrG = other.lrG ?? lrG
        result.lrD = other.lrD ?? lrD
        result.momentum = other.momentum ?? momentum
        result.momentumG = other.momentumG ?? momentumG
        result.momentumD = other.momentumD ?? momentumD
        result.beta1 = other.beta1 ?? beta1
        result.beta2 = other.beta2 ?? beta2
        result.dInput = other.dInput ?? dInput
        result.targetMean = other.targetMean ?? targetMean
        result.targetStd = other.targetStd ?? targetStd
        result.logInterval = other.logInterval ?? logInterval
        result.snapshotInterval = other.snapshotInterval ?? snapshotInterval
        result.realLabel = other.realLabel ?? realLabel
        result.instanceNoise = other.instanceNoise ?? instanceNoise
        result.gradientPenalty = other.gradientPenalty ?? gradientPenalty
        return result
    }

    /// The preset (default `article`) with these changes, validated.
    public func resolve() throws -> TrainingConfig {
        var config = try Presets.named(preset ?? Presets.article.preset)
        config.epochs = epochs ?? config.epochs
        config.discriminatorSteps = dSteps ?? config.discriminatorSteps
        config.generatorSteps = gSteps ?? config.generatorSteps
        config.batchSize = batchSize ?? config.batchSize
        config.targetMean = targetMean ?? config.targetMean
        config.targetStd = targetStd ?? config.targetStd
        config.discriminatorInput = dInput ?? config.discriminatorInput
        config.logInterval = logInterval ?? config.logInterval
        config.snapshotInterval = snapshotInterval ?? config.snapshotInterval
        config.realLabel = realLabel ?? config.realLabel
        config.instanceNoise = instanceNoise ?? config.instanceNoise
        config.gradientPenalty = gradientPenalty ?? config.gradientPenalty
        Self.apply(hidden: gHidden, activations: gActivation, to: &config.generator)
        Self.apply(hidden: dHidden, activations: dActivation, to: &config.discriminator)
        apply(kind: gOptimizer ?? optimizer, lr: lrG, momentum: momentumG ?? momentum,
              to: &config.generatorOptimizer)
        apply(kind: dOptimizer ?? optimizer, lr: lrD, momentum: momentumD ?? momentum,
              to: &config.discriminatorOptimizer)
        try config.validate()
        return config
    }

    private static func apply(hidden: [Int]?, activations: [Activation]?, to network: inout NetworkConfig) {
        if let hidden { network.hiddenSizes = hidden }
        let layers = network.hiddenSizes.count
        if let activations {
            network.activations = activations.count == 1 ? Array(repeating: activations[0], count: layers) : activations
        } else if network.activations.count != layers, let first = network.activations.first {
            network.activations = Array(repeating: first, count: layers)
        }
    }

    private func apply(kind: OptimizerConfig.Kind?, lr: Double?, momentum: Double?, to optimizer: inout OptimizerConfig) {
        if let kind, kind != optimizer.kind {
            optimizer = kind == .adam ? .adam(learningRate: optimizer.learningRate)
                : .sgd(learningRate: optimizer.learningRate, momentum: 0.9)
        }
        if let lr { optimizer.learningRate = lr }
        if let momentum { optimizer.momentum = momentum }
        if let beta1 { optimizer.beta1 = beta1 }
        if let beta2 { optimizer.beta2 = beta2 }
    }
}
