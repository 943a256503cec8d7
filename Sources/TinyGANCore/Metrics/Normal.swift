import RealModule

/// The Gaussian N(mean, std^2): density, distribution function and quantile.
public struct Normal: Codable, Equatable, Sendable {
    public var mean: Double
    public var std: Double

    public init(mean: Double, std: Double) {
        self.mean = mean
        self.std = std
    }

    /// p(x) = exp(-t^2 / 2) / (std sqrt(2 pi)), t = (x - mean) / std.
    public func density(_ x: Double) -> Double {
        let t = (x - mean) / std
        return Double.exp(-0.5 * t * t) / (std * (2 * Double.pi).squareRoot())
    }

    /// F(x) = Phi((x - mean) / std).
    public func cdf(_ x: Double) -> Double { Self.standardCDF((x - mean) / std) }

    /// F^-1(p) for p in (0, 1).
    public func quantile(_ p: Double) -> Double { mean + std * Self.standardQuantile(p) }

    /// Phi(t) = erfc(-t / sqrt 2) / 2, accurate to a few ulp in both tails.
    public static func standardCDF(_ t: Double) -> Double {
        0.5 * Double.erfc(-t / 2.0.squareRoot())
    }

    /// phi(t) = exp(-t^2 / 2) / sqrt(2 pi).
    public static func standardDensity(_ t: Double) -> Double {
        Double.exp(-0.5 * t * t) / (2 * Double.pi).squareRoot()
    }

    /// Phi^-1(p): Acklam's rational approximation (relative error 1.15e-9),
    /// refined by one Halley step on Phi(t) - p, which brings it to about
    /// 1e-15. Returns -inf at 0 and +inf at 1.
    public static func standardQuantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00]
        let low = 0.02425
        var t: Double
        if p < low {
            let q = (-2 * Double.log(p)).squareRoot()
            t = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            t = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * Double.log(1 - p)).squareRoot()
            t = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let error = standardCDF(t) - p
        let u = error * (2 * Double.pi).squareRoot() * Double.exp(t * t / 2)
        t -= u / (1 + t * u / 2)
        return t
    }
}
