import Foundation

/// A Gaussian kernel density estimate in the plane, for contours of a
/// target without a closed-form density (the user's points):
///
///     p(x, y) = (1/m) sum_i N(x; x_i, h_x^2) N(y; y_i, h_y^2)
///
/// over a reference sample of m points, with Scott's rule in d = 2
/// dimensions for the bandwidths, h_c = s_c m^(-1/(d+4)) = s_c m^(-1/6)
/// (s_c: the sample's std along axis c; a diagonal bandwidth, where
/// scipy's `gaussian_kde` scales the full covariance by the same factor).
/// Terms beyond 7 bandwidths are cut (below e^-24). It integrates to 1
/// over the plane.
struct PlaneKernelDensity: Sendable {
    let xs: [Double]
    let ys: [Double]
    let hx: Double
    let hy: Double

    /// `xs` and `ys` of the same length >= 2, each with a positive spread.
    init(xs: [Double], ys: [Double]) {
        precondition(xs.count == ys.count && xs.count >= 2, "a kernel density needs at least two points")
        func std(_ v: [Double]) -> Double {
            let mean = v.reduce(0, +) / Double(v.count)
            return (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)).squareRoot()
        }
        let factor = pow(Double(xs.count), -1.0 / 6)
        (self.xs, self.ys) = (xs, ys)
        (hx, hy) = (std(xs) * factor, std(ys) * factor)
        precondition(hx > 0 && hy > 0, "a kernel density needs a spread along both axes")
    }

    func density(x: Double, y: Double) -> Double {
        let cut = 49.0
        var total = 0.0
        for i in xs.indices {
            let u = (x - xs[i]) / hx, v = (y - ys[i]) / hy
            let d2 = u * u + v * v
            if d2 < cut { total += exp(-0.5 * d2) }
        }
        return total / (Double(xs.count) * 2 * Double.pi * hx * hy)
    }
}
