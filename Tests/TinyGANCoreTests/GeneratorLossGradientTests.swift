import RealModule
import Testing
import TinyGANCore
import TinyGANTestSupport

/// `NetworkWeights.generatorLossDescent`, where G's loss pushes each of n
/// planar points, against central finite differences
/// (`FiniteDifference.agree`) of L = sum_p L_G(D(pack p)), with D
/// evaluated on each pack alone: pack p holds the points p, P + p, ...,
/// its input coordinate c of its j-th point at feature c M + j.
@Suite struct GeneratorLossGradientTests {
    /// (n, M): single points and packs of 3 and 2, P = 12, 4 and 20 outputs.
    static let shapes: [(Int, Int)] = [(12, 1), (12, 3), (40, 2)]

    @Test(arguments: GANLoss.allCases, shapes)
    func descentIsMinusTheLossGradient(_ loss: GANLoss, _ shape: (Int, Int)) {
        let (n, m) = shape, packs = n / m
        var data = TestData(seed: 5)
        let points = data.uniform(2 * n, -1.5, 1.5)
        var d = MultilayerPerceptron<Double>(sizes: [2 * m, 7, 5, 1],
                                             activations: [.tanh, .relu, loss.outputActivation], batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 23)
        d.initializeLikePyTorch(using: &rng)
        let weights = NetworkWeights(sizes: d.sizes, activations: d.activations, parameters: d.parameters.map(Float.init))
        var single = MultilayerPerceptron<Double>(sizes: d.sizes, activations: d.activations, batchSize: 1)
        single.loadParameters(weights.parameters.map(Double.init))

        func objective(_ x: [Double]) -> Double {
            var y = [0.0], total = 0.0
            for p in 0..<packs {
                var input = [Double](repeating: 0, count: 2 * m)
                for c in 0..<2 { for j in 0..<m { input[c * m + j] = x[c * n + j * packs + p] } }
                single.forward(input, into: &y)
                total += loss.generator(y[0]).value
            }
            return total
        }
        let analytic = weights.generatorLossDescent(atPlanar: points, loss: loss, pack: m)
        let numeric = FiniteDifference.gradient(of: objective, at: points).map { -$0 }
        #expect(FiniteDifference.agree(analytic, numeric), "\(loss) \(shape): \(analytic) vs \(numeric)")
        #expect(numeric.contains { abs($0) > 1e-3 }, "a gradient of 0 would test nothing")
    }

    /// For the non-saturating BCE, L_G = -log D, so the descent is
    /// +grad log D(x) = grad D / D, here by finite differences of log D.
    @Test func bceDescentIsTheGradientOfLogD() {
        var d = MultilayerPerceptron<Double>(sizes: [2, 6, 1], activations: [.tanh, .sigmoid], batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 4)
        d.initializeLikePyTorch(using: &rng)
        let weights = NetworkWeights(sizes: d.sizes, activations: d.activations, parameters: d.parameters.map(Float.init))
        let point = [0.3, -0.7]
        let numeric = FiniteDifference.gradient(of: { Double.log(weights.outputs(atPlanar: $0)[0]) }, at: point)
        #expect(FiniteDifference.agree(weights.generatorLossDescent(atPlanar: point, loss: .bce, pack: 1), numeric))
    }
}
