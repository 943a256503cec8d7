import Foundation
import TinyGANCairo
import TinyGANCore
import TinyGANPlot

/// The report of one run on a 2-D target (the 2-D lab): its page
/// (`templates/plane.mustache`), drawn from its log alone.
extension ReportBuilder {
    /// Writes `destination` (a folder), as `build` does for the 1-D
    /// report: `index.html`; `figures/` (SVG) with the plane figures
    /// (`PlaneFigureKind`) and one frame per snapshot (`frame-NNN.png`,
    /// `PlaneFigures.frame`) for the page's epoch slider; `runs/` with the
    /// log as `main-seedS.jsonl`; and the manifest, built beside and put
    /// into place in one step (`ReportFolder`). An existing destination is
    /// replaced only with `replacing`, and only if it is a report tinygan
    /// wrote. A log without its final record is refused, naming `source`.
    public static func buildPlane(_ log: PlaneRunLog, source: String, settings: ReportSettings, destination: URL,
                                  replacing: Bool) throws {
        guard let final = log.final else {
            throw TinyGANError.failure("\(source) has no final record (a run still training, or killed): "
                + "it cannot be reported")
        }
        let stem = ReportRuns.mainPrefix + "seed\(log.header.seed)"
        try ReportFolder.build(at: destination, replacing: replacing) { staging in
            let logFile = staging.appendingPathComponent("runs/\(stem).jsonl")
            try PlaneRunLogCoding.write(log, to: logFile)
            // Figures from the file written, as `plot` would draw them.
            let written = try PlaneRunLogCoding.read(from: logFile)
            let figures = staging.appendingPathComponent("figures")
            let files = FigureFiles(renderer: try CairoRenderer(), formats: [.svg], language: settings.language)
            let outcome = try files.writePlane(log: written, source: "\(stem).jsonl", to: figures)
            // Frames as PNG: as SVG, each of 2,500 points and two heatmaps of
            // 72 x 72 tiles, a frame is some 3.7 MB, and a run has dozens.
            var frameFiles = files
            frameFiles.formats = [.png]
            let frames = try frameFiles.writePlaneFrames(log: written, to: figures)
            let sources = try figureSources(outcome.written, selfContained: settings.selfContained)
            let frameSources = try frames.map { files in
                try figureSources(files, selfContained: settings.selfContained).values.first ?? ""
            }
            let view = PlaneReportView(written, final: final, settings: settings, figures: sources,
                                       frames: frameSources, skipped: outcome.skipped, logStem: stem)
            let page = try settings.templates.render(view, template: "plane")
            try AtomicFile.write(Data(page.utf8), to: staging.appendingPathComponent("index.html"))
        }
    }
}

/// Finds the 2-D run a folder is to be reported from (`tinygan report
/// --from`): its `runs/` (a report) or, without one, the folder itself.
public enum PlaneReportSource {
    /// The one plane run log of `folder` (its `runs/` when it has one), or
    /// nil when it holds none (then it is a 1-D experiment's folder). A
    /// folder with several plane logs, or plane logs beside 1-D ones, is
    /// refused: a 2-D report is of one run.
    public static func log(in folder: URL) throws -> URL? {
        let runs = folder.appendingPathComponent("runs")
        let source = FileKind.of(runs.path) == .folder ? runs : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: source.path) else { return nil }
        let logs = names.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".txt") }.sorted()
        let plane = logs.filter { PlaneRunLogCoding.startsPlaneLog(source.appendingPathComponent($0)) }
        guard let first = plane.first else { return nil }
        guard plane.count == 1 else {
            throw TinyGANError.failure("\(source.path) holds \(plane.count) logs of 2-D runs (\(plane.joined(separator: ", "))); "
                + "a 2-D report is of one run: give a folder with one")
        }
        let others = logs.filter { $0 != first }
        guard others.isEmpty else {
            throw TinyGANError.failure("\(source.path) mixes the 2-D run \(first) with other logs "
                + "(\(others.joined(separator: ", "))); a 2-D report is of one run: give a folder with it alone")
        }
        return source.appendingPathComponent(first)
    }
}
