import Foundation
import RealModule

/// The regularized incomplete beta function
/// I_x(a, b) = B(x; a, b) / B(a, b) = (1 / B(a, b)) integral_0^x t^(a-1) (1-t)^(b-1) dt,
/// by its continued fraction evaluated with the modified Lentz method
/// (Numerical Recipes, 3rd ed., 6.4), on x < (a + 1)/(a + b + 2) directly
/// and otherwise through I_x(a, b) = 1 - I_{1-x}(b, a), where it converges
/// fast; relative error about 1e-14.
enum IncompleteBeta {
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * Double.log(x) + b * Double.log(onePlus: -x)
        let front = Double.exp(logFront)
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x: x, a: a, b: b) / a }
        return 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-16
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }
}
