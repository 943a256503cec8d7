import Foundation
import TinyGANCore
import TinyGANPlot

/// Draws figures from logs into a folder: the one path from logs to image
/// files, used by `tinygan plot` and by the report.
public struct FigureFiles {
    public var formats: [ImageFormat]
    public var scale: Double
    let layout: FigureLayout

    public init(formats: [ImageFormat], scale: Double = 1) throws {
        self.formats = formats
        self.scale = scale
        layout = FigureLayout(metrics: try CairoTextMetrics())
    }

    /// What was written, and what could not be drawn and why.
    public struct Outcome {
        public var written: [URL] = []
        public var skipped: [String] = []
    }

    /// Writes `kinds` for `logs` into `folder`. Single-run figures are drawn
    /// for each log, named `KIND.EXT` for one log and `NAME-KIND.EXT` for
    /// several (NAME: the log's file name, here without extension); the runs grid
    /// is drawn once from all logs, as `runs.EXT`.
    public func write(_ kinds: [FigureKind], logs: [(name: String, log: RunLog)], to folder: URL) throws -> Outcome {
        var outcome = Outcome()
        for kind in kinds {
            if kind.isMultiRun {
                try draw(kind, log: logs[0].log, logs: logs.map(\.log), stem: kind.rawValue, source: "all logs",
                         folder: folder, outcome: &outcome)
                continue
            }
            for (name, log) in logs {
                let base = (name as NSString).deletingPathExtension
                let stem = logs.count == 1 ? kind.rawValue : "\(base)-\(kind.rawValue)"
                try draw(kind, log: log, logs: [], stem: stem, source: name, folder: folder, outcome: &outcome)
            }
        }
        return outcome
    }

    /// Draws one figure in every format; a figure the log cannot support is
    /// noted in `outcome.skipped` as "SOURCE: KIND: reason".
    func draw(_ kind: FigureKind, log: RunLog, logs: [RunLog], stem: String, source: String, folder: URL,
              outcome: inout Outcome) throws {
        let figure: Figure
        do {
            figure = try ArticleFigures.figure(kind, log: log, logs: logs)
        } catch let reason as FigureUnavailable {
            outcome.skipped.append("\(source): \(kind.rawValue): \(reason.description)")
            return
        }
        let scene = layout.scene(for: figure)
        for format in formats {
            let url = folder.appendingPathComponent("\(stem).\(format.rawValue)")
            try SceneRenderer.write(scene, format: format, scale: scale, to: url)
            outcome.written.append(url)
        }
    }
}

extension FigureFiles {
    /// Draws a sweep's figures into `SWEEP/figures/`: `histograms` (up to
    /// 100 final histograms by KS), `outcomes` (final mean against std by
    /// verdict) and, for a grid, `rates` (success rate per point).
    public func writeSweep(_ sweep: SweepFolder, summary: SweepSummary) throws -> [URL] {
        let target = Normal(mean: summary.plan.baseConfig.targetMean, std: summary.plan.baseConfig.targetStd)
        var entries: [SweepFigures.Entry] = []
        for run in try sweep.runs() {
            guard let log = sweep.finishedLog(run), let final = log.final else { continue }
            let point = summary.plan.axes.isEmpty ? "" : "p\(run.point) "
            entries.append(SweepFigures.Entry(label: "\(point)s\(run.seed)", verdict: log.verdict ?? .diverged,
                                              ks: final.evaluation.ks, histogram: final.histogram))
        }
        var figures: [(String, Figure)] = [("outcomes", SweepFigures.outcomes(summary, target: target))]
        if !entries.isEmpty { figures.append(("histograms", SweepFigures.histograms(entries, target: target))) }
        if let rates = SweepFigures.rates(summary) { figures.append(("rates", rates)) }
        var written: [URL] = []
        for (name, figure) in figures {
            let scene = layout.scene(for: figure)
            for format in formats {
                let url = sweep.url.appendingPathComponent("figures/\(name).\(format.rawValue)")
                try SceneRenderer.write(scene, format: format, scale: scale, to: url)
                written.append(url)
            }
        }
        return written
    }
}
