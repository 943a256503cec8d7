import Foundation
import TinyGANCairo
import TinyGANCore
import TinyGANPlot

public enum ReportBuilder {
    /// The single-run figures of the main run, in the page's order.
    static let mainFigures: [FigureKind] = [.moments, .distribution, .losses, .mapping, .qq, .evolution, .density]

    /// The main run's figures for `log`: those above, then the modes over
    /// the epochs and D's decision where its configuration can have them
    /// (`FigureKind.unavailability`).
    static func mainFigures(for log: RunLog) -> [FigureKind] {
        mainFigures + [FigureKind.modes, .decision].filter { $0.unavailability(for: log.header.config) == nil }
    }

    /// Throws, naming it, when `destination` exists and may not be replaced,
    /// or when it cannot be written: call it before training, to fail before
    /// the work.
    public static func checkDestination(_ destination: URL, replacing: Bool) throws {
        try ReportFolder.checkDestination(destination, replacing: replacing)
        try ReportFolder.checkWritable(destination)
    }

    /// Writes `destination` (a folder): `index.html`, `figures/` (SVG),
    /// `runs/` with every log (the Dirac-GAN's too, computed here when
    /// `runs` has none, and its figure drawn from the file written) and
    /// the manifest `.tinygan-report.json`, built
    /// beside and put into place in one step (`ReportFolder`). An existing
    /// destination is replaced only with `replacing`, and only if it is a
    /// report tinygan wrote.
    public static func build(_ runs: ReportRuns, settings: ReportSettings, destination: URL,
                             replacing: Bool) throws {
        var runs = runs
        if runs.dirac == nil { runs.dirac = DiracTraining.experiment(DiracSettings()) }
        try ReportFolder.build(at: destination, replacing: replacing) { staging in
            let logs = staging.appendingPathComponent("runs")
            try runs.write(to: logs)
            let dirac = try DiracLog.read(from: logs.appendingPathComponent(DiracLog.fileName))
            let figures = staging.appendingPathComponent("figures")
            let files = FigureFiles(renderer: try CairoRenderer(), formats: [.svg], language: settings.language)
            var outcome = try files.write(mainFigures(for: runs.main), logs: [(source: "main", log: runs.main)], to: figures)
            // The grid shows final samples: runs without them (printouts
            // of the original without matplotlib) are left out, saying so.
            let judged = runs.grid.filter { $0.final != nil }
            let grid = try files.write([.runs], logs: judged.map { (source: "run", log: $0) }, to: figures)
            outcome.written += grid.written
            outcome.skipped += grid.skipped
            if judged.count < runs.grid.count {
                outcome.skipped.append(judged.isEmpty
                    ? "all runs: runs: no run has final samples (its printout has no final values)"
                    : "\(runs.grid.count - judged.count) of \(runs.grid.count) runs: runs: left out of the grid, "
                        + "without final samples (their printouts have no final values)")
            }
            outcome.written += try files.writeDirac(dirac, to: figures)
            let sources = try figureSources(outcome.written, selfContained: settings.selfContained)
            let view = ReportView(runs, dirac: dirac, settings: settings, figures: sources, skipped: outcome.skipped)
            let page = try settings.templates.render(view, template: "report")
            try AtomicFile.write(Data(page.utf8), to: staging.appendingPathComponent("index.html"))
        }
    }
}

extension ReportBuilder {
    /// Figure name -> what an <img> shows: `figures/NAME.EXT` beside the
    /// page, or the image itself (SVG or PNG) as a data URI for a
    /// self-contained page.
    static func figureSources(_ files: [URL], selfContained: Bool) throws -> [String: String] {
        var sources: [String: String] = [:]
        for url in files {
            let type = url.pathExtension == "png" ? "image/png" : "image/svg+xml"
            sources[url.deletingPathExtension().lastPathComponent] = selfContained
                ? "data:\(type);base64," + (try Data(contentsOf: url)).base64EncodedString()
                : "figures/\(url.lastPathComponent)"
        }
        return sources
    }

    /// Writes `index.html` into a sweep folder: its success rates with their
    /// intervals, its figures (drawn again from its logs), the verdict rule
    /// and the command that reproduces it. The page is written atomically.
    public static func buildSweep(_ folder: SweepFolder, settings: ReportSettings) throws {
        let summary = try folder.summarize()
        let written = try FigureFiles(renderer: try CairoRenderer(), formats: [.svg], language: settings.language)
            .writeSweep(folder, summary: summary)
        let sources = try figureSources(written, selfContained: settings.selfContained)
        let view = SweepView(summary, settings: settings, figures: sources)
        let page = try settings.templates.render(view, template: "sweep")
        try AtomicFile.write(Data(page.utf8), to: folder.url.appendingPathComponent("index.html"))
    }
}

extension ReportBuilder {
    /// Summarizes the mode-collapse benchmark in `root` (each sweep's
    /// `summary.json` and `summary.csv`) and writes its page,
    /// `root/index.html`, atomically; returns the summaries.
    @discardableResult
    public static func buildBenchmark(at root: URL, settings: ReportSettings) throws -> [ModeCollapseResult] {
        let benchmark = try ModeCollapseBenchmark.open(root)
        let results = try benchmark.summarize(at: root)
        // PNG: a panel of 2,500 points over a density is megabytes as SVG.
        let files = FigureFiles(renderer: try CairoRenderer(), formats: [.png], language: settings.language)
        var sources: [String: String] = [:]
        for target in benchmark.targets {
            for method in benchmark.methods {
                let folder = try SweepFolder.open(ModeCollapseBenchmark.folder(root, target: target, method: method))
                guard let file = try files.writePlaneSweep(folder).first else { continue }
                sources[benchmarkFigureName(target: target, method: method)] = settings.selfContained
                    ? "data:image/png;base64," + (try Data(contentsOf: file)).base64EncodedString()
                    : "\(target)/\(method.key)/figures/\(file.lastPathComponent)"
            }
        }
        let view = BenchmarkView(benchmark, results: results, settings: settings, figures: sources)
        let page = try settings.templates.render(view, template: "benchmark")
        try AtomicFile.write(Data(page.utf8), to: root.appendingPathComponent("index.html"))
        return results
    }

    /// The figure of a method's final points on a target: "ring-pacgan2".
    static func benchmarkFigureName(target: String, method: ModeCollapseMethod) -> String {
        "\(target)-\(method.key)"
    }
}
