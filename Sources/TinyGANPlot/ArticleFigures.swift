import TinyGANCore

/// The figures tinygan draws from run logs: the article's three and seven it
/// never had. Every figure is built from logs only.
public enum FigureKind: String, CaseIterable, Sendable {
    /// Mean and std of the generated samples over the epochs (the article's two panels).
    case moments
    /// The final generated histogram against the target density.
    case distribution
    /// Final histograms of several runs with their verdicts (the article's grid of ten).
    case runs
    /// D's real and fake losses and G's loss over the epochs.
    case losses
    /// G(z) for z in [0, 1] at snapshot epochs against the ideal transport map.
    case mapping
    /// Quantiles of the final samples against the target's.
    case qq
    /// The generated histogram at snapshot epochs, as small multiples.
    case evolution
    /// The exact density of G's output, from its weights.
    case density
    /// A mixture's modes: each one's share and the coverage over the epochs.
    case modes
    /// D's output over x at snapshot epochs, when D judges single samples.
    case decision

    /// Whether the figure is drawn from several runs (the others from one).
    public var isMultiRun: Bool { self == .runs }
}

/// Why a figure cannot be drawn from a log.
public struct FigureUnavailable: Error, CustomStringConvertible {
    public let description: String
}

public enum ArticleFigures {
    /// The figure of `kind` for `log` (`runs` takes `logs`), its words in
    /// `language`.
    public static func figure(_ kind: FigureKind, log: RunLog, logs: [RunLog] = [],
                              language: Language = .en) throws -> Figure {
        let t = FigureStrings(language)
        switch kind {
        case .moments: return try moments(log, t)
        case .distribution: return try distribution(log, t)
        case .runs: return try runs(logs.isEmpty ? [log] : logs, t)
        case .losses: return try losses(log, t)
        case .mapping: return try mapping(log, t)
        case .qq: return try quantiles(log, t)
        case .evolution: return try evolution(log, t)
        case .density: return try exactDensity(log, t)
        case .modes: return try modes(log, t)
        case .decision: return try decision(log, t)
        }
    }

    // MARK: 1. Moments

    public static func moments(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        try requireEpochs(log)
        let epochs = log.epochs.map { Double($0.epoch) }
        let target = log.target
        func panel(_ title: String, real: [Float], fake: [Float], target value: Double, name: String) -> Panel {
            let epochs = epochs
            return Panel(title: title, xLabel: t(.epochAxis), yLabel: name,
                  series: [
                      .line(epochs, real.map(Double.init), color: Color.gray.opacity(0.35), width: 1,
                            label: t(.realBatch)),
                      Series.line(epochs, fake.map(Double.init), color: .blue, width: 1.6, label: t(.generated))
                          .hovering { "epoch \(Int(epochs[$0])): generated \(name) \(Hover.format(Double(fake[$0]))), "
                              + "real batch \(Hover.format(Double(real[$0])))" },
                      .horizontal(value, label: t(.target, ["value": format(value)])),
                  ],
                  legend: .topRight, mark: divergedMark(log, t))
        }
        return Figure(width: 1000, height: 400, title: t(.momentsTitle, ["run": runName(log, t)]), columns: 2,
                      panels: [
                          panel(t(.meanPanel), real: log.epochs.map(\.realMean), fake: log.epochs.map(\.fakeMean),
                                target: target.mean, name: t(.meanAxis)),
                          panel(t(.stdPanel), real: log.epochs.map(\.realStd),
                                fake: log.epochs.map(\.fakeStd), target: target.std, name: t(.stdAxis)),
                      ])
    }

    // MARK: 2. Distribution

    public static func distribution(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        let final = try finalRecord(log)
        let range = xRange([log])
        let panel = Panel(xLabel: "x", yLabel: t(.density), xRange: range,
                          series: [densityBars(final.histogram, range: range, color: .blue, label: t(.generated)),
                                   targetCurve(log.target, range: range, t)],
                          legend: .topRight, mark: divergedMark(log, t))
        return Figure(width: 760, height: 460,
                      title: t(.distributionTitle, ["run": runName(log, t), "summary": summary(final.evaluation, t)]),
                      panels: [panel])
    }

    // MARK: 3. Runs grid

    public static func runs(_ unordered: [RunLog], _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        let logs = unordered.sorted { $0.header.seed < $1.header.seed }
        let range = xRange(logs)
        let panels: [Panel] = try logs.map { log in
            let final = try finalRecord(log)
            let verdict = Verdict(final, target: log.target)
            let color: Color = verdict == .success ? .blue : .vermillion
            return Panel(title: t(.seedVerdict, ["seed": "\(log.header.seed)", "verdict": t.verdict(verdict)]),
                         titleColor: verdict == .success ? .black : .vermillion,
                         xLabel: "x", xRange: range,
                         series: [densityBars(final.histogram, range: range, color: color),
                                  targetCurve(log.target, range: range, t, labelled: false)],
                         mark: divergedMark(log, t))
        }
        let successes = logs.filter { $0.verdict == .success }.count
        let columns = min(5, max(1, logs.count))
        let rows = (logs.count + columns - 1) / columns
        return Figure(width: max(560, 260 * Double(columns)), height: 60 + 240 * Double(rows),
                      title: t(.runsTitle, [
                          "runs": logs.count == 1 ? t(.runsOne) : t(.runsMany, ["count": "\(logs.count)"]),
                          "successes": t(successes == 1 ? .successesOne : .successesMany, ["count": "\(successes)"]),
                      ]),
                      columns: columns, panels: panels)
    }

    // MARK: 4. Losses

    /// For `bce` and `minimax` D's output is a probability and the figure
    /// marks ln 2, where D can no longer tell; for the other losses D's last
    /// layer is the identity, its output a score, and the curves are the
    /// loss's terms of that score (legend: each term's formula), with no
    /// coin-toss level to mark.
    public static func losses(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        try requireEpochs(log)
        let loss = log.header.config.loss
        let epochs = log.epochs.map { Double($0.epoch) }
        let all = log.epochs.flatMap { [$0.dRealLoss, $0.dFakeLoss, $0.gLoss] }.map(Double.init).filter(\.isFinite).sorted()
        let high = all.isEmpty ? 0 : all[Int(Double(all.count - 1) * 0.99)]
        let low = all.isEmpty ? 0 : all[Int(Double(all.count - 1) * 0.01)]
        let yRange: ClosedRange<Double>
        if loss.outputsProbability {
            // BCE's losses are at least 0 (minimax's G loss, log(1 - y), is not).
            yRange = (low < 0 ? low * 1.08 : 0)...max(1.5, high * 1.08)
        } else {
            // Scores have no natural scale (a clipped critic's are near 0.01):
            // the range fits the data, and 0.
            let lower = Swift.min(low, 0), upper = Swift.max(high, 0)
            let span = Swift.max(upper - lower, 1e-6)
            yRange = (lower - 0.08 * span)...(upper + 0.08 * span)
        }
        /// Each curve's legend: who, and the term's formula of D's score y.
        func terms(real: String, fake: String, g: String) -> (real: String, fake: String, g: String) {
            (t(.lossTerm, ["term": t(.dOnReal), "formula": real]), t(.lossTerm, ["term": t(.dOnGenerated), "formula": fake]),
             t(.lossTerm, ["term": "G", "formula": g]))
        }
        let labels: (real: String, fake: String, g: String, axis: String)
        switch loss {
        case .bce, .minimax: labels = (t(.dOnReal), t(.dOnGenerated), "G", t(.bceAxis))
        case .leastSquares:
            let curves = terms(real: "(y \u{2212} a)\u{00B2}/2", fake: "y\u{00B2}/2", g: "(y \u{2212} 1)\u{00B2}/2")
            labels = (curves.real, curves.fake, curves.g, t(.leastSquaresAxis))
        case .hinge:
            let curves = terms(real: "max(0, 1 \u{2212} y)", fake: "max(0, 1 + y)", g: "\u{2212}y")
            labels = (curves.real, curves.fake, curves.g, t(.hingeAxis))
        case .wasserstein, .wassersteinGP:
            let curves = terms(real: "\u{2212}y", fake: "y", g: "\u{2212}y")
            labels = (curves.real, curves.fake, curves.g, t(.criticAxis))
        }
        var series: [Series] = [
            Series.line(epochs, log.epochs.map { Double($0.dRealLoss) }, color: Color.blue.opacity(0.8),
                        width: 1, label: labels.real).hovering(x: "epoch", y: labels.real),
            Series.line(epochs, log.epochs.map { Double($0.dFakeLoss) }, color: Color.orange.opacity(0.8),
                        width: 1, label: labels.fake).hovering(x: "epoch", y: labels.fake),
            Series.line(epochs, log.epochs.map { Double($0.gLoss) }, color: Color.green.opacity(0.8),
                        width: 1, label: labels.g).hovering(x: "epoch", y: labels.g),
        ]
        if loss.outputsProbability {
            series.append(.horizontal(0.6931471805599453, label: t(.coinToss)))
        }
        let panel = Panel(xLabel: t(.epochAxis), yLabel: labels.axis, yRange: yRange,
                          series: series, legend: .topRight, mark: divergedMark(log, t))
        let title = loss.outputsProbability ? t(.lossesTitle, ["run": runName(log, t)])
            : t(.lossesScoreTitle, ["loss": loss.rawValue, "run": runName(log, t)])
        return Figure(width: 900, height: 420, title: title, panels: [panel])
    }

    // MARK: 5. Mapping

    public static func mapping(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        guard !log.snapshots.isEmpty else { throw FigureUnavailable(description: "the log has no generator snapshots") }
        let z = (0...100).map { Double($0) / 100 }
        let idealZ = (1...199).map { Double($0) / 200 }
        var series: [Series] = []
        let count = log.snapshots.count
        for (k, snapshot) in log.snapshots.enumerated() {
            let progress = count > 1 ? Double(k) / Double(count - 1) : 1
            let isLast = k == count - 1
            let label: String? = k == 0 || isLast ? t(.epochNumber, ["epoch": "\(snapshot.epoch)"]) : nil
            let line = Series.line(z, snapshot.mapping.map(Double.init), color: Color.blue.opacity(isLast ? 1 : 0.1 + 0.5 * progress),
                                   width: isLast ? 2.6 : 1.1, label: label)
            series.append(isLast ? line.hovering(x: "z", y: "G(z) at epoch \(snapshot.epoch)") : line)
        }
        let ideal = log.target.gaussian != nil ? t(.gaussianMap) : t(.quantileMap, ["target": log.target.label])
        series.append(.line(idealZ, idealZ.map { log.target.quantile($0) }, color: .vermillion, width: 2, dash: [7, 4],
                            label: t(.idealMap, ["map": ideal])))
        let panel = Panel(xLabel: t(.noiseAxis), yLabel: "G(z)", xRange: 0...1, series: series, legend: .topLeft,
                          mark: divergedMark(log, t))
        return Figure(width: 760, height: 500, title: t(.mappingTitle, ["run": runName(log, t)]),
                      panels: [panel])
    }

    // MARK: 6. Q-Q

    public static func quantiles(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        let final = try finalRecord(log)
        let sorted = final.samples.map(Double.init).filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { throw FigureUnavailable(description: "the final samples are not finite") }
        let probabilities = (1...199).map { Double($0) / 200 }
        let theoretical = probabilities.map { log.target.quantile($0) }
        let empirical = probabilities.map { sorted[min(sorted.count - 1, Int($0 * Double(sorted.count)))] }
        let low = min(theoretical.first!, empirical.first!), high = max(theoretical.last!, empirical.last!)
        let panel = Panel(xLabel: t(.targetQuantile), yLabel: t(.generatedQuantile),
                          series: [.line([low, high], [low, high], color: .black, width: 1.2, dash: [6, 4],
                                         label: t(.perfectMatch)),
                                   Series.points(theoretical, empirical, color: .blue, radius: 2.6,
                                                 label: t(.percentiles)).hovering { i in
                                       "percentile \(Hover.format(100 * probabilities[i])): target "
                                           + "\(Hover.format(theoretical[i])), generated \(Hover.format(empirical[i]))"
                                   }],
                          legend: .topLeft, mark: divergedMark(log, t))
        return Figure(width: 580, height: 540, title: t(.qqTitle, ["run": runName(log, t)]), panels: [panel])
    }

    // MARK: 7. Evolution

    public static func evolution(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en), panels count: Int = 10) throws -> Figure {
        guard !log.snapshots.isEmpty else { throw FigureUnavailable(description: "the log has no generator snapshots") }
        let chosen = evenlySpaced(log.snapshots, count: count)
        let range = xRange(targets: [log.target],
                           histograms: [log.final?.histogram].compactMap { $0 } + chosen.map(\.histogram))
        let panels = chosen.map { snapshot in
            Panel(title: t(.epochNumber, ["epoch": "\(snapshot.epoch)"]), xLabel: "x", xRange: range,
                  series: [densityBars(snapshot.histogram, range: range, color: .blue),
                           targetCurve(log.target, range: range, t, labelled: false)])
        }
        let columns = min(5, panels.count)
        let rows = (panels.count + columns - 1) / columns
        return Figure(width: max(560, 250 * Double(columns)), height: 60 + 220 * Double(rows),
                      title: t(.evolutionTitle, ["run": runName(log, t)]),
                      columns: columns, panels: panels)
    }

    // MARK: 8. Exact density

    public static func exactDensity(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        let final = try finalRecord(log)
        guard let generator = final.generator else {
            throw FigureUnavailable(description: "the log has no generator weights (the original's output does not print them)")
        }
        guard generator.parameters.allSatisfy(\.isFinite) else {
            throw FigureUnavailable(description: "the generator's weights are not finite (the run diverged)")
        }
        let range = xRange([log])
        let exact = ExactDensity(generator: generator, range: range, bins: 500)
        let peak = exact.density.max() ?? 0
        let targetPeak = peakDensity(log.target, range: range)
        let histogram = densityBars(final.histogram, range: range, color: Color.gray, label: t(.samples))
        let ceiling = max(2.2 * targetPeak, (histogram.ys.max() ?? 0) * 1.15)
        var annotations: [Annotation] = []
        if peak > ceiling, let index = exact.density.firstIndex(of: peak) {
            annotations.append(Annotation(t(.spike, ["p": format(peak), "x": format(exact.centers[index])]),
                                          x: exact.centers[index], y: ceiling * 0.97, anchor: .topLeft, color: .vermillion))
        }
        let panel = Panel(xLabel: "x", yLabel: t(.density), xRange: range, yRange: 0...(peak > ceiling ? ceiling : max(ceiling, peak * 1.1)),
                          series: [histogram,
                                   Series.line(exact.centers, exact.density, color: .vermillion, width: 1.8,
                                               label: t(.exactDensity))
                                       .hovering(x: "x", y: "exact density"),
                                   targetCurve(log.target, range: range, t)],
                          annotations: annotations, legend: .topRight)
        return Figure(width: 780, height: 470, title: t(.densityTitle, ["run": runName(log, t)]), panels: [panel])
    }

    // MARK: Helpers

    /// Up to `count` elements at evenly spaced indices, first and last included.
    static func evenlySpaced<T>(_ items: [T], count: Int) -> [T] {
        let n = min(count, items.count)
        guard n > 1 else { return Array(items.prefix(1)) }
        let last = Double(items.count - 1)
        var indices: [Int] = []
        for k in 0..<n {
            let index = Int((Double(k) * last / Double(n - 1)).rounded())
            if indices.last != index { indices.append(index) }
        }
        return indices.map { items[$0] }
    }

    static func requireEpochs(_ log: RunLog) throws {
        if log.epochs.isEmpty { throw FigureUnavailable(description: "the log has no epoch records") }
    }

    static func finalRecord(_ log: RunLog) throws -> FinalRecord {
        guard let final = log.final else {
            throw FigureUnavailable(description: log.isOriginalPrintout
                ? "needs the final values, which this printout lacks (the original prints them only when matplotlib is installed)"
                : "the log has no final record")
        }
        return final
    }

    static func runName(_ log: RunLog, _ t: FigureStrings) -> String {
        log.header.tool.hasPrefix("tinygan") ? t(.runName, ["preset": log.header.config.preset, "seed": "\(log.header.seed)"])
                                             : t(.originalScript)
    }

    static func divergedMark(_ log: RunLog, _ t: FigureStrings) -> String? {
        guard let final = log.final, final.diverged else { return nil }
        return t(.divergedAt, ["step": final.divergence.map { divergencePlace($0, t) } ?? t(.unknownStep)])
    }

    /// Where a run diverged, as the trainer records it ("epoch 7,
    /// generator step 2"), in the figure's language; another text as it is.
    static func divergencePlace(_ recorded: String, _ t: FigureStrings) -> String {
        guard let match = recorded.wholeMatch(of: #/epoch (\d+), (discriminator|generator) step (\d+)/#) else {
            return recorded
        }
        return t(.divergenceStep, ["epoch": String(match.output.1), "step": String(match.output.3),
                                   "network": t(match.output.2 == "generator" ? .generator : .discriminator)])
    }

    static func summary(_ e: SampleStatistics, _ t: FigureStrings) -> String {
        t(.summary, ["mean": format(e.mean), "std": format(e.std), "ks": format(e.ks)])
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        return String(format: "%.\(decimals)f", value)
    }

    /// The histogram as a density, count / (total * width), over `range`.
    static func densityBars(_ h: Histogram, range: ClosedRange<Double>, color: Color, label: String? = nil) -> Series {
        let total = Double(max(h.total, 1))
        var edges: [Double] = [], heights: [Double] = [], counts: [Int] = []
        for (k, count) in h.counts.enumerated() where count > 0 {
            let edge = h.lower + Double(k) * h.binWidth
            if edge + h.binWidth > range.lowerBound && edge < range.upperBound {
                edges.append(edge)
                heights.append(Double(count) / (total * h.binWidth))
                counts.append(count)
            }
        }
        let width = h.binWidth, all = h.total
        return Series.bars(edges: edges, heights: heights, width: width, color: color, label: label)
            .hovering { [edges, heights, counts] i in
            "x in [\(Hover.format(edges[i])), \(Hover.format(edges[i] + width))): density \(Hover.format(heights[i])) "
                + "(\(counts[i]) of \(all) samples)"
        }
    }

    /// The target's density on 301 points of `range`, labelled with the
    /// target's name when `labelled`.
    static func targetCurve(_ target: Target, range: ClosedRange<Double>, _ t: FigureStrings, labelled: Bool = true) -> Series {
        let xs = curvePoints(range)
        let name = target.gaussian != nil ? "N(\(format(target.mean)), \(format(target.std))\u{00B2})" : target.label
        return .line(xs, xs.map(target.density), color: .black, width: 1.6, dash: [6, 4],
                     label: labelled ? t(.target, ["value": name]) : nil)
    }

    static func curvePoints(_ range: ClosedRange<Double>) -> [Double] {
        (0...300).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / 300 }
    }

    /// The target's highest density: at its mean, or on the curve's points.
    static func peakDensity(_ target: Target, range: ClosedRange<Double>) -> Double {
        curvePoints(range).reduce(target.density(target.mean)) { max($0, target.density($1)) }
    }

    /// An x range that holds every log's target mean +- 4 std and its
    /// quantiles 0.001 and 0.999 (the same for a Gaussian), and the final
    /// histogram's occupied bins (ignoring the 0.1% in the tails).
    static func xRange(_ logs: [RunLog]) -> ClosedRange<Double> {
        guard !logs.isEmpty else { return 0...1 }
        return xRange(targets: logs.map(\.target), histograms: logs.compactMap { $0.final?.histogram })
    }

    /// The same range for `histograms` against `targets` (at least one).
    static func xRange(targets: [Target], histograms: [Histogram]) -> ClosedRange<Double> {
        var low = targets.map { min($0.mean - 4 * $0.std, $0.quantile(0.001)) }.min() ?? 0
        var high = targets.map { max($0.mean + 4 * $0.std, $0.quantile(0.999)) }.max() ?? 1
        for h in histograms {
            let total = h.counts.reduce(0, +)
            guard total > 0 else { continue }
            var seen = 0, first: Int?, last = 0
            for (k, c) in h.counts.enumerated() {
                seen += c
                if first == nil && Double(seen) > 0.001 * Double(total) { first = k }
                if Double(seen) < 0.999 * Double(total) { last = k + 1 }
            }
            low = min(low, h.lower + Double(first ?? 0) * h.binWidth)
            high = max(high, h.lower + Double(last + 1) * h.binWidth)
        }
        let pad = (high - low) * 0.03
        return (low - pad)...(high + pad)
    }
}
