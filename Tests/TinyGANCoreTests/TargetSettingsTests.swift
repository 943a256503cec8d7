import Foundation
import Testing
import TinyGANCore

/// The `target` setting and its relation to `target-mean`/`target-std`.
@Suite struct TargetSettingsTests {
    func resolve(_ flags: [String]) throws -> TrainingConfig { try TrainingConfig.resolve([try SettingLayer.flags(flags)]) }

    /// With a Gaussian, target-mean and target-std set its parameters,
    /// before or after --target; with another target they are its mean and
    /// std: the same value is accepted, another is a usage error.
    @Test func targetMeanAndStdSetTheGaussianOnly() throws {
        #expect(try resolve(["--target-mean", "1", "--target-std", "2"]).target.spec == "gaussian:1.0,2.0")
        #expect(try resolve(["--target-mean", "1", "--target", "gaussian:5,3"]).target.spec == "gaussian:1.0,3.0")
        #expect(try resolve(["--target", "uniform:0,1", "--target-mean", "0.5"]).target.spec == "uniform:0.0,1.0")
        for flags in [["--target", "uniform:0,1", "--target-mean", "3"], ["--target-std", "2", "--target", "laplace:0,1"]] {
            #expect { try resolve(flags) } throws: {
                let e = $0 as? TinyGANError
                return e?.kind == .usage && e?.reason.contains("sets the Gaussian target's") == true
            }
        }
        // A later layer's target replaces what earlier layers said of the Gaussian.
        let config = try SettingLayer.json(try JSONValue.parse(Data(#"{"target-mean": 7}"#.utf8)), source: "c.json")
        let merged = config.merged(with: try SettingLayer.flags(["--target", "uniform:0,1"]))
        #expect(try TrainingConfig.resolve([merged]).target.spec == "uniform:0.0,1.0")
    }

    /// A header without `target` (before it existed) reads as the Gaussian
    /// of its target-mean and target-std; a header of any target reads back
    /// as the same configuration.
    @Test func headersRecordTheTarget() throws {
        let old = #"{"preset": "article", "target-mean": 2, "target-std": 0.5}"#
        let read = try JSONDecoder().decode(TrainingConfig.self, from: Data(old.utf8))
        #expect(read.target == Target(Normal(mean: 2, std: 0.5)))
        for spec in ["mixture:0.5*N(-2,0.5)+0.5*N(2,0.5)", "student-t:5,1,2", "lognormal:0,0.5"] {
            let config = try resolve(["--target", spec])
            let header = try JSONEncoder().encode(RunHeader(config: config, seed: 1))
            #expect(try JSONDecoder().decode(RunHeader.self, from: header).config == config, "\(spec)")
            #expect(String(decoding: header, as: UTF8.self).contains("\"target-mean\":"))
        }
    }

    /// The target's mean and std stay within target-mean's and target-std's
    /// bounds; a reproduce command names the target, not its mean.
    @Test func boundsAndReproduceCommands() throws {
        #expect { try resolve(["--target", "lognormal:10,2"]) } throws: { "\($0)".hasPrefix("target-std") }
        let config = try resolve(["--target", "uniform:0,1"])
        #expect(ReproduceCommand.settingArguments(config) == ["--preset", "article", "--target", "uniform:0.0,1.0"])
        let gaussian = try resolve(["--target-mean", "5"])
        #expect(ReproduceCommand.settingArguments(gaussian) == ["--preset", "article", "--target", "gaussian:5.0,1.25"])
    }
}
