import Foundation
import FoundationXML
import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANReport

/// A short ring run: G 2-16-16-2 on 2-D normal noise, D 2-16-16-1 on
/// single points (or packs of `pack`), 100 epochs, a snapshot every 20.
func shortRingLog(pack: Int = 1, seed: UInt64 = 2, target: PlaneTarget = .ring) throws -> PlaneRunLog {
    var config = Presets.ring
    config.target = Target(target)
    config.generator = NetworkConfig(hiddenSizes: [16, 16], activations: [.relu, .relu])
    config.discriminator = NetworkConfig(hiddenSizes: [16, 16], activations: [.relu, .relu])
    config.batchSize = 40
    config.pack = pack
    config.epochs = 100
    config.snapshotInterval = 20
    var trainer = try PlaneTrainer(config: config, seed: seed)
    return trainer.run()
}

/// Every element of a page with its attributes, in order, and its text:
/// all of it, and without the script's.
final class ElementReader: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        /// The ids of the elements that enclose it, innermost last.
        let ancestors: [String]
    }

    var elements: [Element] = []
    var text = ""
    var scripts: [String] = []
    private var open: [(name: String, id: String)] = []

    static func read(_ data: Data) throws -> ElementReader { try parsePage(data, with: ElementReader()) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes, ancestors: open.map(\.id).filter { !$0.isEmpty }))
        open.append((name, attributes["id"] ?? ""))
        if name == "script" { scripts.append("") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if open.last?.name == "script" { scripts[scripts.count - 1] += string } else { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    func first(id: String) -> Element? { elements.first { $0.attributes["id"] == id } }
}

@Suite struct PlaneReportTests {
    /// Builds the report of `log` into a new folder; returns the folder.
    func build(_ log: PlaneRunLog, language: ReportLanguage = .en, selfContained: Bool = false) throws -> URL {
        let report = try temporaryFolder().appendingPathComponent("ring")
        try ReportBuilder.buildPlane(log, source: "test", settings: ReportSettings(language: language,
                                                                                  selfContained: selfContained,
                                                                                  templates: templates),
                                     destination: report, replacing: false)
        return report
    }

    func page(_ report: URL) throws -> ElementReader {
        try ElementReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
    }

    /// Title, model, figures, the metrics table equal to the log's final
    /// evaluation, and the reproduce command.
    @Test func pageTellsTheRunWithItsNumbers() throws {
        let log = try shortRingLog()
        let report = try build(log)
        defer { try? FileManager.default.removeItem(at: report.deletingLastPathComponent()) }
        let page = try page(report)
        #expect(page.text.contains("A GAN learns a ring of 8 Gaussians"))
        #expect(page.all("h1").count == 1 && page.all("title").count == 1)
        let sources = page.all("img").compactMap { $0.attributes["src"] }
        for figure in ["samples", "evolution", "quality", "decision"] {
            #expect(sources.contains("figures/\(figure).svg"), "\(figure)")
            #expect(page.first(id: "figure-\(figure)") != nil, "\(figure)")
        }
        for source in sources {
            #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent(source).path), "\(source)")
        }
        for phrase in ["means (cos 2πk/8, sin 2πk/8)", "standard deviation 0.01", "2 → 16 → 16 → 2",
                       "2 → 16 → 16 → 1", "standard normal", "Adam, lr 0.001, betas (0.5, 0.999)",
                       "The bce loss", "100 epochs", "every 20 epochs", "No batch norm",
                       "tinygan report --preset ring --epochs 100 --batch-size 40 --g-hidden 16,16 --g-activation "
                           + "relu,relu --d-hidden 16,16 --d-activation relu,relu --snapshot-interval 20 --seed 2"] {
            #expect(page.text.contains(phrase), "\(phrase)")
        }
        // The metrics: the final evaluation's numbers exactly, and as shown.
        let e = try #require(log.final?.evaluation), modes = try #require(e.modes)
        let expected: [(String, Double, String)] = [
            ("metric-modes", Double(modes.modesCovered), "\(modes.modesCovered) of 8"),
            ("metric-hq", modes.hqShare, String(format: "%.1f%%", 100 * modes.hqShare)),
            ("metric-reverse-kl", modes.reverseKL, String(format: "%.3f", modes.reverseKL)),
            ("metric-pacgan-jsd", modes.pacganJSD, String(format: "%.3f", modes.pacganJSD)),
            ("metric-grid-kl", e.grid.kl, String(format: "%.3f", e.grid.kl)),
            ("metric-grid-js", e.grid.js, String(format: "%.3f", e.grid.js)),
        ]
        let cells = page.elements.filter { $0.name == "td" && $0.attributes["data-value"] != nil }
        #expect(cells.count == expected.count)
        for (id, value, shown) in expected {
            let cell = try #require(cells.first { $0.ancestors.last == id }, "\(id)")
            #expect(Double(cell.attributes["data-value"] ?? "") == value, "\(id)")
            #expect(page.text.contains(shown), "\(id): \(shown)")
        }
        // The log, as written, is the run's (compared as encoded: NaN metrics are not == themselves).
        let written = try PlaneRunLogCoding.read(from: report.appendingPathComponent("runs/main-seed2.jsonl"))
        #expect(try PlaneRunLogCoding.encode(written) == PlaneRunLogCoding.encode(log))
        #expect(page.all("a").contains { $0.attributes["href"] == "runs/main-seed2.jsonl" })
    }

    /// One frame per snapshot, in order, each a PNG of the figures folder
    /// with its epoch; the slider runs over all of them and starts at the
    /// last; each caption holds its snapshot's metrics.
    @Test func sliderHasOneFramePerSnapshot() throws {
        let log = try shortRingLog()
        let report = try build(log)
        defer { try? FileManager.default.removeItem(at: report.deletingLastPathComponent()) }
        let page = try page(report)
        #expect(log.snapshots.map(\.epoch) == [0, 20, 40, 60, 80, 100])
        let range = try #require(page.all("input").first { $0.attributes["type"] == "range" })
        #expect(range.attributes["min"] == "0" && range.attributes["max"] == "\(log.snapshots.count - 1)")
        #expect(range.attributes["value"] == "\(log.snapshots.count - 1)")
        let frames = page.all("li").filter { $0.attributes["id"]?.hasPrefix("frame-") == true }
        #expect(frames.count == log.snapshots.count)
        let frameImages = page.all("img").filter { $0.ancestors.contains("frames") }
        #expect(frameImages.count == log.snapshots.count)
        for (k, snapshot) in log.snapshots.enumerated() {
            #expect(frames[k].attributes["id"] == "frame-\(k)" && frames[k].attributes["data-epoch"] == "\(snapshot.epoch)")
            #expect(frameImages[k].attributes["src"] == String(format: "figures/frame-%03d.png", k))
            let png = try Data(contentsOf: report.appendingPathComponent(frameImages[k].attributes["src"] ?? ""))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            let modes = try #require(snapshot.evaluation.modes)
            let caption = "Epoch \(snapshot.epoch) · modes \(modes.modesCovered)/8 · HQ "
                + String(format: "%.1f%% · reverse KL %.3f · grid KL %.3f, JS %.3f", 100 * modes.hqShare,
                         modes.reverseKL, snapshot.evaluation.grid.kl, snapshot.evaluation.grid.js)
            #expect(page.text.contains(caption), "\(caption)")
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: report.appendingPathComponent("figures").path)
        #expect(onDisk.filter { $0.hasPrefix("frame-") }.count == log.snapshots.count)
    }

    /// Without its script the page shows every frame: none is hidden, and
    /// only the slider (useless without the script) is; the one script
    /// unhides the slider and hides all frames but one.
    @Test func pageIsCompleteWithoutScript() throws {
        let log = try shortRingLog()
        let report = try build(log)
        defer { try? FileManager.default.removeItem(at: report.deletingLastPathComponent()) }
        let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        let withoutScript = html.replacing(#/<script>.*?</script>/#.dotMatchesNewlines(), with: "")
        #expect(withoutScript != html)
        let page = try ElementReader.read(Data(withoutScript.utf8))
        #expect(page.all("script").isEmpty)
        #expect(page.elements.filter { $0.attributes["hidden"] != nil }.map { $0.attributes["id"] } == ["frame-slider"])
        let frames = page.all("li").filter { $0.attributes["id"]?.hasPrefix("frame-") == true }
        #expect(frames.count == log.snapshots.count)
        #expect(page.all("img").filter { $0.ancestors.contains("frames") }.count == log.snapshots.count)
        let script = try #require(try self.page(report).scripts.first)
        #expect(script.contains("frame-range") && script.contains("box.hidden = false"))
    }

    /// The Chinese page: Chinese title and sections, no English prose.
    @Test func chinesePageIsInChinese() throws {
        let log = try shortRingLog()
        let report = try build(log, language: .zh)
        defer { try? FileManager.default.removeItem(at: report.deletingLastPathComponent()) }
        let page = try page(report)
        #expect(page.all("html").first?.attributes["lang"] == "zh")
        #expect(page.text.contains("GAN 学习 8 个高斯分布组成的环"))
        for phrase in ["目标", "模型", "这次运行学到了什么", "逐轮变化", "覆盖的模式", "高质量样本占比"] {
            #expect(page.text.contains(phrase), "\(phrase)")
        }
        for english in ["The target", "The model", "What the run learned", "Epoch by epoch", "Modes covered",
                        "the ", " of ", "Epoch "] {
            #expect(!page.text.contains(english), "\(english)")
        }
        #expect(page.all("li").filter { $0.attributes["id"]?.hasPrefix("frame-") == true }.count == log.snapshots.count)
    }

    /// A self-contained page carries its figures and frames as data URIs.
    /// (Read by pattern, not as XML: the evolution figure's URI, some 12 MB,
    /// exceeds libxml2's 10 MB limit on an attribute; browsers take it.)
    @Test func selfContainedPageEmbedsItsFrames() throws {
        let log = try shortRingLog()
        let report = try build(log, selfContained: true)
        defer { try? FileManager.default.removeItem(at: report.deletingLastPathComponent()) }
        let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        let sources = html.matches(of: #/<img src="([^"]*)"/#).map { String($0.output.1) }
        #expect(sources.count == 4 + log.snapshots.count)
        let frames = sources.filter { $0.hasPrefix("data:image/png;base64,") }
        #expect(frames.count == log.snapshots.count)
        #expect(sources.filter { $0.hasPrefix("data:image/svg+xml;base64,") }.count == 4)
        let first = try #require(frames.first.flatMap { Data(base64Encoded: String($0.dropFirst("data:image/png;base64,".count))) })
        #expect(first == (try Data(contentsOf: report.appendingPathComponent("figures/frame-000.png"))))
    }

    /// D judging packs of 2: the decision figure draws G's gradient over
    /// the target's density (a packed D has no value at one point), the
    /// page says D judges packs, and the frames show the points alone.
    @Test func packedRunDrawsTheGradientOverTheDensity() throws {
        let log = try shortRingLog(pack: 2)
        let report = try build(log)
        defer { try? FileManager.default.removeItem(at: report.deletingLastPathComponent()) }
        let page = try page(report)
        #expect(page.first(id: "figure-decision") != nil)
        let decision = try PlaneFigures.figure(.decision, log: log)
        let titles = [decision.title] + decision.panels.map(\.title)
        #expect(titles.contains { $0?.contains("packs of 2 points") == true }, "a title says why it shows the density")
        #expect(page.text.contains("judges packs of 2 points at once"))
        #expect(page.all("li").filter { $0.attributes["id"]?.hasPrefix("frame-") == true }.count == log.snapshots.count)
    }

    /// A target without modes (the swiss roll): the grid's two numbers
    /// alone, the page saying why, and frames captioned with them.
    @Test func targetWithoutModesIsMeasuredOnTheGrid() throws {
        let log = try shortRingLog(target: .swissRoll)
        let report = try build(log)
        defer { try? FileManager.default.removeItem(at: report.deletingLastPathComponent()) }
        let page = try page(report)
        #expect(page.text.contains("A GAN learns a swiss roll") && page.text.contains("It has no modes to count"))
        let e = try #require(log.final?.evaluation)
        let values = page.elements.compactMap { $0.attributes["data-value"] }.map { Double($0) }
        #expect(values == [e.grid.kl, e.grid.js])
        #expect(page.text.contains("This target has no modes") && !page.text.contains("Modes covered"))
        let last = try #require(log.snapshots.last)
        #expect(page.text.contains(String(format: "Epoch %d · grid KL %.3f, JS %.3f", last.epoch,
                                          last.evaluation.grid.kl, last.evaluation.grid.js)))
        #expect(!page.text.contains("No batch norm"))
    }

    /// The report's folder gives back its log; a folder of two 2-D logs,
    /// or of a 2-D log beside a 1-D one, is refused; one of 1-D logs alone
    /// is not a 2-D report's. An unfinished log is not reported.
    @Test func sourceFolderHoldsOneTwoDRun() throws {
        let log = try shortRingLog()
        let report = try build(log)
        let folder = report.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: folder) }
        let found = try #require(try PlaneReportSource.log(in: report))
        #expect(found.lastPathComponent == "main-seed2.jsonl")
        let logs = folder.appendingPathComponent("logs")
        try PlaneRunLogCoding.write(log, to: logs.appendingPathComponent("a.jsonl"))
        #expect(try PlaneReportSource.log(in: logs)?.lastPathComponent == "a.jsonl")
        try PlaneRunLogCoding.write(try shortRingLog(seed: 3), to: logs.appendingPathComponent("b.jsonl"))
        #expect { try PlaneReportSource.log(in: logs) } throws: { "\($0)".contains("holds 2 logs of 2-D runs") }
        try FileManager.default.removeItem(at: logs.appendingPathComponent("b.jsonl"))
        let line = try shortRuns(count: 1).main
        try RunLogCoding.write(line, to: logs.appendingPathComponent("c.jsonl"))
        #expect { try PlaneReportSource.log(in: logs) } throws: { "\($0)".contains("mixes the 2-D run a.jsonl") }
        try FileManager.default.removeItem(at: logs.appendingPathComponent("a.jsonl"))
        #expect(try PlaneReportSource.log(in: logs) == nil)
        var unfinished = log
        unfinished.final = nil
        #expect { try self.build(unfinished) } throws: { "\($0)".contains("has no final record") }
    }
}
