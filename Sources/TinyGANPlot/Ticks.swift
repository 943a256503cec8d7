import Foundation

/// Axis ticks at "nice" positions: multiples of 1, 2 or 5 times a power of
/// ten (Heckbert, "Nice numbers for graph labels", 1990), chosen as the
/// densest such step that gives at most `maximumCount` ticks inside the
/// range and labels that do not overlap.
public enum Ticks {
    /// A tick set: positions and their labels, all with the same decimals.
    public struct Set: Equatable, Sendable {
        public var step: Double
        public var values: [Double]
        public var labels: [String]
    }

    /// The densest 1-2-5 ticks within `range` with at most `maximumCount`
    /// ticks, such that `fits(labels)` holds (the caller checks overlap).
    public static func nice(
        _ range: ClosedRange<Double>, maximumCount: Int = 8, fits: (Set) -> Bool = { _ in true }
    ) -> Set {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else {
            let value = range.lowerBound.isFinite ? range.lowerBound : 0
            return Set(step: 1, values: [value], labels: [label(value, decimals: decimals(for: 1))])
        }
        // Candidate steps from fine to coarse: 1, 2, 5 times 10^k. The
        // first that gives few enough ticks whose labels fit wins; if none
        // with two or more fits, a single tick (which always fits).
        var exponent = Int((log10(span) - log10(Double(max(maximumCount, 1)))).rounded(.down)) - 1
        var lastMultiple: Set?
        while true {
            for mantissa in [1.0, 2.0, 5.0] {
                let step = mantissa * pow(10, Double(exponent))
                let first = (range.lowerBound / step - 1e-9).rounded(.up)
                let last = (range.upperBound / step + 1e-9).rounded(.down)
                let count = Int(last - first) + 1
                guard count <= maximumCount else { continue }
                let digits = decimals(for: step)
                let values = (0..<max(count, 0)).map { (first + Double($0)) * step }
                let set = Set(step: step, values: values, labels: values.map { label($0, decimals: digits) })
                if count >= 1 && (count == 1 || fits(set)) { return set }
                if count >= 2 { lastMultiple = set }
                if count < 1, let fallback = lastMultiple {
                    return Set(step: fallback.step, values: [fallback.values[0]], labels: [fallback.labels[0]])
                }
            }
            exponent += 1
        }
    }

    /// Decimals needed to tell multiples of `step` apart.
    static func decimals(for step: Double) -> Int {
        max(0, -Int(log10(step).rounded(.down)))
    }

    static func label(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text  // no "-0"
    }

    /// True when labels centred at `positions` (pixels along the axis) with
    /// `extents` (pixels along the axis) leave at least `gap` between neighbours.
    public static func labelsSeparate(positions: [Double], extents: [Double], gap: Double) -> Bool {
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        for (a, b) in zip(order, order.dropFirst()) {
            if positions[b] - extents[b] / 2 - (positions[a] + extents[a] / 2) < gap { return false }
        }
        return true
    }
}
