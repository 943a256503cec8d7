/// Central finite differences, (f(x + h) - f(x - h)) / 2h, in double
/// precision: truncation error O(h^2 f''') and rounding error O(eps f / h);
/// with h = 1e-6 and values of order one both stay near 1e-9 to 1e-10.
public enum FiniteDifference {
    public static let step = 1e-6

    /// The partial derivatives of `f` with respect to each entry of `x`.
    public static func gradient(of f: ([Double]) -> Double, at x: [Double]) -> [Double] {
        x.indices.map { i in
            var plus = x, minus = x
            plus[i] += step
            minus[i] -= step
            return (f(plus) - f(minus)) / (2 * step)
        }
    }

    /// |analytic - numeric| <= 1e-6 * max(1, |numeric|) for every entry: the
    /// tolerance these checks state (about 1000 times the expected error).
    public static func agree(_ analytic: [Double], _ numeric: [Double], tolerance: Double = 1e-6) -> Bool {
        analytic.count == numeric.count
            && zip(analytic, numeric).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }
}
