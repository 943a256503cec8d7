import Foundation
import TinyGANCore

/// One frame per snapshot of a plane run log: the 2-D report's epoch
/// slider shows them one at a time (`templates/plane.mustache`).
extension PlaneFigures {
    /// The run at snapshot `index` of `log.snapshots`: G's points over the
    /// target's density (with the mode means) and, when D judges single
    /// points (pack 1), a second panel with D(x, y) of that snapshot's D
    /// as a heatmap under the same points (`decisionTiles`). Titled with
    /// the snapshot's epoch and its metrics (`summary`).
    public static func frame(_ log: PlaneRunLog, snapshot index: Int,
                             _ t: FigureStrings = FigureStrings(.en)) throws -> Figure {
        guard log.snapshots.indices.contains(index) else {
            throw FigureUnavailable(description: "the log has no snapshot \(index) (it has \(log.snapshots.count))")
        }
        let snapshot = log.snapshots[index], target = log.target
        var panels = [squarePanel(target, title: t(.planeTargetPanel, ["target": shortSpec(target)]),
                                  series: [densityTiles(target), points(snapshot.points, label: nil, radius: 1)]
                                      + modeMeans(target, t))]
        if log.config.pack == 1 {
            let (tiles, note) = decisionTiles(snapshot.discriminator, loss: log.config.loss, target: target, t)
            panels.append(squarePanel(target, title: note,
                                      series: [tiles, points(snapshot.points, label: nil, radius: 1)] + modeMeans(target, t)))
        }
        return Figure(width: panels.count == 2 ? 900 : 470, height: 480,
                      title: t(.planeFrameTitle, ["epoch": "\(snapshot.epoch)", "run": runName(log, t),
                                                  "summary": summary(snapshot.evaluation, t)]),
                      columns: panels.count, panels: panels)
    }

    /// D(x, y) of `discriminator` (judging single points) on `cells` x
    /// `cells` tiles over the target's bounds, as `decision` colours it:
    /// green where D says real, purple where it says generated, white at
    /// 1/2 for a probability (`loss.outputsProbability`), or at the middle
    /// of the range over the tiles for a critic's score; and the note that
    /// says so (the score's range).
    static func decisionTiles(_ discriminator: NetworkWeights, loss: GANLoss, target: PlaneTarget,
                              _ t: FigureStrings) -> (tiles: Series, note: String) {
        heatmap(discriminator, target: target, probability: loss.outputsProbability, t)
    }
}

extension FigureFiles {
    /// The file stem of frame `index`: "frame-000", "frame-001", ... (in
    /// snapshot order, which is also their names' order).
    public static func planeFrameStem(_ index: Int) -> String {
        let digits = String(index)
        return "frame-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// Writes one frame per snapshot of `log` (`PlaneFigures.frame`) into
    /// `folder` as `frame-NNN.EXT` (`planeFrameStem`), in snapshot order:
    /// the files of frame k are `result[k]`.
    public func writePlaneFrames(log: PlaneRunLog, to folder: URL) throws -> [[URL]] {
        let t = FigureStrings(language)
        return try log.snapshots.indices.map { index in
            try write(try PlaneFigures.frame(log, snapshot: index, t), stem: Self.planeFrameStem(index), in: folder)
        }
    }
}
