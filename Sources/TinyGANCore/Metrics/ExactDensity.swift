/// The exact density of a one-dimensional generator's output.
///
/// G maps one uniform z in [0, 1) to one number, so its output has density
/// p(x) = sum over the z with G(z) = x of 1 / |G'(z)|. Here G is evaluated
/// in double precision on a fine grid of z, taken as linear between grid
/// points, and the mass 1/N of each of the N pieces is spread evenly over the
/// x interval it covers; averaged over each output bin, that is the formula
/// above up to the grid's resolution. Where G is flat (G' = 0) the density
/// is infinite: a spike, which the bin average shows as a tall narrow peak.
public struct ExactDensity: Equatable, Sendable {
    /// Bin k covers [lower + k width, lower + (k + 1) width).
    public var lower: Double
    public var binWidth: Double
    /// The average density over each bin.
    public var density: [Double]
    /// The mass that falls outside [lower, upper).
    public var massOutside: Double

    public var centers: [Double] { density.indices.map { lower + (Double($0) + 0.5) * binWidth } }

    /// The density of `generator`'s output on `bins` bins over `range`,
    /// from `pieces` linear pieces of G (error of order 1 / pieces).
    public init(generator weights: NetworkWeights, range: ClosedRange<Double>, bins: Int = 400,
                pieces: Int = 40_000) {
        precondition(weights.sizes.first == 1 && weights.sizes.last == 1 && bins > 0 && pieces > 0)
        let lower = range.lowerBound, binWidth = (range.upperBound - range.lowerBound) / Double(bins)
        self.lower = lower
        self.binWidth = binWidth
        var mass = [Double](repeating: 0, count: bins)
        let values = Self.evaluate(weights, pieces: pieces)
        let pieceMass = 1 / Double(pieces)
        var outside = 0.0
        for k in 0..<pieces {
            let a = min(values[k], values[k + 1]), b = max(values[k], values[k + 1])
            guard a.isFinite && b.isFinite else { outside += pieceMass; continue }
            let first = Int(((a - lower) / binWidth).rounded(.down))
            let last = Int(((b - lower) / binWidth).rounded(.down))
            if b == a || first == last {
                if (0..<bins).contains(first) { mass[first] += pieceMass } else { outside += pieceMass }
                continue
            }
            let perUnit = pieceMass / (b - a)
            let lowBin = max(first, 0), highBin = min(last, bins - 1)
            for bin in lowBin..<max(lowBin, highBin + 1) {
                let left = max(a, lower + Double(bin) * binWidth), right = min(b, lower + Double(bin + 1) * binWidth)
                if right > left { mass[bin] += perUnit * (right - left) }
            }
            let inside = max(0, min(b, range.upperBound) - max(a, lower))
            outside += perUnit * ((b - a) - inside)
        }
        density = mass.map { $0 / binWidth }
        massOutside = outside
    }

    /// G(k / pieces) for k = 0 ... pieces, in double precision.
    static func evaluate(_ weights: NetworkWeights, pieces: Int) -> [Double] {
        weights.outputs(at: (0...pieces).map { Double($0) / Double(pieces) })
    }
}
