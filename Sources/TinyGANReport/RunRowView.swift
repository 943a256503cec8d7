import Foundation
import TinyGANCore
import TinyGANPlot

/// One run's final numbers as the page's table shows them: each statistic
/// rounded (`shown`) and in full (`exact`, for `data-value`), and where
/// its files are.
struct RunRowView {
    struct Statistic {
        let shown: String
        let exact: String

        init(_ value: Double?) {
            let v = value ?? .nan
            shown = PageFormat.fixed(v, 3)
            exact = "\(v)"
        }
    }

    let seed: String
    let mean, std, skewness, kurtosis, ks, w1: Statistic
    /// The verdict in the page's language (the figures' word for it).
    let verdict: String
    /// The verdict as a CSS class (no spaces), in English.
    let verdictKey: String
    let success: Bool
    let wall: String
    /// Its log and the CSV of its epochs in the report's `runs/`, relative
    /// to the page.
    let logHref: String
    let csvHref: String

    /// A run without a final record counts as diverged; `stem` names its
    /// files in `runs/` (`ReportRuns.fileStems`).
    init(_ log: RunLog, stem: String, language: Language) {
        let e = log.final?.evaluation
        let verdict = log.verdict ?? .diverged
        seed = "\(log.header.seed)"
        mean = Statistic(e?.mean)
        std = Statistic(e?.std)
        skewness = Statistic(e?.skewness)
        kurtosis = Statistic(e?.excessKurtosis)
        ks = Statistic(e?.ks)
        w1 = Statistic(e?.wasserstein1)
        self.verdict = FigureStrings(language).verdict(verdict)
        verdictKey = verdict.rawValue.replacingOccurrences(of: " ", with: "-")
        success = verdict == .success
        wall = PageFormat.fixed(log.final?.wallSeconds ?? 0, 2)
        logHref = "runs/\(stem).jsonl"
        csvHref = "runs/\(stem).csv"
    }
}
