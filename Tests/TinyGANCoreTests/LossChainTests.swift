import Testing
import TinyGANCore
import TinyGANTestSupport

/// Every loss through the whole chain, against central finite differences
/// in double precision (`FiniteDifference.agree`): D's loss with respect to
/// D's parameters, penalties included, and G's loss with respect to G's
/// parameters through pre and D, for two D inputs each. The analytic side
/// composes the pieces as the trainer does; the numeric side computes each
/// penalty independently, from the input gradient of a plain backward pass.
@Suite struct LossChainTests {
    static let modes: [DiscriminatorInputMode] = [.moments, .momentsAndCDF]

    /// The logit's (or score's) gradient with respect to D's input:
    /// dy/dx from a backward pass of output gradient 1, divided by the
    /// sigmoid's slope p (1 - p) where D ends in one.
    static func slopeSquared(_ d: MultilayerPerceptron<Double>, at features: [Double], sigmoid: Bool) -> Double {
        var d = d, y = [0.0], dx = features
        d.forward(features, into: &y)
        d.backward(outputGradient: [1], inputGradient: &dx, accumulatesParameterGradients: false)
        let slope = sigmoid ? y[0] * (1 - y[0]) : 1
        return dx.reduce(0) { $0 + ($1 / slope) * ($1 / slope) }
    }

    /// D's loss of one D step: L_real(D(f_r)) + R1 (gamma 0.7) at f_r
    /// + L_fake(D(f_g)) + R2 (gamma 1.3) at f_g, and with wasserstein-gp
    /// lambda (|v| - 1)^2 (one- and two-sided) at the features of
    /// x^ = eps x + (1 - eps) G(z), eps = 0.37; the real label is 0.9 where
    /// the loss has one.
    @Test(arguments: GANLoss.allCases, modes)
    func discriminatorLoss(_ loss: GANLoss, _ mode: DiscriminatorInputMode) {
        let n = 23, gamma1 = 0.7, gamma2 = 1.3, lambda = 10.0, eps = 0.37
        let label = loss.usesRealLabel ? 0.9 : 1
        var data = TestData(seed: 21)
        let real = data.uniform(n, 2, 6), fake = data.uniform(n, -1, 1).map { 0.5 + $0 + $0 * $0 }
        let mixed = zip(real, fake).map { eps * $0 + (1 - eps) * $1 }
        var pre = DiscriminatorInput<Double>(mode: mode, batchSize: n)
        func features(_ batch: [Double]) -> [Double] {
            var f = [Double](repeating: 0, count: pre.featureCount)
            pre.forward(batch, into: &f)
            return f
        }
        let (fr, ff, fi) = (features(real), features(fake), features(mixed))
        var d = MultilayerPerceptron<Double>(sizes: [pre.featureCount, 6, 5, 1],
                                             activations: [.tanh, .sigmoid, loss.outputActivation], batchSize: 1)
        var rng = Xoshiro256StarStar(seed: 13)
        d.initializeLikePyTorch(using: &rng)
        let sigmoid = loss.outputsProbability
        if loss == .wassersteinGP {
            // Scale the last layer so that |v| = 2 at x^: the one-sided
            // penalty is then active too.
            let gain = 2 / Self.slopeSquared(d, at: fi, sigmoid: false).squareRoot()
            for i in (d.parameters.count - 6)..<d.parameters.count { d.parameters[i] *= gain }
        }
        for sides in loss == .wassersteinGP ? [PenaltySides.two, .one] : [.two] {
            func objective(_ parameters: [Double]) -> Double {
                var copy = d, y = [0.0]
                copy.loadParameters(parameters)
                copy.forward(fr, into: &y)
                var total = loss.discriminatorOnReal(y[0], label: label).value
                copy.forward(ff, into: &y)
                total += loss.discriminatorOnGenerated(y[0]).value
                total += gamma1 / 2 * Self.slopeSquared(copy, at: fr, sigmoid: sigmoid)
                total += gamma2 / 2 * Self.slopeSquared(copy, at: ff, sigmoid: sigmoid)
                if loss == .wassersteinGP {
                    let s = (Self.slopeSquared(copy, at: fi, sigmoid: false) + 1e-10).squareRoot()
                    let r = sides == .one ? max(0, s - 1) : s - 1
                    total += lambda * r * r
                }
                return total
            }
            var net = d, y = [0.0], penalty = GradientPenalty(for: d)
            net.zeroGradients()
            net.forward(fr, into: &y)
            var total = loss.discriminatorOnReal(y[0], label: label).value
            net.backward(outputGradient: [loss.discriminatorOnReal(y[0], label: label).derivative])
            total += penalty.accumulate(into: &net, weight: gamma1)
            net.forward(ff, into: &y)
            total += loss.discriminatorOnGenerated(y[0]).value
            net.backward(outputGradient: [loss.discriminatorOnGenerated(y[0]).derivative])
            total += penalty.accumulate(into: &net, weight: gamma2)
            if loss == .wassersteinGP {
                net.forward(fi, into: &y)
                let gp = penalty.accumulate(into: &net, shape: .wasserstein(lambda: lambda, oneSided: sides == .one))
                #expect(abs(gp - lambda) < 1e-6)  // |v| = 2: lambda (2 - 1)^2 either way
                total += gp
            }
            #expect(abs(total - objective(d.parameters)) < 1e-10 * max(1, abs(total)), "\(sides)")
            let numeric = FiniteDifference.gradient(of: objective, at: d.parameters)
            #expect(FiniteDifference.agree(net.gradients, numeric), "\(sides)")
        }
    }

    /// G's loss L_G(D(pre(G(z)))) with respect to G's parameters.
    @Test(arguments: GANLoss.allCases, modes)
    func generatorLoss(_ loss: GANLoss, _ mode: DiscriminatorInputMode) {
        let n = 19
        var rng = Xoshiro256StarStar(seed: 11)
        var g = MultilayerPerceptron<Double>(sizes: [1, 5, 5, 1], activations: [.tanh, .tanh, .identity], batchSize: n)
        var pre = DiscriminatorInput<Double>(mode: mode, batchSize: n)
        var d = MultilayerPerceptron<Double>(sizes: [pre.featureCount, 6, 1],
                                             activations: [.sigmoid, loss.outputActivation], batchSize: 1)
        g.initializeLikePyTorch(using: &rng)
        d.initializeLikePyTorch(using: &rng)
        let z = (0..<n).map { _ in rng.nextDouble() }
        var fake = [Double](repeating: 0, count: n), features = [Double](repeating: 0, count: pre.featureCount)
        var y = [0.0]

        func objective(_ parameters: [Double]) -> Double {
            var g = g, pre = pre, d = d
            g.loadParameters(parameters)
            g.forward(z, into: &fake)
            pre.forward(fake, into: &features)
            d.forward(features, into: &y)
            return loss.generator(y[0]).value
        }
        g.forward(z, into: &fake)
        pre.forward(fake, into: &features)
        d.forward(features, into: &y)
        var featureGradient = features, fakeGradient = fake
        d.backward(outputGradient: [loss.generator(y[0]).derivative], inputGradient: &featureGradient,
                   accumulatesParameterGradients: false)
        pre.backward(fake, featureGradient: featureGradient, into: &fakeGradient)
        g.backward(outputGradient: fakeGradient)
        let numeric = FiniteDifference.gradient(of: objective, at: g.parameters)
        #expect(numeric.contains { abs($0) > 1e-6 })
        #expect(FiniteDifference.agree(g.gradients, numeric))
    }
}
