/// F^-1(p) for a continuous, increasing F with density f, where no closed
/// form exists: a bracket [lo, hi] with F(lo) < p <= F(hi) is found by
/// doubling steps from `start`, then Newton steps x - (F(x) - p) / f(x) are
/// taken while they stay inside the bracket, bisection otherwise, the
/// bracket shrinking every step. It stops when the step is below
/// 4e-16 (|x| + step) or after 200 steps: x to within a few ulp.
enum QuantileSearch {
    static func invert(_ p: Double, cdf: (Double) -> Double, density: (Double) -> Double,
                       start: Double, step: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        var lo = start - step, hi = start + step, width = step
        while cdf(lo) >= p && width < 1e300 { width *= 2; lo = start - width }
        width = step
        while cdf(hi) < p && width < 1e300 { width *= 2; hi = start + width }
        var x = cdf(start) < p ? (start + hi) / 2 : (lo + start) / 2
        for _ in 0..<200 {
            let error = cdf(x) - p
            if error < 0 { lo = x } else { hi = x }
            let slope = density(x)
            var next = x - error / slope
            if !(slope > 0) || !(next > lo && next < hi) { next = lo + (hi - lo) / 2 }
            if abs(next - x) <= 4e-16 * (abs(x) + step) || next == lo || next == hi { return next }
            x = next
        }
        return x
    }
}
