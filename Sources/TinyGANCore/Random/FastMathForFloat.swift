/// Shorter forms of `FastMath`'s functions for a value that is rounded to
/// `Float` in the end (relative step 2^-24 = 6e-8): each is within 5e-11
/// of the exact value in relative error (tested against Foundation), and
/// evaluates its series by Estrin's scheme (pairs c_i + c_{i+1} x combined
/// with x^2, x^4, ...: D. E. Knuth, TAOCP vol. 2, 4.6.4) instead of
/// Horner's, so that the chain of dependent multiply-adds is about half as
/// long. A sampler's block of four lanes is bound by that chain's latency,
/// not by the number of operations.
extension FastMath {
    /// ln x for positive normal x (2^-1022 <= x < 2^1024; not checked), as
    /// `log` reduces it, with the series 2 s (1 + z/3 + ... + z^6/13), z = s^2:
    /// z <= 0.0295, so the first omitted term, z^7/15, is below 1.3e-12 of it.
    @inline(__always)
    public static func logForFloat(_ x: Lanes) -> Lanes {
        let (k, s) = logReduced(unsafeBitCast(x, to: SIMD4<Int64>.self), exponentOffset: .zero)
        let z = s * s, z2 = z * z
        let a0 = Lanes(repeating: 1.0 / 3).addingProduct(z, Lanes(repeating: 1.0 / 5))
        let a1 = Lanes(repeating: 1.0 / 7).addingProduct(z, Lanes(repeating: 1.0 / 9))
        let a2 = Lanes(repeating: 1.0 / 11).addingProduct(z, Lanes(repeating: 1.0 / 13))
        let p = a0.addingProduct(z2, a1.addingProduct(z2, a2))
        return logAssembled(k, s, z, p)
    }

    /// e^x - 1 for x in [-708, 709], as `expMinusOne` reduces it, with
    /// q = r + r^2 (1/2! + r/3! + ... + r^8/10!): |r| <= ln 2 / 2, so the
    /// first omitted term, r^11/11!, is below 6.5e-13 of q.
    @inline(__always)
    public static func expMinusOneForFloat(_ x: Lanes) -> Lanes {
        let (scale, r) = expReduced(x)
        let r2 = r * r, r4 = r2 * r2
        let a0 = Lanes(repeating: 1.0 / 2).addingProduct(r, Lanes(repeating: 1.0 / 6))
        let a1 = Lanes(repeating: 1.0 / 24).addingProduct(r, Lanes(repeating: 1.0 / 120))
        let a2 = Lanes(repeating: 1.0 / 720).addingProduct(r, Lanes(repeating: 1.0 / 5040))
        let a3 = Lanes(repeating: 1.0 / 40320).addingProduct(r, Lanes(repeating: 1.0 / 362_880))
        let b0 = a0.addingProduct(r2, a1), b1 = a2.addingProduct(r2, a3)
        let p = b0.addingProduct(r4, b1.addingProduct(r4, Lanes(repeating: 1.0 / 3_628_800)))
        return (scale - 1).addingProduct(scale, r.addingProduct(r2, p))
    }

    /// 1 / sqrt x for positive normal x: `reciprocalSquareRoot` with three
    /// Newton steps instead of four (relative error 3.5e-11).
    @inline(__always)
    public static func reciprocalSquareRootForFloat(_ x: Lanes) -> Lanes {
        reciprocalSquareRoot(x, newtonSteps: 3)
    }

    /// sin(2 pi y) for y in [-1/4, 1/4]: with t = 2 pi y in [-pi/2, pi/2],
    /// t (1 - t^2/3! + t^4/5! - ... - t^14/15!); the first omitted term,
    /// t^17/17!, is below 6.2e-12 of sin t (|sin t| >= 2|t|/pi).
    @inline(__always)
    public static func sinTwoPi(_ y: Lanes) -> Lanes {
        let t = y * (2 * Double.pi)
        let t2 = t * t, t4 = t2 * t2, t8 = t4 * t4
        let a0 = Lanes(repeating: 1).addingProduct(t2, Lanes(repeating: -1.0 / 6))
        let a1 = Lanes(repeating: 1.0 / 120).addingProduct(t2, Lanes(repeating: -1.0 / 5040))
        let a2 = Lanes(repeating: 1.0 / 362_880).addingProduct(t2, Lanes(repeating: -1.0 / 39_916_800))
        let a3 = Lanes(repeating: 1.0 / 6_227_020_800).addingProduct(t2, Lanes(repeating: -1.0 / 1_307_674_368_000))
        return t * a0.addingProduct(t4, a1).addingProduct(t8, a2.addingProduct(t4, a3))
    }
}
