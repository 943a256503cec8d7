import Testing
import TinyGANCore

/// The vectorized square roots (`CVectorMath`, behind Adam) against
/// `squareRoot()`, bit for bit, and the optimizer's divergence test, whose
/// shortcut must answer as the running sum of all parameters does.
@Suite struct VectorSquareRootTests {
    @Test func floatsAndDoublesAreSquareRootBitForBit() {
        var rng = Xoshiro256StarStar(seed: 9)
        let specials: [Double] = [0, -0.0, 1, 2, .infinity, -1, -.infinity, .nan, .leastNonzeroMagnitude,
                                  .leastNormalMagnitude, 1e-40, 3.4e38]
        let values = specials + (0..<1001).map { _ in rng.nextDouble() * 1e3 }
            + (0..<1001).map { _ in Double(bitPattern: rng.next() & 0x7FFF_FFFF_FFFF_FFFF) }
        var doubles = [Double](repeating: 0, count: values.count)
        Double.squareRoots(values, into: &doubles, count: values.count)
        let floatValues = values.map(Float.init) + (0..<1001).map { _ in
            Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()) & 0x7FFF_FFFF)
        }
        var floats = [Float](repeating: 0, count: floatValues.count)
        Float.squareRoots(floatValues, into: &floats, count: floatValues.count)
        func same<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> Bool { a.isNaN ? b.isNaN : a == b && a.sign == b.sign }
        #expect(zip(values, doubles).allSatisfy { same($0.squareRoot(), $1) })
        #expect(zip(floatValues, floats).allSatisfy { same($0.squareRoot(), $1) })
        #expect(doubles[1].sign == .minus && floats[1].sign == .minus)  // sqrt(-0) = -0
    }

    /// lastStepFinite is whether p_0 + p_1 + ... (in order) is finite:
    /// false when finite parameters overflow the sum, true when large ones
    /// cancel, false with a NaN.
    @Test(arguments: [
        ([Float(3e38), 3e38], false),
        ([Float(1e30), -1e30, 1], true),
        ([Float(1), 2, -3], true),
        ([Float(1), .nan], false),
        ([Float(2e38), -2e38, .infinity], false),
    ])
    func divergenceTestIsTheSumsFiniteness(_ parameters: [Float], finite: Bool) {
        var optimizer = Optimizer<Float>(config: .sgd(learningRate: 0, momentum: 0), parameterCount: parameters.count)
        var p = parameters
        optimizer.step(&p, gradients: [Float](repeating: 0, count: p.count))
        #expect(optimizer.lastStepFinite == finite)
        var total: Float = 0
        for x in parameters { total += x }
        #expect(total.isFinite == finite)
    }
}
