import TinyGANCore
import TinyGANPlot

/// The values of a sweep's page (`templates/sweep.mustache`): each grid
/// point's success rate with its interval, the figures, and the command
/// that runs the sweep again (`SweepPlan.command`).
struct SweepView: PageView {
    struct Axis {
        let key: String
    }

    /// One grid point's row.
    struct Point {
        let values: [String]
        let runs: Int
        let successes: Int
        let rate: String
        /// The rate in full, for `data-value`.
        let rateExact: String
        let lower, upper: String
        /// "2 collapsed, 1 shifted", or "-" for none.
        let failures: String
        /// Half or more of its runs succeeded.
        let good: Bool

        /// `words` names the verdicts in the page's language.
        init(_ p: SweepPoint, words: FigureStrings) {
            let failures = p.verdicts.filter { $0.key != Verdict.success.rawValue }.sorted { $0.key < $1.key }
                .map { "\($0.value) \(Verdict(rawValue: $0.key).map(words.verdict) ?? $0.key)" }.joined(separator: ", ")
            values = p.parameters
            runs = p.runs
            successes = p.success.successes
            rate = PageFormat.percent(p.success.rate)
            rateExact = "\(p.success.rate)"
            lower = PageFormat.percent(p.success.lower)
            upper = PageFormat.percent(p.success.upper)
            self.failures = failures.isEmpty ? "-" : failures
            good = p.success.rate >= 0.5
        }
    }

    let lang: String
    /// The page's own title (`--title`), or empty for the language's.
    let title: String
    let hasTitle: Bool
    let built = PageFormat.now()
    let tool = "tinygan \(TinyGANVersion.current)"
    let preset: String
    let runCount, pointCount, seedCount: Int
    let axes: [Axis]
    let hasAxes: Bool
    let points: [Point]
    /// Figure name -> the image source (`ReportBuilder.figureSources`).
    let figures: [String: String]
    /// The shell line that runs the same sweep again.
    let command: String
    let rule = VerdictRuleView()
    let article = ArticleView()
    var t: [String: String] = [:]

    init(_ summary: SweepSummary, settings: ReportSettings, figures: [String: String]) {
        let plan = summary.plan
        lang = settings.language.rawValue
        title = settings.title ?? ""
        hasTitle = settings.title != nil
        preset = plan.preset
        runCount = summary.rows.count
        pointCount = plan.pointCount
        seedCount = plan.seeds.count
        axes = plan.axes.map { Axis(key: $0.key) }
        hasAxes = !plan.axes.isEmpty
        points = summary.points.map { Point($0, words: FigureStrings(settings.language)) }
        self.figures = figures
        command = ReproduceCommand.shellLine(plan.command)
    }
}
