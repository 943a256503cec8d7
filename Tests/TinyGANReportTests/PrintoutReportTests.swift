import Foundation
import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANReport
import TinyGANTestSupport

/// A report of a folder of printouts of the original, as the article's
/// experiment run in PyTorch leaves them: some with their final values,
/// some without (no matplotlib), one saved on Windows, one with warnings
/// between its lines, one cut in its Values line. Runs with final values
/// are judged; the others are shown with their last printed moments, "not
/// judged", and the counts are over the judged runs.
@Suite struct PrintoutReportTests {
    /// One printout: its file name, text, and whether it has final values
    /// (and if so whether they follow the target).
    struct Printout {
        let name: String
        let text: String
        let lastMean: Double
        let judged: Bool
        let good: Bool
    }

    static func printouts() -> [Printout] {
        func make(_ mean: Double, _ values: [Double]?) -> OriginalPrintoutText {
            OriginalPrintoutText(lastMean: mean, lastStd: 1.2, values: values)
        }
        let good = OriginalPrintoutText.normalValues(mean: 4, std: 1.25)
        let spike = OriginalPrintoutText.normalValues(mean: -11, std: 0.05)
        var warned = make(4.03, good).lines
        warned.insert("/usr/lib/python3/site-packages/torch/nn/functional.py:12: UserWarning: deprecated", at: 7)
        let cut = make(4.04, good).text()
        let cutValues = String(cut.dropLast(5000))
        return [
            Printout(name: "run01.txt", text: make(3.91, nil).text(), lastMean: 3.91, judged: false, good: false),
            Printout(name: "run02.txt", text: make(4.01, good).text(), lastMean: 4.01, judged: true, good: true),
            Printout(name: "run03.txt", text: make(-10.9, spike).text(), lastMean: -10.9, judged: true, good: false),
            Printout(name: "run04.txt", text: make(3.92, nil).text(ending: "\r\n"), lastMean: 3.92, judged: false, good: false),
            Printout(name: "run05.txt", text: warned.map { $0 + "\r\n" }.joined(), lastMean: 4.03, judged: true, good: true),
            Printout(name: "run06.txt", text: cutValues, lastMean: 4.04, judged: false, good: false),
        ]
    }

    /// Writes the printouts into a new folder.
    static func folder() throws -> URL {
        let folder = try temporaryFolder()
        for printout in printouts() {
            try Data(printout.text.utf8).write(to: folder.appendingPathComponent(printout.name))
        }
        return folder
    }

    @Test func readingAFolderOfPrintouts() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = try ReportRuns.read(folder: folder)
        let printouts = Self.printouts()
        // The main run is the first with final values; the others form the experiment.
        #expect(runs.main.final != nil && runs.main.epochs.last?.fakeMean == Float(printouts[1].lastMean))
        #expect(runs.grid.count == printouts.count - 1)
        #expect(runs.grid.filter { $0.final == nil }.count == printouts.filter { !$0.judged }.count)
        #expect(runs.all.allSatisfy { $0.isOriginalPrintout })
        #expect(runs.notes.count == 2)
        #expect(runs.notes[0].hasPrefix("run05.txt: line 8: not a line of the original's output, skipped: '/usr/lib"))
        #expect(runs.notes[1].hasPrefix("run06.txt: last line cut: the Values list ends after "))
    }

    /// A tinygan log without its final record is a run still training:
    /// refused, named, even beside printouts.
    @Test func unfinishedTinyganLogIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var log = syntheticLog(seed: 3)
        log.final = nil
        try RunLogCoding.write(log, to: folder.appendingPathComponent("training.jsonl"))
        #expect { try ReportRuns.read(folder: folder) } throws: {
            "\($0)".contains("training.jsonl: line ") && "\($0)".contains("is truncated: no final record")
        }
    }

    @Test(arguments: [ReportLanguage.en, .zh])
    func reportOfPrintouts(_ language: ReportLanguage) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report")
        let runs = try ReportRuns.read(folder: folder)
        try ReportBuilder.build(runs, settings: ReportSettings(language: language, templates: templates),
                                destination: report, replacing: false)
        let page = try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
        let grid = Self.printouts().filter { $0.name != "run02.txt" }
        let notJudged = language == .en ? "not judged: no final samples" : "未判定：没有最终样本"
        // One row per run of the experiment; the runs without final values
        // show their last printed moments and no verdict.
        #expect(page.cells.count == grid.count)
        // Printouts all have seed 0: each row is named by its file, and
        // links its log and CSV under that name.
        #expect(page.cells.map { $0[0].shown } == grid.map { String($0.name.dropLast(4)) })
        for (row, printout) in zip(page.cells, grid) {
            #expect((row[7].shown == notJudged) == !printout.judged, "\(printout.name)")
        }
        #expect(grid.allSatisfy { page.links.contains("runs/\($0.name.dropLast(4)).jsonl") })
        let unjudgedRows = page.cells.filter { $0[7].shown == notJudged }
        #expect(unjudgedRows.count == grid.filter { !$0.judged }.count)
        #expect(Set(unjudgedRows.map { $0[1].shown }) == Set(grid.filter { !$0.judged }.map { String(format: "%.3f", $0.lastMean) }))
        #expect(unjudgedRows.allSatisfy { row in (3...6).allSatisfy { row[$0].shown == "\u{2013}" } })
        let judgedRows = page.cells.filter { $0[7].shown != notJudged }
        let success = FigureStrings(language).verdict(.success)
        #expect(judgedRows.count == grid.filter(\.judged).count)
        #expect(judgedRows.filter { $0[7].shown == success }.count == grid.filter(\.good).count)
        // The counts are over the judged runs, and say how many were not judged.
        let successes = grid.filter(\.good).count, judged = grid.filter(\.judged).count
        let rate = String(format: "%.0f%%", 100 * Double(successes) / Double(judged))
        let tally = language == .en
            ? "\(successes) of \(judged) judged runs succeeded (\(rate)); \(grid.count - judged) of the \(grid.count) runs were not judged"
            : "\(judged) 次已判定的运行中 \(successes) 次成功（\(rate)）；\(grid.count) 次运行中有 \(grid.count - judged) 次因缺少最终样本而未判定"
        #expect(page.text.contains(tally), "\(page.text)")
        // The main run's final samples are the 500 values its printout holds.
        #expect(page.text.contains(language == .en ? "the 500 values of G's last minibatch that the original printed have mean 4.000"
                                                   : "原程序打印的 G 最后一个小批量的 500 个值的均值为 4.000"))
        // The page says where the runs come from, naming them by their printouts.
        let names = grid.map { String($0.name.dropLast(4)) }.joined(separator: ", ")
        #expect(page.text.contains(language == .en ? "\(grid.count) runs of the original script, read from their printouts (\(names))"
                                                   : "原程序的 \(grid.count) 次运行，读自它们的输出（\(names)）"))
        #expect(page.text.contains(language == .en ? "These runs were made by the original PyTorch script, not by tinygan"
                                                   : "这些运行由原 PyTorch 程序完成，而非 tinygan"))
        #expect(!page.text.contains(language == .en ? "identical but for their seeds" : "除种子外完全相同"))
        // What the reader skipped is shown; the grid leaves out the unjudged runs, saying so.
        #expect(page.text.contains("run05.txt: line 8: not a line of the original's output, skipped"))
        #expect(page.text.contains("run06.txt: last line cut"))
        #expect(page.text.contains("3 of 5 runs: runs: left out of the grid"))
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("figures/runs.svg").path))
        // Rebuilt from its own runs/, the report reads the same runs under the same names.
        let again = try ReportRuns.read(folder: report)
        #expect(again.main == runs.main && again.grid == runs.grid)
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("runs/main-run02.jsonl").path))
        try ReportBuilder.build(again, settings: ReportSettings(language: language, templates: templates),
                                destination: report, replacing: true)
        let rebuilt = try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
        #expect(rebuilt.cells.map { $0[0].shown } == page.cells.map { $0[0].shown })
        #expect(rebuilt.cells.map { $0[7].shown } == page.cells.map { $0[7].shown })
    }

    /// With no final values anywhere, the main run is told by its last
    /// printed line and nothing is counted as a success or a failure.
    @Test func noFinalValuesAtAll() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (k, mean) in [3.9, 4.2, 4.4].enumerated() {
            let text = OriginalPrintoutText(lastMean: mean, lastStd: 1.1, values: nil).text()
            try Data(text.utf8).write(to: folder.appendingPathComponent("p\(k).txt"))
        }
        let report = folder.appendingPathComponent("report")
        try ReportBuilder.build(try ReportRuns.read(folder: folder), settings: ReportSettings(templates: templates),
                                destination: report, replacing: false)
        let page = try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
        #expect(page.text.contains("On its last printed line (epoch 4900) G's minibatch had mean 3.900"))
        #expect(page.text.contains("None of the 2 runs could be judged"))
        #expect(page.text.contains("all runs: runs: no run has final samples"))
        #expect(page.text.contains("distribution: needs the final values"))
        #expect(!FileManager.default.fileExists(atPath: report.appendingPathComponent("figures/runs.svg").path))
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("figures/moments.svg").path))
    }
}
