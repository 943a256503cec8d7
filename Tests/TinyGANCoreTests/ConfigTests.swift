import Foundation
import Testing
import TinyGANCore

@Suite struct ConfigTests {
    @Test func presetsMatchTheReference() throws {
        let article = try Presets.named("article")
        #expect(article.generatorSizes == [1, 5, 5, 1] && article.generatorActivations == [.tanh, .tanh, .identity])
        #expect(article.discriminatorSizes == [4, 10, 10, 1])
        #expect(article.discriminatorActivations == [.sigmoid, .sigmoid, .sigmoid])
        #expect(article.epochs == 5000 && article.discriminatorSteps == 20 && article.generatorSteps == 20)
        #expect(article.generatorOptimizer == .sgd(learningRate: 1e-3, momentum: 0.9))
        let old = try Presets.named("original-2017")
        #expect(old.generatorSizes == [1, 50, 50, 1] && old.generatorActivations == [.elu, .sigmoid, .identity])
        #expect(old.discriminatorSizes == [200, 50, 50, 1] && old.discriminatorActivations == [.elu, .elu, .sigmoid])
        #expect(old.generatorOptimizer.kind == .adam && old.epochs == 30000)
        for preset in Presets.all { try preset.validate() }
    }

    /// `stable` is the article but for D's input, D's optimizer, the R1
    /// penalty and fewer epochs (so a run costs no more than the article's).
    @Test func stableChangesOnlyTheDiscriminatorAndTheEpochs() throws {
        let stable = try Presets.named("stable"), article = Presets.article
        #expect(stable.discriminatorInput == .momentsAndCDF && stable.discriminatorSizes == [21, 10, 10, 1])
        #expect(stable.discriminatorOptimizer == .adam(learningRate: 1e-3) && stable.gradientPenalty == 1)
        #expect(stable.epochs == 3000)
        var undone = stable
        undone.preset = article.preset
        undone.epochs = article.epochs
        undone.discriminatorInput = article.discriminatorInput
        undone.discriminatorOptimizer = article.discriminatorOptimizer
        undone.gradientPenalty = 0
        #expect(undone == article)
    }

    @Test func regularizersReadFromFlagNames() throws {
        let json = #"{"gradient-penalty": 2.5, "real-label": 0.9, "instance-noise": 0.3, "d-input": "moments-and-cdf"}"#
        let config = try JSONDecoder().decode(ConfigOverrides.self, from: Data(json.utf8)).resolve()
        #expect(config.gradientPenalty == 2.5 && config.realLabel == 0.9 && config.instanceNoise == 0.3)
        #expect(config.discriminatorInput == .momentsAndCDF)
        let negative = try JSONDecoder().decode(ConfigOverrides.self, from: Data(#"{"gradient-penalty": -1}"#.utf8))
        #expect { try negative.resolve() } throws: {
            ($0 as? TinyGANError)?.description.hasPrefix("gradient-penalty") == true
        }
    }

    @Test func overridesApplyInOrder() throws {
        var file = ConfigOverrides()
        file.epochs = 10
        file.lrG = 0.5
        file.gActivation = [.relu]
        var flags = ConfigOverrides()
        flags.epochs = 20
        flags.gHidden = [7, 7, 7]
        let config = try file.merged(with: flags).resolve()
        #expect(config.epochs == 20)
        #expect(config.generatorOptimizer.learningRate == 0.5)
        #expect(config.generator.hiddenSizes == [7, 7, 7])
        #expect(config.generator.activations == [.relu, .relu, .relu])
        #expect(config.discriminatorOptimizer.learningRate == 1e-3)
    }

    @Test func configFileUsesFlagNames() throws {
        let json = #"{"preset": "original-2017", "epochs": 3, "d-input": "raw", "g-activation": ["tanh", "elu"], "seed": 4}"#
        let overrides = try JSONDecoder().decode(ConfigOverrides.self, from: Data(json.utf8))
        let config = try overrides.resolve()
        #expect(config.preset == "original-2017" && config.epochs == 3 && config.discriminatorInput == .raw)
        #expect(config.generator.activations == [.tanh, .elu])
        #expect(overrides.seed == 4)
        #expect(throws: TinyGANError.self) {
            try JSONDecoder().decode(ConfigOverrides.self, from: Data(#"{"epoch": 3}"#.utf8))
        }
    }

    @Test(arguments: ["epochs", "d-steps", "g-steps", "batch-size", "log-interval", "snapshot-interval"])
    func integersOutOfRange(_ name: String) throws {
        let value = name == "batch-size" ? 1 : 0
        let o = try JSONDecoder().decode(ConfigOverrides.self, from: Data("{\"\(name)\": \(value)}".utf8))
        #expect { try o.resolve() } throws: { ($0 as? TinyGANError)?.description.hasPrefix(name) == true }
    }

    @Test(arguments: [0.0, -1e-3, .nan, .infinity])
    func badLearningRatesAndStds(_ value: Double) {
        var lr = ConfigOverrides()
        lr.lrD = value
        #expect { try lr.resolve() } throws: { ($0 as? TinyGANError)?.description.hasPrefix("lr-d") == true }
        var std = ConfigOverrides()
        std.targetStd = value
        #expect { try std.resolve() } throws: { ($0 as? TinyGANError)?.description.hasPrefix("target-std") == true }
    }

    @Test func unknownPresetAndMismatchedActivations() {
        var o = ConfigOverrides()
        o.preset = "bogus"
        #expect { try o.resolve() } throws: { "\($0)".contains("unknown preset 'bogus'") }
        var a = ConfigOverrides()
        a.dActivation = [.tanh, .relu, .elu]
        #expect { try a.resolve() } throws: { "\($0)".contains("d-activation") }
    }
}
