import TinyGANCore

/// D's decision over the plane, GAN Lab's picture (poloclub/ganlab): D's
/// output as a heatmap, G's final points, arrows of G's gradient on them
/// and the noise grid warped by G; all from the log's final record (G's
/// and D's weights and points), recomputed the same way every time.
extension PlaneFigures {
    /// At most this many of G's final points carry an arrow.
    static let arrowCount = 150
    /// The longest arrow, as a share of the box's shorter side.
    static let arrowShare = 1.0 / 12

    /// The heatmap: D(x, y) at the centres of `cells` x `cells` tiles over
    /// the target's box from the final D judging single points (pack 1):
    /// green where D says real, purple where it says generated, white at
    /// 1/2 (a probability) or at the middle of its range over the panel (a
    /// critic's score, whose range the title gives). A D judging packs of
    /// M > 1 points has no value at one point: the target's density is
    /// drawn instead and the title says so. On top, the warped noise grid
    /// (`noiseGridSeries`), G's final points, the arrows of G's gradient
    /// (`gradientArrows`) and the mode means.
    public static func decision(_ log: PlaneRunLog, _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        let config = log.config, final = try final(log), target = log.target
        let background: Series, note: String
        if config.pack == 1 {
            (background, note) = heatmap(final.discriminator, target: target, probability: config.loss.outputsProbability, t)
        } else {
            (background, note) = (densityTiles(target), t(.planeDecisionPacked, ["pack": "\(config.pack)"]))
        }
        var notes: [String] = []
        var series = [background]
        let grid: String
        if config.zDim == 2 {
            series.append(noiseGridSeries(final.generator, noise: config.noise, label: t(.planeNoiseGrid)))
            grid = t(config.noise == .uniform ? .planeNoiseGridUniform : .planeNoiseGridGaussian)
        } else {
            grid = t(.planeNoiseGridSkipped, ["zdim": "\(config.zDim)"])
            notes.append("the warped noise grid is not drawn: G's noise has \(config.zDim) dimensions, not 2")
        }
        series.append(points(final.points, label: t(.planeGenerated)))
        let arrows = gradientArrows(final, config: config, box: target.bounds, label: t(.planeGradientArrows))
        if let arrows { series.append(arrows) }
        series += modeMeans(target, t)
        let panelTitle = (arrows.map { t(.planeArrowsNote, ["count": "\($0.xs.count)"]) } ?? t(.planeArrowsNone)) + t(.clauseSeparator) + grid
        var figure = Figure(width: 640, height: 720,
                            title: t(.planeDecisionTitle, ["run": runName(log, t), "epoch": "\(final.epochsCompleted)",
                                                           "note": note]),
                            panels: [squarePanel(target, title: panelTitle, series: series, legend: .topRight)])
        if arrows == nil { notes.append("no arrows: G's gradient is not finite or is 0 at every point in the box") }
        figure.notes = notes
        return figure
    }

    /// D's output as tiles, and the title's words for its colours.
    static func heatmap(_ discriminator: NetworkWeights, target: PlaneTarget, probability: Bool,
                        _ t: FigureStrings) -> (Series, String) {
        let grid = PlaneGrid(bounds: target.bounds, cells: cells)
        let values = discriminator.outputs(atPlanar: grid.centers.map(\.x) + grid.centers.map(\.y))
        let low = probability ? 0 : values.min() ?? 0, high = probability ? 1 : values.max() ?? 1
        let colors = values.map { value -> Color in
            let u = high > low ? (value - low) / (high - low) : 0.5
            return u >= 0.5 ? Color.white.mixed(with: .green, by: 2 * (u - 0.5))
                : Color.white.mixed(with: .purple, by: 2 * (0.5 - u))
        }
        let tiles = Series(kind: .tiles(width: grid.cellWidth, height: grid.cellHeight, colors: colors),
                           xs: grid.centers.map(\.x), ys: grid.centers.map(\.y), stroke: Stroke(color: .white, width: 0))
        let note = probability ? t(.planeDecisionProbability)
            : t(.planeDecisionScore, ["low": format(low, digits: 3), "high": format(high, digits: 3)])
        return (tiles, note)
    }

    /// The noise grid (`NoiseGrid`) through the final G, thin grey lines
    /// in one series, each line a polyline (the lines apart at NaN).
    static func noiseGridSeries(_ generator: NetworkWeights, noise: NoiseKind, label: String) -> Series {
        let lines = NoiseGrid(noise: noise).warped(by: generator)
        let gap = [(x: Double.nan, y: Double.nan)]
        let joined = Array(lines.joined(separator: gap))
        return .line(joined.map(\.x), joined.map(\.y), color: Color(hex: 0x333333, alpha: 0.45), width: 0.7, label: label)
    }

    /// Arrows of -dL_G/dx (`NetworkWeights.generatorLossDescent`, the run's
    /// loss) at up to `arrowCount` of G's final points, chosen evenly (by
    /// index) among those in the box and cut to whole packs of the run's M
    /// (150 -> 148 for M = 4). With M > 1 they are packed as the trainer
    /// packs a minibatch: chosen point i shares its pack with the chosen
    /// points i +- P, i +- 2P, ... (P = count / M), so each arrow is the
    /// pull on a point among those partners. All arrows share one scale,
    /// the longest `arrowShare` of the box's shorter side; directions are
    /// exact. Nil when no gradient is finite and non-zero.
    static func gradientArrows(_ final: PlaneFinalRecord, config: TrainingConfig, box: PlaneBox,
                               label: String) -> Series? {
        let n = final.points.count / 2
        let x = final.points[..<n].map(Double.init), y = final.points[n...].map(Double.init)
        let inside = (0..<n).filter { box.contains(x: x[$0], y: y[$0]) }
        var chosen = evenlySpaced(inside.count, arrowCount).map { inside[$0] }
        chosen.removeLast(chosen.count % config.pack)
        guard !chosen.isEmpty else { return nil }
        let bases = (chosen.map { x[$0] }, chosen.map { y[$0] })
        let descent = final.discriminator.generatorLossDescent(atPlanar: bases.0 + bases.1, loss: config.loss,
                                                               pack: config.pack)
        let k = chosen.count
        let lengths = (0..<k).map { (descent[$0] * descent[$0] + descent[k + $0] * descent[k + $0]).squareRoot() }
        guard let longest = lengths.filter(\.isFinite).max(), longest > 0 else { return nil }
        let scale = arrowShare * min(box.width, box.height) / longest
        return .arrows(bases.0, bases.1, dx: descent[..<k].map { $0 * scale }, dy: descent[k...].map { $0 * scale },
                       color: Color.black.opacity(0.75), label: label)
    }
}
