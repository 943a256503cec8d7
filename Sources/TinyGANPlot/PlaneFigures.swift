import TinyGANCore

/// The 2-D lab's figures, drawn from a plane run log (`PlaneRunLog`).
public enum PlaneFigureKind: String, CaseIterable, Sendable {
    /// G's final points over the target's density.
    case samples
    /// The same at evenly spaced snapshots: the run as small multiples.
    case evolution
    /// Modes covered, high-quality share and grid JS over the epochs.
    case quality
    /// D's output over the plane as a heatmap, with G's final points, the
    /// arrows of G's gradient on them and the warped noise grid (GAN Lab's
    /// picture).
    case decision
}

public enum PlaneFigures {
    public static func figure(_ kind: PlaneFigureKind, log: PlaneRunLog, language: Language = .en) throws -> Figure {
        let t = FigureStrings(language)
        switch kind {
        case .samples: return try samples(log, t)
        case .evolution: return try evolution(log, t)
        case .quality: return try quality(log, t)
        case .decision: return try decision(log, t)
        }
    }

    /// Cells per side of the density and decision heatmaps.
    static let cells = 72

    /// The target's density on `cells` x `cells` tiles over its bounds,
    /// white where it is 0 and light blue at its largest, on a square-root
    /// scale (a mode of std 0.01 is 10^4 times denser than the space
    /// between, and would otherwise be a few pixels). Each tile's value is
    /// the mean of the density at the centres of `subsamples` x
    /// `subsamples` equal parts of it (the midpoint rule for the tile's
    /// mass over its area): with large tiles, a mode narrower than a tile
    /// that the tile's centre misses still shows. Tiles within half an
    /// 8-bit level of white (weight w with 169 w < 1/2, 169 = 255 - 86 the
    /// largest channel step to sky blue) are left out: they were most of
    /// an SVG's bytes, and without them the panel's light grid lines show
    /// where the target has no mass.
    static func densityTiles(_ target: PlaneTarget, cells: Int = cells, subsamples s: Int = 1) -> Series {
        let grid = PlaneGrid(bounds: target.bounds, cells: cells)
        let offsets = (0..<s).map { (Double($0) + 0.5) / Double(s) - 0.5 }
        let values = grid.centers.map { center in
            offsets.reduce(0.0) { sum, u in
                offsets.reduce(sum) { sum, v in
                    sum + target.density(x: center.x + u * grid.cellWidth, y: center.y + v * grid.cellHeight)
                }
            } / Double(s * s)
        }
        let top = values.max() ?? 1
        let weights = values.map { top > 0 ? 0.75 * ($0 / top).squareRoot() : 0 }
        let shown = weights.indices.filter { 169 * weights[$0] >= 0.5 }
        return Series(kind: .tiles(width: grid.cellWidth, height: grid.cellHeight,
                                   colors: shown.map { Color.white.mixed(with: .skyBlue, by: weights[$0]) }),
                      xs: shown.map { grid.centers[$0].x }, ys: shown.map { grid.centers[$0].y },
                      stroke: Stroke(color: .white, width: 0))
    }

    /// Planar points (x's, then y's) as a scatter series.
    static func points(_ planar: [Float], label: String?, radius: Double = 1.3) -> Series {
        let n = planar.count / 2
        return .points(planar[..<n].map(Double.init), planar[n...].map(Double.init), color: .vermillion.opacity(0.55),
                       radius: radius, label: label)
    }

    static func modeMeans(_ target: PlaneTarget, _ t: FigureStrings) -> [Series] {
        guard let modes = target.modes else { return [] }
        return [.points(modes.map(\.x), modes.map(\.y), color: .black, radius: 2.2, label: t(.planeModeMeans))]
    }

    /// "8 of 8 modes, 97.1% high quality, reverse KL 0.012" or "grid JS 0.05".
    static func summary(_ evaluation: PlaneEvaluation, _ t: FigureStrings) -> String {
        if let modes = evaluation.modes {
            return t(.planeModesSummary, ["covered": "\(modes.modesCovered)", "count": "\(modes.modes.count)",
                                          "hq": format(100 * modes.hqShare, digits: 1),
                                          "kl": format(modes.reverseKL, digits: 3)])
        }
        return t(.planeGridSummary, ["js": format(evaluation.grid.js, digits: 3)])
    }

    static func format(_ x: Double, digits: Int) -> String {
        x.isFinite ? String(format: "%.\(digits)f", x) : "–"
    }

    /// The target's spec, a points file by its name alone: "ring", "points:data.csv".
    static func shortSpec(_ target: PlaneTarget) -> String {
        guard target.spec.hasPrefix("points:") else { return target.spec }
        return "points:" + (target.spec.split(separator: "/").last.map(String.init) ?? "")
    }

    /// ", PRESET seed SEED" in the figure's language.
    static func runName(_ log: PlaneRunLog, _ t: FigureStrings) -> String {
        t(.runName, ["preset": log.config.preset, "seed": "\(log.header.seed)"])
    }

    /// A panel over the target's box, x and y at one scale.
    static func squarePanel(_ target: PlaneTarget, title: String?, series: [Series], legend: LegendPlacement? = nil,
                            axisLabels: Bool = true) -> Panel {
        let b = target.bounds
        var panel = Panel(title: title, xLabel: axisLabels ? "x" : nil, yLabel: axisLabels ? "y" : nil,
                          xRange: b.xMin...b.xMax, yRange: b.yMin...b.yMax, series: series, legend: legend)
        panel.equalScales = true
        return panel
    }

    static func final(_ log: PlaneRunLog) throws -> PlaneFinalRecord {
        guard let final = log.final else {
            throw FigureUnavailable(description: "the log has no final record (a run still training, or killed)")
        }
        return final
    }

    // MARK: Samples

    public static func samples(_ log: PlaneRunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        let final = try final(log), target = log.target
        let series = [densityTiles(target), points(final.points, label: t(.planeGenerated))] + modeMeans(target, t)
        return Figure(width: 620, height: 660,
                      title: t(.planeSamplesTitle, ["run": runName(log, t), "epoch": "\(final.epochsCompleted)",
                                                    "summary": summary(final.evaluation, t)]),
                      panels: [squarePanel(target, title: t(.planeTargetPanel, ["target": shortSpec(target)]),
                                           series: series, legend: .topRight)])
    }

    // MARK: Evolution

    /// `count` snapshots evenly spaced over the run, first and last included.
    public static func evolution(_ log: PlaneRunLog, _ t: FigureStrings = FigureStrings(.en),
                                 panels count: Int = 6) throws -> Figure {
        guard !log.snapshots.isEmpty else { throw FigureUnavailable(description: "the log has no snapshots") }
        let chosen = evenlySpaced(log.snapshots.count, count).map { log.snapshots[$0] }
        let target = log.target, density = densityTiles(target)
        let panels = chosen.map { snapshot in
            squarePanel(target, title: t(.planeEpochPanel, ["epoch": "\(snapshot.epoch)",
                                                            "summary": summary(snapshot.evaluation, t)]),
                        series: [density, points(snapshot.points, label: nil, radius: 1)])
        }
        let columns = min(3, panels.count)
        return Figure(width: 1000, height: 40 + 330 * Double((panels.count + columns - 1) / columns),
                      title: t(.planeEvolutionTitle, ["run": runName(log, t)]), columns: columns, panels: panels)
    }

    /// `count` indices in 0 ..< total, evenly spaced, first and last included.
    static func evenlySpaced(_ total: Int, _ count: Int) -> [Int] {
        guard total > count else { return Array(0..<total) }
        return (0..<count).map { Int((Double($0) * Double(total - 1) / Double(count - 1)).rounded()) }
    }

    // MARK: Quality

    public static func quality(_ log: PlaneRunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        guard log.snapshots.count >= 2 else {
            throw FigureUnavailable(description: "the log has fewer than two snapshots: nothing to draw over the epochs")
        }
        let epochs = log.snapshots.map { Double($0.epoch) }
        var panels: [Panel] = []
        if log.target.modes != nil {
            let statistics = log.snapshots.map { $0.evaluation.modes! }
            let count = Double(statistics[0].modes.count)
            panels.append(Panel(title: t(.qualityPanel), xLabel: t(.epochAxis), yLabel: t(.fractionAxis), yRange: 0...1.05,
                                series: [
                                    .line(epochs, statistics.map(\.hqShare), color: .blue, label: t(.hqShare)),
                                    .line(epochs, statistics.map { Double($0.modesCovered) / count }, color: .vermillion,
                                          dash: [7, 3], label: t(.modesCoveredFraction, ["count": "\(Int(count))"])),
                                ], legend: .bottomRight))
        }
        panels.append(Panel(title: t(.planeGridPanel), xLabel: t(.epochAxis), yLabel: "JS", yRange: 0...0.72,
                            series: [.line(epochs, log.snapshots.map(\.evaluation.grid.js), color: .green, label: "JS"),
                                     .horizontal(0.6931, color: .gray, label: "ln 2")],
                            legend: .topRight))
        return Figure(width: 1000, height: 420, title: t(.planeQualityTitle, ["run": runName(log, t)]),
                      columns: panels.count, panels: panels)
    }
}

/// The centres of an n x n grid of cells over a box, row by row from the bottom.
struct PlaneGrid {
    let centers: [(x: Double, y: Double)]
    let cellWidth, cellHeight: Double

    init(bounds b: PlaneBox, cells n: Int) {
        cellWidth = b.width / Double(n)
        cellHeight = b.height / Double(n)
        var centers: [(x: Double, y: Double)] = []
        for j in 0..<n {
            for i in 0..<n {
                centers.append((b.xMin + (Double(i) + 0.5) * cellWidth, b.yMin + (Double(j) + 0.5) * cellHeight))
            }
        }
        self.centers = centers
    }
}

extension Color {
    /// (1 - w) self + w other, channel by channel, w clamped to [0, 1].
    func mixed(with other: Color, by weight: Double) -> Color {
        let w = min(1, max(0, weight))
        return Color(red: red + w * (other.red - red), green: green + w * (other.green - green),
                     blue: blue + w * (other.blue - blue), alpha: alpha + w * (other.alpha - alpha))
    }
}
