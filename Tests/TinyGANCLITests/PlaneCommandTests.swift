import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TinyGANCore

/// `tinygan train` and `tinygan plot` on a 2-D target, as a user runs them.
@Suite struct PlaneCommandTests {
    static let quick = ["--epochs", "40", "--snapshot-interval", "20", "--log-interval", "5"]

    /// A ring run writes a plane log with its snapshots; plot draws the four
    /// figures in both formats, each SVG parses, and the PNG of the samples
    /// has vermillion points inside the panel.
    @Test func trainAndPlotARingRun() throws {
        let folder = try Tool.temporaryFolder()
        let trained = try Tool.run(["train", "--preset", "ring", "--out", "r.jsonl"] + Self.quick, in: folder)
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(trained.stdout.contains("ring seed 1: 40 epochs") && trained.stdout.contains("of 8, HQ"), "\(trained.stdout)")
        let log = try PlaneRunLogCoding.read(from: folder.appendingPathComponent("r.jsonl"))
        #expect(log.snapshots.map(\.epoch) == [0, 20, 40] && log.epochs.count == 8)
        let plotted = try Tool.run(["plot", "r.jsonl", "--out", "f", "-q"], in: folder)
        #expect(plotted.status == 0, "\(plotted.stderr)")
        for kind in PlaneFigureKindNames.all {
            for ext in ["png", "svg"] {
                let url = folder.appendingPathComponent("f/\(kind).\(ext)")
                #expect(FileManager.default.fileExists(atPath: url.path), "\(kind).\(ext)")
            }
            let parser = XMLParser(data: try Data(contentsOf: folder.appendingPathComponent("f/\(kind).svg")))
            #expect(parser.parse(), "\(kind).svg does not parse")
        }
    }

    /// A 2-D log with a 1-D one is refused before anything is drawn.
    @Test func twoDAndOneDLogsAreNotMixed() throws {
        let folder = try Tool.temporaryFolder()
        #expect(try Tool.run(["train", "--preset", "ring", "--out", "r.jsonl", "-q"] + Self.quick, in: folder).status == 0)
        #expect(try Tool.run(["train", "--epochs", "20", "--out", "a.jsonl", "-q"], in: folder).status == 0)
        let mixed = try Tool.run(["plot", "r.jsonl", "a.jsonl", "--out", "f"], in: folder)
        #expect(mixed.status == 2 && mixed.stderr.contains("2-D run's log"), "\(mixed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("f").path))
        let exported = try Tool.run(["export", "r.jsonl", "--out", "r.csv"], in: folder)
        #expect(exported.status != 0 && exported.stderr.contains("a record of a 2-D run"), "\(exported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.csv").path))
    }
}

/// `tinygan sweep` and `tinygan benchmark mode-collapse` on 2-D targets.
@Suite struct PlaneSweepCommandTests {
    /// A sweep of ring runs prints each point's modes and writes its summary.
    @Test func sweepOfRingRuns() throws {
        let folder = try Tool.temporaryFolder()
        let swept = try Tool.run(["sweep", "--preset", "ring", "--runs", "2", "--epochs", "20", "--grid", "pack=1,2",
                                  "--out", "s"], in: folder)
        #expect(swept.status == 0, "\(swept.stderr)")
        #expect(swept.stdout.contains("pack=1: ") && swept.stdout.contains("pack=2: ")
                    && swept.stdout.contains("of 8 modes"), "\(swept.stdout)")
        let csv = try String(contentsOf: folder.appendingPathComponent("s/summary.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 5)
        for point in ["pack=1", "pack=2"] {
            for ext in ["png", "svg"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("s/figures/samples-grid-\(point).\(ext)").path))
            }
        }
        let refused = try Tool.run(["report", "--from", "s"], in: folder)
        #expect(refused.status == 2 && refused.stderr.contains("sweep of a 2-D target"), "\(refused.stderr)")
    }

    /// The benchmark trains, prints a line per method and target, writes
    /// its page; a second run without --resume is refused and changes
    /// nothing; with --resume it trains nothing; `report --from` redraws it.
    @Test func benchmarkEndToEnd() throws {
        let folder = try Tool.temporaryFolder()
        let arguments = ["benchmark", "mode-collapse", "--runs", "2", "--epochs", "20", "--methods", "gan,pacgan2",
                         "--targets", "ring", "--out", "b"]
        let first = try Tool.run(arguments, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("GAN on ring: ") && first.stdout.contains("PacGAN2 on ring: "), "\(first.stdout)")
        let page = folder.appendingPathComponent("b/index.html")
        let written = try Data(contentsOf: page)
        #expect(String(decoding: written, as: UTF8.self).contains("PacGAN, Table 1"))
        for method in ["gan", "pacgan2"] {
            let figure = "ring/\(method)/figures/samples-grid.png"
            #expect(String(decoding: written, as: UTF8.self).contains("src=\"\(figure)\""))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("b/" + figure).path))
        }
        let again = try Tool.run(arguments, in: folder)
        #expect(again.status == 2 && again.stderr.contains("add --resume"), "\(again.stderr)")
        #expect(try Data(contentsOf: page) == written)
        let resumed = try Tool.run(arguments + ["--resume"], in: folder)
        #expect(resumed.status == 0 && resumed.stderr.contains("0 run(s) to train"), "\(resumed.stderr)")
        let redrawn = try Tool.run(["report", "--from", "b", "--lang", "zh"], in: folder)
        #expect(redrawn.status == 0, "\(redrawn.stderr)")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("模式坍塌"))
    }
}

extension PlaneCommandTests {
    /// `tinygan report --preset ring` end to end on a short run: the page
    /// with one frame per snapshot and the log's final numbers; `--from`
    /// the report rebuilds it in place and in Chinese; its reproduce
    /// command trains the same log; `--runs` is refused.
    @Test func reportOfARingRun() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try Tool.run(["report", "--preset", "ring", "--name", "r"] + Self.quick, in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("wrote") && made.stdout.contains("reports/r/index.html"), "\(made.stdout)")
        let report = folder.appendingPathComponent("reports/r")
        let log = try PlaneRunLogCoding.read(from: report.appendingPathComponent("runs/main-seed1.jsonl"))
        #expect(log.snapshots.map(\.epoch) == [0, 20, 40])
        let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("<title>A GAN learns a ring of 8 Gaussians</title>"))
        #expect(html.contains(#"<input type="range" id="frame-range" min="0" max="2" step="1" value="2"/>"#))
        #expect(html.matches(of: #/<li id="frame-\d+"/#).count == 3)
        let e = try #require(log.final?.evaluation)
        for value in [e.modes!.hqShare, e.modes!.reverseKL, e.modes!.pacganJSD, e.grid.kl, e.grid.js] {
            #expect(html.contains("data-value=\"\(value)\""), "\(value)")
        }
        for k in 0..<3 {
            #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("figures/frame-00\(k).png").path))
        }
        let rebuilt = try Tool.run(["report", "--from", "reports/r", "-q"], in: folder)
        #expect(rebuilt.status == 0 && rebuilt.stdout.isEmpty, "\(rebuilt.stderr)")
        let chinese = try Tool.run(["report", "--from", "reports/r", "--lang", "zh", "--name", "rz", "-q"], in: folder)
        #expect(chinese.status == 0, "\(chinese.stderr)")
        let zh = try String(contentsOf: folder.appendingPathComponent("reports/rz/index.html"), encoding: .utf8)
        #expect(zh.contains(#"<html lang="zh">"#) && zh.contains("GAN 学习 8 个高斯分布组成的环"))
        let command = try reproduceCommand(report.appendingPathComponent("index.html"))
        #expect(command == "tinygan report --preset ring --epochs 40 --log-interval 5 --snapshot-interval 20 --seed 1",
                "\(command)")
        try expectReproduced(command, extra: "--name again -q", in: folder, trained: "reports/r/runs",
                             retrained: "reports/again/runs", logs: 1)
        let refused = try Tool.run(["report", "--from", "reports/r", "--runs", "2"], in: folder)
        #expect(refused.status == 2 && refused.stderr.contains("tells one run"), "\(refused.stderr)")
    }
}

/// The plane figures' file stems (`PlaneFigureKind`'s raw values), spelled
/// out so that a renamed figure breaks this test.
enum PlaneFigureKindNames {
    static let all = ["samples", "evolution", "quality", "decision"]
}
