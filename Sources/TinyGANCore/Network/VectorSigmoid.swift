extension Float {
    /// 1 / (1 + e^-x) over `count` values in place, four at a time: each
    /// x is widened to `Double`, e^-x taken by `FastMath.exp` (within 1e-15
    /// of Foundation's exp in relative error, tested in FastMathTests), the
    /// sigmoid formed in double precision and rounded once to `Float`. So
    /// the result is the correctly rounded sigmoid but for values within
    /// about 1e-15 of a rounding boundary: at most 2^-24 relative error
    /// (half an ulp, plus 1e-15), tested against `Double`'s sigmoid in
    /// SigmoidTests. The scalar `Float` path (libm's expf, and rounding in
    /// each of the three operations) is a few ulp at worst and about ten
    /// times slower, a call per value.
    ///
    /// -x is clamped to [-700, 700], inside FastMath.exp's domain [-708, 709]:
    /// there the sigmoid is 1 or below 1e-304, which is 0 in `Float`, as it
    /// is for any x beyond. NaN passes through as NaN.
    public static func sigmoidInPlace(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 4 <= count {
            let x = UnsafeRawPointer(values + i).loadUnaligned(as: SIMD4<Float>.self)
            UnsafeMutableRawPointer(values + i).storeBytes(of: sigmoid(x), as: SIMD4<Float>.self)
            i += 4
        }
        if i < count {
            var x = SIMD4<Float>()
            for lane in 0..<(count - i) { x[lane] = values[i + lane] }
            let y = sigmoid(x)
            for lane in 0..<(count - i) { values[i + lane] = y[lane] }
        }
    }

    @inline(__always)
    static func sigmoid(_ x: SIMD4<Float>) -> SIMD4<Float> {
        var minusX = -FastMath.Lanes(x)
        minusX.replace(with: 700, where: minusX .> 700)
        minusX.replace(with: -700, where: minusX .< -700)
        return SIMD4<Float>(1 / (1 + FastMath.exp(minusX)))
    }
}
