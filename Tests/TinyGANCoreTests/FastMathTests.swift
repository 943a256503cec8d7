import Foundation
import Testing
import TinyGANCore

/// FastMath's log and exp against Foundation's (glibc's, correctly rounded
/// in practice): at most 1e-15 relative error, which is 4.5 ulp at 1 and
/// far below Float's 6e-8, over sweeps of every binade and edge cases.
@Suite struct FastMathTests {
    static let tolerance = 1e-15

    static func relativeError(_ mine: Double, _ exact: Double) -> Double {
        exact == 0 ? abs(mine) : abs(mine - exact) / abs(exact)
    }

    /// Checks `inputs` four at a time; returns the largest relative error.
    static func worstError(_ inputs: [Double], _ fast: (FastMath.Lanes) -> FastMath.Lanes,
                           _ exact: (Double) -> Double) -> Double {
        var worst = 0.0
        var i = 0
        while i < inputs.count {
            let x = FastMath.Lanes((0..<4).map { inputs[min(i + $0, inputs.count - 1)] })
            let y = fast(x)
            for lane in 0..<4 { worst = max(worst, relativeError(y[lane], exact(x[lane]))) }
            i += 4
        }
        return worst
    }

    /// Every binade from the smallest subnormal 2^-1074 to 2^1023, 16
    /// mantissas each, then 400,000 values of 1 - U for 53-bit uniforms U
    /// (the Laplace sampler's inputs), then values within 2^-40 of 1.
    @Test func logIsWithin1e15OfFoundation() {
        var inputs: [Double] = []
        for e in -1074...1023 {
            for j in 0..<16 {
                let x = Double(sign: .plus, exponent: e, significand: 1 + Double(j) / 16 + 0x1p-30)
                if x > 0 && x.isFinite { inputs.append(x) }
            }
        }
        #expect(inputs.contains { $0 < 0x1p-1022 }, "the sweep holds subnormals")
        var rng = Xoshiro256StarStar(seed: 11)
        for _ in 0..<400_000 { inputs.append(1 - Double(Int64(bitPattern: rng.next() >> 11)) * 0x1p-53) }
        for k in 1...2000 { inputs += [1 + Double(k) * 0x1p-52, 1 - Double(k) * 0x1p-53] }
        let worst = Self.worstError(inputs, FastMath.log, Foundation.log)
        #expect(worst < Self.tolerance, "max relative error \(worst)")
    }

    @Test func logEdgeCases() {
        let edges = [1, 0x1p-1074, 0x1p-1060, 0x1p-1022, 0x1p-1022.nextDown, 0x1p-53, 1 - 0x1p-53, 1 + 0x1p-52,
                     2, 0.5, .greatestFiniteMagnitude, 2.0.squareRoot(), 0.5.squareRoot(), 0.5.squareRoot().nextDown]
        let values = Self.worstError(edges, FastMath.log, Foundation.log)
        #expect(values < Self.tolerance, "max relative error \(values)")
        #expect(FastMath.log(FastMath.Lanes(repeating: 1)) == FastMath.Lanes(repeating: 0))
    }

    /// 1,000,000 points uniform on [-708, 709], the edges, and small |x|
    /// down to 1e-300, where exp(x) must be 1 + x.
    @Test func expIsWithin1e15OfFoundation() {
        var rng = Xoshiro256StarStar(seed: 12)
        var inputs = (0..<1_000_000).map { _ in -708 + 1417 * rng.nextDouble() }
        inputs += [-708, 709, 0, -0.0, 1, -1, 0.5 * Foundation.log(2.0), -0.5 * Foundation.log(2.0), 40, -40]
        for e in -1000 ... -1 { inputs += [Foundation.pow(2, Double(e) * 0.3), -Foundation.pow(2, Double(e) * 0.3)] }
        let worst = Self.worstError(inputs, FastMath.exp, Foundation.exp)
        #expect(worst < Self.tolerance, "max relative error \(worst)")
        #expect(FastMath.exp(FastMath.Lanes(0, 1e-300, -1e-300, 1))[0] == 1)
    }

    /// expMinusOne against Foundation's expm1: 1,000,000 points uniform on
    /// [-708, 709], the Student's t sampler's exponents (0, 43.7), both sides
    /// of +-ln 2 / 2 (where the reduction's k leaves 0) and small |x| down to
    /// 1e-300, where e^x - 1 must be x.
    @Test func expMinusOneIsWithin1e15OfFoundation() {
        let inputs = Self.expMinusOneInputs(seed: 13, samplerExponents: 43.7) + [-0.0, 40, -40]
        let worst = Self.worstError(inputs, FastMath.expMinusOne, Foundation.expm1)
        #expect(worst < Self.tolerance, "max relative error \(worst)")
        #expect(FastMath.expMinusOne(FastMath.Lanes(0, 1e-300, -1e-300, 1e-20)) == FastMath.Lanes(0, 1e-300, -1e-300, 1e-20))
    }

    /// 1,000,000 points uniform on [-708, 709], 200,000 on (0,
    /// `samplerExponents`), both sides of +-ln 2 / 2 (where the reduction's k
    /// leaves 0), small |x| down to 1e-300, and the edges.
    static func expMinusOneInputs(seed: UInt64, samplerExponents: Double) -> [Double] {
        var rng = Xoshiro256StarStar(seed: seed)
        var inputs = (0..<1_000_000).map { _ in -708 + 1417 * rng.nextDouble() }
        inputs += (0..<200_000).map { _ in samplerExponents * rng.nextDouble() }
        let half = 0.5 * Foundation.log(2.0)
        for k in 0..<2000 {
            let step = Double(k) * 0x1p-52
            inputs += [half + step, half - step, -half + step, -half - step]
        }
        for e in -1000 ... -1 { inputs += [Foundation.pow(2, Double(e) * 0.3), -Foundation.pow(2, Double(e) * 0.3)] }
        return inputs + [-708, 709, 0, 1, -1, samplerExponents]
    }

    /// 16 mantissas in every binade of the normal doubles.
    static func everyNormalBinade() -> [Double] {
        (-1022...1023).flatMap { e in
            (0..<16).map { j in Double(sign: .plus, exponent: e, significand: 1 + Double(j) / 16 + 0x1p-30) }
        }
    }

    /// reciprocalSquareRoot against 1 / Foundation's sqrt over every binade
    /// of the normal doubles (16 mantissas each), 400,000 values spread over
    /// the Student's t sampler's range [2^-63, 2^20], and small squares.
    @Test func reciprocalSquareRootIsWithin1e15OfFoundation() {
        var inputs = Self.everyNormalBinade()
        var rng = Xoshiro256StarStar(seed: 14)
        for _ in 0..<400_000 { inputs.append(Foundation.exp2(-63 + 83 * rng.nextDouble())) }
        inputs += (1...1000).map { Double($0 * $0) } + [0x1p-1022, .greatestFiniteMagnitude, 2, 0.5]
        let worst = Self.worstError(inputs, FastMath.reciprocalSquareRoot) { 1 / Foundation.sqrt($0) }
        #expect(worst < Self.tolerance, "max relative error \(worst)")
    }
}
