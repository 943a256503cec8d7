import RealModule
import Testing
import TinyGANCore
import TinyGANTestSupport

/// Every backward pass against central finite differences in double
/// precision (tolerance: see `FiniteDifference.agree`).
@Suite struct GradientCheckTests {
    /// A network [3, 4, 3, 2] on a batch of 5 with `activation` in the hidden
    /// layers and `output` last; loss = sum_k c_k y_k with fixed random c.
    @Test(arguments: Activation.allCases)
    func dense(_ activation: Activation) {
        var data = TestData(seed: 1)
        let batch = 5
        var net = MultilayerPerceptron<Double>(sizes: [3, 4, 3, 2], activations: [activation, activation, .sigmoid],
                                               batchSize: batch)
        var rng = Xoshiro256StarStar(seed: 5)
        net.initializeLikePyTorch(using: &rng)
        // Keep pre-activations away from ReLU's kink at 0 by using inputs of one sign.
        let input = data.uniform(3 * batch, 0.2, 2)
        let weights = data.uniform(2 * batch)
        var output = [Double](repeating: 0, count: 2 * batch)

        func loss(parameters: [Double], input: [Double]) -> Double {
            var copy = net
            copy.loadParameters(parameters)
            copy.forward(input, into: &output)
            return zip(output, weights).map(*).reduce(0, +)
        }

        net.zeroGradients()
        net.forward(input, into: &output)
        var inputGradient = [Double](repeating: 0, count: 3 * batch)
        net.backward(outputGradient: weights, inputGradient: &inputGradient)

        let parameters = net.parameters
        let numericParameters = FiniteDifference.gradient(of: { loss(parameters: $0, input: input) }, at: parameters)
        let numericInput = FiniteDifference.gradient(of: { loss(parameters: parameters, input: $0) }, at: input)
        #expect(FiniteDifference.agree(net.gradients, numericParameters))
        #expect(FiniteDifference.agree(inputGradient, numericInput))
    }

    /// Gradients accumulate over backward passes until zeroed (D's real and
    /// fake passes add up), and a batch of one (D's shape) works too.
    @Test func gradientsAccumulateAndBatchOfOne() {
        var net = MultilayerPerceptron<Double>(sizes: [4, 10, 10, 1], activations: [.sigmoid, .sigmoid, .sigmoid],
                                               batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 6)
        net.initializeLikePyTorch(using: &rng)
        var out = [0.0]
        net.forward([0.1, 0.2, 0.3, 0.4], into: &out)
        net.backward(outputGradient: [1])
        let once = net.gradients
        net.backward(outputGradient: [1])
        #expect(FiniteDifference.agree(net.gradients, once.map { 2 * $0 }, tolerance: 1e-12))
        net.zeroGradients()
        #expect(net.gradients.allSatisfy { $0 == 0 })
    }

    /// loss = sum_j g_j pre(x)_j for each preprocessing mode, x of 37 values
    /// (odd, and not a multiple of the 16 lanes).
    @Test(arguments: DiscriminatorInputMode.allCases)
    func preprocessing(_ mode: DiscriminatorInputMode) {
        var data = TestData(seed: 2)
        let n = 37
        let x = data.uniform(n, 1, 7).map { $0 + 0.3 * $0 * $0 }  // skewed, so all moments matter
        var pre = DiscriminatorInput<Double>(mode: mode, batchSize: n)
        let g = data.uniform(pre.featureCount)
        var features = [Double](repeating: 0, count: pre.featureCount)

        func loss(_ x: [Double]) -> Double {
            var copy = pre
            copy.forward(x, into: &features)
            return zip(features, g).map(*).reduce(0, +)
        }
        pre.forward(x, into: &features)
        var dx = [Double](repeating: 0, count: n)
        pre.backward(x, featureGradient: g, into: &dx)
        var numeric = FiniteDifference.gradient(of: loss, at: x)
        if mode == .dataAndVariances || mode == .dataAndDiffs {
            // The original holds the mean constant: the exact derivative of
            // the function with m frozen at its value for x.
            let m = x.reduce(0, +) / Double(n)
            numeric = x.indices.map { i in
                g[i] + g[n + i] * (mode == .dataAndVariances ? 2 * (x[i] - m) : 1)
            }
            // ... and that differs from differentiating through m, which the
            // unconstrained finite difference does.
            let throughMean = FiniteDifference.gradient(of: loss, at: x)
            #expect(!FiniteDifference.agree(dx, throughMean))
        }
        #expect(FiniteDifference.agree(dx, numeric))
    }

    /// The four moments themselves, against a direct computation.
    @Test func momentsValues() {
        let x: [Double] = [1, 2, 2, 3, 7]
        var pre = DiscriminatorInput<Double>(mode: .moments, batchSize: 5)
        var f = [Double](repeating: 0, count: 4)
        pre.forward(x, into: &f)
        // mean 3; d = -2,-1,-1,0,4; m2 = 22/5; m3 = (-8-1-1+64)/5 = 10.8; m4 = (16+1+1+256)/5 = 54.8
        let s = (22.0 / 5).squareRoot()
        #expect(abs(f[0] - 3) < 1e-12)
        #expect(abs(f[1] - s) < 1e-12)
        #expect(abs(f[2] - 10.8 / (s * s * s)) < 1e-12)
        #expect(abs(f[3] - (54.8 / (4.4 * 4.4) - 3)) < 1e-12)
    }

    @Test(arguments: [0.0, 1.0])
    func binaryCrossEntropy(_ label: Double) {
        for p in stride(from: 0.01, through: 0.99, by: 0.07) {
            let numeric = FiniteDifference.gradient(
                of: { BinaryCrossEntropy.loss(probability: $0[0], label: label) }, at: [p])
            #expect(FiniteDifference.agree([BinaryCrossEntropy.gradient(probability: p, label: label)], numeric))
        }
    }

    /// PyTorch's clamp: a saturated D costs at most 100, never infinity,
    /// and its gradient stays finite.
    @Test func binaryCrossEntropyClamps() {
        #expect(BinaryCrossEntropy.loss(probability: 0.0, label: 1.0) == 100)
        #expect(BinaryCrossEntropy.loss(probability: 1.0, label: 0.0) == 100)
        #expect(BinaryCrossEntropy.loss(probability: 1.0, label: 1.0) == 0)
        #expect(BinaryCrossEntropy.gradient(probability: 0.0, label: 1.0) == -1e12)
        #expect(BinaryCrossEntropy.loss(probability: Double.nan, label: 1).isNaN)
    }

    /// The generator step's chain, BCE(D(pre(G(z))), 1), differentiated
    /// with respect to G's parameters, for every preprocessing mode: the
    /// composition the trainer performs.
    @Test(arguments: DiscriminatorInputMode.allCases)
    func generatorChain(_ mode: DiscriminatorInputMode) {
        let n = 19
        var rng = Xoshiro256StarStar(seed: 11)
        var g = MultilayerPerceptron<Double>(sizes: [1, 5, 5, 1], activations: [.tanh, .tanh, .identity], batchSize: n)
        var pre = DiscriminatorInput<Double>(mode: mode, batchSize: n)
        var d = MultilayerPerceptron<Double>(sizes: [pre.featureCount, 6, 1], activations: [.sigmoid, .sigmoid],
                                             batchSize: 1)
        g.initializeLikePyTorch(using: &rng)
        d.initializeLikePyTorch(using: &rng)
        let z = (0..<n).map { _ in rng.nextDouble() }
        var fake = [Double](repeating: 0, count: n), features = [Double](repeating: 0, count: pre.featureCount)
        var p = [0.0]

        g.forward(z, into: &fake)
        let frozenMean = fake.reduce(0, +) / Double(n)

        /// The loss as the original defines it: in the "data and ..." modes
        /// the mean is a constant, frozen at its value for the unperturbed G.
        func loss(_ parameters: [Double]) -> Double {
            var g = g, pre = pre, d = d
            g.loadParameters(parameters)
            g.forward(z, into: &fake)
            switch mode {
            case .dataAndVariances: features = fake + fake.map { ($0 - frozenMean) * ($0 - frozenMean) }
            case .dataAndDiffs: features = fake + fake.map { $0 - frozenMean }
            case .raw, .moments, .eightMoments, .sorted, .momentsAndCDF, .sample: pre.forward(fake, into: &features)
            }
            d.forward(features, into: &p)
            return BinaryCrossEntropy.loss(probability: p[0], label: 1)
        }
        g.forward(z, into: &fake)
        pre.forward(fake, into: &features)
        d.forward(features, into: &p)
        var featureGradient = features, fakeGradient = fake
        d.backward(outputGradient: [BinaryCrossEntropy.gradient(probability: p[0], label: 1)],
                   inputGradient: &featureGradient, accumulatesParameterGradients: false)
        #expect(d.gradients.allSatisfy { $0 == 0 })
        pre.backward(fake, featureGradient: featureGradient, into: &fakeGradient)
        g.backward(outputGradient: fakeGradient)
        let numeric = FiniteDifference.gradient(of: loss, at: g.parameters)
        #expect(FiniteDifference.agree(g.gradients, numeric))
    }
}

@Suite struct SmoothedCDFTests {
    /// On a Gaussian sample the shape features approach their expectation:
    /// C_k = 2 E[r((Z - t_k) / w + 1/2)] - 1 = 1 - 2 A_k, with A_k the mean of
    /// Phi over [t_k - w/2, t_k + w/2], (1/w) [s Phi(s) + phi(s)] between the
    /// ends. 20,000 samples: noise in C_k below 2 / sqrt(20000) = 0.014, and
    /// standardizing by the sample's own m and s adds less; tolerance 0.03.
    /// The Float path (the trainer's) agrees with the Double path to 1e-5.
    @Test func gaussianSampleGivesTheSmoothedNormalCDF() {
        let n = 20_000
        var rng = Xoshiro256StarStar(seed: 41)
        var x = [Float](repeating: 0, count: n)
        NormalSampler().fill(&x, mean: 4, std: 1.25, using: &rng)
        var pre = DiscriminatorInput<Float>(mode: .momentsAndCDF, batchSize: n)
        var preDouble = DiscriminatorInput<Double>(mode: .momentsAndCDF, batchSize: n)
        var f = [Float](repeating: 0, count: pre.featureCount), d = [Double](repeating: 0, count: pre.featureCount)
        pre.forward(x, into: &f)
        preDouble.forward(x.map(Double.init), into: &d)
        let k = (pre.featureCount - 4), w = 4 / Double(k - 1)
        let standard = Normal(mean: 0, std: 1)
        func integral(_ s: Double) -> Double {
            let density = Double.exp(-s * s / 2) / (2 * Double.pi).squareRoot()
            return s * standard.cdf(s) + density
        }
        for j in 0..<k {
            let t = -2 + Double(j) * w
            let expected = 1 - 2 * (integral(t + w / 2) - integral(t - w / 2)) / w
            let single = Double(f[4 + j])
            #expect(abs(single - expected) < 0.03, "C_\(j) at t = \(t)")
            #expect(abs(single - d[4 + j]) < 1e-5)
        }
        #expect(abs(d[0] - 4) < 0.05 && abs(d[1] - 1.25) < 0.05)
    }

    /// A spike is not a bell: mass at one point sends the features to their
    /// extremes on either side of it (C_k is 2 * the fraction above t_k, - 1).
    @Test func spikeSaturatesTheFeatures() {
        var x = [Double](repeating: 1, count: 40)
        x[0] = 0  // s > 0, so z is defined; 39 of 40 values sit at z = 0.16
        var pre = DiscriminatorInput<Double>(mode: .momentsAndCDF, batchSize: 40)
        var f = [Double](repeating: 0, count: pre.featureCount)
        pre.forward(x, into: &f)
        let allButOne: Double = 0.95  // 2 * 39/40 - 1
        #expect(abs(f[4] - allButOne) < 1e-12)  // t = -2: all but the outlier (z = -6.2) lie above
        #expect(abs(f[4 + 8] - allButOne) < 1e-12)  // t = 0: the spike (z = 0.16) lies above
        #expect(f[4 + 10] == -1)  // t = 0.5: nothing lies above (the ramp starts at 0.375)
        #expect(f[f.count - 1] == -1)  // t = 2: nothing lies above
    }
}

@Suite struct SortedInputTests {
    /// The Float path (a radix sort of order-preserving keys) sorts like
    /// `sorted()`, negative values, ties and -0 included, and sends each
    /// feature's gradient back to the value it came from.
    @Test func floatRadixPathSortsAndRoutesGradients() {
        var rng = Xoshiro256StarStar(seed: 31)
        var x = (0..<500).map { _ in Float(rng.nextDouble() * 20 - 10) }
        x[7] = x[8]
        x[9] = -0.0
        x[10] = 0
        x[11] = -Float.greatestFiniteMagnitude
        var pre = DiscriminatorInput<Float>(mode: .sorted, batchSize: 500)
        var features = [Float](repeating: 0, count: 500)
        pre.forward(x, into: &features)
        #expect(features == x.sorted())
        let g = (0..<500).map { Float($0) }  // feature j's gradient is j
        var dx = [Float](repeating: -1, count: 500)
        pre.backward(x, featureGradient: g, into: &dx)
        #expect(Set(dx) == Set(g))  // a permutation
        for i in 0..<500 { #expect(features[Int(dx[i])] == x[i]) }  // x_i sits at its rank
    }
}

@Suite struct GradientPenaltyTests {
    /// P(theta) = (gamma/2) (1/m) sum_j |dl_j/dx_j|^2 for networks [3, 4, 3, 1]
    /// on batches of 1 (D on features) and 19 (D per sample, padded to 32
    /// lanes), l the logit. Samples are independent, so the input gradient of
    /// the backward pass for output gradient 1 holds every dp_j/dx_j, and
    /// dl_j/dx_j = dp_j/dx_j / (p_j (1 - p_j)). The penalty's parameter
    /// gradient against finite differences of P.
    @Test(arguments: Activation.allCases, [1, 19])
    func matchesFiniteDifferences(_ activation: Activation, batch: Int) {
        var data = TestData(seed: 3)
        var net = MultilayerPerceptron<Double>(sizes: [3, 4, 3, 1], activations: [activation, activation, .sigmoid],
                                               batchSize: batch)
        var rng = Xoshiro256StarStar(seed: 8)
        net.initializeLikePyTorch(using: &rng)
        // Inputs of one sign keep ReLU's pre-activations off their kink.
        let x = data.uniform(3 * batch, 0.2, 2)
        let gamma = 3.0

        func penalty(_ parameters: [Double]) -> Double {
            var copy = net
            copy.loadParameters(parameters)
            var p = [Double](repeating: 0, count: batch), dx = x
            copy.forward(x, into: &p)
            copy.backward(outputGradient: [Double](repeating: 1, count: batch), inputGradient: &dx,
                          accumulatesParameterGradients: false)
            var total = 0.0
            for i in 0..<3 {
                for j in 0..<batch {
                    let slope = dx[i * batch + j] / (p[j] * (1 - p[j]))
                    total += slope * slope
                }
            }
            return gamma / 2 * total / Double(batch)
        }
        var p = [Double](repeating: 0, count: batch)
        net.forward(x, into: &p)
        net.zeroGradients()
        var penaltyTerm = GradientPenalty(for: net)
        let value = penaltyTerm.accumulate(into: &net, weight: gamma)
        #expect(abs(value - penalty(net.parameters)) < 1e-12 * max(1, value))
        let numeric = FiniteDifference.gradient(of: penalty, at: net.parameters)
        #expect(FiniteDifference.agree(net.gradients, numeric))
    }

    /// The penalty adds to what the loss's backward pass left in the gradients.
    @Test func accumulatesOntoTheLossGradients() {
        var net = MultilayerPerceptron<Double>(sizes: [4, 10, 10, 1], activations: [.sigmoid, .sigmoid, .sigmoid],
                                               batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 9)
        net.initializeLikePyTorch(using: &rng)
        var p = [0.0]
        net.forward([0.5, -1, 2, 0.25], into: &p)
        net.backward(outputGradient: [1])
        let lossOnly = net.gradients
        var penalty = GradientPenalty(for: net)
        net.zeroGradients()
        penalty.accumulate(into: &net, weight: 2)
        let penaltyOnly = net.gradients
        net.zeroGradients()
        net.backward(outputGradient: [1])
        penalty.accumulate(into: &net, weight: 2)
        #expect(FiniteDifference.agree(net.gradients, zip(lossOnly, penaltyOnly).map(+), tolerance: 1e-12))
    }
}
