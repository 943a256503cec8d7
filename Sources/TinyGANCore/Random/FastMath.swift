/// `log`, `exp`, `expMinusOne` and `reciprocalSquareRoot` in double precision over
/// four lanes at once,
/// free of branches and calls, for the samplers' vectorized passes
/// (`BlockFill`). Each is within 1e-15 of Foundation's value in relative
/// error over its domain: the test suite sweeps them, with edge cases;
/// a sampler then rounds to `Float`, whose relative step is 2^-24 = 6e-8.
///
/// Both reduce the argument by a power of two and sum a short series, the
/// scheme of fdlibm (Sun Microsystems, 1993) and of J.-M. Muller,
/// "Elementary Functions" (3rd ed., 2016), ch. 11. Integers pass to and
/// from `Double` through the shifter 1.5 * 2^52: for |k| < 2^51 the bit
/// pattern of 1.5 * 2^52 + k is that of 1.5 * 2^52 plus k, so no
/// conversion instruction (which AVX2 lacks for 64-bit lanes) is needed.
public enum FastMath {
    public typealias Lanes = SIMD4<Double>

    /// ln x for positive finite x, subnormals included.
    ///
    /// x = 2^k m with m in [sqrt(2)/2, sqrt(2)); with s = (m - 1) / (m + 1),
    /// ln m = 2 atanh s = 2 s (1 + s^2/3 + s^4/5 + ... + s^18/19 + ...).
    /// |s| <= 3 - 2 sqrt 2 = 0.1716, so s^2 <= 0.0295 and the first omitted
    /// term, s^20/21, is below 2.3e-17 of the sum. m - 1 is exact (Sterbenz),
    /// so near x = 1 the error stays relative; k ln 2 is added in two parts
    /// (fdlibm's split: `ln2High` has 21 trailing zero bits, so k ln2High
    /// is exact).
    @inline(__always)
    public static func log(_ input: Lanes) -> Lanes {
        // A subnormal x is scaled by 2^52 first, by blending bit patterns
        // under the comparison's all-ones lanes (a select would be split
        // into lanes).
        let inputBits = unsafeBitCast(input, to: SIMD4<Int64>.self)
        let isSubnormal = unsafeBitCast(inputBits .< 0x0010_0000_0000_0000, to: SIMD4<Int64>.self)
        let scaledBits = unsafeBitCast(input * 0x1p52, to: SIMD4<Int64>.self)
        let bits = inputBits ^ ((inputBits ^ scaledBits) & isSubnormal)
        let (k, s) = logReduced(bits, exponentOffset: isSubnormal & 52)
        let z = s * s
        var p = Lanes(repeating: 1.0 / 19)
        p = Lanes(repeating: 1.0 / 17).addingProduct(z, p)
        p = Lanes(repeating: 1.0 / 15).addingProduct(z, p)
        p = Lanes(repeating: 1.0 / 13).addingProduct(z, p)
        p = Lanes(repeating: 1.0 / 11).addingProduct(z, p)
        p = Lanes(repeating: 1.0 / 9).addingProduct(z, p)
        p = Lanes(repeating: 1.0 / 7).addingProduct(z, p)
        p = Lanes(repeating: 1.0 / 5).addingProduct(z, p)
        p = Lanes(repeating: 1.0 / 3).addingProduct(z, p)
        return logAssembled(k, s, z, p)
    }

    /// ln 2 in two parts (fdlibm's): `ln2High` has 21 trailing zero bits.
    @inline(__always) static var ln2High: Double { 6.93147180369123816490e-01 }
    @inline(__always) static var ln2Low: Double { 1.90821492927058770002e-10 }

    /// For the bits of a positive normal x = 2^k m (m in [sqrt(2)/2,
    /// sqrt(2))): k (less `exponentOffset`) as a Double and s = (m - 1) / (m + 1).
    /// Subtracting the bits of sqrt(2)/2 leaves k in the exponent field and
    /// the mantissa of m = x / 2^k in [sqrt(2)/2, sqrt(2)).
    @inline(__always)
    static func logReduced(_ bits: SIMD4<Int64>, exponentOffset: SIMD4<Int64>) -> (k: Lanes, s: Lanes) {
        let exponentBits = (bits &- 0x3FE6_A09E_667F_3BCD) &>> 52
        let m = unsafeBitCast(bits &- (exponentBits &<< 52), to: Lanes.self)
        let k = unsafeBitCast(exponentBits &- exponentOffset &+ 0x4338_0000_0000_0000, to: Lanes.self) - 0x1.8p52
        let f = m - 1
        return (k, f / (2 + f))
    }

    /// k ln 2 + 2 s + 2 s z p, with z = s^2 and p the series after its 1.
    @inline(__always)
    static func logAssembled(_ k: Lanes, _ s: Lanes, _ z: Lanes, _ p: Lanes) -> Lanes {
        let twoS = 2 * s
        let logM = twoS.addingProduct(twoS * z, p)
        return k * ln2High + logM.addingProduct(k, ln2Low)
    }

    /// e^x for x in [-708, 709], where e^x is a normal double (arguments
    /// outside it are not checked and give wrong values).
    @inline(__always)
    public static func exp(_ x: Lanes) -> Lanes {
        let (scale, q) = reduced(x)
        return scale.addingProduct(scale, q)
    }

    /// e^x - 1 for x in [-708, 709], accurate in relative terms near 0:
    /// with e^x = 2^k (1 + q) as in `exp`, e^x - 1 = (2^k - 1) + 2^k q.
    /// For |x| <= ln 2 / 2, k = 0 and the value is q, computed without
    /// cancellation; otherwise |e^x - 1| > 0.29 and 2^k - 1 is exact
    /// (|k| <= 53) or -1 to within 2^-53 (k < -53).
    @inline(__always)
    public static func expMinusOne(_ x: Lanes) -> Lanes {
        let (scale, q) = reduced(x)
        return (scale - 1).addingProduct(scale, q)
    }

    /// 1 / sqrt x for positive normal x (2^-1022 <= x < 2^1024), without
    /// a division or a square root: Swift's own SIMD `squareRoot()` goes
    /// lane by lane through C's `sqrt`, whose errno path (glibc) keeps the
    /// compiler from vectorizing the code around it.
    ///
    /// y_0 = 1/sqrt(x) to 3.5% from the bits (0x5FE6EB50C7B537A9 minus half
    /// of x's bit pattern: C. Lomont, "Fast inverse square root", 2003),
    /// then four Newton steps y <- y (3/2 - (x/2) y y), each squaring the
    /// relative error (times 3/2): 3.5e-2, 1.8e-3, 4.8e-6, 3.5e-11, then
    /// 1.8e-21, below the steps' own rounding (about 1.5 ulp).
    @inline(__always)
    public static func reciprocalSquareRoot(_ x: Lanes) -> Lanes {
        reciprocalSquareRoot(x, newtonSteps: 4)
    }

    @inline(__always)
    static func reciprocalSquareRoot(_ x: Lanes, newtonSteps: Int) -> Lanes {
        let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self)
        var y = unsafeBitCast(SIMD4<UInt64>(repeating: 0x5FE6_EB50_C7B5_37A9) &- (bits &>> 1), to: Lanes.self)
        let minusHalf = -0.5 * x, threeHalves = Lanes(repeating: 1.5)
        for _ in 0..<newtonSteps { y = y * threeHalves.addingProduct(minusHalf * y, y) }
        return y
    }

    /// x = k ln 2 + r with k = round(x / ln 2) and |r| <= ln 2 / 2 (Cody and
    /// Waite's two-part reduction, exact for |k| < 2^21), then
    /// e^x = 2^k (1 + q) with q = e^r - 1 = r + r^2/2! + ... + r^13/13!:
    /// the first omitted term, r^14/14!, is below 4.2e-18. Returns 2^k and q.
    @inline(__always)
    static func reduced(_ x: Lanes) -> (scale: Lanes, q: Lanes) {
        let (scale, r) = expReduced(x)
        var p = Lanes(repeating: 1.0 / 6_227_020_800)
        p = Lanes(repeating: 1.0 / 479_001_600).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 39_916_800).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 3_628_800).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 362_880).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 40320).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 5040).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 720).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 120).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 24).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 6).addingProduct(r, p)
        p = Lanes(repeating: 1.0 / 2).addingProduct(r, p)
        return (scale, r.addingProduct(r * r, p))
    }

    /// 2^k and r = x - k ln 2 for k = round(x / ln 2), |r| <= ln 2 / 2.
    @inline(__always)
    static func expReduced(_ x: Lanes) -> (scale: Lanes, r: Lanes) {
        let t = x * 1.4426950408889634 + 0x1.8p52
        let k = t - 0x1.8p52
        let r = (x - k * ln2High) - k * ln2Low
        return (unsafeBitCast((unsafeBitCast(t, to: SIMD4<UInt64>.self) &+ 1023) &<< 52, to: Lanes.self), r)
    }
}
