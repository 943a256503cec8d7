import Foundation

/// A one-dimensional distribution that the generator learns: the real data
/// R. Each kind (Gaussian, mixture, uniform, ...) is one type conforming to
/// this protocol and one entry of `Target.kinds`; training, metrics,
/// verdicts and figures use only what is declared here.
///
/// Every kind has a finite mean and std: histogram bins, verdicts and
/// figure ranges are stated in units of them.
public protocol TargetDistribution: Sendable {
    /// The canonical spec, e.g. `gaussian:4.0,1.25`: `Target(spec:)` reads it
    /// back as the same distribution.
    var spec: String { get }
    /// How figures and pages name it: "N(4, 1.25²)", "U(0, 1)".
    var label: String { get }
    /// Fills `batch` with independent draws, each computed in double
    /// precision and rounded to `Float`.
    func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar)
    /// The density p(x) (for a data target: a kernel density estimate).
    func density(_ x: Double) -> Double
    /// F(x) = P(X <= x).
    func cdf(_ x: Double) -> Double
    /// F^-1(p) = inf { x : F(x) >= p } for p in (0, 1).
    func quantile(_ p: Double) -> Double
    var mean: Double { get }
    var std: Double { get }
    /// E[(X - mean)^4] / std^4 - 3: 0 for a Gaussian, -1.2 for a uniform.
    var excessKurtosis: Double { get }
    /// The points where the density jumps or has a kink (a uniform's ends):
    /// W1's quadrature splits its intervals there.
    var breakpoints: [Double] { get }
    /// sup_x |F_n(x) - F(x)| of the sorted sample `x` against this target.
    func kolmogorovSmirnov(sorted x: [Double]) -> Double
    /// W1 = integral |F_n(x) - F(x)| dx of the sorted sample `x`.
    func wasserstein1(sorted x: [Double]) -> Double
    /// The spec as a config file and a log header hold it.
    var json: JSONValue { get }
}

/// Numbers in target labels: at most four significant digits ("1.25", "0.3333").
func labelNumber(_ x: Double) -> String {
    var text = String(format: "%.4g", x)
    if text == "-0" { text = "0" }
    return text
}

extension TargetDistribution {
    public var breakpoints: [Double] { [] }
    public var json: JSONValue { .string(spec) }

    /// D_n = max_i max(i/n - F(x_(i)), F(x_(i)) - (i - 1)/n): exact for a continuous F.
    public func kolmogorovSmirnov(sorted x: [Double]) -> Double {
        let n = Double(x.count)
        var d = 0.0
        for (i, value) in x.enumerated() {
            let f = cdf(value)
            d = Swift.max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d
    }

    /// By quadrature (`CDFQuadrature`): relative error below 1e-8 for the
    /// smooth analytic kinds.
    public func wasserstein1(sorted x: [Double]) -> Double {
        CDFQuadrature(self).wasserstein1(sorted: x)
    }
}
