/// Distances between the empirical distributions F_m and G_n of two sorted
/// samples, exactly: both are step functions, constant between the merged
/// sample points t_1 < t_2 < ...
enum TwoSample {
    /// #{x_i <= value} in sorted x, by bisection.
    static func countAtMost(_ value: Double, in x: [Double]) -> Int {
        var lo = 0, hi = x.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if x[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Walks the merged points, calling `step(t, F_m(t), G_n(t))` at each.
    static func walk(_ x: [Double], _ y: [Double], _ step: (Double, Double, Double) -> Void) {
        let m = Double(x.count), n = Double(y.count)
        var i = 0, j = 0
        while i < x.count || j < y.count {
            let t = j == y.count || (i < x.count && x[i] <= y[j]) ? x[i] : y[j]
            while i < x.count && x[i] <= t { i += 1 }
            while j < y.count && y[j] <= t { j += 1 }
            step(t, Double(i) / m, Double(j) / n)
        }
    }

    /// sup_t |F_m(t) - G_n(t)|, attained at a sample point.
    static func kolmogorovSmirnov(_ x: [Double], _ y: [Double]) -> Double {
        var d = 0.0
        walk(x, y) { _, f, g in d = Swift.max(d, abs(f - g)) }
        return d
    }

    /// integral |F_m - G_n| dt = sum_k |F_m(t_k) - G_n(t_k)| (t_{k+1} - t_k).
    static func wasserstein1(_ x: [Double], _ y: [Double]) -> Double {
        var total = 0.0, previous = 0.0, gap = 0.0, started = false
        walk(x, y) { t, f, g in
            if started { total += gap * (t - previous) }
            started = true
            previous = t
            gap = abs(f - g)
        }
        return total
    }
}
