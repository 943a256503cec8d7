import Foundation
import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

/// The decision figure's arrows and warped noise grid, against D and G
/// evaluated directly from the log's final weights.
@Suite struct PlaneDecisionFigureTests {
    typealias Log = PlaneFigureTests

    /// The figure's arrow series: bases, and the arrows (dx, dy).
    static func arrows(_ figure: Figure) throws -> (xs: [Double], ys: [Double], dx: [Double], dy: [Double]) {
        let found = figure.panels[0].series.lazy.compactMap { series -> ([Double], [Double], [Double], [Double])? in
            if case .arrows(let dx, let dy) = series.kind { (series.xs, series.ys, dx, dy) } else { nil }
        }.first
        return try #require(found, "no arrow series")
    }

    /// Each arrow is s (-dL/dx) at its base, one s for all, the longest
    /// 1/12 of the ring's box (3 / 12), with dL/dx by central finite
    /// differences (`FiniteDifference`, h = 1e-6) of L = sum_p L_G(D(pack
    /// p)), D evaluated directly (`NetworkWeights.outputs(featureMajor:
    /// count:)`) on the packs as the trainer packs the shown points (pack
    /// p: points p, P + p, ...; for M = 1 every point alone). Tolerance:
    /// 1e-6 of the longest arrow. The bases are 150 (148 for M = 4) of the
    /// final record's points, all inside the box.
    @Test(arguments: [(GANLoss.bce, 1), (.leastSquares, 1), (.bce, 2), (.hinge, 4), (.minimax, 5)])
    func arrowsFollowTheLossGradientByFiniteDifferences(_ loss: GANLoss, _ pack: Int) throws {
        let log = try Log.ringLog(pack: pack, loss: loss)
        let figure = try PlaneFigures.decision(log)
        let arrows = try Self.arrows(figure)
        let k = arrows.xs.count, box = PlaneTarget.ring.bounds
        #expect(k == 150 - 150 % pack)
        #expect(zip(arrows.xs, arrows.ys).allSatisfy { box.contains(x: $0, y: $1) })
        let final = try #require(log.final), n = final.points.count / 2
        let logged = Set((0..<n).map { "\(Double(final.points[$0])) \(Double(final.points[n + $0]))" })
        #expect(zip(arrows.xs, arrows.ys).allSatisfy { logged.contains("\($0) \($1)") })

        let d = final.discriminator
        func total(_ planar: [Double]) -> Double {
            d.outputs(featureMajor: planar, count: k / pack).reduce(0) { $0 + loss.generator($1).value }
        }
        let gradient = FiniteDifference.gradient(of: total, at: arrows.xs + arrows.ys)
        let norms = (0..<k).map { (gradient[$0] * gradient[$0] + gradient[k + $0] * gradient[k + $0]).squareRoot() }
        let longest = try #require(norms.max()), scale = 0.25 / longest
        #expect(longest > 1e-4, "a gradient of 0 would test nothing")
        let drawn = (0..<k).map { (arrows.dx[$0] * arrows.dx[$0] + arrows.dy[$0] * arrows.dy[$0]).squareRoot() }
        #expect(abs(try #require(drawn.max()) - 0.25) < 1e-12)
        for i in 0..<k {
            #expect(abs(arrows.dx[i] + scale * gradient[i]) < 0.25e-6 && abs(arrows.dy[i] + scale * gradient[k + i]) < 0.25e-6,
                    "arrow \(i): (\(arrows.dx[i]), \(arrows.dy[i])) vs \(-scale * gradient[i]), \(-scale * gradient[k + i])")
        }
    }

    /// The figure is recomputed from the log alone: from the log written
    /// and read back, the same arrows and grid vertices, bit for bit.
    @Test func arrowsAndGridComeFromTheLogAlone() throws {
        let log = try Log.ringLog()
        let reread = try PlaneRunLogCoding.decode(try PlaneRunLogCoding.encode(log), file: "r.jsonl")
        let (a, b) = (try PlaneFigures.decision(log), try PlaneFigures.decision(reread))
        let (first, second) = (try Self.arrows(a), try Self.arrows(b))
        #expect(first.xs == second.xs && first.ys == second.ys && first.dx == second.dx && first.dy == second.dy)
        let grids = [a, b].map { $0.panels[0].series.first { $0.label == "noise grid through G" }! }
        #expect(grids[0].xs.elementsEqual(grids[1].xs) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        #expect(grids[0].ys.elementsEqual(grids[1].ys) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }

    /// The grid lines are at equal steps of probability: U[0, 1) from 0 to
    /// 1, N(0, 1) at Phi^-1 of 2.5% ... 97.5%, 11 lines of each direction.
    @Test func noiseGridLinesCutEqualShares() {
        for noise in NoiseKind.allCases {
            let grid = NoiseGrid(noise: noise)
            #expect(grid.lines.count == 22 && grid.lines.allSatisfy { $0.count == 61 })
            let levels = grid.lines.prefix(11).map { $0[0].z1 }
            #expect(grid.lines.prefix(11).allSatisfy { line in line.allSatisfy { $0.z1 == line[0].z1 } })
            #expect(grid.lines.suffix(11).allSatisfy { line in line.allSatisfy { $0.z2 == line[0].z2 } })
            let shares = noise == .uniform ? levels : levels.map(Normal.standardCDF)
            let (low, high) = noise == .uniform ? (0.0, 1.0) : (0.025, 0.975)
            for (k, share) in shares.enumerated() {
                #expect(abs(share - (low + (high - low) * Double(k) / 10)) < 1e-12, "\(noise) line \(k): \(share)")
            }
        }
    }

    /// The grid's polylines are G at the grid's noise points, G evaluated
    /// directly by a Float network with the final weights (tolerance 1e-4:
    /// Float against the figure's double precision), one polyline a line.
    @Test(arguments: NoiseKind.allCases)
    func warpedGridIsGAtTheNoiseGrid(_ noise: NoiseKind) throws {
        let log = try Log.ringLog(noise: noise)
        let figure = try PlaneFigures.decision(log)
        let series = try #require(figure.panels[0].series.first { $0.label == "noise grid through G" })
        let z = Array(NoiseGrid(noise: noise).lines.joined()), n = z.count
        let weights = try #require(log.final).generator
        var network = MultilayerPerceptron<Float>(sizes: weights.sizes, activations: weights.activations, batchSize: n)
        network.loadParameters(weights.parameters)
        var direct = [Float](repeating: 0, count: 2 * n)
        network.forward((z.map(\.z1) + z.map(\.z2)).map(Float.init), into: &direct)
        let finite = zip(series.xs, series.ys).filter { $0.0.isFinite }
        #expect(finite.count == n && series.xs.count == n + 21)
        for (i, vertex) in finite.enumerated() {
            #expect(abs(vertex.0 - Double(direct[i])) < 1e-4 && abs(vertex.1 - Double(direct[n + i])) < 1e-4)
        }
        #expect(figure.notes.isEmpty && figure.panels[0].title?.contains("grid") == true)
    }

    /// Noise of 3 dimensions has no 2-D grid: none drawn, said in the
    /// panel and in the figure's notes, which `FigureFiles` passes on with
    /// what it could not draw; the arrows are still there.
    @Test func noGridForNoiseOfOtherDimensions() throws {
        let figure = try PlaneFigures.decision(try Log.ringLog(zDim: 3))
        #expect(!figure.panels[0].series.contains { $0.label == "noise grid through G" })
        #expect(figure.panels[0].title?.contains("no noise grid: G's noise has 3 dimensions") == true)
        #expect(figure.notes.count == 1 && figure.notes[0].contains("3 dimensions"))
        #expect(try Self.arrows(figure).xs.count == 150)
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try FigureFiles(renderer: RecordingRenderer(), formats: [.png])
            .writePlane([.decision], log: try Log.ringLog(zDim: 3), source: "r.jsonl", to: folder)
        #expect(outcome.written.count == 1 && outcome.skipped == ["r.jsonl: decision: \(figure.notes[0])"])
    }

    /// D judging packs has no value at one point: the background is the
    /// target's density (light blue), and the title says why.
    @Test func packedDDrawsTheDensityBehindItsArrows() throws {
        let figure = try PlaneFigures.decision(try Log.ringLog(pack: 2))
        #expect(figure.title?.contains("D judges packs of 2 points") == true)
        guard case .tiles(_, _, let colors) = figure.panels[0].series[0].kind else { Issue.record("no tiles"); return }
        #expect(colors.allSatisfy { $0.blue >= $0.red })
    }

    /// Laid out, every arrow of non-zero length is a shaft and a filled
    /// head, drawn inside the panel's frame.
    @Test func arrowsAreDrawnWithHeadsInsideThePanel() throws {
        let figure = try PlaneFigures.decision(try Log.ringLog())
        let arrows = try Self.arrows(figure)
        let scene = FigureLayout(metrics: ApproximateTextMetrics()).scene(for: figure)
        let heads = scene.items.compactMap { item -> [Point]? in
            if case .path(let points, true, nil, _?) = item { points } else { nil }
        }
        let frames = scene.items.compactMap { item -> Rect? in
            if case .rectangle(let rect, let stroke?, nil) = item, stroke.color == FigureLayout.Style.axisColor { rect } else { nil }
        }
        let frame = try #require(frames.first)
        let moving = zip(arrows.dx, arrows.dy).filter { $0 != 0 || $1 != 0 }.count
        #expect(heads.count == moving && moving > 100)
        let margin = frame.width / 12 + 1
        #expect(heads.allSatisfy { $0.allSatisfy { Rect(x: frame.x - margin, y: frame.y - margin, width: frame.width + 2 * margin,
                                                        height: frame.height + 2 * margin).contains($0) } })
    }
}
