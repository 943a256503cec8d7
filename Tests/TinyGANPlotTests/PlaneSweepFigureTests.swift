import Foundation
import Testing
import TinyGANCore
import TinyGANPlot

/// The grid of several 2-D runs' final points, by what it shows.
@Suite struct PlaneSweepFigureTests {
    typealias Log = PlaneFigureTests

    /// Three seeds of the short ring run: three panels in one row, each
    /// over the ring's box with all 2,500 final points, titled with its
    /// seed, modes covered and HQ share from the log's final record.
    @Test func oneTitledPanelPerRun() throws {
        let logs = try (1...3).map { try Log.ringLog(seed: UInt64($0)) }
        let figure = try PlaneFigures.sweepGrid(logs: logs)
        #expect(figure.panels.count == 3 && figure.columns == 3 && figure.rows == 1)
        let box = PlaneTarget.ring.bounds
        for (panel, log) in zip(figure.panels, logs) {
            let modes = try #require(log.final?.evaluation.modes)
            let hq = String(format: "%.0f", 100 * modes.hqShare)
            #expect(panel.title == "seed \(log.header.seed): \(modes.modesCovered)/8 modes, \(hq)% HQ")
            #expect(panel.xRange == box.xMin...box.xMax && panel.yRange == box.yMin...box.yMax && panel.equalScales)
            let points = try #require(panel.series.first { if case .points = $0.kind { true } else { false } })
            #expect(points.xs.count == 2_500 && points.xs == log.final!.points[..<2_500].map(Double.init))
        }
        let mean = Double(logs.map { $0.final!.evaluation.modes!.modesCovered }.reduce(0, +)) / 3
        #expect(figure.title?.contains("3 runs on ring: \(String(format: "%.1f", mean)) of 8 modes") == true,
                "\(figure.title ?? "")")
    }

    /// Every mode of the ring shows in the small panels' density, though
    /// the tiles (0.075 wide) are 7.5 of its std wide and a tile's centre
    /// can miss a mode by 3.75 std: the tile holding each mode mean is
    /// clearly blue (blue above red by a fifth of the scale).
    @Test func everyModeShowsInTheSmallPanels() throws {
        let figure = try PlaneFigures.sweepGrid(logs: [try Log.ringLog()])
        let tiles = figure.panels[0].series[0]
        guard case .tiles(let width, let height, let colors) = tiles.kind else { Issue.record("no tiles"); return }
        for mode in try #require(PlaneTarget.ring.modes) {
            let holding = tiles.xs.indices.filter { abs(tiles.xs[$0] - mode.x) <= width / 2 && abs(tiles.ys[$0] - mode.y) <= height / 2 }
            #expect(!holding.isEmpty && holding.allSatisfy { colors[$0].blue - colors[$0].red > 0.2 }, "\(mode)")
        }
    }

    /// Given titles are used; ten runs make two rows of five, seven two
    /// rows of four; a run without a final record, or one that diverged,
    /// is its target alone, marked.
    @Test func titlesRowsAndMarks() throws {
        let log = try Log.ringLog()
        let titles = (1...10).map { "lr \($0)" }
        let ten = try PlaneFigures.sweepGrid(logs: Array(repeating: log, count: 10), titles: titles)
        #expect(ten.columns == 5 && ten.rows == 2)
        #expect(ten.panels.map { String($0.title!.prefix { $0 != ":" }) } == titles)
        #expect(try PlaneFigures.sweepGrid(logs: Array(repeating: log, count: 7)).columns == 4)
        var unfinished = log, diverged = log
        unfinished.final = nil
        diverged.final!.diverged = true
        let marked = try PlaneFigures.sweepGrid(logs: [unfinished, diverged], titles: ["a", "b"], language: .zh)
        #expect(marked.panels.map(\.mark) == ["无最终记录", "发散"])
        #expect(marked.panels.allSatisfy { $0.series.count == 1 })
        #expect(throws: FigureUnavailable.self) { try PlaneFigures.sweepGrid(logs: []) }
    }

    /// A target without modes is titled with its grid JS.
    @Test func targetsWithoutModesShowGridJS() throws {
        var config = Presets.ring
        config.target = try Target(spec: "swiss-roll")
        config.generator = NetworkConfig(hiddenSizes: [8], activations: [.relu])
        config.discriminator = NetworkConfig(hiddenSizes: [8], activations: [.relu])
        config.epochs = 20
        config.snapshotInterval = 20
        var trainer = try PlaneTrainer(config: config, seed: 1)
        let log = trainer.run()
        let figure = try PlaneFigures.sweepGrid(logs: [log], titles: ["roll"])
        let js = String(format: "%.3f", try #require(log.final).evaluation.grid.js)
        #expect(figure.panels[0].title == "roll: grid JS \(js)")
        let box = PlaneTarget.swissRoll.bounds
        #expect(figure.panels[0].xRange == box.xMin...box.xMax && figure.panels[0].yRange == box.yMin...box.yMax)
    }

    /// `writePlaneSweep` writes samples-grid.EXT in each format.
    @Test func writesSamplesGridFiles() throws {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = try Log.ringLog()
        let written = try FigureFiles(renderer: RecordingRenderer(), formats: [.png, .svg])
            .writePlaneSweep(logs: [log, log], to: folder)
        #expect(written.map(\.lastPathComponent) == ["samples-grid.png", "samples-grid.svg"])
        #expect(written.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
    }
}
