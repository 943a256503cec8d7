import ArgumentParser
import Foundation
import TinyGANCore

extension TinyGAN {
    /// `tinygan presets`: each preset as a short summary (the networks'
    /// shapes, the loop) and then every setting of the table with its value,
    /// so that a setting added to the table is listed without a change here.
    struct PresetsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "presets",
            abstract: "List the presets with the value of every setting.")

        @Flag(help: "Print the presets as JSON: each is a valid --config file.")
        var json = false

        func run() throws {
            if json {
                let list = JSONValue.array(TinyGANCore.Presets.all.map(\.settingsJSON))
                print(list.text)
                return
            }
            for config in TinyGANCore.Presets.all { print(Self.describe(config)) }
        }

        static func describe(_ c: TrainingConfig) -> String {
            func network(_ sizes: [Int], _ activations: [Activation]) -> String {
                sizes.map(String.init).joined(separator: "-") + " (" + activations.map(\.rawValue).joined(separator: ", ") + ")"
            }
            var lines = [
                c.preset,
                "  target \(c.target.label) (\(c.target.spec)); \(c.epochs) epochs of \(c.discriminatorSteps) D steps, "
                    + "then \(c.generatorSteps) G steps, on minibatches of \(c.batchSize)",
                "  G \(network(c.generatorSizes, c.generatorActivations)), \(c.generatorOptimizer.kind.rawValue)",
                "  D \(network(c.discriminatorSizes, c.discriminatorActivations)) on \(c.discriminatorInput.rawValue), "
                    + c.discriminatorOptimizer.kind.rawValue,
            ]
            let width = Settings.stored.map(\.name.count).max() ?? 0
            for setting in Settings.stored {
                lines.append("    " + setting.name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                             + setting.text(of: c))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
