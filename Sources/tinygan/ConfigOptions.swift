import ArgumentParser
import Foundation
import TinyGANCore

/// The flags that choose and change an experiment, shared by every command
/// that trains. Later sources win: preset, then `--config FILE`, then flags.
struct ConfigOptions: ParsableArguments {
    @Option(help: "Preset to start from: \(TinyGANCore.Presets.names.joined(separator: ", ")). (default: article)")
    var preset: String?

    @Option(help: ArgumentHelp("JSON file of settings keyed by flag name, e.g. {\"epochs\": 300, \"lr-g\": 0.01}.",
                               valueName: "file"))
    var config: String?

    @Option(help: "Seed of the run's random generator. (default: 1)")
    var seed: UInt64?

    @Option(help: "Training epochs.") var epochs: Int?
    @Option(name: .customLong("d-steps"), help: "Discriminator steps per epoch.") var dSteps: Int?
    @Option(name: .customLong("g-steps"), help: "Generator steps per epoch.") var gSteps: Int?
    @Option(name: .customLong("batch-size"), help: "Samples per minibatch (at least 2).") var batchSize: Int?

    @Option(name: .customLong("g-hidden"), help: ArgumentHelp("Generator hidden sizes, comma-separated.", valueName: "sizes"))
    var gHidden: String?
    @Option(name: .customLong("d-hidden"), help: ArgumentHelp("Discriminator hidden sizes, comma-separated.", valueName: "sizes"))
    var dHidden: String?
    @Option(name: .customLong("g-activation"),
            help: ArgumentHelp("Generator hidden activation(s): \(Activation.allCases.map(\.rawValue).joined(separator: ", ")); one, or one per layer comma-separated.",
                               valueName: "names"))
    var gActivation: String?
    @Option(name: .customLong("d-activation"), help: ArgumentHelp("Discriminator hidden activation(s), as --g-activation.", valueName: "names"))
    var dActivation: String?

    @Option(help: "Optimizer of both networks: sgd or adam.") var optimizer: String?
    @Option(name: .customLong("g-optimizer"), help: "Generator optimizer: sgd or adam.") var gOptimizer: String?
    @Option(name: .customLong("d-optimizer"), help: "Discriminator optimizer: sgd or adam.") var dOptimizer: String?
    @Option(name: .customLong("lr-g"), help: "Generator learning rate.") var lrG: Double?
    @Option(name: .customLong("lr-d"), help: "Discriminator learning rate.") var lrD: Double?
    @Option(help: "SGD momentum of both networks, in [0, 1).") var momentum: Double?
    @Option(name: .customLong("momentum-g"), help: "Generator SGD momentum.") var momentumG: Double?
    @Option(name: .customLong("momentum-d"), help: "Discriminator SGD momentum.") var momentumD: Double?
    @Option(help: "Adam beta1 of both networks.") var beta1: Double?
    @Option(help: "Adam beta2 of both networks.") var beta2: Double?

    @Option(name: .customLong("d-input"),
            help: "What D sees: \(DiscriminatorInputMode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var dInput: String?
    @Option(name: .customLong("target-mean"), help: "Mean of the real Gaussian.") var targetMean: Double?
    @Option(name: .customLong("target-std"), help: "Std of the real Gaussian (> 0).") var targetStd: Double?
    @Option(name: .customLong("log-interval"), help: "Log an epoch record every N epochs.") var logInterval: Int?
    @Option(name: .customLong("snapshot-interval"), help: "Log a generator snapshot every N epochs.") var snapshotInterval: Int?
    @Option(name: .customLong("real-label"), help: "Label of real data in D's loss (below 1: one-sided label smoothing).")
    var realLabel: Double?
    @Option(name: .customLong("instance-noise"), help: "Std of noise added to what D sees, annealed to 0 over training.")
    var instanceNoise: Double?
    @Option(name: .customLong("gradient-penalty"),
            help: "Weight gamma of D's R1 penalty, (gamma/2) |d logit / d features|^2 at real data (0: none).")
    var gradientPenalty: Double?

    static let defaultSeed: UInt64 = 1

    /// The flags as overrides, parsed and checked for known names.
    func overrides() throws -> ConfigOverrides {
        var o = ConfigOverrides()
        o.preset = preset
        o.seed = seed
        o.epochs = epochs
        o.dSteps = dSteps
        o.gSteps = gSteps
        o.batchSize = batchSize
        o.gHidden = try gHidden.map { try Self.sizes($0, flag: "g-hidden") }
        o.dHidden = try dHidden.map { try Self.sizes($0, flag: "d-hidden") }
        o.gActivation = try gActivation.map { try Self.names($0, flag: "g-activation") }
        o.dActivation = try dActivation.map { try Self.names($0, flag: "d-activation") }
        o.optimizer = try optimizer.map { try Self.name($0, flag: "optimizer") }
        o.gOptimizer = try gOptimizer.map { try Self.name($0, flag: "g-optimizer") }
        o.dOptimizer = try dOptimizer.map { try Self.name($0, flag: "d-optimizer") }
        o.lrG = lrG
        o.lrD = lrD
        o.momentum = momentum
        o.momentumG = momentumG
        o.momentumD = momentumD
        o.beta1 = beta1
        o.beta2 = beta2
        o.dInput = try dInput.map { try Self.name($0, flag: "d-input") }
        o.targetMean = targetMean
        o.targetStd = targetStd
        o.logInterval = logInterval
        o.snapshotInterval = snapshotInterval
        o.realLabel = realLabel
        o.instanceNoise = instanceNoise
        o.gradientPenalty = gradientPenalty
        return o
    }

    /// The resolved configuration and seed.
    func resolve() throws -> (config: TrainingConfig, seed: UInt64) {
        var combined = ConfigOverrides()
        if let config { combined = try ConfigOverrides.read(from: URL(fileURLWithPath: config)) }
        combined = combined.merged(with: try overrides())
        return (try combined.resolve(), combined.seed ?? Self.defaultSeed)
    }

    static func sizes(_ text: String, flag: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let values = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, values.count == parts.count else {
            throw TinyGANError.usage("--\(flag) takes comma-separated integers (got '\(text)')")
        }
        return values
    }

    static func names<T: RawRepresentable & CaseIterable>(_ text: String, flag: String) throws -> [T]
    where T.RawValue == String {
        try text.split(separator: ",").map { try name(String($0), flag: flag) }
    }

    static func name<T: RawRepresentable & CaseIterable>(_ text: String, flag: String) throws -> T
    where T.RawValue == String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = T(rawValue: trimmed) else {
            let known = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw TinyGANError.usage("--\(flag): unknown value '\(trimmed)' (known: \(known))")
        }
        return value
    }
}
