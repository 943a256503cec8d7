import Foundation
import TinyGANCore

/// Draws figures from logs into a folder: which figures, under which file
/// names, each written atomically, through a renderer that only turns scenes
/// into bytes. The one path from logs to image files, used by `tinygan
/// plot`, `sweep` and `bench` and by the report.
public struct FigureFiles {
    public var formats: [ImageFormat]
    public var scale: Double
    /// The language of every text in the figures.
    public var language: Language
    let renderer: SceneRendering
    let layout: FigureLayout

    public init(renderer: SceneRendering, formats: [ImageFormat], scale: Double = 1, language: Language = .en) {
        self.formats = formats
        self.scale = scale
        self.language = language
        self.renderer = renderer
        layout = FigureLayout(metrics: renderer.textMetrics)
    }

    /// What was written (each file once), and what could not be drawn and why.
    public struct Outcome {
        public var written: [URL] = []
        public var skipped: [String] = []
    }

    /// Writes `kinds` (each once) for `logs` into `folder`. Single-run
    /// figures are drawn for each log, named `KIND.EXT` for one log and
    /// `STEM-KIND.EXT` for several, STEM from the log's path by
    /// `FigureNames.stems`; the runs grid is drawn once from all logs, as
    /// `runs.EXT`. Stems are distinct and kinds hold no "-", so no two
    /// figures share a file. `source` names the log in `skipped`.
    public func write(_ kinds: [FigureKind], logs: [(source: String, log: RunLog)], to folder: URL) throws -> Outcome {
        var outcome = Outcome()
        guard let first = logs.first else { return outcome }
        let stems = FigureNames.stems(logs.map(\.source))
        var seen = Set<FigureKind>()
        for kind in kinds where seen.insert(kind).inserted {
            if kind.isMultiRun {
                try draw(kind, log: first.log, logs: logs.map(\.log), stem: kind.rawValue, source: "all logs",
                         folder: folder, outcome: &outcome)
                continue
            }
            for (entry, stem) in zip(logs, stems) {
                try draw(kind, log: entry.log, logs: [], stem: logs.count == 1 ? kind.rawValue : "\(stem)-\(kind.rawValue)",
                         source: entry.source, folder: folder, outcome: &outcome)
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
            figure = try ArticleFigures.figure(kind, log: log, logs: logs, language: language)
        } catch let reason as FigureUnavailable {
            outcome.skipped.append("\(source): \(kind.rawValue): \(reason.description)")
            return
        }
        outcome.written += try write(figure, stem: stem, in: folder)
    }

    /// Writes `figure` as `FOLDER/STEM.EXT` in every format, atomically.
    func write(_ figure: Figure, stem: String, in folder: URL) throws -> [URL] {
        let scene = layout.scene(for: figure)
        return try formats.map { format in
            let url = folder.appendingPathComponent("\(stem).\(format.rawValue)")
            let data = try renderer.data(for: scene, format: format, scale: scale, idPrefix: Self.idPrefix(stem))
            try AtomicFile.write(data, to: url)
            return url
        }
    }

    /// The SVG id prefix of a file: its stem with every character but
    /// letters and digits turned into "-", starting with a letter ("f" put
    /// before one that does not): "moments" -> "moments", "1.qq" -> "f1-qq".
    static func idPrefix(_ stem: String) -> String {
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        return cleaned.first?.isLetter == true ? cleaned : "f" + cleaned
    }
}

extension FigureFiles {
    /// Writes the 2-D lab's figures of one plane run log into `folder`, as
    /// `KIND.EXT` (`PlaneFigureKind`), with what could not be drawn and why
    /// (a whole figure, or a part of one: its `notes`).
    public func writePlane(_ kinds: [PlaneFigureKind] = PlaneFigureKind.allCases, log: PlaneRunLog, source: String,
                           to folder: URL) throws -> Outcome {
        var outcome = Outcome()
        for kind in kinds {
            do {
                let figure = try PlaneFigures.figure(kind, log: log, language: language)
                outcome.written += try write(figure, stem: kind.rawValue, in: folder)
                outcome.skipped += figure.notes.map { "\(source): \(kind.rawValue): \($0)" }
            } catch let reason as FigureUnavailable {
                outcome.skipped.append("\(source): \(kind.rawValue): \(reason.description)")
            }
        }
        return outcome
    }

    /// The file stem of `writePlaneSweep`'s figure.
    public static let planeSweepStem = "samples-grid"

    /// Draws the final points of several 2-D runs, a small panel each
    /// (`PlaneFigures.sweepGrid`: titles one per log, or "seed SEED"), as
    /// `FOLDER/samples-grid.EXT` in every format.
    public func writePlaneSweep(logs: [PlaneRunLog], titles: [String]? = nil, to folder: URL) throws -> [URL] {
        try write(try PlaneFigures.sweepGrid(logs: logs, titles: titles, language: language), stem: Self.planeSweepStem,
                  in: folder)
    }

    /// Draws each grid point of a 2-D sweep as the final points of its
    /// finished runs, one panel per seed (`writePlaneSweep(logs:)`), into
    /// `SWEEP/figures/`: `samples-grid.EXT` for a sweep without axes, else
    /// `samples-grid-POINT.EXT`, POINT the folder name of the point's runs.
    public func writePlaneSweep(_ sweep: SweepFolder) throws -> [URL] {
        let folder = sweep.url.appendingPathComponent("figures")
        var written: [URL] = []
        for (_, runs) in Dictionary(grouping: try sweep.runs(), by: \.point).sorted(by: { $0.key < $1.key }) {
            let logs = runs.compactMap(sweep.finishedPlaneLog)
            guard !logs.isEmpty else { continue }
            let figure = try PlaneFigures.sweepGrid(logs: logs, language: language)
            let stem = sweep.manifest.plan.axes.isEmpty ? Self.planeSweepStem
                : Self.planeSweepStem + "-" + URL(fileURLWithPath: runs[0].logPath).deletingLastPathComponent().lastPathComponent
            written += try write(figure, stem: stem, in: folder)
        }
        return written
    }

    /// Draws a sweep's figures (`SweepFigures.all`) into `SWEEP/figures/`.
    public func writeSweep(_ sweep: SweepFolder, summary: SweepSummary) throws -> [URL] {
        let folder = sweep.url.appendingPathComponent("figures")
        return try SweepFigures.all(sweep, summary: summary, language: language).flatMap { try write($0.figure, stem: $0.name, in: folder) }
    }
}
