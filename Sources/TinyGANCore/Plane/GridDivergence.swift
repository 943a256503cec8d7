import Foundation

/// KL and JS divergences between real and generated points on a grid of
/// `cells` x `cells` equal cells over a box (30 x 30 over the target's
/// `bounds`, as GAN Lab shows them: poloclub/ganlab
/// `src/ganlab_evaluators.ts`), computed without GAN Lab's faults: its
/// true samples are read through `splice(i * 2, i * 2 + 2)`, which removes
/// ever more of the array, so most are never binned; it adds 1e-4 to every
/// cell without renormalizing; and a point outside its canvas indexes no
/// cell. Here:
///
/// - every point is binned: cell (floor((x - xMin) / w), floor((y - yMin) / h)),
///   the right and top edges belonging to the last cells; a point outside
///   the box, or not finite, goes to one extra *outside* bin, so a histogram
///   has cells^2 + 1 bins and mass thrown far away is neither dropped nor
///   mistaken for mass at the edge;
/// - each histogram is normalized over all its points: P (real), Q
///   (generated), each summing to 1;
/// - `kl` = KL(P || Q) (GAN Lab's direction: real against generated), with
///   both histograms smoothed as P' = (P + eps) / (1 + B eps), B the number
///   of bins, eps = `epsilon` = 1e-4 (GAN Lab's value), so that an empty
///   generated cell costs a finite amount and P', Q' are distributions;
/// - `js` = KL(P || M) / 2 + KL(Q || M) / 2, M = (P + Q) / 2, unsmoothed
///   (M > 0 wherever P or Q is), between 0 and ln 2 = 0.693 (disjoint);
/// - natural logarithms throughout (GAN Lab uses log2).
///
/// Both are biased upward for finite samples: two independent samples of
/// one distribution still differ cell by cell. Against a target, `real`
/// is a seeded reference sample of `referenceCount` = 100,000 points.
public struct GridDivergence: Codable, Equatable, Sendable {
    public static let defaultCells = 30
    public static let epsilon = 1e-4
    public static let referenceCount = 100_000
    public static let referenceSeed: UInt64 = 0x6121D

    public var bounds: PlaneBox
    public var cells: Int
    public var kl: Double
    public var js: Double
    /// The shares of the real and generated points in the outside bin.
    public var realOutside: Double
    public var generatedOutside: Double

    /// Both batches planar (x's then y's), each with at least one point.
    public init(generated: [Float], real: [Float], bounds: PlaneBox, cells: Int = defaultCells) {
        precondition(cells >= 1, "a grid needs at least one cell")
        self.init(generated: generated, realShares: Self.histogram(planar: real, bounds: bounds, cells: cells),
                  bounds: bounds, cells: cells)
    }

    /// Against the real side's shares already binned (`histogram`, with
    /// the same bounds and cells), so that a run evaluated many times bins
    /// its reference once.
    public init(generated: [Float], realShares p: [Double], bounds: PlaneBox, cells: Int = defaultCells) {
        precondition(cells >= 1 && p.count == cells * cells + 1, "the real shares need cells^2 + 1 bins")
        let q = Self.histogram(planar: generated, bounds: bounds, cells: cells)
        let b = Double(p.count)
        func smoothed(_ h: [Double]) -> [Double] { h.map { ($0 + Self.epsilon) / (1 + b * Self.epsilon) } }
        self.bounds = bounds
        self.cells = cells
        kl = PlaneModeStatistics.kl(smoothed(p), smoothed(q))
        js = PlaneModeStatistics.js(p, q)
        realOutside = p[p.count - 1]
        generatedOutside = q[q.count - 1]
    }

    /// Against `target`: its seeded reference sample over its bounds.
    public init(generated: [Float], target: PlaneTarget, cells: Int = defaultCells) {
        self.init(generated: generated, realShares: Self.referenceShares(of: target, cells: cells),
                  bounds: target.bounds, cells: cells)
    }

    /// The shares of `target`'s seeded reference sample (`referenceCount`
    /// points from `referenceSeed`) in the cells over its bounds.
    public static func referenceShares(of target: PlaneTarget, cells: Int = defaultCells) -> [Double] {
        var reference = [Float](repeating: 0, count: 2 * referenceCount)
        var rng = Xoshiro256StarStar(seed: referenceSeed)
        target.fill(&reference, count: referenceCount, using: &rng)
        return histogram(planar: reference, bounds: target.bounds, cells: cells)
    }

    /// The shares of a planar batch in the cells^2 cells (row y, column x:
    /// bin iy * cells + ix) and, last, the outside bin.
    public static func histogram(planar batch: [Float], bounds: PlaneBox, cells: Int) -> [Double] {
        precondition(batch.count >= 2 && batch.count % 2 == 0, "a planar batch needs at least one point")
        let n = batch.count / 2
        var counts = [Int](repeating: 0, count: cells * cells + 1)
        let sx = Double(cells) / bounds.width, sy = Double(cells) / bounds.height
        for i in 0..<n {
            let x = Double(batch[i]), y = Double(batch[n + i])
            guard bounds.contains(x: x, y: y) else { counts[cells * cells] += 1; continue }
            let ix = min(cells - 1, Int((x - bounds.xMin) * sx)), iy = min(cells - 1, Int((y - bounds.yMin) * sy))
            counts[iy * cells + ix] += 1
        }
        return counts.map { Double($0) / Double(n) }
    }
}
