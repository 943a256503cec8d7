import Testing
import TinyGANCore

/// The `Float` ReLU and leaky ReLU, forward and backward, 16 lanes at a
/// time as blends: bit for bit the per-value selects `x > 0 ? x : 0` and
/// `x > 0 ? x : 0.01 x` (and their derivatives), on batches that are not
/// multiples of 16 and on the values where a blend could differ from a
/// select: NaN, -0, +-inf, subnormals.
@Suite struct VectorReLUTests {
    static let specials: [Float] = [.nan, -0.0, 0, .infinity, -.infinity, .leastNonzeroMagnitude,
                                    -.leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e-40, 1e-40]

    /// A one-layer network [1, 1] with weight 1 and bias -0 over `batch`
    /// samples: its output is f(-0 + 1 x) (-0 where x is -0, so the
    /// activation sees a negative zero), and the input gradient of dz is
    /// 0 + 1 (f'(a) dz).
    static func layer(_ activation: Activation, batch: Int) -> MultilayerPerceptron<Float> {
        var net = MultilayerPerceptron<Float>(sizes: [1, 1], activations: [activation], batchSize: batch)
        net.loadParameters([1, -0.0])
        return net
    }

    static func inputs(batch: Int) -> [Float] {
        var rng = Xoshiro256StarStar(seed: 5)
        return (0..<batch).map { i in i < specials.count ? specials[i] : Float(4 * rng.nextDouble() - 2) }
    }

    @Test(arguments: [Activation.relu, .leakyReLU], [1, 15, 17, 100, 333])
    func forwardAndBackwardAreThePerValueSelects(_ activation: Activation, batch: Int) {
        var net = Self.layer(activation, batch: batch)
        let x = Self.inputs(batch: batch)
        var y = [Float](repeating: 0, count: batch)
        net.forward(x, into: &y)
        let slope = Float(0.01)
        var rng = Xoshiro256StarStar(seed: 6)
        let dz = (0..<batch).map { _ in Float(2 * rng.nextDouble() - 1) }
        var dx = [Float](repeating: 0, count: batch)
        net.backward(outputGradient: dz, inputGradient: &dx)
        var mismatches = 0
        for n in 0..<batch {
            let z: Float = -0.0 + 1 * x[n]
            let a = activation == .relu ? (z > 0 ? z : 0) : (z > 0 ? z : slope * z)
            if a.bitPattern != y[n].bitPattern { mismatches += 1 }
            let local = activation == .relu ? (a > 0 ? dz[n] : 0) : dz[n] * (a > 0 ? 1 : slope)
            let expected: Float = 0 + 1 * local
            if expected.bitPattern != dx[n].bitPattern { mismatches += 1 }
        }
        #expect(mismatches == 0)
        if activation == .relu {
            #expect(y[0].bitPattern == 0 && (batch == 1 || y[1].bitPattern == 0))  // NaN and -0 give +0
        } else {
            #expect(y[0].isNaN && (batch == 1 || y[1].bitPattern == (-0.0 as Float).bitPattern))
        }
    }
}
