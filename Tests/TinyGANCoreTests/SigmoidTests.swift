import Foundation
import Testing
import TinyGANCore

/// `Float.sigmoidInPlace` (per-sample rows) against the sigmoid computed in
/// double precision with Foundation's exp.
@Suite struct SigmoidTests {
    static func exact(_ x: Float) -> Double { 1 / (1 + Foundation.exp(-Double(x))) }

    /// 400,001 points on [-100, 100] (step 5e-4), the edges of the Float
    /// range and count 1 to 9 (the tail of fewer than four lanes). Where the
    /// sigmoid is a normal Float (x above -87.3) the relative error is at
    /// most 2^-24 (half an ulp) times 1.000001; below it, the absolute error
    /// is at most half the smallest subnormal, 2^-150.
    @Test func withinHalfAnUlpOfTheDoublePrecisionSigmoid() {
        var inputs = (0...400_000).map { Float(-100 + Double($0) * 5e-4) }
        inputs += [-Float.greatestFiniteMagnitude, -1e30, -104, -103.9, -88, -87.3, -0.0, 0, 1e-30, 17, 88, 1e30,
                   .greatestFiniteMagnitude, .infinity, -.infinity]
        var values = inputs
        values.withUnsafeMutableBufferPointer { Float.sigmoidInPlace($0.baseAddress!, count: $0.count) }
        var worstRelative = 0.0, worstAbsolute = 0.0
        for (x, y) in zip(inputs, values) {
            let exact = Self.exact(x)
            if exact >= Double(Float.leastNormalMagnitude) {
                worstRelative = max(worstRelative, abs(Double(y) - exact) / exact)
            } else {
                worstAbsolute = max(worstAbsolute, abs(Double(y) - exact))
            }
        }
        #expect(worstRelative <= 0x1p-24 * 1.000001, "worst relative error \(worstRelative)")
        #expect(worstAbsolute <= 0x1p-150, "worst absolute error \(worstAbsolute)")
        for count in 1...9 {
            var row = Array(inputs[1000..<(1000 + count)])
            row.withUnsafeMutableBufferPointer { Float.sigmoidInPlace($0.baseAddress!, count: count) }
            #expect(row == Array(values[1000..<(1000 + count)]))
        }
        var nan: [Float] = [.nan, 1, 2, 3, .nan]
        nan.withUnsafeMutableBufferPointer { Float.sigmoidInPlace($0.baseAddress!, count: 5) }
        #expect(nan[0].isNaN && nan[4].isNaN && !nan[1].isNaN)
    }

    /// The exp it rests on over the range it is used on, [-700, 700]:
    /// within 1e-15 of Foundation's in relative error (FastMathTests sweeps
    /// the whole domain; this is the sigmoid's part of it, densely).
    @Test func fastExpOverTheSigmoidsRange() {
        var worst = 0.0
        for k in stride(from: 0, to: 1_400_000, by: 4) {
            let x = FastMath.Lanes((0..<4).map { -700 + Double(k + $0) * 1e-3 + 1.234e-7 })
            let y = FastMath.exp(x)
            for lane in 0..<4 { worst = max(worst, abs(y[lane] - Foundation.exp(x[lane])) / Foundation.exp(x[lane])) }
        }
        #expect(worst <= 1e-15, "worst relative error \(worst)")
    }
}
