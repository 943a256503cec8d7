import TinyGANCore

/// Two figures beyond the article's: how a mixture's modes are covered over
/// the epochs, and what D thinks of each x when it judges single samples.
extension FigureKind {
    /// Why no run of `config` can have this figure, or nil where it can:
    /// `modes` needs a mixture target, `decision` D judging single samples
    /// (one value has no D(x) when D judges packs or whole minibatches).
    /// The figures and the report's choice of figures ask this one place.
    public func unavailability(for config: TrainingConfig) -> String? {
        switch self {
        case .modes where !config.target.isMixture:
            "the target \(config.target.label) is not a mixture: it has no modes to cover"
        case .decision where !(config.discriminatorInput.judgesSamples && config.pack == 1):
            "D's decision needs D judging single samples (d-input sample, pack 1); this run's D judges "
                + (config.discriminatorInput.judgesSamples ? "packs of \(config.pack)" : "whole minibatches")
        default: nil
        }
    }
}

extension ArticleFigures {
    // MARK: 9. Modes

    /// For a mixture target, from the snapshots' mode statistics
    /// (`ModeStatistics`, 10,000 samples each): left, each mode's share of
    /// the samples (those within 3 std of it) over the epochs, with its
    /// weight dashed in the same colour, the share a perfect sampler would
    /// have (0.9973 w_k for modes apart); right, the high-quality share and
    /// the number of modes covered as a fraction of all modes.
    public static func modes(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        if let reason = FigureKind.modes.unavailability(for: log.header.config) {
            throw FigureUnavailable(description: reason)
        }
        let snapshots = log.snapshots.filter { $0.modes != nil }
        guard !snapshots.isEmpty else {
            throw FigureUnavailable(description: "the log's snapshots hold no mode statistics (the log is older than "
                + "them, or has no snapshots)")
        }
        let epochs = snapshots.map { Double($0.epoch) }
        let statistics = snapshots.map { $0.modes! }
        let count = statistics[0].modes.count
        var shares: [Series] = []
        for k in 0..<count {
            let mode = statistics[0].modes[k], color = modeColor(k)
            shares.append(.line(epochs, statistics.map { $0.modes.count > k ? $0.modes[k].share : .nan },
                                color: color, width: 1.8,
                                label: t(.modeLabel, ["k": "\(k + 1)",
                                                      "formula": "N(\(format(mode.mean)), \(format(mode.std))\u{00B2})"])))
            shares.append(.horizontal(mode.weight, color: color.opacity(0.7), dash: [5, 4]))
        }
        let quality: [Series] = [
            .line(epochs, statistics.map(\.hqShare), color: .blue, width: 1.8, label: t(.hqShare)),
            .line(epochs, statistics.map { Double($0.modesCovered) / Double(count) }, color: .vermillion, width: 1.8,
                  dash: [7, 3], label: t(.modesCoveredFraction, ["count": "\(count)"])),
        ]
        let last = statistics[statistics.count - 1]
        return Figure(width: 1000, height: 420,
                      title: t(.modesTitle, ["run": runName(log, t), "covered": "\(last.modesCovered)",
                                             "count": "\(count)", "epoch": "\(snapshots[snapshots.count - 1].epoch)"]),
                      columns: 2,
                      panels: [
                          Panel(title: t(.modeSharePanel), xLabel: t(.epochAxis), yLabel: t(.shareAxis),
                                yRange: 0...1.05, series: shares, legend: .topRight, mark: divergedMark(log, t)),
                          Panel(title: t(.qualityPanel), xLabel: t(.epochAxis), yLabel: t(.fractionAxis),
                                yRange: 0...1.05, series: quality, legend: .bottomRight, mark: divergedMark(log, t)),
                      ])
    }

    // MARK: 10. D's decision

    /// For D judging single samples (`d-input sample`, pack 1), at evenly
    /// spaced snapshots: the generated histogram, the target density and
    /// D's output over x (evaluated from the snapshot's D weights), the
    /// picture of Goodfellow et al. (2014, figure 1) and AYLIEN's gan-intro.
    /// D shares the panel's axis: a probability is drawn as is on [0, 1]
    /// with the densities scaled to the same height; a critic's score is
    /// scaled so that its range over the panel's x spans the height, as the
    /// legend says.
    public static func decision(_ log: RunLog, _ t: FigureStrings = FigureStrings(.en), panels count: Int = 6) throws -> Figure {
        let config = log.header.config
        if let reason = FigureKind.decision.unavailability(for: config) { throw FigureUnavailable(description: reason) }
        let withD = log.snapshots.filter { $0.discriminator != nil }
        guard !withD.isEmpty else { throw FigureUnavailable(description: "the log's snapshots hold no D weights") }
        let chosen = evenlySpaced(withD, count: count)
        let range = xRange(targets: [log.target], histograms: chosen.map(\.histogram))
        let xs = curvePoints(range)
        let probability = config.loss.outputsProbability
        let panels: [Panel] = chosen.map { snapshot in
            let d = snapshot.discriminator!.outputs(at: xs)
            let bars = densityBars(snapshot.histogram, range: range, color: .blue)
            let peak = max(peakDensity(log.target, range: range), bars.ys.max() ?? 0, 1e-12)
            // Densities over [0, 1]: p / peak.
            var series: [Series] = [
                .bars(edges: bars.xs, heights: bars.ys.map { $0 / peak }, width: snapshot.histogram.binWidth,
                      color: .blue, label: t(.generated)),
                .line(xs, xs.map { log.target.density($0) / peak }, color: .black, width: 1.4, dash: [6, 4],
                      label: t(.target, ["value": log.target.label])),
            ]
            if probability {
                series.append(.line(xs, d, color: .vermillion, width: 2, label: t(.decisionCurveProbability)))
                series.append(.horizontal(0.5, color: Color.vermillion.opacity(0.5), dash: [2, 3]))
            } else {
                let finite = d.filter(\.isFinite)
                let low = finite.min() ?? 0, high = finite.max() ?? 1, span = max(high - low, 1e-12)
                series.append(.line(xs, d.map { ($0 - low) / span }, color: .vermillion, width: 2,
                                    label: t(.decisionCurveScore, ["low": format(low), "high": format(high)])))
            }
            return Panel(title: t(.epochNumber, ["epoch": "\(snapshot.epoch)"]), xLabel: "x", xRange: range, yRange: 0...1.08,
                         series: series, legend: snapshot.epoch == chosen[0].epoch ? .topRight : nil)
        }
        let columns = min(3, panels.count)
        let rows = (panels.count + columns - 1) / columns
        let what = probability ? t(.decisionProbability) : t(.decisionScore)
        return Figure(width: max(560, 330 * Double(columns)), height: 60 + 250 * Double(rows),
                      title: t(.decisionTitle, ["run": runName(log, t), "what": what]),
                      columns: columns, panels: panels)
    }

    /// A colour per mode, cycling through the palette.
    static func modeColor(_ k: Int) -> Color { Color.palette[k % Color.palette.count] }
}
