import TinyGANCore

/// Several 2-D runs side by side (the seeds of one setting, say): each
/// run's final points over its target's density in a small square panel
/// titled with how it covers the target, the picture of a mode-collapse
/// benchmark.
extension PlaneFigures {
    /// Panels per row at most.
    static let sweepColumns = 5
    /// Cells per side of each small panel's density (fewer than the large
    /// figures', to keep the SVG small), each the mean of 4 x 4 values
    /// (`densityTiles`): the ring's tiles are 0.075 wide, 7.5 of its
    /// modes' std, and the midpoints 1.9 std apart.
    static let sweepCells = 40, sweepSubsamples = 4

    /// One panel per log, in order, titled "TITLE: 7/8 modes, 91% HQ" for
    /// a target with modes and "TITLE: grid JS 0.052" otherwise, TITLE from
    /// `titles` (one per log) or "seed SEED". A run without a final record
    /// or one that diverged shows its target alone, marked so. Rows of up
    /// to five panels, as few rows as fit, shared among them evenly (10
    /// runs: two rows of five). The figure's title names the runs' targets
    /// and, for targets with modes, the mean count covered.
    public static func sweepGrid(logs: [PlaneRunLog], titles: [String]? = nil,
                                 language: Language = .en) throws -> Figure {
        precondition(titles == nil || titles!.count == logs.count, "one title per log")
        guard !logs.isEmpty else { throw FigureUnavailable(description: "no runs to draw") }
        let t = FigureStrings(language)
        var densities: [String: Series] = [:]  // one per target, however many runs share it
        let panels = logs.indices.map { i in
            let target = logs[i].target
            let density = densities[target.spec] ?? densityTiles(target, cells: sweepCells, subsamples: sweepSubsamples)
            densities[target.spec] = density
            return sweepPanel(logs[i], title: titles?[i] ?? t(.seedLabel, ["seed": "\(logs[i].header.seed)"]),
                              density: density, t)
        }
        let rows = (logs.count + sweepColumns - 1) / sweepColumns
        let columns = (logs.count + rows - 1) / rows
        var targets: [String] = []
        for log in logs where !targets.contains(shortSpec(log.target)) { targets.append(shortSpec(log.target)) }
        let covered = logs.compactMap { $0.final?.evaluation.modes }
        let summary = covered.isEmpty ? ""
            : t(.planeSweepMeanModes, ["covered": format(Double(covered.map(\.modesCovered).reduce(0, +))
                                                          / Double(covered.count), digits: 1),
                                       "count": "\(covered[0].modes.count)"])
        return Figure(width: 10 + 230 * Double(columns), height: 40 + 250 * Double(rows),
                      title: t(.planeSweepTitle, ["count": "\(logs.count)", "target": targets.joined(separator: ", "),
                                                  "summary": summary]),
                      columns: columns, panels: panels)
    }

    static func sweepPanel(_ log: PlaneRunLog, title: String, density: Series, _ t: FigureStrings) -> Panel {
        let target = log.target
        var series = [density]
        guard let final = log.final, !final.diverged else {
            var panel = squarePanel(target, title: title, series: series, axisLabels: false)
            panel.mark = log.final == nil ? t(.planeNoFinal) : t(.verdictDiverged)
            return panel
        }
        series.append(points(final.points, label: nil, radius: 0.8))
        let evaluation = final.evaluation
        let words: String
        if let modes = evaluation.modes {
            words = t(.planeSweepPanelModes, ["title": title, "covered": "\(modes.modesCovered)",
                                              "count": "\(modes.modes.count)",
                                              "hq": format(100 * modes.hqShare, digits: 0)])
        } else {
            words = t(.planeSweepPanelGrid, ["title": title, "js": format(evaluation.grid.js, digits: 3)])
        }
        return squarePanel(target, title: words, series: series, axisLabels: false)
    }
}
