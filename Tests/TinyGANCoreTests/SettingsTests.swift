import Foundation
import Testing
import TinyGANCore

/// The table of settings: one name per setting everywhere, strict config
/// files, and layers that merge the same way whatever their source.
@Suite struct SettingsTests {
    func layer(_ json: String, source: String = "c.json") throws -> SettingLayer {
        try SettingLayer.json(try JSONValue.parse(Data(json.utf8)), source: source)
    }

    func message(_ work: () throws -> Void) -> String? {
        do { try work(); return nil } catch { return "\(error)" }
    }

    /// A sample value for each stored setting, different from the
    /// article's and valid in it.
    static let samples: [String: String] = [
        "target": "laplace:1.0,2.0", "target-mean": "-2.5", "target-std": "0.75", "epochs": "7", "d-steps": "3", "g-steps": "2",
        "batch-size": "40", "g-hidden": "6,4", "g-activation": "relu", "d-hidden": "9,3",
        "d-activation": "elu", "d-input": "moments-and-cdf", "g-optimizer": "adam", "d-optimizer": "adam",
        "lr-g": "0.002", "lr-d": "0.0005", "momentum-g": "0.5", "momentum-d": "0.25", "beta1-g": "0.5",
        "beta2-g": "0.99", "beta1-d": "0.6", "beta2-d": "0.95", "real-label": "0.9", "instance-noise": "0.1",
        "gradient-penalty": "2.0", "log-interval": "2", "snapshot-interval": "3",
        "loss": "least-squares", "r2-penalty": "0.5", "clip": "0.05", "gp-weight": "5.0", "gp-sides": "one",
        "pack": "4", "data-units": "standard", "z-dim": "3", "noise": "gaussian", "g-average": "0.99", "optimizer": "adam", "momentum": "0.5", "beta1": "0.5", "beta2": "0.99",
    ]

    /// The settings a sample value needs beside it to be valid in the
    /// article: a pack needs D judging samples; other noise, a 2-D target
    /// (which needs D judging samples).
    static let companions: [String: [(name: String, value: String)]] = [
        "pack": [("d-input", "sample")],
        "z-dim": [("target", "ring"), ("d-input", "sample")],
        "noise": [("target", "ring"), ("d-input", "sample")],
    ]

    /// Case 10: every setting can be set by flag, by config file and by a
    /// grid point, the three agree, and the value reaches the log header.
    @Test func everySettingBySeveralRoutesReachesTheHeader() throws {
        for setting in Settings.all {
            let text = try #require(Self.samples[setting.name], "no sample value for \(setting.name)")
            let companions = Self.companions[setting.name] ?? []
            let flags = companions.flatMap { ["--\($0.name)", $0.value] }
            let configPrefix = companions.map { "\"\($0.name)\": \"\($0.value)\", " }.joined()
            let axes = try companions.map { try SweepPlan.axis("\($0.name)=\($0.value)") }
            let byFlag = try TrainingConfig.resolve([try SettingLayer.flags(flags + ["--\(setting.name)", text])])
            let byFlagWithEquals = try TrainingConfig.resolve([try SettingLayer.flags(flags + ["--\(setting.name)=\(text)"])])
            let json = setting.json(of: byFlag).text
            let byConfig = try TrainingConfig.resolve([try layer("{\(configPrefix)\"\(setting.name)\": \(json)}")])
            let plan = try SweepPlan(preset: "article", axes: axes + [SweepPlan.axis("\(setting.name)=\(text.replacingOccurrences(of: ",", with: ":"))")],
                                     seeds: [1])
            let byGrid = try #require(try plan.runs().first).config
            #expect(byFlag != Presets.article, "\(setting.name) changed nothing")
            #expect(byFlagWithEquals == byFlag && byConfig == byFlag && byGrid == byFlag, "\(setting.name)")
            // The header holds it under the same name (aliases through their
            // settings) and reads back as the same configuration.
            let log = RunLog(header: RunHeader(config: byFlag, seed: 1), final: nil)
            let header = String(decoding: try RunLogCoding.encode(log), as: UTF8.self)
            for name in setting.isAlias ? setting.aliasOf : [setting.name] {
                #expect(header.contains("\"\(name)\":"), "\(name) not in the header")
            }
            let read = try JSONDecoder().decode(RunHeader.self, from: Data(header.utf8))
            #expect(read.config == byFlag, "\(setting.name) does not read back from the header")
        }
    }

    /// Case 8: the config in a log header is a valid config file that gives
    /// the same configuration back, for every preset and a changed one.
    @Test func aHeaderConfigIsAConfigFile() throws {
        var changed = Presets.stable
        changed.generator.hiddenSizes = [7, 3, 2]
        changed.generator.activations = [.elu, .tanh, .relu]
        changed.realLabel = 0.8
        for config in Presets.all + [changed] {
            let line = try RunLogCoding.encode(RunLog(header: RunHeader(config: config, seed: 9)))
            let header = try JSONValue.parse(line.prefix { $0 != 0x0A })
            guard case .object(let members) = header, let inner = members.first(where: { $0.key == "config" })?.value
            else { Issue.record("no config in the header"); return }
            #expect(try TrainingConfig.resolve([try SettingLayer.json(inner, source: "header")]) == config)
        }
    }

    /// Format-1 logs (nested Swift names) still read into the same config.
    @Test func formatOneConfigsStillRead() throws {
        let old = #"""
        {"preset":"stable","targetMean":4,"targetStd":1.25,"batchSize":500,"epochs":3000,"discriminatorSteps":20,
         "generatorSteps":20,"generator":{"hiddenSizes":[5,5],"activations":["tanh","tanh"]},
         "discriminator":{"hiddenSizes":[10,10],"activations":["sigmoid","sigmoid"]},"discriminatorInput":"moments-and-cdf",
         "generatorOptimizer":{"kind":"sgd","learningRate":0.001,"momentum":0.9,"beta1":0.9,"beta2":0.999,"epsilon":1e-8},
         "discriminatorOptimizer":{"kind":"adam","learningRate":0.001,"momentum":0,"beta1":0.9,"beta2":0.999,"epsilon":1e-8},
         "logInterval":1,"snapshotInterval":100,"realLabel":1,"instanceNoise":0,"gradientPenalty":1}
        """#
        let config = try JSONDecoder().decode(TrainingConfig.self, from: Data(old.utf8))
        #expect(config == Presets.stable)
    }

    /// Case 11: a config value of the wrong kind names its key and the problem.
    @Test(arguments: [
        (#"{"epochs": 50.5}"#, "epochs must be a whole number (got '50.5')"),
        (#"{"seed": -1}"#, "seed must be a whole number from 0 to 18446744073709551615 (got '-1')"),
        (#"{"lr-g": 1e309}"#, "lr-g must be a finite number (got 1e309)"),
        (#"{"epochs": "many"}"#, "epochs must be a whole number (got a string)"),
        (#"{"epochs": 99999999999999999999}"#, "epochs is too large"),
        (#"{"g-hidden": []}"#, "g-hidden must not be an empty list"),
        (#"{"d-input": 3}"#, "d-input must be a name in quotes (got a number)"),
        (#"{"lr-g": 0.1, "lr-g": 0.2}"#, "the key 'lr-g' is given twice"),
        (#"{"epochs": 5,}"#, "invalid JSON at byte 14"),
        (#"[1, 2]"#, "a config must be a JSON object"),
    ])
    func configErrorsNameTheKey(_ json: String, _ expected: String) throws {
        let text = message { _ = try TrainingConfig.resolve([try layer(json)]) }
            ?? message { _ = try JSONValue.parse(Data(json.utf8)) }
        #expect(text?.contains(expected) == true, "\(text ?? "no error") lacks \(expected)")
        #expect(text?.contains("Domain") != true)
    }

    /// Case 11: a huge bad name is not echoed whole.
    @Test func longNamesAreCut() throws {
        let name = String(repeating: "x", count: 5_000_000)
        let text = try #require(message { _ = try SettingLayer.flags(["--" + name, "1"]) })
        #expect(text.count < 300)
        let config = try #require(message { _ = try TrainingConfig.resolve([try layer("{\"\(name)\": 1}")]) })
        #expect(config.count < 1000 && config.contains("5000000 bytes"))
    }

    /// Case 13: sizes that cannot fit are refused before anything is
    /// allocated, with the part that is too large named.
    @Test func memoryBoundsRefuseHugeRuns() throws {
        let cases: [([String], String)] = [
            (["--batch-size", "1000000000"], "batch-size must be from 2 to 1000000"),
            (["--g-hidden", "100000,100000"], "g-hidden must be sizes from 1 to 65536"),
            (["--epochs", "1000000000"], "raise --log-interval"),
            (["--g-hidden", "60000,60000"], "lower the sizes"),
            (["--d-hidden", "60000,60000", "--snapshot-interval", "5000"], "its networks and minibatches"),
            (["--epochs", "9223372036854775807"], "epochs must be from 1 to 1000000000"),
        ]
        for (flags, expected) in cases {
            let text = message { _ = try TrainingConfig.resolve([try SettingLayer.flags(flags)]) }
            #expect(text?.contains(expected) == true, "\(flags): \(text ?? "accepted")")
        }
        // The limit is generous for real work: the largest preset, and a
        // million epochs logged every 10th, fit.
        #expect(MemoryBudget.estimate(Presets.original2017).total < MemoryBudget.limit / 100)
        var long = Presets.article
        long.epochs = 1_000_000
        long.logInterval = 10
        #expect(throws: Never.self) { try long.validate() }
    }

    @Test func differencesAndReproduceArguments() throws {
        let flags = ["--lr-g", "0.002", "--g-hidden", "8,8,8", "--optimizer", "adam"]
        var layer = try SettingLayer.flags(flags)
        layer.preset = "stable"
        let config = try TrainingConfig.resolve([layer])
        #expect(Settings.differences(config, from: Presets.stable).map(\.name)
            == ["g-hidden", "g-activation", "g-optimizer", "lr-g"])
        let arguments = ReproduceCommand.settingArguments(config)
        #expect(arguments == ["--preset", "stable", "--g-hidden", "8,8,8", "--g-activation", "tanh,tanh,tanh",
                              "--g-optimizer", "adam", "--lr-g", "0.002"])
        // The arguments read back into the same configuration.
        var again = try SettingLayer.flags(Array(arguments.dropFirst(2)))
        again.preset = "stable"
        #expect(try TrainingConfig.resolve([again]) == config)
        #expect(ReproduceCommand.shellLine(["tinygan", "report", "--title", "it's <b>"]) == #"tinygan report --title 'it'\''s <b>'"#)
    }

    @Test func strictJSON() throws {
        let value = try JSONValue.parse(Data(#" {"a": [1, -2.5e3, true, null], "b": "\u00e9\n", "c": {}} "#.utf8))
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b", "c"])
        #expect(members[0].value == .array([.number("1"), .number("-2.5e3"), .bool(true), .null]))
        #expect(members[1].value == .string("é\n"))
        for bad in ["", "{", "[1,]", "01", "1.", "-", "\"\\x\"", "{\"a\" 1}", "tru", "[1] 2", "\"\u{01}\""] {
            #expect(throws: TinyGANError.self, "\(bad)") { try JSONValue.parse(Data(bad.utf8)) }
        }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: TinyGANError.self) { try JSONValue.parse(Data(deep.utf8)) }
    }
}
