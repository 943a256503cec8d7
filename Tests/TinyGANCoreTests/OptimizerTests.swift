import Testing
import TinyGANCore

/// Optimizer steps against values computed by hand.
@Suite struct OptimizerTests {
    /// lr 0.1, mu 0.9; p0 = (1, -2); gradients (0.5, 1) then (0.25, -1).
    /// Step 1: v = (0.5, 1), p = (0.95, -2.1).
    /// Step 2: v = (0.45 + 0.25, 0.9 - 1) = (0.7, -0.1), p = (0.88, -2.09).
    @Test func sgdWithMomentum() {
        var optimizer = Optimizer<Double>(config: .sgd(learningRate: 0.1, momentum: 0.9), parameterCount: 2)
        var p: [Double] = [1, -2]
        optimizer.step(&p, gradients: [0.5, 1])
        #expect(close(p, [0.95, -2.1]))
        optimizer.step(&p, gradients: [0.25, -1])
        #expect(close(p, [0.88, -2.09]))
        #expect(close(optimizer.firstMoment, [0.7, -0.1]))
        #expect(optimizer.lastStepFinite)
    }

    @Test func plainSGD() {
        var optimizer = Optimizer<Double>(config: .sgd(learningRate: 0.5, momentum: 0), parameterCount: 1)
        var p: [Double] = [3]
        optimizer.step(&p, gradients: [2])
        optimizer.step(&p, gradients: [2])
        #expect(close(p, [1]))
    }

    /// lr 0.01, b1 0.9, b2 0.999, eps 1e-8; p0 = 1; g = 0.2 then -0.1.
    /// Step 1: m = 0.02, v = 4e-5; m^ = 0.2, v^ = 0.04; p = 1 - 0.01 * 0.2 / (0.2 + 1e-8) = 0.99000000005.
    /// Step 2: m = 0.018 - 0.01 = 0.008, v = 3.996e-5 + 1e-5 = 4.996e-5;
    ///   m^ = 0.008 / 0.19 = 0.042105263157894736, v^ = 4.996e-5 / 0.001999 = 0.024992496248124062;
    ///   p = 0.99000000005 - 0.01 * 0.042105263157894736 / (0.158090... + 1e-8) = 0.98733663027.
    @Test func adamWithBiasCorrection() {
        var optimizer = Optimizer<Double>(config: .adam(learningRate: 0.01), parameterCount: 1)
        var p: [Double] = [1]
        optimizer.step(&p, gradients: [0.2])
        #expect(abs(p[0] - (1 - 0.01 * 0.2 / (0.2 + 1e-8))) < 1e-15)
        optimizer.step(&p, gradients: [-0.1])
        let mHat = 0.008 / 0.19, vHat = 4.996e-5 / 0.001999
        let expected = (1 - 0.01 * 0.2 / (0.2 + 1e-8)) - 0.01 * mHat / (vHat.squareRoot() + 1e-8)
        #expect(abs(p[0] - expected) < 1e-12)
        #expect(abs(p[0] - 0.98733663027) < 1e-10)
        #expect(optimizer.stepCount == 2)
    }

    @Test func nonFiniteParametersAreReported() {
        var optimizer = Optimizer<Float>(config: .sgd(learningRate: 1, momentum: 0), parameterCount: 2)
        var p: [Float] = [0, 0]
        optimizer.step(&p, gradients: [.infinity, 0])
        #expect(!optimizer.lastStepFinite)
    }

    func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) < 1e-12 }
    }
}
