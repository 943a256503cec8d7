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

        /// A statistic that cannot be computed (no final samples): a dash.
        static let absent = Statistic(shown: "\u{2013}", exact: "")

        private init(shown: String, exact: String) {
            self.shown = shown
            self.exact = exact
        }
    }

    let seed: String
    let mean, std, skewness, kurtosis, ks, w1: Statistic
    /// The verdict in the page's language (the figures' word for it).
    let verdict: String
    /// The verdict as a CSS class (no spaces), in English.
    let verdictKey: String
    let success: Bool
    /// Whether the run has final samples to judge; a printout of the
    /// original without its final values has not, and then `mean` and
    /// `std` are those of the last printed epoch line's generated minibatch.
    let judged: Bool
    let wall: String
    /// Its log and the CSV of its epochs in the report's `runs/`, relative
    /// to the page.
    let logHref: String
    let csvHref: String

    /// A run without a final record is not judged (the page says so, in
    /// its language); `stem` names its files in `runs/`
    /// (`ReportRuns.fileStems`).
    init(_ log: RunLog, stem: String, language: Language) {
        // Printouts all have seed 0: their name tells them apart.
        seed = log.isOriginalPrintout ? String(stem.trimmingPrefix(ReportRuns.mainPrefix)) : "\(log.header.seed)"
        if let e = log.final?.evaluation, let verdict = log.verdict {
            mean = Statistic(e.mean)
            std = Statistic(e.std)
            skewness = Statistic(e.skewness)
            kurtosis = Statistic(e.excessKurtosis)
            ks = Statistic(e.ks)
            w1 = Statistic(e.wasserstein1)
            self.verdict = FigureStrings(language).verdict(verdict)
            verdictKey = verdict.rawValue.replacingOccurrences(of: " ", with: "-")
            success = verdict == .success
            judged = true
        } else {
            let last = log.epochs.last
            mean = last.map { Statistic(Double($0.fakeMean)) } ?? .absent
            std = last.map { Statistic(Double($0.fakeStd)) } ?? .absent
            (skewness, kurtosis, ks, w1) = (.absent, .absent, .absent, .absent)
            verdict = ""
            verdictKey = "not-judged"
            success = false
            judged = false
        }
        wall = PageFormat.fixed(log.final?.wallSeconds ?? 0, 2)
        logHref = "runs/\(stem).jsonl"
        csvHref = "runs/\(stem).csv"
    }
}
