import TinyGANCore
import TinyGANPlot

/// The values of a sweep's page (`templates/sweep.mustache`): each grid
/// point's success rate with its interval, the figures, and the command
/// that runs the sweep again (`SweepPlan.command`).
struct SweepView: PageView {
    struct Axis {
        let key: String
    }

    /// A setting's value in a grid point's row; `differs` where it is not
    /// the baseline's.
    struct Value {
        let text: String
        let differs: Bool
    }

    /// One grid point's row, beside the baseline: the first grid point
    /// (the first value of every axis). Its rate's change is in percentage
    /// points; it is *clearly* better or worse when the two 95% Wilson
    /// intervals do not overlap (a conservative test: overlapping intervals
    /// can still differ at the 5% level).
    struct Point {
        let values: [Value]
        let isBaseline: Bool
        /// "+12 pts", "−5 pts", "±0 pts"; empty for the baseline.
        let rateChange: String
        let clearlyBetter, clearlyWorse: Bool
        /// The median KS distance of the point's runs, and its change.
        let medianKS: String
        let ksChange: String
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

        /// `words` names the verdicts in the page's language; `ks` are the
        /// KS distances of the point's runs, `baseline` the first point
        /// and its runs' KS distances.
        init(_ p: SweepPoint, ks: [Double], baseline: (point: SweepPoint, ks: [Double]), words: FigureStrings) {
            let failures = p.verdicts.filter { $0.key != Verdict.success.rawValue }.sorted { $0.key < $1.key }
                .map { "\($0.value) \(Verdict(rawValue: $0.key).map(words.verdict) ?? $0.key)" }.joined(separator: ", ")
            let base = baseline.point
            values = zip(p.parameters, base.parameters).map { Value(text: $0, differs: $0 != $1) }
            isBaseline = p.point == base.point
            let change = (p.success.rate - base.success.rate) * 100
            rateChange = isBaseline ? "" : Self.signed(change, digits: 0) + " pts"
            clearlyBetter = !isBaseline && p.success.lower > base.success.upper
            clearlyWorse = !isBaseline && p.success.upper < base.success.lower
            let median = Self.median(ks), baseMedian = Self.median(baseline.ks)
            medianKS = median.isFinite ? PageFormat.fixed(median, 3) : "-"
            ksChange = isBaseline || !(median - baseMedian).isFinite ? "" : Self.signed(median - baseMedian, digits: 3)
            runs = p.runs
            successes = p.success.successes
            rate = PageFormat.percent(p.success.rate)
            rateExact = "\(p.success.rate)"
            lower = PageFormat.percent(p.success.lower)
            upper = PageFormat.percent(p.success.upper)
            self.failures = failures.isEmpty ? "-" : failures
            good = p.success.rate >= 0.5
        }

        /// "+0.12", "\u{2212}5", "\u{00B1}0" with `digits` decimals.
        static func signed(_ value: Double, digits: Int) -> String {
            let text = PageFormat.fixed(abs(value), digits)
            if Double(text) == 0 { return "\u{00B1}" + text }
            return (value > 0 ? "+" : "\u{2212}") + text
        }

        /// The median of the finite values, NaN for none.
        static func median(_ values: [Double]) -> Double {
            let sorted = values.filter(\.isFinite).sorted()
            guard !sorted.isEmpty else { return .nan }
            let mid = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
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
    /// More than one point: the table compares each with the first.
    let hasBaseline: Bool
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
        let ks = Dictionary(grouping: summary.rows, by: \.point).mapValues { $0.map(\.evaluation.ks) }
        let words = FigureStrings(settings.language)
        if let first = summary.points.first {
            let baseline = (point: first, ks: ks[first.point] ?? [])
            points = summary.points.map { Point($0, ks: ks[$0.point] ?? [], baseline: baseline, words: words) }
        } else {
            points = []
        }
        hasBaseline = summary.points.count > 1
        self.figures = figures
        command = ReproduceCommand.shellLine(plan.command)
    }
}
