import Foundation
import Testing
import TinyGANCore
import TinyGANReport

/// The section "Why GANs orbit": built from the Dirac-GAN log the report
/// writes into runs/, and rebuilt from that log by --from.
@Suite struct DiracReportTests {
    /// A small Dirac-GAN experiment (100 steps), so that what the page says
    /// is this log's and not the default one's.
    func smallDirac() -> DiracLog {
        var s = DiracSettings()
        s.steps = 100
        s.noiseSamples = 32
        return DiracTraining.experiment(s)
    }

    @Test(arguments: ReportLanguage.allCases)
    func theSectionShowsTheLogsVerdicts(_ language: ReportLanguage) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs = try shortRuns(count: 1)
        runs.dirac = smallDirac()
        let report = folder.appendingPathComponent("r")
        try ReportBuilder.build(runs, settings: ReportSettings(language: language, templates: templates),
                                destination: report, replacing: false)
        #expect(try DiracLog.read(from: report.appendingPathComponent("runs/dirac.json")) == runs.dirac)
        let page = try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
        #expect(page.images.contains("figures/dirac.svg"))
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("figures/dirac.svg").path))
        let words: [DiracVerdict: String] = language == .en
            ? [.converges: "converges", .orbits: "orbits", .diverges: "diverges", .stalls: "stalls"]
            : [.converges: "收敛", .orbits: "绕圈", .diverges: "发散", .stalls: "停滞"]
        let rows = page.tables["dirac-table"] ?? []
        let games = DiracMethod.games.count
        #expect(rows.count == games)
        for (row, pair) in zip(rows, stride(from: 0, to: 2 * games, by: 2).map { (runs.dirac!.runs[$0], runs.dirac!.runs[$0 + 1]) }) {
            #expect(row[0].shown == pair.0.method.game)
            #expect(row[1].shown == words[pair.0.verdict] && row[2].shown == words[pair.1.verdict])
        }
        let judged = runs.dirac!.runs.compactMap { DiracClaim($0.method).agrees(with: $0.verdict) }
        let tally = language == .en
            ? "\(judged.filter { $0 }.count) of the \(judged.count) runs about which the paper states an outcome"
            : "在论文给出结论的 \(judged.count) 次运行中，有 \(judged.filter { $0 }.count) 次"
        #expect(page.text.contains(tally))
        #expect(page.text.contains(language == .en ? "Why GANs orbit" : "GAN 为何绕圈"))
        #expect(page.text.contains(language == .en ? "100 steps of gradient descent" : "走 100 步"))
    }

    /// --from reads runs/dirac.json and draws from it: a log edited by hand
    /// (its header says 77 steps; its paths are left as they are) shows on
    /// the rebuilt page, which no fresh computation would give.
    @Test func rebuildingUsesTheDiracLog() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs = try shortRuns(count: 1)
        runs.dirac = smallDirac()
        let report = folder.appendingPathComponent("r")
        let settings = try ReportSettings(templates: templates)
        try ReportBuilder.build(runs, settings: settings, destination: report, replacing: false)
        let logURL = report.appendingPathComponent("runs/dirac.json")
        var edited = try DiracLog.read(from: logURL)
        edited.header.settings.steps = 177
        try edited.write(to: logURL)
        let reread = try ReportRuns.read(folder: report)
        #expect(reread.dirac == edited)
        try ReportBuilder.build(reread, settings: settings, destination: report, replacing: true)
        let page = try PageReader.read(Data(contentsOf: report.appendingPathComponent("index.html")))
        #expect(page.text.contains("177 steps of gradient descent"))
        #expect(try DiracLog.read(from: logURL) == edited)
    }

    /// Logs without a Dirac-GAN log (a folder of run logs, or a report of an
    /// older tinygan) get the default experiment, written into the new report.
    @Test func logsWithoutOneGetTheDefaultExperiment() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("r")
        try ReportBuilder.build(try shortRuns(count: 1), settings: try ReportSettings(templates: templates),
                                destination: report, replacing: false)
        let log = try DiracLog.read(from: report.appendingPathComponent("runs/dirac.json"))
        #expect(log.header.settings == DiracSettings() && log.header.methods == DiracMethod.standard)
    }
}
