import Foundation
import TinyGANCore

/// The Dirac-GAN figure, from a `DiracLog` alone: one panel per method, in
/// the log's order (four columns: two games, each simultaneous then
/// alternating), each showing
///
/// - the method's gradient field v(theta, psi) as grey arrows, all scaled by
///   one factor per panel so that the longest is 0.9 of the grid spacing
///   (the notebook's `quiver` does the same);
/// - the trajectory of (theta, psi), blue, from its start (green dot) to its
///   end (vermillion dot);
/// - the equilibrium (0, 0), a black dot;
///
/// titled with the method and its verdict (`DiracVerdict`), the title
/// green when it converges, vermillion otherwise.
public enum DiracFigure {
    /// The figure's file name, without extension.
    public static let name = "dirac"

    public static let columns = 4
    static let panelSize = 250.0

    public static func figure(_ log: DiracLog, _ t: FigureStrings = FigureStrings(.en)) -> Figure {
        let panels = log.runs.map { panel($0, t) }
        let rows = (panels.count + columns - 1) / columns
        let s = log.header.settings
        let optimizer = s.optimizer.kind == .sgd
            ? (s.optimizer.momentum == 0 ? t(.diracGradientDescent)
                                         : t(.diracMomentum, ["momentum": format(s.optimizer.momentum)]))
            : "Adam"
        return Figure(width: panelSize * Double(columns), height: 40 + panelSize * Double(rows),
                      title: t(.diracTitle, ["steps": "\(s.steps)", "optimizer": optimizer,
                                             "lr": format(s.optimizer.learningRate),
                                             "start": "(\(format(s.theta0)), \(format(s.psi0)))"]),
                      columns: columns, panels: panels)
    }

    static func panel(_ run: DiracRun, _ t: FigureStrings) -> Panel {
        let verdict = run.verdict
        let range = -run.field.range...run.field.range
        let update = run.method.update == .simultaneous ? t(.diracSimultaneous) : t(.diracAlternating)
        let word: String = switch verdict {
        case .converges: t(.diracConverges)
        case .orbits: t(.diracOrbits)
        case .diverges: t(.diracDiverges)
        case .stalls: t(.diracStalls)
        }
        let game = run.method.regularizer == .instanceNoise ? "\(run.method.loss.rawValue) + \(t(.diracNoise))"
                                                             : run.method.game
        return Panel(title: t(.diracPanel, ["game": game, "update": update, "verdict": word]),
                     titleColor: verdict.converged ? .green : .vermillion, xLabel: "θ", yLabel: "ψ",
                     xRange: range, yRange: range,
                     series: [arrows(run.field),
                              .line(run.theta, run.psi, color: .blue, width: 1.3),
                              .points([0], [0], color: .black, radius: 3.5),
                              .points([run.theta[0]], [run.psi[0]], color: .green, radius: 4),
                              .points([run.theta.last!], [run.psi.last!], color: .vermillion, radius: 4)])
    }

    /// Every arrow of the field as one line series, arrows separated by NaN,
    /// each one stroke: from the grid point to the tip, out to one barb,
    /// back to the tip and out to the other (barbs at +-25 degrees, 0.3 of
    /// the shaft long).
    static func arrows(_ field: DiracField) -> Series {
        let n = field.points, spacing = 2 * field.range / Double(n - 1)
        let longest = zip(field.dTheta, field.dPsi).map { ($0 * $0 + $1 * $1).squareRoot() }
            .filter(\.isFinite).max() ?? 0
        let scale = longest > 0 ? 0.9 * spacing / longest : 0
        var xs: [Double] = [], ys: [Double] = []
        for i in 0..<n {
            for k in 0..<n {
                let x = DiracField.coordinate(k, of: n, range: field.range)
                let y = DiracField.coordinate(i, of: n, range: field.range)
                let dx = field.dTheta[i * n + k] * scale, dy = field.dPsi[i * n + k] * scale
                guard dx.isFinite, dy.isFinite, dx * dx + dy * dy > 1e-6 * spacing * spacing else { continue }
                let tip = (x + dx, y + dy), angle = atan2(dy, dx), head = 0.3 * (dx * dx + dy * dy).squareRoot()
                let left = angle + Double.pi - 0.44, right = angle + Double.pi + 0.44
                xs += [x, tip.0, tip.0 + head * cos(left), tip.0, tip.0 + head * cos(right), .nan]
                ys += [y, tip.1, tip.1 + head * sin(left), tip.1, tip.1 + head * sin(right), .nan]
            }
        }
        return .line(xs, ys, color: Color(hex: 0x999999), width: 0.8)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : String(format: "%g", value)
    }
}

extension FigureFiles {
    /// Draws the Dirac-GAN figure of `log` as `FOLDER/dirac.EXT`.
    public func writeDirac(_ log: DiracLog, to folder: URL) throws -> [URL] {
        try write(DiracFigure.figure(log, FigureStrings(language)), stem: DiracFigure.name, in: folder)
    }
}
