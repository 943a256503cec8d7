import ArgumentParser
import Foundation
import TinyGANCore

/// The options that choose an experiment, shared by every command that
/// trains: `--preset`, `--config FILE`, `--seed`, and every setting of the
/// table (`Settings.all`) as `--NAME VALUE`. Later sources win: preset,
/// then the config file, then the flags.
///
/// The settings are not declared one by one here: the argument parser
/// hands over every option it does not know, and the table reads them, so
/// a new setting needs no new code in the command line.
struct ConfigOptions: ParsableArguments {
    @Option(help: "Preset to start from: \(TinyGANCore.Presets.names.joined(separator: ", ")). (default: article)")
    var preset: String?

    @Option(help: ArgumentHelp("JSON file of settings keyed by their names, e.g. {\"epochs\": 300, \"lr-g\": 0.01}; "
                               + "a run log's header config is one.", valueName: "file"))
    var config: String?

    @Option(help: "Seed of the (first) run's random generator. (default: 1)")
    var seed: UInt64?

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Settings: --NAME VALUE, listed below.", valueName: "settings"))
    var settings: [String] = []

    static let defaultSeed: UInt64 = 1

    /// The config file's layer, then the flags' (with --preset and --seed).
    func layers() throws -> [SettingLayer] {
        var flags = try SettingLayer.flags(settings)
        flags.preset = preset
        flags.seed = seed
        return (try config.map { [try SettingLayer.file($0)] } ?? []) + [flags]
    }

    /// The resolved configuration and seed, over `defaults` (a command's own
    /// starting values, such as a sweep's log interval).
    func resolve(defaults: SettingLayer? = nil) throws -> (config: TrainingConfig, seed: UInt64) {
        let layers = [defaults].compactMap { $0 } + (try self.layers())
        return (try TrainingConfig.resolve(layers), layers.compactMap(\.seed).last ?? Self.defaultSeed)
    }

    /// All layers as one (`SettingLayer.merged`).
    func mergedLayer(over defaults: SettingLayer? = nil) throws -> SettingLayer {
        ([defaults].compactMap { $0 } + (try layers())).reduce(SettingLayer(source: "")) { $0.merged(with: $1) }
    }

    /// The settings as `--help` lists them, for the commands' discussions:
    /// a column of flags, and their help wrapped to 79 columns beside it.
    static let settingsHelp: String = {
        let column = 28, width = 79
        var lines = ["SETTINGS (flags, config-file keys, --grid keys and log-header keys alike):"]
        for setting in Settings.all {
            let flag = "  --\(setting.name) <\(setting.placeholder)>"
            let words = (setting.help + (setting.bounds.map { " (\($0))" } ?? "")).split(separator: " ")
            var line = flag.count < column ? flag.padding(toLength: column, withPad: " ", startingAt: 0) : flag
            if flag.count >= column { lines.append(line); line = String(repeating: " ", count: column) }
            var empty = true
            for word in words {
                if !empty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = String(repeating: " ", count: column)
                    empty = true
                }
                line += (empty ? "" : " ") + word
                empty = false
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }()
}
