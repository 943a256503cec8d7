import Foundation
import Testing
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

@Suite struct FigureTests {
    let layout = FigureLayout(metrics: ApproximateTextMetrics())

    func texts(_ scene: Scene) -> [String] {
        scene.items.compactMap { if case .text(let text, _, _, _, _, _, _) = $0 { text } else { nil } }
    }

    @Test(arguments: FigureKind.allCases)
    func everyFigureDrawsFromALog(_ kind: FigureKind) throws {
        // The mode and decision figures need a mixture and D on samples.
        let log = kind == .modes || kind == .decision ? try trainedMixtureLog() : syntheticLog()
        let figure = try ArticleFigures.figure(kind, log: log, logs: [syntheticLog(seed: 1), syntheticLog(seed: 2, shift: 3)])
        let scene = layout.scene(for: figure)
        #expect(scene.items.count > 20)
        #expect(scene.textCount > 5)
        // Everything lies on the canvas.
        for item in scene.items {
            if case .text(_, let p, _, _, _, _, _) = item {
                #expect(p.x >= 0 && p.x <= figure.width && p.y >= 0 && p.y <= figure.height)
            }
        }
    }

    /// The mean panel's target line lies exactly at the tick labelled 4.
    @Test func momentsTargetLineSitsAtFour() throws {
        let scene = layout.scene(for: try ArticleFigures.moments(syntheticLog()))
        var tickY: Double?
        for item in scene.items {
            if case .text(let label, let p, _, _, _, .right, _) = item, Double(label) == 4, p.x < 500 { tickY = p.y }
        }
        let y = try #require(tickY)
        let dashed = scene.items.contains { item in
            if case .path(let points, _, let stroke?, _) = item, stroke.dash == [6, 4], points.count == 2,
               points[0].y == points[1].y, points[0].x < 500 {
                return abs(points[0].y - y) < 1e-9
            }
            return false
        }
        #expect(dashed)
        #expect(texts(scene).contains("target 4.00") && texts(scene).contains("target 1.25"))
    }

    /// ln 2 is where a probability D can no longer tell; a critic's output
    /// is a score, with no such level: its losses figure has no reference
    /// line, and its axis and legend speak of scores.
    @Test(arguments: GANLoss.allCases)
    func lossesFigureMarksLn2OnlyForProbabilities(_ loss: GANLoss) throws {
        var log = syntheticLog()
        log.header.config.loss = loss
        let panel = try #require(try ArticleFigures.losses(log).panels.first)
        let references = panel.series.filter { if case .horizontalLine = $0.kind { true } else { false } }
        if loss.outputsProbability {
            #expect(references.count == 1 && references[0].ys == [0.6931471805599453])
            #expect(panel.yLabel == "binary cross-entropy")
        } else {
            #expect(references.isEmpty)
            #expect(panel.yLabel?.contains("score") == true)
            #expect(!panel.series.contains { $0.label?.contains("ln 2") == true })
            #expect(panel.series.filter { $0.label?.contains("y") == true }.count == 3)
        }
    }

    @Test func divergedRunsAreMarked() throws {
        let log = syntheticLog(diverged: true)
        for kind in [FigureKind.moments, .losses, .distribution, .qq] {
            let figure: Figure
            do { figure = try ArticleFigures.figure(kind, log: log) } catch { continue }  // Q-Q of NaN samples
            #expect(texts(layout.scene(for: figure)).contains("diverged at epoch 7, generator step 2"), "\(kind)")
        }
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.figure(.qq, log: log) }
        let grid = layout.scene(for: try ArticleFigures.runs([syntheticLog(seed: 3), log]))
        #expect(texts(grid).contains("seed 1: diverged") && texts(grid).contains("seed 3: success"))
    }

    @Test func runsGridIsOrderedBySeedAndSharesTheXRange() throws {
        let logs = [syntheticLog(seed: 10, shift: 4), syntheticLog(seed: 2), syntheticLog(seed: 1, shift: -5)]
        let figure = try ArticleFigures.runs(logs)
        #expect(figure.panels.map(\.title) == ["seed 1: shifted", "seed 2: success", "seed 10: shifted"])
        let ranges = figure.panels.map(\.xRange)
        #expect(Set(ranges.map { "\($0!)" }).count == 1)
        #expect(ranges[0]!.lowerBound < -1 - 3 * 1.25 && ranges[0]!.upperBound > 8 + 3 * 1.25)
    }

    @Test func logsWithoutWhatAFigureNeeds() {
        var log = syntheticLog()
        log.snapshots = []
        log.final?.generator = nil
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.figure(.mapping, log: log) }
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.figure(.evolution, log: log) }
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.figure(.density, log: log) }
        log.epochs = []
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.figure(.moments, log: log) }
        #expect(throws: FigureUnavailable.self) { try ArticleFigures.figure(.losses, log: log) }
    }
}
