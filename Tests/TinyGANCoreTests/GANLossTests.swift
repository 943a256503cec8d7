import Testing
import TinyGANCore
import TinyGANTestSupport

/// Each loss's formulas against values computed by hand, and each
/// derivative against central finite differences (`FiniteDifference`).
@Suite struct GANLossTests {
    /// D's output y on real and on generated data, real label a = 1:
    /// hand-computed values of every term.
    @Test func formulasAgainstHandComputedValues() {
        let (real, fake) = (0.8, 0.3)
        let ln = { (x: Double) in Double.log(x) }
        let expected: [GANLoss: (real: Double, fake: Double, generator: Double)] = [
            .bce: (-ln(0.8), -ln(0.7), -ln(0.3)),
            .minimax: (-ln(0.8), -ln(0.7), ln(0.7)),
            .leastSquares: (0.02, 0.045, 0.245),  // (0.8 - 1)^2 / 2, 0.3^2 / 2, (0.3 - 1)^2 / 2
            .hinge: (0.2, 1.3, -0.3),  // relu(1 - 0.8), relu(1 + 0.3), -0.3
            .wasserstein: (-0.8, 0.3, -0.3),
            .wassersteinGP: (-0.8, 0.3, -0.3),
        ]
        for loss in GANLoss.allCases {
            let e = expected[loss]!
            #expect(abs(loss.discriminatorOnReal(real, label: 1).value - e.real) < 1e-12, "\(loss)")
            #expect(abs(loss.discriminatorOnGenerated(fake).value - e.fake) < 1e-12, "\(loss)")
            #expect(abs(loss.generator(fake).value - e.generator) < 1e-12, "\(loss)")
        }
        // The hinge's flat sides, a smoothed label, and scores outside [0, 1].
        #expect(GANLoss.hinge.discriminatorOnReal(1.5, label: 1) == .init(value: 0, derivative: 0))
        #expect(GANLoss.hinge.discriminatorOnGenerated(-2.0) == .init(value: 0, derivative: 0))
        #expect(abs(GANLoss.leastSquares.discriminatorOnReal(0.8, label: 0.9).value - 0.005) < 1e-12)
        #expect(GANLoss.wasserstein.discriminatorOnReal(-7.0, label: 1).value == 7)
        // bce is the article's arithmetic: the same calls as before the zoo.
        #expect(GANLoss.bce.generator(Float(0.3)).value == BinaryCrossEntropy.loss(probability: Float(0.3), label: 1))
        #expect(GANLoss.minimax.generator(0.0).value == 0 && GANLoss.minimax.generator(1.0).value == -100)
    }

    /// D's last layer: a sigmoid for the cross-entropies, identity for the critics.
    @Test func outputFollowsTheLoss() {
        #expect(GANLoss.allCases.filter(\.outputsProbability) == [.bce, .minimax])
        for loss in GANLoss.allCases {
            #expect(loss.outputActivation == (loss.outputsProbability ? .sigmoid : .identity))
            var config = Presets.article
            config.loss = loss
            #expect(config.discriminatorActivations == [.sigmoid, .sigmoid, loss.outputActivation])
        }
    }

    /// Every term's derivative against finite differences, at outputs off
    /// the hinge's kinks (probabilities in (0, 1) for the cross-entropies).
    @Test(arguments: GANLoss.allCases)
    func derivativesMatchFiniteDifferences(_ loss: GANLoss) {
        let points = loss.outputsProbability ? [0.03, 0.2, 0.5, 0.77, 0.96] : [-2.5, -0.4, 0.3, 1.7, 3]
        for y in points {
            for label in loss.usesRealLabel ? [1.0, 0.9] : [1.0] {
                let real = FiniteDifference.gradient(of: { loss.discriminatorOnReal($0[0], label: label).value }, at: [y])
                #expect(FiniteDifference.agree([loss.discriminatorOnReal(y, label: label).derivative], real), "\(y)")
            }
            let fake = FiniteDifference.gradient(of: { loss.discriminatorOnGenerated($0[0]).value }, at: [y])
            #expect(FiniteDifference.agree([loss.discriminatorOnGenerated(y).derivative], fake), "\(y)")
            let generator = FiniteDifference.gradient(of: { loss.generator($0[0]).value }, at: [y])
            #expect(FiniteDifference.agree([loss.generator(y).derivative], generator), "\(y)")
        }
    }
}

/// WGAN-GP's penalty shape against hand-computed values, TF-GAN's formula:
/// s = sqrt(s2 + 1e-10), P = lambda r^2 with r = s - 1 (or max(0, s - 1)),
/// k = dP/d(s2 / 2) = 2 lambda r / s; R1 and R2: P = gamma s2 / 2m, k = gamma / m.
@Suite struct PenaltyShapeTests {
    @Test func handComputedValues() {
        let two = PenaltyShape<Double>.wasserstein(lambda: 10, oneSided: false)
        let one = PenaltyShape<Double>.wasserstein(lambda: 10, oneSided: true)
        func near(_ a: (value: Double, scale: Double), _ b: (Double, Double)) -> Bool {
            abs(a.value - b.0) < 1e-8 && abs(a.scale - b.1) < 1e-8
        }
        #expect(near(two.valueAndScale(squares: 4, inputs: 1), (10, 10)))  // |v| = 2: 10 (2 - 1)^2, 2 * 10 * 1 / 2
        #expect(near(two.valueAndScale(squares: 0.25, inputs: 1), (2.5, -20)))  // |v| = 0.5: 10 * 0.25, 2 * 10 * -0.5 / 0.5
        #expect(near(one.valueAndScale(squares: 0.25, inputs: 1), (0, 0)))
        #expect(near(one.valueAndScale(squares: 4, inputs: 1), (10, 10)))
        // |v| = 0: s = 1e-5, P = 10 (1 - 1e-5)^2, k = -2e6 (1 - 1e-5): finite.
        let zero = two.valueAndScale(squares: 0, inputs: 1)
        #expect(abs(zero.value - 10 * (1 - 1e-5) * (1 - 1e-5)) < 1e-9 && zero.scale.isFinite)
        let r1 = PenaltyShape<Double>.squaredNorm(gamma: 3).valueAndScale(squares: 2, inputs: 4)
        #expect(r1.value == 0.75 && r1.scale == 0.75)
    }

    /// At a zero slope (D's first layer all zeros) the smoothed penalty is
    /// flat: its gradient is exactly zero, and finite differences agree.
    @Test func zeroSlopeGivesZeroGradient() {
        var net = MultilayerPerceptron<Double>(sizes: [3, 4, 1], activations: [.tanh, .identity], batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 12)
        net.initializeLikePyTorch(using: &rng)
        for i in 0..<12 { net.parameters[i] = 0 }  // W_0
        let x = [0.5, -1, 2.0]
        var y = [0.0]
        let shape = PenaltyShape<Double>.wasserstein(lambda: 10, oneSided: false)
        func penalty(_ parameters: [Double]) -> Double {
            var copy = net
            copy.loadParameters(parameters)
            copy.forward(x, into: &y)
            var scratch = GradientPenalty(for: copy)
            return scratch.accumulate(into: &copy, shape: shape)
        }
        net.forward(x, into: &y)
        net.zeroGradients()
        var term = GradientPenalty(for: net)
        let value = term.accumulate(into: &net, shape: shape)
        #expect(value.isFinite && abs(value - 10) < 1e-3)
        #expect(net.gradients.allSatisfy { $0 == 0 })
        #expect(FiniteDifference.agree(net.gradients, FiniteDifference.gradient(of: penalty, at: net.parameters)))
    }
}

/// WGAN's clipping: every parameter into [-c, c], NaN kept.
@Suite struct WeightClippingTests {
    @Test func clampsEveryParameterAndKeepsNaN() {
        var net = MultilayerPerceptron<Float>(sizes: [2, 3, 1], activations: [.relu, .identity], batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 2)
        net.initializeLikePyTorch(using: &rng)
        net.parameters[0] = 0.005
        net.parameters[1] = .nan
        let before = net.parameters
        net.clipParameters(to: 0.01)
        #expect(net.parameters[0] == 0.005 && net.parameters[1].isNaN)
        for (w, old) in zip(net.parameters.dropFirst(2), before.dropFirst(2)) {
            #expect(abs(w) <= 0.01 && w == min(max(old, -0.01), 0.01))
        }
    }
}
