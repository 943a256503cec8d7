import ArgumentParser
import Foundation
import TinyGANCore

extension TinyGAN {
    struct Presets: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the presets with their values.")

        @Flag(help: "Print the presets as JSON.")
        var json = false

        func run() throws {
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(TinyGANCore.Presets.all), as: UTF8.self))
                return
            }
            for config in TinyGANCore.Presets.all { print(Self.describe(config)) }
        }

        static func describe(_ c: TrainingConfig) -> String {
            func network(_ sizes: [Int], _ activations: [Activation]) -> String {
                sizes.map(String.init).joined(separator: "-") + " (" + activations.map(\.rawValue).joined(separator: ", ") + ")"
            }
            func optimizer(_ o: OptimizerConfig) -> String {
                switch o.kind {
                case .sgd: "sgd, lr \(o.learningRate), momentum \(o.momentum)"
                case .adam: "adam, lr \(o.learningRate), betas (\(o.beta1), \(o.beta2))"
                }
            }
            func regularizers(_ c: TrainingConfig) -> String {
                var parts: [String] = []
                if c.realLabel != 1 { parts.append("real label \(c.realLabel)") }
                if c.instanceNoise > 0 { parts.append("instance noise \(c.instanceNoise), annealed to 0") }
                if c.gradientPenalty > 0 { parts.append("R1 gradient penalty, gamma \(c.gradientPenalty)") }
                return parts.isEmpty ? "none" : parts.joined(separator: "; ")
            }
            return """
                \(c.preset)
                  target        N(\(c.targetMean), \(c.targetStd)^2), batch \(c.batchSize)
                  loop          \(c.epochs) epochs of \(c.discriminatorSteps) D steps, then \(c.generatorSteps) G steps
                  generator     \(network(c.generatorSizes, c.generatorActivations)), \(optimizer(c.generatorOptimizer))
                  discriminator \(network(c.discriminatorSizes, c.discriminatorActivations)) on \(c.discriminatorInput.rawValue), \(optimizer(c.discriminatorOptimizer))
                  regularizers  \(regularizers(c))
                  logging       every \(c.logInterval) epoch(s), snapshot every \(c.snapshotInterval)

                """
        }
    }
}
