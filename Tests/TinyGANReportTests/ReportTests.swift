import Foundation
import FoundationXML
import Testing
import TinyGANCairo
import TinyGANCore
import TinyGANPlot
import TinyGANReport
import TinyGANTestSupport

/// The repository's templates.
let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("templates")

/// Short real runs: the article's model (or `preset`'s), 30 epochs.
func shortRuns(count: Int = 4, seed: UInt64 = 1, preset: TrainingConfig = Presets.article) throws -> ReportRuns {
    var config = preset
    config.epochs = 30
    config.batchSize = 100
    config.discriminatorSteps = 4
    config.generatorSteps = 4
    config.snapshotInterval = 10
    let logs = try ParallelRuns.train(ReportRuns.plan(config, seed: seed, gridCount: count), threads: 2)
    return ReportRuns(main: logs[0], grid: Array(logs.dropFirst()))
}

func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-report-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// `reader` after it has read `data` as XML; a page that does not parse is a failure.
func parsePage<Reader: XMLParserDelegate>(_ data: Data, with reader: Reader) throws -> Reader {
    let parser = XMLParser(data: data)
    parser.delegate = reader
    guard parser.parse() else { throw TinyGANError.failure("page does not parse: \(String(describing: parser.parserError))") }
    return reader
}

/// What a page holds: parsed as XML (the page is written as well-formed
/// XHTML-compatible HTML), its image sources and its tables' cells: the
/// runs table's in `cells`, every table's by its id in `tables`; its text,
/// all of it and, as `story`, all but the section "Why GANs orbit" (the
/// same Dirac-GAN for every experiment).
final class PageReader: NSObject, XMLParserDelegate {
    var images: [String] = []
    /// The targets of the page's links, in order.
    var links: [String] = []
    var tables: [String: [[(shown: String, exact: String?)]]] = [:]
    var cells: [[(shown: String, exact: String?)]] { tables["runs-table"] ?? [] }
    var text = ""
    var story = ""
    private var table = "", inBody = false, inRow = false, inCell = false, inDirac = false
    private var cell = "", exact: String?

    static func read(_ data: Data) throws -> PageReader { try parsePage(data, with: PageReader()) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "img": images.append(attributes["src"] ?? "")
        case "a": links.append(attributes["href"] ?? "")
        case "section": inDirac = attributes["id"] == "dirac"
        case "table": table = attributes["id"] ?? ""
        case "tr": if inBody { inRow = true; tables[table, default: []].append([]) }
        case "tbody": inBody = true
        case "td": inCell = true; cell = ""; exact = attributes["data-value"]
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if !inDirac { story += string }
        if inCell { cell += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "td":
            inCell = false
            var rows = tables[table, default: []]
            rows[rows.count - 1].append((cell, exact))
            tables[table] = rows
        case "tr": inRow = false
        case "tbody": inBody = false
        case "section": inDirac = false
        default: break
        }
    }
}

@Suite struct ReportTests {
    @Test func pageIsWellFormedAndComplete() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = try shortRuns()
        let report = folder.appendingPathComponent("article")
        try ReportBuilder.build(runs, settings: ReportSettings(templates: templates), destination: report, replacing: false)
        let page = try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
        // Every figure it references exists; all nine are there (the Dirac-GAN's too).
        #expect(page.images.count == 9)
        for source in page.images {
            #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent(source).path), "\(source)")
        }
        // The table's numbers are the logs' numbers.
        #expect(page.cells.count == runs.grid.count)
        for (row, log) in zip(page.cells, runs.grid) {
            let e = try #require(log.final?.evaluation)
            #expect(row[0].shown == "\(log.header.seed)")
            let expected = [e.mean, e.std, e.skewness, e.excessKurtosis, e.ks, e.wasserstein1]
            for (cell, value) in zip(row[1...6], expected) {
                #expect(Double(cell.exact ?? "") == value)
                #expect(cell.shown == String(format: "%.3f", value))
            }
            #expect(row[7].shown == log.verdict?.rawValue)
        }
        // The story's sections, with this run's configuration and numbers.
        let sampleCount = try #require(runs.main.final?.samples.count)
        #expect(sampleCount >= 10_000)
        let grouped = String(sampleCount / 1000) + "," + String(format: "%03d", sampleCount % 1000)
        #expect(page.text.contains("After 30 epochs, \(grouped) fresh samples of G have mean"))
        #expect(page.text.contains("\(grouped) samples of the trained G"))
        for phrase in ["counterfeiter", "The five parts", "1 → 5 → 5 → 1", "4 → 10 → 10 → 1", "GANs are fragile",
                       "Reproduce it",
                       "tinygan report --preset article --epochs 30 --d-steps 4 --g-steps 4 --batch-size 100 "
                           + "--snapshot-interval 10 --seed 1 --runs 4",
                       "the article saw 8 of 10",
                       String(format: "%.3f", runs.main.final!.evaluation.mean)] {
            #expect(page.text.contains(phrase), "\(phrase)")
        }
        #expect(page.text.contains("sees only four moments"))
        #expect(!page.text.contains("R1 penalty"))
        let logs = try FileManager.default.contentsOfDirectory(atPath: report.appendingPathComponent("runs").path).sorted()
        // Each run's log and the CSV of its epochs, and the Dirac-GAN's log.
        #expect(logs == ["dirac.json"] + ["main-seed1", "seed2", "seed3", "seed4", "seed5"].flatMap { ["\($0).csv", "\($0).jsonl"] })
    }

    /// The page describes the configuration it ran: for `stable`, D's input,
    /// its optimizer and the R1 penalty, and not the moments-only story.
    @Test func stablePresetIsDescribedAsItRan() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = try shortRuns(count: 2, preset: Presets.stable)
        let report = folder.appendingPathComponent("stable")
        try ReportBuilder.build(runs, settings: ReportSettings(templates: templates), destination: report, replacing: false)
        let page = try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
        for phrase in ["“moments-and-cdf”, 21 numbers", "Adam, lr 0.001", "R1 penalty", "γ = 1.0",
                       "tinygan report --preset stable --epochs 30 --d-steps 4 --g-steps 4 --batch-size 100 "
                           + "--snapshot-interval 10 --seed 1 --runs 2"] {
            #expect(page.text.contains(phrase), "\(phrase)")
        }
        #expect(!page.text.contains("sees only four moments"))
    }

    /// --from on a report folder gives the same page, but for its time stamp.
    @Test func rebuildingFromTheLogsGivesTheSamePage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("r")
        let settings = try ReportSettings(templates: templates)
        try ReportBuilder.build(try shortRuns(count: 3), settings: settings, destination: report, replacing: false)
        let first = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        let figure = try Data(contentsOf: report.appendingPathComponent("figures/runs.svg"))
        try ReportBuilder.build(try ReportRuns.read(folder: report), settings: settings, destination: report, replacing: true)
        let second = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        func withoutTime(_ page: String) -> String {
            page.replacingOccurrences(of: #"built \S+ by"#, with: "built TIME by", options: .regularExpression)
        }
        #expect(withoutTime(first) == withoutTime(second))
        #expect(first != second || first.contains("built"))
        #expect(try Data(contentsOf: report.appendingPathComponent("figures/runs.svg")) == figure)
    }

    @Test func titlesAndNamesAreEscaped() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("r")
        let title = "<script>alert('x')</script> & \"friends\""
        try ReportBuilder.build(try shortRuns(count: 1), settings: ReportSettings(title: title, templates: templates),
                                destination: report, replacing: false)
        let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;"))
        let page = try PageReader.read(Data(html.utf8))
        #expect(page.text.contains(title))
    }

    @Test func selfContainedAndChinese() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("zh")
        let runs = try shortRuns(count: 2)
        try ReportBuilder.build(runs,
                                settings: ReportSettings(language: .zh, selfContained: true, templates: templates),
                                destination: report, replacing: false)
        let data = try Data(contentsOf: report.appendingPathComponent("index.html"))
        let page = try PageReader.read(data)
        #expect(page.images.count == 9 && page.images.allSatisfy { $0.hasPrefix("data:image/svg+xml;base64,") })
        #expect(page.text.contains("伪造者与侦探") && page.text.contains("GAN 是脆弱的"))
        #expect(String(decoding: data, as: UTF8.self).contains("<html lang=\"zh\">"))
        // The table names the verdicts in Chinese.
        #expect(page.cells.map { $0[7].shown } == runs.grid.map { FigureStrings(.zh).verdict($0.verdict ?? .diverged) })
        #expect(page.cells.allSatisfy { $0[7].shown.unicodeScalars.allSatisfy { $0.value >= 0x4E00 } })
        // The embedded figures decode to SVG.
        let svg = Data(base64Encoded: String(page.images[0].dropFirst("data:image/svg+xml;base64,".count)))
        #expect(svg.map { String(decoding: $0, as: UTF8.self).contains("<svg") } == true)
        // ... and are the Chinese figures, byte for byte.
        let layout = FigureLayout(metrics: try CairoTextMetrics())
        let moments = try CairoRenderer.svg(layout.scene(for: try ArticleFigures.moments(runs.main, FigureStrings(.zh))),
                                            idPrefix: "moments")
        #expect(svg == moments)
    }

    @Test func refusesToOverwriteWithoutReplacing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("r")
        let runs = try shortRuns(count: 1)
        try ReportBuilder.build(runs, settings: ReportSettings(templates: templates), destination: report, replacing: false)
        #expect { try ReportBuilder.build(runs, settings: ReportSettings(templates: templates), destination: report,
                                          replacing: false) } throws: { "\($0)".contains("add --force") }
        // A build that fails leaves the old report and nothing half-written.
        let broken = folder.appendingPathComponent("no-templates")
        #expect(throws: TinyGANError.self) {
            try ReportBuilder.build(runs, settings: ReportSettings(templates: broken), destination: report, replacing: true)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r"])
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("index.html").path))
    }

    @Test func foldersOfLogs() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect { try ReportRuns.read(folder: empty) } throws: { "\($0)".contains("holds no run logs") }
        // Any folder of logs: the lowest seed is the main run.
        let plain = folder.appendingPathComponent("plain")
        let runs = try shortRuns(count: 2, seed: 5)
        for log in runs.all { try RunLogCoding.write(log, to: plain.appendingPathComponent("x\(log.header.seed).jsonl")) }
        let read = try ReportRuns.read(folder: plain)
        #expect(read.main.header.seed == 5 && read.grid.map(\.header.seed) == [6, 7])
        // Logs of different experiments are refused, naming the odd ones.
        var other = Presets.original2017
        other.epochs = 2
        var trainer = try Trainer(config: other, seed: 1)
        try RunLogCoding.write(trainer.run(), to: plain.appendingPathComponent("odd.jsonl"))
        #expect { try ReportRuns.read(folder: plain) } throws: { "\($0)".contains("odd.jsonl differs") }
    }
}

@Suite struct SweepPageTests {
    @Test func sweepFolderGetsItsPage() throws {
        let url = try temporaryFolder().appendingPathComponent("sweep")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let plan = try SweepPlan(preset: "article", axes: [SweepPlan.axis("lr-g=1e-3,3e-3"), SweepPlan.axis("d-steps=1,2")],
                                 seeds: [1, 2], base: ["epochs": "6", "batch-size": "40", "g-steps": "1"])
        let folder = try SweepFolder.prepare(at: url, plan: plan, shard: nil, resume: false)
        try folder.trainPending(threads: 2)
        try ReportBuilder.buildSweep(folder, settings: ReportSettings(templates: templates))
        let page = try PageReader.read(Data(contentsOf: url.appendingPathComponent("index.html")))
        #expect(page.images.sorted() == ["figures/histograms.svg", "figures/outcomes.svg", "figures/rates.svg"])
        for source in page.images { #expect(FileManager.default.fileExists(atPath: url.appendingPathComponent(source).path)) }
        let summary = try folder.summarize()
        let cells = page.tables["points-table"] ?? []
        #expect(cells.count == 4)
        for (row, point) in zip(cells, summary.points) {
            #expect(row.map(\.shown).prefix(2) == ArraySlice(point.parameters))
            #expect(row[2].shown == "\(point.runs)" && row[3].shown == "\(point.success.successes)")
            #expect(Double(row[4].exact ?? "") == point.success.rate)
        }
        // Side by side with the baseline (the first point): each row's
        // rate change and median KS, its differing settings highlighted.
        let html = try String(contentsOf: url.appendingPathComponent("index.html"), encoding: .utf8)
        let differing = zip(summary.points.dropFirst(), [1, 1, 2]).map { $0.1 }.reduce(0, +)
        #expect(html.components(separatedBy: "<td class=\"differs\">").count - 1 == differing)
        #expect(cells[0].last?.shown == "baseline")
        let ks = { (point: Int) in
            let values = summary.rows.filter { $0.point == point }.map(\.evaluation.ks).sorted()
            return (values[0] + values[1]) / 2
        }
        for (row, point) in zip(cells, summary.points) {
            #expect(row[row.count - 2].shown == String(format: "%.3f", ks(point.point)))
            if point.point > 0 {
                let change = (point.success.rate - summary.points[0].success.rate) * 100
                #expect(row.last!.shown.hasPrefix(change == 0 ? "\u{00B1}0 pts" : change > 0 ? "+" : "\u{2212}"))
            }
        }
        #expect(page.text.contains("tinygan sweep --preset article --runs 2 --seed 1 --grid lr-g=1e-3,3e-3 --grid d-steps=1,2 "
            + "--batch-size 40 --epochs 6 --g-steps 1"))
        #expect(page.text.contains("The article saw 8 of 10 runs succeed; with 10 runs, that is any rate from 49% to 94%"))
        // It links the summary beside it.
        for name in ["summary.csv", "summary.json"] {
            #expect(page.links.contains(name) && FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path))
        }
    }

    /// Each run's log and the CSV of its epochs lie in runs/, are listed in
    /// the manifest and linked from the table (the main run's from the
    /// reproduce section); the CSV holds the log's epochs.
    @Test func runsTableLinksEachRunsLogAndCSV() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = try shortRuns(count: 3)
        let report = folder.appendingPathComponent("article")
        try ReportBuilder.build(runs, settings: ReportSettings(templates: templates), destination: report, replacing: false)
        let page = try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
        let manifest = try #require(FolderManifest.read(ReportFolder.manifestFile, in: report, kind: "report"))
        let stems = ["main-seed1"] + runs.grid.map { "seed\($0.header.seed)" }
        for (stem, log) in zip(stems, runs.all) {
            for file in ["runs/\(stem).jsonl", "runs/\(stem).csv"] {
                #expect(page.links.contains(file) && manifest.entries.contains(file), "\(file)")
            }
            let csv = try String(contentsOf: report.appendingPathComponent("runs/\(stem).csv"), encoding: .utf8)
            let (columns, rows) = readCSVRows(csv)
            #expect(columns.prefix(3) == ["run", "seed", "epoch"] && rows.count == log.epochs.count)
            #expect(rows.map { Int($0["epoch"]!)! } == log.epochs.map(\.epoch))
            #expect(rows.allSatisfy { $0["run"] == "\(stem).jsonl" && $0["seed"] == "\(log.header.seed)" })
            #expect(zip(rows, log.epochs).allSatisfy { Float($0["fake_mean"]!) == $1.fakeMean })
        }
        // The table's last column: each row's log, then its CSV.
        for (row, stem) in zip(page.cells, stems.dropFirst()) { #expect(row[8].shown.contains("CSV"), "\(stem)") }
        #expect(page.links.filter { $0.hasPrefix("runs/seed") } == stems.dropFirst().flatMap { ["runs/\($0).jsonl", "runs/\($0).csv"] })
        // Rebuilt from its own logs, it holds the same CSVs and nothing more.
        let before = try String(contentsOf: report.appendingPathComponent("runs/seed2.csv"), encoding: .utf8)
        try ReportBuilder.build(try ReportRuns.read(folder: report), settings: ReportSettings(templates: templates),
                                destination: report, replacing: true)
        #expect(try String(contentsOf: report.appendingPathComponent("runs/seed2.csv"), encoding: .utf8) == before)
        #expect(ReportFolder.refusal(report) == nil)
    }
}
