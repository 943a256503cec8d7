import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

/// The mode-coverage and D's-decision figures show the log's numbers.
@Suite struct ModeFigureTests {
    /// Each mode's curve is its share in the snapshots, its dashed line its
    /// weight; the right panel's curves are the HQ share and the covered
    /// fraction; the title counts the last snapshot's covered modes.
    @Test func modesFigureShowsEachSnapshotsShares() throws {
        let log = try trainedMixtureLog()
        let figure = try ArticleFigures.modes(log)
        let statistics = log.snapshots.compactMap(\.modes)
        #expect(statistics.count == log.snapshots.count && statistics.count == 4)
        let shares = figure.panels[0].series
        for k in 0..<2 {
            let line = shares[2 * k], weight = shares[2 * k + 1]
            #expect(line.xs == log.snapshots.map { Double($0.epoch) })
            #expect(line.ys == statistics.map { $0.modes[k].share })
            #expect(weight.ys == [0.5])
        }
        let quality = figure.panels[1].series
        #expect(quality[0].ys == statistics.map(\.hqShare))
        #expect(quality[1].ys == statistics.map { Double($0.modesCovered) / 2 })
        #expect(figure.title?.contains("\(statistics.last!.modesCovered) of 2 covered at epoch 60") == true)
    }

    /// The curve of D is D evaluated directly: a Float network loaded with
    /// the snapshot's weights, at the same x, agrees to 1e-5 (the figure
    /// evaluates in double precision).
    @Test(arguments: [GANLoss.bce, .wassersteinGP])
    func decisionFigureDrawsDAsEvaluatedDirectly(_ loss: GANLoss) throws {
        let log = try trainedMixtureLog(loss: loss)
        let figure = try ArticleFigures.decision(log)
        #expect(figure.panels.map(\.title) == log.snapshots.map { "epoch \($0.epoch)" })
        for (panel, snapshot) in zip(figure.panels, log.snapshots) {
            let curve = try #require(panel.series.first { $0.stroke.color == .vermillion && $0.xs.count == 301 })
            let weights = try #require(snapshot.discriminator)
            var network = MultilayerPerceptron<Float>(sizes: weights.sizes, activations: weights.activations,
                                                      batchSize: curve.xs.count)
            network.loadParameters(weights.parameters)
            var direct = [Float](repeating: 0, count: curve.xs.count)
            network.forward(curve.xs.map { Float($0) }, into: &direct)
            if loss.outputsProbability {
                #expect(zip(curve.ys, direct).allSatisfy { abs($0 - Double($1)) < 1e-5 })
            } else {
                // A score is drawn scaled to [0, 1] over the panel: the same up to an affine map.
                let low = direct.min()!, high = direct.max()!
                #expect(zip(curve.ys, direct).allSatisfy { abs($0 - Double(($1 - low) / (high - low))) < 1e-4 })
                #expect(curve.ys.min() == 0 && curve.ys.max() == 1)
            }
        }
    }

    /// Figures that need what a log lacks say so instead of drawing nothing.
    @Test func unavailableWithAReason() throws {
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.modes(syntheticLog()) }
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.decision(syntheticLog()) }
        var packed = try trainedMixtureLog(epochs: 20)
        packed.header.config.pack = 2
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.decision(packed) }
    }
}
