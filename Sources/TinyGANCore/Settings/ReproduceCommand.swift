import Foundation

/// The command lines that reproduce runs, derived from what their logs
/// record: the preset, the seed, and `--NAME VALUE` for every setting in
/// which the run's configuration differs from its preset, in table order.
/// Run again with the same binary, the command gives the same log, byte
/// for byte but for the wall time.
public enum ReproduceCommand {
    /// The preset a configuration is compared with, and whether it is a
    /// known one. An unknown label (a log from another tool) is compared
    /// with the article, the default preset, and not named.
    static func base(of config: TrainingConfig) -> (config: TrainingConfig, named: Bool) {
        (try? Presets.named(config.preset)).map { ($0, true) } ?? (Presets.article, false)
    }

    /// `--preset P` (if known) and `--NAME VALUE` for each setting that
    /// differs from the preset, leaving out the names in `omitting`.
    public static func settingArguments(_ config: TrainingConfig, omitting: Set<String> = []) -> [String] {
        let (preset, named) = base(of: config)
        var arguments = named ? ["--preset", config.preset] : []
        for setting in Settings.differences(config, from: preset) where !omitting.contains(setting.name) {
            arguments += ["--\(setting.name)", setting.text(of: config)]
        }
        return arguments
    }

    /// `tinygan train` of one run, writing `out`.
    public static func train(_ header: RunHeader, out: String? = nil) -> [String] {
        ["tinygan", "train"] + settingArguments(header.config) + ["--seed", String(header.seed)]
            + (out.map { ["--out", $0] } ?? [])
    }

    /// The arguments as one line for a POSIX shell: words that need it in
    /// single quotes.
    public static func shellLine(_ arguments: [String]) -> String {
        arguments.map { word in
            let plain = !word.isEmpty && word.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0))))
                    || "-_.,:=/+@%".unicodeScalars.contains($0)
            }
            return plain ? word : "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
        }.joined(separator: " ")
    }
}
