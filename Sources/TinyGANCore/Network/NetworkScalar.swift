import CVectorMath
import RealModule

/// The floating-point types a network computes in.
///
/// Training runs in `Float`, as the original PyTorch program does; the
/// gradient checks run the very same code in `Double`. The one place where
/// the two differ is `tanh`: `Float` uses a rational approximation that the
/// compiler can vectorize (no call into libm per element), `Double` the
/// libm function, so gradient checks see the exact derivative 1 - tanh^2.
public protocol NetworkScalar: BinaryFloatingPoint, Real, SIMDScalar, Codable, Sendable
where Self.RawSignificand: FixedWidthInteger {
    /// tanh(x), elementwise over `count` values, in place.
    static func tanhInPlace(_ values: UnsafeMutablePointer<Self>, count: Int)

    /// 1 / (1 + e^-x), elementwise over `count` values, in place, for
    /// rows of per-sample values (batches above 1).
    static func sigmoidInPlace(_ values: UnsafeMutablePointer<Self>, count: Int)

    /// roots[i] = values[i].squareRoot() (correctly rounded) for i < count,
    /// vectorized (`CVectorMath`).
    static func squareRoots(_ values: UnsafePointer<Self>, into roots: UnsafeMutablePointer<Self>, count: Int)
}

extension NetworkScalar {
    /// 1 / (1 + e^-x) in the type's own precision: the discriminator's
    /// sigmoid on a batch of 1 (the article's), and `Double`'s everywhere.
    @inline(__always)
    static func scalarSigmoid(_ x: Self) -> Self { 1 / (1 + .exp(-x)) }
}

extension Double: NetworkScalar {
    public static func squareRoots(_ values: UnsafePointer<Double>, into roots: UnsafeMutablePointer<Double>,
                                   count: Int) {
        tinygan_sqrt_doubles(values, roots, count)
    }

    public static func sigmoidInPlace(_ values: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { values[i] = scalarSigmoid(values[i]) }
    }

    public static func tanhInPlace(_ values: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { values[i] = .tanh(values[i]) }
    }
}

extension Float: NetworkScalar {
    public static func squareRoots(_ values: UnsafePointer<Float>, into roots: UnsafeMutablePointer<Float>,
                                   count: Int) {
        tinygan_sqrt_floats(values, roots, count)
    }

    /// Eigen's 13/6-degree rational approximation of tanh on [-9, 9]
    /// (`generic_fast_tanh_float`), accurate to a few ulp; outside that range
    /// tanh rounds to +-1 in single precision. The test suite bounds its
    /// error against `Double.tanh` by 3e-7 absolute over [-12, 12].
    public static func tanhInPlace(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { values[i] = rationalTanh(values[i]) }
    }

    /// Horner's rule with fused multiply-adds: each step c + x^2 p rounds once.
    @inline(__always)
    public static func rationalTanh(_ input: Float) -> Float {
        let x = Swift.min(Swift.max(input, -9), 9)
        let x2 = x * x
        var p: Float = -2.76076847742355e-16
        p = (2.00018790482477e-13 as Float).addingProduct(x2, p)
        p = (-8.60467152213735e-11 as Float).addingProduct(x2, p)
        p = (5.12229709037114e-08 as Float).addingProduct(x2, p)
        p = (1.48572235717979e-05 as Float).addingProduct(x2, p)
        p = (6.37261928875436e-04 as Float).addingProduct(x2, p)
        p = (4.89352455891786e-03 as Float).addingProduct(x2, p)
        p = p * x
        var q: Float = 1.19825839466702e-06
        q = (1.18534705686654e-04 as Float).addingProduct(x2, q)
        q = (2.26843463243900e-03 as Float).addingProduct(x2, q)
        q = (4.89352518554385e-03 as Float).addingProduct(x2, q)
        return p / q
    }
}
