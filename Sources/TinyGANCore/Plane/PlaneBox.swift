/// An axis-parallel box [xMin, xMax] x [yMin, yMax] in the plane: where a
/// 2-D target's figures look and where `GridDivergence` lays its cells.
public struct PlaneBox: Codable, Equatable, Sendable {
    public var xMin, xMax, yMin, yMax: Double

    public init(xMin: Double, xMax: Double, yMin: Double, yMax: Double) {
        precondition(xMin < xMax && yMin < yMax, "a box needs xMin < xMax and yMin < yMax")
        (self.xMin, self.xMax, self.yMin, self.yMax) = (xMin, xMax, yMin, yMax)
    }

    /// The smallest box that holds `points` (at least one, all finite),
    /// widened on every side by max(`share` x the larger of its two widths,
    /// `atLeast`): a margin that keeps a figure's data off its frame.
    /// Ring: means in [-1, 1]^2, share 0.25 -> [-1.5, 1.5]^2; grid: means in
    /// [-4, 4]^2 -> [-6, 6]^2, the axes of PacGAN's own figures
    /// (`GraphLogger` in fjxmlzn/PacGAN `pacgan/extensions.py`).
    static func holding(_ points: [(x: Double, y: Double)], share: Double = 0.25, atLeast: Double) -> PlaneBox {
        precondition(!points.isEmpty, "a box needs at least one point")
        var box = (xMin: Double.infinity, xMax: -Double.infinity, yMin: Double.infinity, yMax: -Double.infinity)
        for p in points {
            box = (min(box.xMin, p.x), max(box.xMax, p.x), min(box.yMin, p.y), max(box.yMax, p.y))
        }
        let margin = max(share * max(box.xMax - box.xMin, box.yMax - box.yMin), atLeast)
        return PlaneBox(xMin: box.xMin - margin, xMax: box.xMax + margin, yMin: box.yMin - margin, yMax: box.yMax + margin)
    }

    public var width: Double { xMax - xMin }
    public var height: Double { yMax - yMin }

    /// Whether (x, y) is in the closed box (false for NaN).
    public func contains(x: Double, y: Double) -> Bool { x >= xMin && x <= xMax && y >= yMin && y <= yMax }
}
