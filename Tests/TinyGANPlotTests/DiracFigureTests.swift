import Foundation
import Testing
import TinyGANCore
import TinyGANPlot

/// The Dirac-GAN figure by what it shows: one panel per run, each panel's
/// path the run's own, its range holding the path and the field, the title
/// its verdict.
@Suite struct DiracFigureTests {
    let log: DiracLog = {
        var s = DiracSettings()
        s.steps = 200
        s.noiseSamples = 32
        return DiracTraining.experiment(s)
    }()

    @Test func onePanelPerRunWithItsPathAndVerdict() throws {
        let figure = DiracFigure.figure(log)
        #expect(figure.panels.count == log.runs.count && figure.panels.count == DiracMethod.standard.count)
        #expect(figure.columns == 4 && figure.rows == (log.runs.count + 3) / 4)
        for (panel, run) in zip(figure.panels, log.runs) {
            let title = try #require(panel.title)
            #expect(title.hasPrefix(run.method.game) && title.hasSuffix(run.verdict.rawValue))
            #expect(panel.titleColor == (run.verdict == .converges ? .green : .vermillion))
            let path = try #require(panel.series.first { $0.stroke.color == .blue })
            #expect(path.xs == run.theta && path.ys == run.psi)
            let range = try #require(panel.xRange)
            #expect(panel.yRange == range && range.lowerBound == -run.field.range && range.upperBound >= 2)
            // The path lies inside the panel (no default run leaves [-8, 8]).
            #expect((run.theta + run.psi).allSatisfy { range.contains($0) })
            // Start, end and the equilibrium are marked.
            let dots = panel.series.filter { if case .points = $0.kind { true } else { false } }
            #expect(dots.contains { $0.xs == [0] && $0.ys == [0] && $0.stroke.color == .black })
            #expect(dots.contains { $0.xs == [run.theta[0]] && $0.ys == [run.psi[0]] && $0.stroke.color == .green })
            #expect(dots.contains { $0.xs == [run.theta.last!] && $0.ys == [run.psi.last!] })
        }
    }

    /// Each arrow starts at its grid point and points along the logged field
    /// (its direction to 1e-9), with one scale per panel.
    @Test func arrowsFollowTheField() throws {
        let run = log.runs[0]
        let arrows = try #require(DiracFigure.figure(log).panels[0].series.first { $0.stroke.color != .blue })
        let n = run.field.points
        var k = 0, arrowCount = 0
        while k < arrows.xs.count {
            let (x0, y0, x1, y1) = (arrows.xs[k], arrows.ys[k], arrows.xs[k + 1], arrows.ys[k + 1])
            let column = Int(((x0 + run.field.range) / (2 * run.field.range) * Double(n - 1)).rounded())
            let row = Int(((y0 + run.field.range) / (2 * run.field.range) * Double(n - 1)).rounded())
            let v = (run.field.dTheta[row * n + column], run.field.dPsi[row * n + column])
            let cross = (x1 - x0) * v.1 - (y1 - y0) * v.0, dot = (x1 - x0) * v.0 + (y1 - y0) * v.1
            #expect(abs(cross) < 1e-9 * max(1, abs(dot)) && dot > 0)
            arrowCount += 1
            k += 6  // base, tip, barb, tip, barb, NaN
        }
        #expect(arrowCount > n * n / 2)
    }
}
