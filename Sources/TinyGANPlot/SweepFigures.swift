import Foundation
import TinyGANCore

/// Figures of a sweep: many runs at a glance.
public enum SweepFigures {
    /// One run of a sweep, as its figures need it; `target` is the one its
    /// log names.
    public struct Entry: Sendable {
        public var label: String
        public var verdict: Verdict
        public var ks: Double
        public var histogram: Histogram
        public var target: Target
        public init(label: String, verdict: Verdict, ks: Double, histogram: Histogram, target: Target) {
            self.label = label; self.verdict = verdict; self.ks = ks; self.histogram = histogram; self.target = target
        }
    }

    /// A sweep's figures and their file names, from its finished logs:
    /// `outcomes`, `histograms` (when a run has a final record) and, for a
    /// grid, `rates`. Targets are read from the logs' headers, the record of
    /// what was trained, never from the plan (whose preset may have changed
    /// since).
    public static func all(_ sweep: SweepFolder, summary: SweepSummary,
                           language: Language = .en) throws -> [(name: String, figure: Figure)] {
        let t = FigureStrings(language)
        var entries: [Entry] = []
        var targets: [Target] = []
        for run in try sweep.runs() {
            guard let log = sweep.finishedLog(run) else { continue }
            if !targets.contains(log.target) { targets.append(log.target) }
            guard let final = log.final else { continue }
            let point = summary.plan.axes.isEmpty ? "" : "p\(run.point) "
            entries.append(Entry(label: "\(point)s\(run.seed)", verdict: log.verdict ?? .diverged,
                                 ks: final.evaluation.ks, histogram: final.histogram, target: log.target))
        }
        var figures = [(name: "outcomes", figure: outcomes(summary, targets: targets, t))]
        if !entries.isEmpty { figures.append((name: "histograms", figure: histograms(entries, t))) }
        if let rates = rates(summary, t) { figures.append((name: "rates", figure: rates)) }
        return figures
    }

    /// Final histograms of up to 100 runs, best (lowest KS) first, in rows
    /// of 10, each against its own target's density.
    public static func histograms(_ entries: [Entry], _ t: FigureStrings = FigureStrings(.en)) -> Figure {
        let shown = entries.sorted { ($0.ks.isNaN ? 2 : $0.ks) < ($1.ks.isNaN ? 2 : $1.ks) }.prefix(100)
        let range = ArticleFigures.xRange(targets: shown.map(\.target), histograms: shown.map(\.histogram))
        let panels = shown.map { entry in
            Panel(title: "\(entry.label) \(ArticleFigures.format(entry.ks))",
                  titleColor: entry.verdict == .success ? .black : .vermillion, xRange: range,
                  series: [ArticleFigures.densityBars(entry.histogram, range: range,
                                                      color: entry.verdict == .success ? .blue : .vermillion),
                           ArticleFigures.targetCurve(entry.target, range: range, t, labelled: false)])
        }
        let columns = min(10, max(1, panels.count)), rows = (panels.count + columns - 1) / columns
        let successes = shown.filter { $0.verdict == .success }.count
        return Figure(width: max(600, 150 * Double(columns)), height: 50 + 120 * Double(rows),
                      title: t(.histogramsTitle, ["count": "\(shown.count)", "successes": "\(successes)"]),
                      columns: columns, panels: panels)
    }

    /// Where runs end: final mean against final std, one point per run,
    /// coloured by verdict, with dashed lines at each target's mean and std
    /// (a grid over the target gives a lattice whose crossings are the
    /// targets).
    public static func outcomes(_ summary: SweepSummary, targets: [Target], _ t: FigureStrings = FigureStrings(.en)) -> Figure {
        var series: [Series] = []
        for (k, verdict) in Verdict.allCases.enumerated() {
            let rows = summary.rows.filter {
                $0.verdict == verdict && $0.evaluation.mean.isFinite && $0.evaluation.std.isFinite
            }
            guard !rows.isEmpty else { continue }
            let color: Color = verdict == .success ? .blue
                : verdict == .missingModes ? .black : [.vermillion, .orange, .purple, .green][k % 4]
            let grid = !summary.plan.axes.isEmpty
            series.append(Series.points(rows.map(\.evaluation.mean), rows.map(\.evaluation.std), color: color.opacity(0.75),
                                        radius: 3.5, label: t(.verdictCount, ["verdict": t.verdict(verdict), "count": "\(rows.count)"]))
                .hovering { i in
                    let row = rows[i]
                    return "\(grid ? "point \(row.point) " : "")seed \(row.seed): mean \(Hover.format(row.evaluation.mean)), "
                        + "std \(Hover.format(row.evaluation.std)), KS \(Hover.format(row.evaluation.ks)), \(t.verdict(verdict))"
                })
        }
        let label = targets.count == 1 ? t(.targetMeanStd) : t(.targetMeansStds)
        for (k, mean) in Set(targets.map(\.mean)).sorted().enumerated() {
            series.append(.vertical(mean, label: k == 0 ? label : nil))
        }
        for std in Set(targets.map(\.std)).sorted() { series.append(.horizontal(std)) }
        return Figure(width: 760, height: 520, title: t(.outcomesTitle, ["count": "\(summary.rows.count)"]),
                      panels: [Panel(xLabel: t(.finalMean), yLabel: t(.finalStd), series: series, legend: .topRight)])
    }

    /// "62 of 100 succeed (62.0%, 95% interval 52.2% to 70.9%)": a point's hover text.
    static func rateText(_ p: SweepPoint) -> String {
        String(format: "%d of %d succeed (%.1f%%, 95%% interval %.1f%% to %.1f%%)", p.success.successes, p.runs,
               100 * p.success.rate, 100 * p.success.lower, 100 * p.success.upper)
    }

    /// Success rate per grid point: a heatmap over two axes, points with
    /// 95% Wilson intervals over one. Nil for a sweep without a grid.
    public static func rates(_ summary: SweepSummary, _ t: FigureStrings = FigureStrings(.en)) -> Figure? {
        let axes = summary.plan.axes
        switch axes.count {
        case 1:
            let xs = summary.points.map { Double($0.point) }
            var series: [Series] = []
            for p in summary.points {
                series.append(.line([Double(p.point), Double(p.point)], [p.success.lower, p.success.upper].map { 100 * $0 },
                                    color: .gray, width: 2))
            }
            let points = summary.points, key = axes[0].key
            series.append(Series.points(xs, points.map { 100 * $0.success.rate }, color: .blue, radius: 5,
                                        label: t(.successRate)).hovering { i in
                "\(key)=\(points[i].parameters[0]): \(rateText(points[i]))"
            })
            let annotations = summary.points.map {
                Annotation($0.parameters[0], x: Double($0.point), y: 2, anchor: .bottom, color: .black)
            }
            return Figure(width: 760, height: 440, title: t(.ratesTitle, ["key": axes[0].key]),
                          panels: [Panel(xLabel: axes[0].key, yLabel: t(.successRateAxis),
                                         xRange: -0.5...(Double(summary.points.count) - 0.5), yRange: 0...100,
                                         series: series, annotations: annotations, legend: .topRight)])
        case 2:
            let columns = axes[1].values.count
            let points = summary.points, keys = axes.map(\.key)
            var xs: [Double] = [], ys: [Double] = [], colors: [Color] = [], notes: [Annotation] = []
            for p in summary.points {
                let x = Double(p.point % columns), y = Double(p.point / columns)
                xs.append(x); ys.append(y)
                let r = p.success.rate
                colors.append(Color(red: 1 - 0.9 * r, green: 0.35 + 0.4 * r, blue: 0.2 + 0.5 * r))
                notes.append(Annotation(String(format: "%.0f%%", 100 * r), x: x, y: y, anchor: .center,
                                        color: r > 0.5 ? .white : .black))
            }
            var labels: [Annotation] = []
            for (k, value) in axes[1].values.enumerated() {
                labels.append(Annotation("\(axes[1].key)=\(value)", x: Double(k), y: -0.62, anchor: .center))
            }
            for (k, value) in axes[0].values.enumerated() {
                labels.append(Annotation("\(axes[0].key)=\(value)", x: -0.45, y: Double(k) + 0.38, anchor: .left))
            }
            var panel = Panel(xRange: -0.5...(Double(columns) - 0.5),
                              yRange: -0.75...(Double(axes[0].values.count) - 0.5),
                              series: [Series(kind: .tiles(width: 1, height: 1, colors: colors), xs: xs,
                                              ys: ys, stroke: Stroke(color: .white)).hovering { i in
                                  let p = points[i]
                                  return zip(keys, p.parameters).map { "\($0)=\($1)" }.joined(separator: ", ")
                                      + ": \(rateText(p))"
                              }],
                              annotations: notes + labels)
            panel.hidesTicks = true
            return Figure(width: 200 + 130 * Double(columns), height: 140 + 90 * Double(axes[0].values.count),
                          title: t(.ratesGridTitle, ["first": axes[0].key, "second": axes[1].key]), panels: [panel])
        default:
            return nil
        }
    }
}
