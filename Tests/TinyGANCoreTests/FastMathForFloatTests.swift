import Foundation
import Testing
import TinyGANCore

/// FastMath's shorter forms for values rounded to Float, against
/// Foundation's functions: at most 5e-11 relative error (Float's step is
/// 6e-8), over every binade they accept and the Student's t sampler's inputs.
@Suite struct FastMathForFloatTests {
    static let tolerance = 5e-11

    /// Every normal binade (16 mantissas each), 400,000 values uniform on
    /// the sampler's (2^-37, 1), and values within 2^-40 of 1.
    @Test func logForFloatIsWithin5e11OfFoundation() {
        var inputs = FastMathTests.everyNormalBinade()
        var rng = Xoshiro256StarStar(seed: 21)
        for _ in 0..<400_000 { inputs.append((Double(rng.next() >> 28) + 0.5) * 0x1p-36) }
        for k in 1...2000 { inputs += [1 + Double(k) * 0x1p-52, 1 - Double(k) * 0x1p-53] }
        inputs += [0x1p-1022, .greatestFiniteMagnitude, 2.0.squareRoot(), 0.5.squareRoot(), 0.5.squareRoot().nextDown]
        let worst = FastMathTests.worstError(inputs, FastMath.logForFloat, Foundation.log)
        #expect(worst < Self.tolerance, "max relative error \(worst)")
        #expect(FastMath.logForFloat(FastMath.Lanes(repeating: 1)) == FastMath.Lanes(repeating: 0))
    }

    /// 1,000,000 points uniform on [-708, 709], the sampler's exponents
    /// (0, 25.7), both sides of +-ln 2 / 2 and small |x| down to 1e-300.
    @Test func expMinusOneForFloatIsWithin5e11OfFoundation() {
        let inputs = FastMathTests.expMinusOneInputs(seed: 22, samplerExponents: 25.7)
        let worst = FastMathTests.worstError(inputs, FastMath.expMinusOneForFloat, Foundation.expm1)
        #expect(worst < Self.tolerance, "max relative error \(worst)")
    }

    /// Every normal binade (16 mantissas each) and 400,000 values over the
    /// sampler's range of nu (W^(-2/nu) - 1), [2^-40, 2^60].
    @Test func reciprocalSquareRootForFloatIsWithin5e11OfFoundation() {
        var inputs = FastMathTests.everyNormalBinade()
        var rng = Xoshiro256StarStar(seed: 23)
        for _ in 0..<400_000 { inputs.append(Foundation.exp2(-40 + 100 * rng.nextDouble())) }
        inputs += (1...1000).map { Double($0 * $0) }
        let worst = FastMathTests.worstError(inputs, FastMath.reciprocalSquareRootForFloat) { 1 / Foundation.sqrt($0) }
        #expect(worst < Self.tolerance, "max relative error \(worst)")
    }

    /// 1,000,000 points uniform on [-1/4, 1/4], the edges, and small |y|
    /// down to 1e-91, where sin(2 pi y) is 2 pi y.
    @Test func sinTwoPiIsWithin5e11OfFoundation() {
        var rng = Xoshiro256StarStar(seed: 24)
        var inputs = (0..<1_000_000).map { _ in -0.25 + 0.5 * rng.nextDouble() }
        inputs += [-0.25, 0.25, 0, 0.125, -0.125, 0x1p-30, -0x1p-30]
        for e in -1000 ... -1 { inputs += [0.25 * Foundation.pow(2, Double(e) * 0.3), -0.25 * Foundation.pow(2, Double(e) * 0.3)] }
        let worst = FastMathTests.worstError(inputs, FastMath.sinTwoPi) { Foundation.sin(2 * Double.pi * $0) }
        #expect(worst < Self.tolerance, "max relative error \(worst)")
    }
}
