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

    /// A config file's text, resolved as `--config` would.
    func resolve(_ json: String) throws -> TrainingConfig {
        try TrainingConfig.resolve([try SettingLayer.json(try JSONValue.parse(Data(json.utf8)), source: "c.json")])
    }

    @Test func regularizersReadFromFlagNames() throws {
        let config = try resolve(#"{"gradient-penalty": 2.5, "real-label": 0.9, "instance-noise": 0.3, "d-input": "moments-and-cdf"}"#)
        #expect(config.gradientPenalty == 2.5 && config.realLabel == 0.9 && config.instanceNoise == 0.3)
        #expect(config.discriminatorInput == .momentsAndCDF)
        #expect { try resolve(#"{"gradient-penalty": -1}"#) } throws: {
            ($0 as? TinyGANError)?.description.hasPrefix("gradient-penalty") == true
        }
    }

    @Test func layersApplyInOrder() throws {
        let file = try SettingLayer.json(try JSONValue.parse(Data(#"{"epochs": 10, "lr-g": 0.5, "g-activation": "relu"}"#.utf8)),
                                         source: "file")
        let flags = try SettingLayer.flags(["--epochs", "20", "--g-hidden=7,7,7"])
        let config = try TrainingConfig.resolve([file, flags])
        #expect(config.epochs == 20)
        #expect(config.generatorOptimizer.learningRate == 0.5)
        #expect(config.generator.hiddenSizes == [7, 7, 7])
        #expect(config.generator.activations == [.relu, .relu, .relu])
        #expect(config.discriminatorOptimizer.learningRate == 1e-3)
        // The same layers merged into one mean the same.
        #expect(try TrainingConfig.resolve([file.merged(with: flags)]) == config)
    }

    /// An alias in a later layer overrides what an earlier layer said of
    /// the settings it stands for; within one layer the specific name wins.
    @Test func aliasesAndTheirSettings() throws {
        let early = try SettingLayer.flags(["--g-optimizer", "sgd", "--momentum-d", "0.3"])
        let late = try SettingLayer.flags(["--optimizer", "adam", "--momentum", "0.5"])
        let merged = early.merged(with: late)
        for config in [try TrainingConfig.resolve([early, late]), try TrainingConfig.resolve([merged])] {
            #expect(config.generatorOptimizer.kind == .adam && config.discriminatorOptimizer.kind == .adam)
            #expect(config.generatorOptimizer.momentum == 0.5 && config.discriminatorOptimizer.momentum == 0.5)
        }
        let one = try SettingLayer.flags(["--g-optimizer", "sgd", "--optimizer", "adam"])
        let config = try TrainingConfig.resolve([one])
        #expect(config.generatorOptimizer.kind == .sgd && config.discriminatorOptimizer.kind == .adam)
    }

    /// Switching the optimizer keeps every other value: an article G that
    /// turns to Adam keeps its learning rate and the stated betas, and
    /// original-2017's Adam turned to SGD takes its stated momentum (0).
    @Test func switchingTheOptimizerKeepsTheOtherValues() throws {
        let adam = try TrainingConfig.resolve([try SettingLayer.flags(["--g-optimizer", "adam"])])
        var expected = OptimizerConfig.adam(learningRate: 1e-3, beta1: 0.9, beta2: 0.999)
        expected.momentum = 0.9
        #expect(adam.generatorOptimizer == expected)
        var layer = try SettingLayer.flags(["--optimizer", "sgd"])
        layer.preset = "original-2017"
        let sgd = try TrainingConfig.resolve([layer])
        #expect(sgd.generatorOptimizer.kind == .sgd && sgd.generatorOptimizer.momentum == 0)
    }

    @Test func configFileUsesFlagNames() throws {
        let json = #"{"preset": "original-2017", "epochs": 3, "d-input": "raw", "g-activation": ["tanh", "elu"], "seed": 4}"#
        let layer = try SettingLayer.json(try JSONValue.parse(Data(json.utf8)), source: "c.json")
        let config = try TrainingConfig.resolve([layer])
        #expect(config.preset == "original-2017" && config.epochs == 3 && config.discriminatorInput == .raw)
        #expect(config.generator.activations == [.tanh, .elu])
        #expect(layer.seed == 4)
        #expect { try resolve(#"{"epoch": 3}"#) } throws: { "\($0)".contains("unknown setting 'epoch'") }
    }

    @Test(arguments: ["epochs", "d-steps", "g-steps", "batch-size", "log-interval", "snapshot-interval"])
    func integersOutOfRange(_ name: String) throws {
        let value = name == "batch-size" ? 1 : 0
        #expect { try resolve("{\"\(name)\": \(value)}") } throws: {
            ($0 as? TinyGANError)?.description.hasPrefix(name) == true
        }
    }

    @Test(arguments: ["0.0", "-1e-3", "nan", "inf"])
    func badLearningRatesAndStds(_ value: String) {
        #expect { try TrainingConfig.resolve([try SettingLayer.flags(["--lr-d", value])]) } throws: {
            ($0 as? TinyGANError)?.description.hasPrefix("lr-d") == true
        }
        #expect { try TrainingConfig.resolve([try SettingLayer.flags(["--target-std", value])]) } throws: {
            ($0 as? TinyGANError)?.description.hasPrefix("target-std") == true
        }
    }

    @Test func unknownPresetAndMismatchedActivations() {
        #expect { try resolve(#"{"preset": "bogus"}"#) } throws: { "\($0)".contains("unknown preset 'bogus'") }
        #expect { try resolve(#"{"d-activation": ["tanh", "relu", "elu"]}"#) } throws: { "\($0)".contains("d-activation") }
        // A mixed list no longer fits when only the depth changes.
        #expect { try resolve(#"{"preset": "original-2017", "g-hidden": [8, 8, 8]}"#) } throws: {
            "\($0)".contains("g-activation")
        }
    }
}
