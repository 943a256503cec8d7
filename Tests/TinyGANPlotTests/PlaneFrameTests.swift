import Testing
import TinyGANCore
import TinyGANPlot

/// A snapshot's frame (the 2-D report's slider) shows that snapshot's
/// points, metrics and D, not the final ones.
@Suite struct PlaneFrameTests {
    /// The frame of a middle snapshot: its points in both panels, its
    /// epoch and mode summary in the title, the target's box.
    @Test func frameShowsItsSnapshotsPoints() throws {
        let log = try PlaneFigureTests.ringLog()
        let index = 2, snapshot = log.snapshots[index], n = snapshot.points.count / 2
        #expect(snapshot.points != log.final?.points)
        let figure = try PlaneFigures.frame(log, snapshot: index)
        #expect(figure.panels.count == 2)
        let box = PlaneTarget.ring.bounds
        for panel in figure.panels {
            #expect(panel.xRange == box.xMin...box.xMax && panel.yRange == box.yMin...box.yMax)
            let points = try #require(panel.series.first { $0.xs.count == n })
            #expect(points.xs == snapshot.points[..<n].map(Double.init)
                    && points.ys == snapshot.points[n...].map(Double.init))
        }
        let modes = try #require(snapshot.evaluation.modes)
        let title = try #require(figure.title)
        #expect(title.hasPrefix("Epoch \(snapshot.epoch), ring seed 2: \(modes.modesCovered) of 8 modes"), "\(title)")
    }

    /// The heatmap is the snapshot's D: each tile green exactly where that
    /// D, evaluated directly by a Float network at the tile's centre, says
    /// real (above 1/2), as `decisionTilesFollowDEvaluatedDirectly` checks
    /// the final D; and the first snapshot's D (untrained) gives other
    /// colours than the last's.
    @Test func frameHeatmapIsTheSnapshotsD() throws {
        let log = try PlaneFigureTests.ringLog()
        func tiles(_ index: Int) throws -> (Series, [Color]) {
            let figure = try PlaneFigures.frame(log, snapshot: index)
            let tiles = try #require(figure.panels[1].series.first)
            guard case .tiles(_, _, let colors) = tiles.kind else { return (tiles, []) }
            return (tiles, colors)
        }
        let (series, colors) = try tiles(1)
        #expect(colors.count == series.xs.count && !colors.isEmpty)
        let weights = log.snapshots[1].discriminator
        var network = MultilayerPerceptron<Float>(sizes: weights.sizes, activations: weights.activations,
                                                  batchSize: series.xs.count)
        network.loadParameters(weights.parameters)
        var direct = [Float](repeating: 0, count: series.xs.count)
        network.forward((series.xs + series.ys).map { Float($0) }, into: &direct)
        var judged = 0
        for (d, color) in zip(direct, colors) where abs(d - 0.5) > 0.01 {
            judged += 1
            #expect((color.green > color.red) == (d > 0.5))
        }
        #expect(judged > series.xs.count / 2)
        #expect(try tiles(0).1 != tiles(log.snapshots.count - 1).1)
    }

    /// D judging packs has no value at a single point: one panel, no heatmap.
    @Test func packedDFramesHaveOnlyThePoints() throws {
        let log = try PlaneFigureTests.ringLog(pack: 2)
        let figure = try PlaneFigures.frame(log, snapshot: 0)
        #expect(figure.panels.count == 1 && figure.panels[0].title == "target: ring")
        #expect(figure.width < 500)
    }

    @Test func aSnapshotTheLogLacksIsUnavailable() throws {
        let log = try PlaneFigureTests.ringLog()
        #expect(throws: FigureUnavailable.self) { try PlaneFigures.frame(log, snapshot: log.snapshots.count) }
        #expect(FigureFiles.planeFrameStem(7) == "frame-007" && FigureFiles.planeFrameStem(1234) == "frame-1234")
    }

    /// The Chinese frame's title is Chinese.
    @Test func chineseFrameTitle() throws {
        let log = try PlaneFigureTests.ringLog()
        let title = try #require(try PlaneFigures.frame(log, snapshot: 1, FigureStrings(.zh)).title)
        #expect(title.hasPrefix("第 \(log.snapshots[1].epoch) 轮") && !title.contains("Epoch"), "\(title)")
    }
}
