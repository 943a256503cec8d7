import Testing
import TinyGANCore
import TinyGANTestSupport

/// The blocked kernels of wide layers (64 or more features on both sides,
/// batch above 1): the sums in the order their doc comments state, bit for
/// bit, and gradients against finite differences.
@Suite struct WideKernelTests {
    static let inCount = 70, outCount = 66, batch = 19

    /// A one-layer identity network [70, 66] on 19 samples (not a multiple
    /// of 16), with PyTorch's initialization, and random x and dz.
    static func layer() -> (MultilayerPerceptron<Float>, x: [Float], dz: [Float]) {
        var net = MultilayerPerceptron<Float>(sizes: [inCount, outCount], activations: [.identity], batchSize: batch)
        var rng = Xoshiro256StarStar(seed: 11)
        net.initializeLikePyTorch(using: &rng)
        let x = (0..<(inCount * batch)).map { _ in Float(4 * rng.nextDouble() - 2) }
        let dz = (0..<(outCount * batch)).map { _ in Float(2 * rng.nextDouble() - 1) }
        return (net, x, dz)
    }

    /// y[o, n] = b[o] + W[o,0] x[0,n] + W[o,1] x[1,n] + ..., a rounded
    /// multiply then a rounded add per term, in that order (the order of the
    /// one-output-at-a-time loop the article's networks have always used),
    /// and dx[i, n] = 0 + W[0,i] dz[0,n] + W[1,i] dz[1,n] + ... likewise.
    @Test func forwardAndInputGradientKeepTheFeatureOrder() {
        var (net, x, dz) = Self.layer()
        let (inCount, outCount, batch) = (Self.inCount, Self.outCount, Self.batch)
        let w = net.parameters, b = Array(w[(inCount * outCount)...])
        var y = [Float](repeating: 0, count: outCount * batch)
        net.forward(x, into: &y)
        var dx = [Float](repeating: 0, count: inCount * batch)
        net.backward(outputGradient: dz, inputGradient: &dx)
        var forwardMismatches = 0, inputMismatches = 0
        for n in 0..<batch {
            for o in 0..<outCount {
                var total = b[o]
                for i in 0..<inCount { total += w[o * inCount + i] * x[i * batch + n] }
                if total.bitPattern != y[o * batch + n].bitPattern { forwardMismatches += 1 }
            }
            for i in 0..<inCount {
                var total: Float = 0
                for o in 0..<outCount { total += w[o * inCount + i] * dz[o * batch + n] }
                if total.bitPattern != dx[i * batch + n].bitPattern { inputMismatches += 1 }
            }
        }
        #expect(forwardMismatches == 0 && inputMismatches == 0)
    }

    /// dW[o, i] = fma chain over n = 0, 1, ..., batch - 1 from 0, as
    /// `accumulateWideWeightGradient` states; db[o] = sum_n dz[o, n] to
    /// 1e-6 (its order is the 32-lane one of `Kernels.sum`).
    @Test func weightGradientIsTheStatedFMAChain() {
        var (net, x, dz) = Self.layer()
        let (inCount, outCount, batch) = (Self.inCount, Self.outCount, Self.batch)
        var y = [Float](repeating: 0, count: outCount * batch)
        net.forward(x, into: &y)
        net.backward(outputGradient: dz)
        var mismatches = 0
        for o in 0..<outCount {
            for i in 0..<inCount {
                var s: Float = 0
                for n in 0..<batch { s = s.addingProduct(dz[o * batch + n], x[i * batch + n]) }
                if s != net.gradients[o * inCount + i] { mismatches += 1 }
            }
            let bias = (0..<batch).reduce(0.0) { $0 + Double(dz[o * batch + $1]) }
            #expect(abs(Double(net.gradients[inCount * outCount + o]) - bias) <= 1e-6 * max(1, abs(bias)))
        }
        #expect(mismatches == 0)
    }

    /// A network [2, 66, 65, 1] (tanh, sigmoid, identity) on 21 samples, in
    /// double precision: the wide middle layer's blocked weight and input
    /// gradients against central finite differences (a sample of the
    /// parameters: all 4,621 take minutes on a busy machine).
    @Test func wideNetworkGradientsMatchFiniteDifferences() {
        var data = TestData(seed: 3)
        let batch = 21
        var net = MultilayerPerceptron<Double>(sizes: [2, 66, 65, 1], activations: [.tanh, .sigmoid, .identity],
                                               batchSize: batch)
        var rng = Xoshiro256StarStar(seed: 7)
        net.initializeLikePyTorch(using: &rng)
        let input = data.uniform(2 * batch, -2, 2)
        let weights = data.uniform(batch)
        var output = [Double](repeating: 0, count: batch)
        func loss(parameters: [Double], input: [Double]) -> Double {
            var copy = net
            copy.loadParameters(parameters)
            copy.forward(input, into: &output)
            return zip(output, weights).map(*).reduce(0, +)
        }
        net.forward(input, into: &output)
        var inputGradient = [Double](repeating: 0, count: 2 * batch)
        net.backward(outputGradient: weights, inputGradient: &inputGradient)
        let parameters = net.parameters
        // Every 23rd parameter (about 200 of 4,621, in every layer, weights
        // and biases), each by central differences.
        let checked = Array(Swift.stride(from: 0, to: parameters.count, by: 23))
        let step = FiniteDifference.step
        let numericParameters = checked.map { k in
            var plus = parameters, minus = parameters
            plus[k] += step
            minus[k] -= step
            return (loss(parameters: plus, input: input) - loss(parameters: minus, input: input)) / (2 * step)
        }
        let numericInput = FiniteDifference.gradient(of: { loss(parameters: parameters, input: $0) }, at: input)
        #expect(FiniteDifference.agree(checked.map { net.gradients[$0] }, numericParameters))
        #expect(FiniteDifference.agree(inputGradient, numericInput))
    }

    @Test func kernelBenchShapes() throws {
        let shape = try KernelBench.Shape(spec: "2-400-400-2@100")
        #expect(shape.sizes == [2, 400, 400, 2] && shape.batch == 100)
        // 2 x 100 x (2 x (800 + 160000 + 800) + 160000 + 800): forward, dW, dx but the first layer's.
        #expect(shape.flopsPerStep == 2 * 100 * (2 * 161_600 + 160_800))
        for bad in ["2-400", "2-400@", "2--400@10", "2-0-1@10", "2-4-1@0", "2-4-1", "a-b@c"] {
            #expect(throws: TinyGANError.self) { try KernelBench.Shape(spec: bad) }
        }
    }
}
