/// One kind of 2-D real distribution (`PlaneTarget` holds one).
///
/// Batches are planar and coordinate-major, the layout of the networks'
/// inputs and outputs: n points are 2n values, x_0 ... x_(n-1) then
/// y_0 ... y_(n-1) (coordinate c of point i at c n + i).
public protocol PlaneDistribution: Sendable {
    /// The spec that reads back as this target: `ring`, `points:/abs/path.csv`.
    var spec: String { get }
    /// A short name for figures and pages.
    var label: String { get }
    /// The form a log's header holds: the spec, or an object that also pins
    /// a data file's SHA-256.
    var json: JSONValue { get }
    /// The Gaussian modes the mode statistics count; nil for targets
    /// without modes (the swiss roll, the user's points).
    var modes: [PlaneMode]? { get }
    /// A box that holds (nearly) all of the mass, with a margin.
    var bounds: PlaneBox { get }
    /// The density at (x, y), for contours; integrates to 1 over the plane.
    func density(x: Double, y: Double) -> Double
    /// Writes n independent draws into `batch[0 ..< 2n]` (planar), drawing
    /// only from `rng`: the same state gives the same bits.
    func fill(_ batch: inout [Float], count n: Int, using rng: inout Xoshiro256StarStar)
}

extension PlaneDistribution {
    /// A uniform index in 0 ..< count from one 64-bit draw: the high word of
    /// draw x count (a bias below count / 2^64), as `DataTarget` draws.
    @inline(__always)
    static func index(below count: Int, _ rng: inout Xoshiro256StarStar) -> Int {
        Int(rng.next().multipliedFullWidth(by: UInt64(count)).high)
    }
}
