import Testing
import TinyGANCore
import TinyGANTestSupport

/// D judging samples (`d-input sample`) and packs of M samples (PacGAN),
/// through the whole chain against central finite differences
/// (`FiniteDifference.agree`). The analytic side is the trainer's
/// composition: one network over D's P = n / M samples, dLoss/dy_p =
/// term'(y_p) / P, `GradientPenalty` over all P inputs at once. The numeric
/// side evaluates D on each pack alone (value j of pack p is x_(j P + p),
/// `DiscriminatorInput`), averages the terms and computes every penalty per
/// pack from a plain backward pass.
@Suite struct SampleDiscriminatorTests {
    /// (n, M): packs of 1 (the classic GAN), 3 and 2, with P = 12, 4 and 20
    /// outputs, so that D's rows have padding lanes (stride 16, 16, 32).
    static let shapes: [(Int, Int)] = [(12, 1), (12, 3), (40, 2)]

    /// Pack p of `x` as D sees it alone.
    static func pack(_ p: Int, of x: [Double], packs: Int, size: Int) -> [Double] {
        (0..<size).map { x[$0 * packs + p] }
    }

    /// D's loss of one D step: mean L_real + mean L_fake, R1 (gamma 0.7)
    /// and R2 (gamma 1.3) as means over packs of (gamma/2) |dl_p/dx_p|^2,
    /// and with wasserstein-gp (1/P) sum_p lambda (|v_p| - 1)^2 at
    /// x^_p = eps_p x_p + (1 - eps_p) G(z)_p, one eps per pack.
    @Test(arguments: GANLoss.allCases, shapes)
    func discriminatorLoss(_ loss: GANLoss, _ shape: (Int, Int)) {
        let (n, m) = shape, packs = n / m, gamma1 = 0.7, gamma2 = 1.3, lambda = 10.0
        let label = loss.usesRealLabel ? 0.9 : 1
        var data = TestData(seed: 31)
        let real = data.uniform(n, 2, 6), fake = data.uniform(n, -1, 1).map { 0.5 + $0 + $0 * $0 }
        let eps = data.uniform(packs, 0, 1)
        let mixed = (0..<n).map { eps[$0 % packs] * real[$0] + (1 - eps[$0 % packs]) * fake[$0] }
        var d = MultilayerPerceptron<Double>(sizes: [m, 7, 5, 1], activations: [.tanh, .sigmoid, loss.outputActivation],
                                             batchSize: packs)
        var rng = Xoshiro256StarStar(seed: 17)
        d.initializeLikePyTorch(using: &rng)
        let sigmoid = loss.outputsProbability
        let single = MultilayerPerceptron<Double>(sizes: d.sizes, activations: d.activations, batchSize: 1)

        func objective(_ parameters: [Double]) -> Double {
            var one = single, y = [0.0], total = 0.0
            one.loadParameters(parameters)
            for p in 0..<packs {
                let (r, f, i) = (Self.pack(p, of: real, packs: packs, size: m),
                                 Self.pack(p, of: fake, packs: packs, size: m),
                                 Self.pack(p, of: mixed, packs: packs, size: m))
                one.forward(r, into: &y)
                total += loss.discriminatorOnReal(y[0], label: label).value / Double(packs)
                one.forward(f, into: &y)
                total += loss.discriminatorOnGenerated(y[0]).value / Double(packs)
                total += gamma1 / 2 * LossChainTests.slopeSquared(one, at: r, sigmoid: sigmoid) / Double(packs)
                total += gamma2 / 2 * LossChainTests.slopeSquared(one, at: f, sigmoid: sigmoid) / Double(packs)
                if loss == .wassersteinGP {
                    let s = (LossChainTests.slopeSquared(one, at: i, sigmoid: false) + 1e-10).squareRoot()
                    total += lambda * (s - 1) * (s - 1) / Double(packs)
                }
            }
            return total
        }

        var penalty = GradientPenalty(for: d), y = [Double](repeating: 0, count: packs), total = 0.0
        d.zeroGradients()
        func pass(_ batch: [Double], _ term: (Double) -> GANLoss.Term<Double>) {
            d.forward(batch, into: &y)
            total += y.reduce(0) { $0 + term($1).value } / Double(packs)
            d.backward(outputGradient: y.map { term($0).derivative / Double(packs) })
        }
        pass(real) { loss.discriminatorOnReal($0, label: label) }
        total += penalty.accumulate(into: &d, weight: gamma1)
        pass(fake) { loss.discriminatorOnGenerated($0) }
        total += penalty.accumulate(into: &d, weight: gamma2)
        if loss == .wassersteinGP {
            d.forward(mixed, into: &y)
            total += penalty.accumulate(into: &d, shape: .wasserstein(lambda: lambda, oneSided: false))
        }
        #expect(abs(total - objective(d.parameters)) < 1e-10 * max(1, abs(total)))
        let numeric = FiniteDifference.gradient(of: objective, at: d.parameters)
        #expect(numeric.contains { abs($0) > 1e-6 })
        #expect(FiniteDifference.agree(d.gradients, numeric))
    }

    /// G's loss (1/P) sum_p L_G(D(pack_p(G(z)))) with respect to G's
    /// parameters, through `DiscriminatorInput`'s sample mode.
    @Test(arguments: GANLoss.allCases, shapes)
    func generatorLoss(_ loss: GANLoss, _ shape: (Int, Int)) {
        let (n, m) = shape, packs = n / m
        var rng = Xoshiro256StarStar(seed: 23)
        var g = MultilayerPerceptron<Double>(sizes: [1, 5, 5, 1], activations: [.tanh, .tanh, .identity], batchSize: n)
        var d = MultilayerPerceptron<Double>(sizes: [m, 6, 1], activations: [.elu, loss.outputActivation],
                                             batchSize: packs)
        g.initializeLikePyTorch(using: &rng)
        d.initializeLikePyTorch(using: &rng)
        let z = (0..<n).map { _ in rng.nextDouble() }
        let single = MultilayerPerceptron<Double>(sizes: d.sizes, activations: d.activations, batchSize: 1)

        func objective(_ parameters: [Double]) -> Double {
            var g = g, one = single, fake = z, y = [0.0]
            g.loadParameters(parameters)
            g.forward(z, into: &fake)
            one.loadParameters(d.parameters)
            return (0..<packs).reduce(0) { total, p in
                one.forward(Self.pack(p, of: fake, packs: packs, size: m), into: &y)
                return total + loss.generator(y[0]).value / Double(packs)
            }
        }
        var pre = DiscriminatorInput<Double>(mode: .sample, batchSize: n)
        var fake = z, features = z, y = [Double](repeating: 0, count: packs)
        g.forward(z, into: &fake)
        pre.forward(fake, into: &features)
        d.forward(features, into: &y)
        var featureGradient = features, fakeGradient = fake
        d.backward(outputGradient: y.map { loss.generator($0).derivative / Double(packs) },
                   inputGradient: &featureGradient, accumulatesParameterGradients: false)
        pre.backward(fake, featureGradient: featureGradient, into: &fakeGradient)
        g.backward(outputGradient: fakeGradient)
        let numeric = FiniteDifference.gradient(of: objective, at: g.parameters)
        #expect(numeric.contains { abs($0) > 1e-6 })
        #expect(FiniteDifference.agree(g.gradients, numeric))
    }

    /// The configuration's shapes: D takes M values and gives n / M
    /// outputs; a pack needs `d-input sample` and a batch it divides.
    @Test func configurationShapesAndChecks() throws {
        var config = Presets.article
        config.discriminatorInput = .sample
        config.pack = 4
        #expect(config.discriminatorSizes == [4, 10, 10, 1])
        #expect(config.discriminatorBatch == 125)
        try config.validate()
        config.pack = 3
        #expect(throws: TinyGANError.self) { try config.validate() }  // 500 is not a multiple of 3
        config.pack = 2
        config.discriminatorInput = .moments
        #expect(throws: TinyGANError.self) { try config.validate() }
        config.pack = 1
        #expect(config.discriminatorSizes == [4, 10, 10, 1] && config.discriminatorBatch == 1)
    }

    /// A run with D on single samples: deterministic, D in every snapshot
    /// (with the shape the config names), and none with the article's D.
    @Test func snapshotsHoldDWhenItJudgesSamples() throws {
        var config = Presets.article
        config.discriminatorInput = .sample
        config.loss = .wassersteinGP
        config.discriminatorOptimizer = .adam(learningRate: 1e-3)
        config.epochs = 40
        config.snapshotInterval = 20
        var first = try Trainer(config: config, seed: 5), second = try Trainer(config: config, seed: 5)
        let (a, b) = (first.run(), second.run())
        #expect(a.epochs == b.epochs && a.snapshots == b.snapshots && a.final?.samples == b.final?.samples)
        #expect(a.snapshots.count == 3)
        #expect(a.snapshots.allSatisfy { $0.discriminator?.sizes == [1, 10, 10, 1] })
        #expect(a.snapshots[0].discriminator != a.snapshots[2].discriminator)
        #expect(a.epochs.allSatisfy { $0.dPenalty != nil && $0.dPenalty!.isFinite })
        config.discriminatorInput = .moments
        config.loss = .bce
        var article = try Trainer(config: config, seed: 5)
        #expect(article.run().snapshots.allSatisfy { $0.discriminator == nil })
    }
}
