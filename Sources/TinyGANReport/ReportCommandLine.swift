import TinyGANCore

/// The command that trains a report's runs again, derived from its main
/// run's log: `tinygan report`, the main run's settings as
/// `ReproduceCommand.settingArguments` gives them (its preset and every
/// setting that differs from it), its seed, `--runs N` unless N is the
/// default (`ArticleFacts.runs`), and `--lang L` unless the page is in
/// English. Run with the same binary, it writes the same logs, byte for byte
/// but for their wall times.
enum ReportCommandLine {
    static func words(main: RunHeader, runs: Int, language: ReportLanguage) -> [String] {
        ["tinygan", "report"] + ReproduceCommand.settingArguments(main.config) + ["--seed", String(main.seed)]
            + (runs == ArticleFacts.runs ? [] : ["--runs", String(runs)])
            + (language == .en ? [] : ["--lang", language.rawValue])
    }
}
