/// Summary statistics of a sample x_1 ... x_n against a target: KS and W1
/// against its exact F for an analytic target (the Gaussian's W1 in closed
/// form, the others' by quadrature: `CDFQuadrature`), two-sample against
/// a data target's values.
public struct SampleStatistics: Codable, Equatable, Sendable {
    public var count: Int
    public var mean: Double
    /// Population form: sqrt((1/n) sum (x_i - mean)^2).
    public var std: Double
    /// (1/n) sum z_i^3 with z_i = (x_i - mean) / std.
    public var skewness: Double
    /// (1/n) sum z_i^4 - 3 (0 for a Gaussian).
    public var excessKurtosis: Double
    /// Kolmogorov-Smirnov statistic sup_x |F_n(x) - F(x)|.
    public var ks: Double
    /// Wasserstein-1 distance: the integral of |F_n(x) - F(x)| dx.
    public var wasserstein1: Double

    /// Computes all statistics in double precision. Non-finite samples make
    /// every statistic NaN (a diverged run).
    public init<C: Collection>(samples: C, target: Normal) where C.Element: BinaryFloatingPoint {
        self.init(samples: samples, target: Target(target))
    }

    public init<C: Collection>(samples: C, target: Target) where C.Element: BinaryFloatingPoint {
        let x = samples.map { Double($0) }.sorted()
        count = x.count
        guard !x.isEmpty, x.allSatisfy(\.isFinite) else {
            (mean, std, skewness, excessKurtosis, ks, wasserstein1) = (.nan, .nan, .nan, .nan, .nan, .nan)
            return
        }
        let n = Double(x.count)
        mean = x.reduce(0, +) / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for value in x {
            let d = value - mean, d2 = d * d
            m2 += d2; m3 += d2 * d; m4 += d2 * d2
        }
        m2 /= n; m3 /= n; m4 /= n
        std = m2.squareRoot()
        skewness = m3 / (m2 * std)
        excessKurtosis = m4 / (m2 * m2) - 3
        ks = target.distribution.kolmogorovSmirnov(sorted: x)
        wasserstein1 = target.distribution.wasserstein1(sorted: x)
    }

    /// D_n = max_i max(i/n - F(x_(i)), F(x_(i)) - (i - 1)/n) over sorted x.
    public static func kolmogorovSmirnov(sorted x: [Double], target: Normal) -> Double {
        let n = Double(x.count)
        var d = 0.0
        for (i, value) in x.enumerated() {
            let f = target.cdf(value)
            d = Swift.max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d
    }

    /// W_1 = integral |F_n(x) - F(x)| dx, exactly, over sorted x.
    ///
    /// With t = (x - mu) / sigma, the antiderivatives
    /// A(x) = integral_{-inf}^x F = sigma (t Phi(t) + phi(t)) and
    /// B(x) = integral_x^inf (1 - F) = sigma (phi(t) - t (1 - Phi(t)))
    /// give the two tails, and on [x_(i), x_(i+1)], where F_n = c = i/n,
    /// the integral of |c - F| splits at F^-1(c) into two pieces of
    /// +-(c (b - a) - (A(b) - A(a))).
    public static func wasserstein1(sorted x: [Double], target: Normal) -> Double {
        guard let first = x.first, let last = x.last else { return .nan }
        let n = Double(x.count)
        func antiderivative(_ value: Double) -> Double {
            let t = (value - target.mean) / target.std
            return target.std * (t * Normal.standardCDF(t) + Normal.standardDensity(t))
        }
        func upperTail(_ value: Double) -> Double {
            let t = (value - target.mean) / target.std
            return target.std * (Normal.standardDensity(t) - t * Normal.standardCDF(-t))
        }
        func signedArea(_ c: Double, _ a: Double, _ b: Double) -> Double {
            c * (b - a) - (antiderivative(b) - antiderivative(a))
        }
        var total = antiderivative(first) + upperTail(last)
        for i in 1..<x.count where x[i] > x[i - 1] {
            let c = Double(i) / n, a = x[i - 1], b = x[i]
            let crossing = target.quantile(c)
            if crossing > a && crossing < b {
                total += abs(signedArea(c, a, crossing)) + abs(signedArea(c, crossing, b))
            } else {
                total += abs(signedArea(c, a, b))
            }
        }
        return total
    }
}
