import Foundation
import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

/// A renderer without Cairo: records each request and answers with
/// "FORMAT IDPREFIX" as the file's bytes.
final class RecordingRenderer: SceneRendering {
    let textMetrics: TextMetrics = ApproximateTextMetrics()
    var requests: [(format: ImageFormat, scale: Double, idPrefix: String)] = []

    func data(for scene: Scene, format: ImageFormat, scale: Double, idPrefix: String) throws -> Data {
        requests.append((format, scale, idPrefix))
        return Data("\(format.rawValue) \(idPrefix)".utf8)
    }
}

func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-figures-\(UUID())")
}

@Suite struct FigureNamesTests {
    /// The rule of `FigureNames.stems`: the shortest distinguishing tail of
    /// the path, then -2, -3 for what no tail tells apart.
    @Test(arguments: [
        (["d1/run.jsonl", "d2/run.jsonl"], ["d1-run", "d2-run"]),
        (["a.jsonl", "b.jsonl", "original.txt"], ["a", "b", "original"]),
        (["run.jsonl"], ["run"]),
        (["/p/q/s/run.jsonl", "/p/r/s/run.jsonl", "/p/q/other.jsonl"], ["q-s-run", "r-s-run", "other"]),
        (["/b/run.jsonl", "/a/b/run.jsonl"], ["b-run", "a-b-run"]),
        (["x/a.jsonl", "x/a.jsonl", "x/./a.jsonl"], ["a", "a-2", "a-3"]),
        (["r/run.jsonl", "r/run.txt"], ["run", "run-2"]),
        ([".cache/run.jsonl", "keep/run.jsonl"], ["cache-run", "keep-run"]),
    ])
    func stems(_ paths: [String], _ expected: [String]) {
        #expect(FigureNames.stems(paths) == expected)
    }

    /// Whatever the paths, the stems are distinct and never hidden names.
    @Test func stemsAreAlwaysDistinct() {
        var generator = Xoshiro256StarStar(seed: 3)
        let parts = ["a", "b", "run", "a-b", ".x", "run.jsonl", "run.txt"]
        for _ in 0..<500 {
            let paths = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 1...3, using: &generator)).map { _ in parts.randomElement(using: &generator)! }
                    .joined(separator: "/")
            }
            let stems = FigureNames.stems(paths)
            #expect(Set(stems).count == paths.count && stems.allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") },
                    "\(paths) -> \(stems)")
        }
    }
}

@Suite struct FigureFilesTests {
    /// Case 15: two logs with one file name in two folders give two files
    /// per single-run figure, a kind asked twice is drawn once, and every
    /// file written is listed once.
    @Test func logsWithOneNameGetDistinctFiles() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let renderer = RecordingRenderer()
        let files = FigureFiles(renderer: renderer, formats: [.png, .svg], scale: 2)
        let outcome = try files.write([.moments, .runs, .moments],
                                      logs: [(source: "d1/run.jsonl", log: syntheticLog(seed: 1)),
                                             (source: "d2/run.jsonl", log: syntheticLog(seed: 2))], to: folder)
        let names = ["d1-run-moments.png", "d1-run-moments.svg", "d2-run-moments.png", "d2-run-moments.svg",
                     "runs.png", "runs.svg"]
        #expect(outcome.written.map(\.lastPathComponent).sorted() == names)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names)
        let svg = try String(contentsOf: folder.appendingPathComponent("d2-run-moments.svg"), encoding: .utf8)
        #expect(svg == "svg d2-run-moments")
        #expect(renderer.requests.filter { $0.format == .png }.allSatisfy { $0.scale == 2 })
    }

    /// A figure the log cannot support is named with its source, and the
    /// others are still drawn.
    @Test func unsupportedFiguresAreSkippedByName() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var log = syntheticLog()
        log.snapshots = []
        let outcome = try FigureFiles(renderer: RecordingRenderer(), formats: [.png])
            .write([.mapping, .qq], logs: [(source: "logs/sparse.jsonl", log: log)], to: folder)
        #expect(outcome.written.map(\.lastPathComponent) == ["qq.png"])
        #expect(outcome.skipped == ["logs/sparse.jsonl: mapping: the log has no generator snapshots"])
    }

    /// Sweep figures mark the targets the logs were trained on: a grid over
    /// the target's mean gives one line per mean and each histogram its own
    /// target curve (the plan's first point would say 0 for all).
    @Test func sweepFiguresTakeTheTargetFromTheLogs() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        let plan = try SweepPlan(preset: "article", axes: [SweepPlan.axis("target-mean=0,-10")], seeds: [1, 2],
                                 base: ["epochs": "4", "batch-size": "40", "d-steps": "1", "g-steps": "1",
                                        "log-interval": "2"])
        let sweep = try SweepFolder.prepare(at: url, plan: plan, shard: nil, resume: false)
        try sweep.trainPending(threads: 2)
        let summary = try sweep.summarize()
        let figures = try SweepFigures.all(sweep, summary: summary)
        #expect(figures.map(\.name) == ["outcomes", "histograms", "rates"])
        let outcomes = figures[0].figure.panels[0].series
        #expect(outcomes.filter { if case .verticalLine = $0.kind { true } else { false } }.map { $0.xs[0] } == [-10, 0])
        for panel in figures[1].figure.panels {
            let curve = panel.series[1]
            let peak = curve.xs[curve.ys.indices.max { curve.ys[$0] < curve.ys[$1] }!]
            let mean = panel.title!.hasPrefix("p0 ") ? 0.0 : -10.0
            #expect(abs(peak - mean) < 0.2, "\(panel.title!): target curve peaks at \(peak)")
        }
        // In Chinese, no English word is left but the setting's name and notation.
        for (name, figure) in try SweepFigures.all(sweep, summary: summary, language: .zh) {
            let scene = FigureLayout(metrics: ApproximateTextMetrics()).scene(for: figure)
            for case .text(let text, _, _, _, _, _, _) in scene.items {
                let rest = text.replacingOccurrences(of: "target-mean", with: "").replacingOccurrences(of: "Wilson", with: "")
                #expect(rest.firstMatch(of: #/[A-Za-z]{3,}/#) == nil, "\(name): '\(text)'")
            }
        }
        let written = try FigureFiles(renderer: RecordingRenderer(), formats: [.svg]).writeSweep(sweep, summary: summary)
        #expect(written.map(\.lastPathComponent) == ["outcomes.svg", "histograms.svg", "rates.svg"])
        #expect(written.allSatisfy { FileManager.default.fileExists(atPath: $0.path) && $0.path.contains("/figures/") })
    }
}
