import Foundation
import Testing
import TinyGANCore

@Suite struct ActivationTests {
    /// The Float rational tanh against Double's libm tanh on a grid of 240,001
    /// points over [-12, 12]: at most 3e-7 absolute error (about 2.5 ulp of
    /// 1), odd symmetry, and exactly +-1 far out.
    @Test func rationalTanhIsAccurate() {
        var worst = 0.0
        for k in -120_000...120_000 {
            let x = Float(k) / 10_000
            let error = abs(Double(Float.rationalTanh(x)) - tanh(Double(x)))
            worst = max(worst, error)
            #expect(Float.rationalTanh(-x) == -Float.rationalTanh(x))
        }
        #expect(worst < 3e-7)
        #expect(Float.rationalTanh(30) == 1 && Float.rationalTanh(-30) == -1)
        #expect(Float.rationalTanh(.infinity) == 1)
    }

    /// The values of each activation at a few points, through a 1-1 layer
    /// with weight 1 and bias 0.
    @Test func values() {
        func apply(_ activation: Activation, _ x: Double) -> Double {
            var net = MultilayerPerceptron<Double>(sizes: [1, 1], activations: [activation], batchSize: 1)
            net.loadParameters([1, 0])
            var out = [0.0]
            net.forward([x], into: &out)
            return out[0]
        }
        #expect(apply(.identity, -2) == -2)
        #expect(abs(apply(.tanh, 0.5) - tanh(0.5)) < 1e-15)
        #expect(abs(apply(.sigmoid, 2) - 1 / (1 + exp(-2))) < 1e-15)
        #expect(apply(.relu, -2) == 0 && apply(.relu, 3) == 3)
        #expect(apply(.leakyReLU, -2) == -0.02 && apply(.leakyReLU, 3) == 3)
        #expect(abs(apply(.elu, -2) - (exp(-2) - 1)) < 1e-15 && apply(.elu, 3) == 3)
    }

    /// PyTorch's nn.Linear default: every parameter within 1/sqrt(fan_in).
    @Test func initializationBounds() {
        var net = MultilayerPerceptron<Float>(sizes: [4, 10, 1], activations: [.sigmoid, .sigmoid], batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 3)
        net.initializeLikePyTorch(using: &rng)
        let first = net.parameters[0..<50], second = net.parameters[50...]
        #expect(first.allSatisfy { abs($0) <= 0.5 } && first.contains { abs($0) > 0.4 })
        #expect(second.allSatisfy { abs($0) <= Float(1 / 10.0.squareRoot()) })
    }
}
