/// Counts of values in equal bins [lower + k w, lower + (k + 1) w),
/// k = 0 ..< counts.count, with the values below and above the range (and
/// non-finite ones) counted apart, so that no value is lost.
public struct Histogram: Codable, Equatable, Sendable {
    public var lower: Double
    public var binWidth: Double
    public var counts: [Int]
    public var below: Int
    public var above: Int
    /// NaN values (infinities count as below or above).
    public var nonFinite: Int

    public var upper: Double { lower + binWidth * Double(counts.count) }
    public var total: Int { counts.reduce(0, +) + below + above + nonFinite }

    public init(lower: Double, binWidth: Double, binCount: Int) {
        precondition(binWidth > 0 && binCount > 0)
        self.lower = lower
        self.binWidth = binWidth
        counts = [Int](repeating: 0, count: binCount)
        below = 0
        above = 0
        nonFinite = 0
    }

    /// The fixed bins of the run logs: width std / 10 over mean +- 16 std of
    /// the target, wide enough to hold the article's failures (a spike near
    /// -11, a concave run near 6) for its target N(4, 1.25^2).
    public static func forTarget(_ target: Normal) -> Histogram { forTarget(Target(target)) }

    public static func forTarget(_ target: Target) -> Histogram {
        Histogram(lower: target.mean - 16 * target.std, binWidth: target.std / 10, binCount: 320)
    }

    /// `values` on the fixed bins of `forTarget(target)`.
    public static func forTarget<C: Collection>(_ target: Normal, holding values: C) -> Histogram
    where C.Element: BinaryFloatingPoint {
        forTarget(Target(target), holding: values)
    }

    public static func forTarget<C: Collection>(_ target: Target, holding values: C) -> Histogram
    where C.Element: BinaryFloatingPoint {
        var histogram = forTarget(target)
        histogram.add(values)
        return histogram
    }

    public mutating func add<C: Collection>(_ values: C) where C.Element: BinaryFloatingPoint {
        for value in values { add(Double(value)) }
    }

    public mutating func add(_ value: Double) {
        if value.isNaN {
            nonFinite += 1
        } else if value < lower {
            below += 1
        } else {
            let k = ((value - lower) / binWidth).rounded(.down)
            if k >= Double(counts.count) { above += 1 } else { counts[Int(k)] += 1 }
        }
    }
}
