import Foundation
import Testing
import TinyGANCore
import TinyGANReport

/// The mode-collapse benchmark's page, read back: one row per method of
/// ours with the numbers of its summary, then the papers' rows as
/// `shared/BENCHMARKS.md` gives them, and the protocol of the runs.
@Suite struct BenchmarkPageTests {
    static func trained() throws -> (root: URL, benchmark: ModeCollapseBenchmark) {
        let root = try temporaryFolder().appendingPathComponent("bench")
        let benchmark = try ModeCollapseBenchmark(
            methods: try ModeCollapseMethod.named(["gan", "r1"]), seeds: [1, 2],
            epochs: 20)
        try SweepFolder.train(try SweepFolder.pendingRuns(of: try benchmark.prepare(at: root, resume: false)),
                                threads: 2)
        return (root, benchmark)
    }

    @Test func tableHoldsOursAndThePapers() throws {
        let (root, _) = try Self.trained()
        let results = try ReportBuilder.buildBenchmark(at: root, settings: ReportSettings(templates: templates))
        let page = try PageReader.read(try Data(contentsOf: root.appendingPathComponent("index.html")))
        let rows = try #require(page.tables["benchmark-table"]).map { $0.map(\.shown) }
        #expect(rows.count == 2 + ModeCollapseLiterature.rows.count)
        // Ours: source, method, then ring's and grid's four cells, then the wall time.
        for (row, method) in zip(rows, ["GAN", "R1"]) {
            #expect(row.count == 2 + 8 + 1 && row[0] == "tinygan" && row[1] == method)
            for (k, target) in ["ring", "grid"].enumerated() {
                let point = try #require(results.first { $0.target == target && $0.method.name == method }?.metrics)
                #expect(row[2 + 4 * k] == point.modesCovered!.formatted(digits: 1))
                #expect(row[3 + 4 * k] == point.hqShare!.formatted(digits: 1, scale: 100))
                #expect(row[4 + 4 * k] == point.reverseKL!.formatted(digits: 2))
                #expect(row[5 + 4 * k] == "\(point.runsMeetingBar!) / 2")
            }
        }
        #expect(rows[2] == ["PacGAN, Table 1", "GAN", "6.3 ± 0.5", "98.2 ± 0.2", "0.45 ± 0.09", "",
                            "17.3 ± 0.8", "94.8 ± 0.7", "0.70 ± 0.07", "", ""])
        #expect(rows[6][1] == "PacGAN4" && rows[6][6] == "24.8 ± 0.2" && rows[6][8] == "0.04 ± 0.01")
        #expect(rows[8] == ["VEEGAN, Table 1", "ALI", "2.8", "0.13", "–", "", "15.8", "1.6", "–", "", ""])
        #expect(page.text.contains("G 2 → 64 → 64 → 64 → 2 (relu)") && page.text.contains("20 epochs"))
        #expect(page.text.contains("cut short") && page.text.contains("--epochs 20"))
        #expect(page.text.contains("--methods gan,r1") && page.text.contains("seeds 1 to 2"))
    }

    /// The page in Chinese is in Chinese, with the same table.
    @Test func chinesePage() throws {
        let (root, _) = try Self.trained()
        try ReportBuilder.buildBenchmark(at: root, settings: ReportSettings(language: .zh, templates: templates))
        let page = try PageReader.read(try Data(contentsOf: root.appendingPathComponent("index.html")))
        #expect(page.text.contains("模式坍塌") && page.text.contains("--lang zh"))
        #expect(page.tables["benchmark-table"]?.count == 2 + ModeCollapseLiterature.rows.count)
    }
}
