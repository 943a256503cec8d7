import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

/// The 2-D lab's figures show the log's points, metrics and D.
@Suite struct PlaneFigureTests {
    /// The short ring run of `shortRingLog`.
    static func ringLog(pack: Int = 1, loss: GANLoss = .bce, zDim: Int = 2, noise: NoiseKind = .gaussian,
                        seed: UInt64 = 2) throws -> PlaneRunLog {
        try shortRingLog(pack: pack, loss: loss, zDim: zDim, noise: noise, seed: seed)
    }

    @Test func samplesShowTheFinalPointsOverTheTargetsBox() throws {
        let log = try Self.ringLog()
        let figure = try PlaneFigures.samples(log)
        let panel = try #require(figure.panels.first)
        let box = PlaneTarget.ring.bounds
        #expect(panel.xRange == box.xMin...box.xMax && panel.yRange == box.yMin...box.yMax)
        let final = try #require(log.final), n = final.points.count / 2
        let points = try #require(panel.series.first { $0.xs.count == n })
        #expect(points.xs == final.points[..<n].map(Double.init) && points.ys == final.points[n...].map(Double.init))
        let means = try #require(panel.series.first { $0.xs.count == 8 })
        let modes = try #require(PlaneTarget.ring.modes)
        #expect(means.xs == modes.map(\.x) && means.ys == modes.map(\.y))
        let covered = try #require(final.evaluation.modes).modesCovered
        #expect(figure.title?.contains("\(covered) of 8 modes") == true)
    }

    /// Four panels of six snapshots, the first and last among them, titled
    /// with their epochs.
    @Test func evolutionShowsEvenlySpacedSnapshots() throws {
        let log = try Self.ringLog()
        let figure = try PlaneFigures.evolution(log, panels: 4)
        #expect(log.snapshots.map(\.epoch) == [0, 20, 40, 60, 80, 100])
        let titles = figure.panels.compactMap(\.title)
        #expect(titles.count == 4)
        // Snapshots round(k 5 / 3), k = 0 ... 3, of the six: 0, 2, 3 and 5.
        for (title, epoch) in zip(titles, [0, 40, 60, 100]) {
            #expect(title.hasPrefix("epoch \(epoch):"), "\(title)")
        }
    }

    @Test func qualityDrawsEachSnapshotsMetrics() throws {
        let log = try Self.ringLog()
        let figure = try PlaneFigures.quality(log)
        let statistics = log.snapshots.compactMap(\.evaluation.modes)
        #expect(figure.panels.count == 2)
        #expect(figure.panels[0].series[0].ys == statistics.map(\.hqShare))
        #expect(figure.panels[0].series[1].ys == statistics.map { Double($0.modesCovered) / 8 })
        #expect(figure.panels[1].series[0].ys == log.snapshots.map(\.evaluation.grid.js))
    }

    /// Each tile is green where D, evaluated directly by a Float network
    /// with the final weights at the tile's centre, says real (above 1/2)
    /// and purple where it says generated: white mixed toward green
    /// (0, 0.62, 0.45) keeps green above red, toward purple (0.8, 0.47,
    /// 0.65) red above green. Tiles within 0.01 of 1/2 are nearly white
    /// and are not judged.
    @Test func decisionTilesFollowDEvaluatedDirectly() throws {
        let log = try Self.ringLog()
        let figure = try PlaneFigures.decision(log)
        let tiles = try #require(figure.panels[0].series.first)
        guard case .tiles(_, _, let colors) = tiles.kind else { Issue.record("no tiles"); return }
        let weights = try #require(log.final).discriminator
        var network = MultilayerPerceptron<Float>(sizes: weights.sizes, activations: weights.activations,
                                                  batchSize: tiles.xs.count)
        network.loadParameters(weights.parameters)
        var direct = [Float](repeating: 0, count: tiles.xs.count)
        network.forward((tiles.xs + tiles.ys).map { Float($0) }, into: &direct)
        var judged = 0
        for (d, color) in zip(direct, colors) where abs(d - 0.5) > 0.01 {
            judged += 1
            #expect((color.green > color.red) == (d > 0.5))
        }
        #expect(judged > tiles.xs.count / 2)
    }

    @Test func figuresALogCannotHaveSayWhy() throws {
        var log = try Self.ringLog()
        log.snapshots = Array(log.snapshots.prefix(1))
        #expect(throws: FigureUnavailable.self) { try PlaneFigures.quality(log) }
        log.final = nil
        #expect(throws: FigureUnavailable.self) { try PlaneFigures.samples(log) }
        #expect(throws: FigureUnavailable.self) { try PlaneFigures.decision(log) }
    }

    /// The panel of a map of the plane draws x and y at one scale: the
    /// ring's square box is a square frame.
    @Test func planePanelsDrawXAndYAtOneScale() throws {
        let scene = FigureLayout(metrics: ApproximateTextMetrics()).scene(for: try PlaneFigures.samples(try Self.ringLog()))
        let frames = scene.items.compactMap { item -> Rect? in
            if case .rectangle(let rect, let stroke?, nil) = item, stroke.color == FigureLayout.Style.axisColor { rect } else { nil }
        }
        let frame = try #require(frames.first)
        #expect(frames.count == 1 && abs(frame.width - frame.height) < 1e-9 && frame.width > 400, "\(frames)")
    }
}
