/// The Dirac-GAN of Mescheder, Geiger and Nowozin (2018, section 2.2,
/// Definition 2.1): the real distribution is a point mass at 0, the
/// generator G(z) = theta puts all its mass at theta, and the discriminator
/// is linear, D(x) = psi x. Its unique equilibrium is (theta, psi) = (0, 0)
/// (Lemma 2.2).
///
/// Nothing here is a closed-form formula: the losses and their derivatives
/// are tinygan's (`GANLoss`, on D's output y), D is tinygan's network
/// (`MultilayerPerceptron` of sizes [1, 1] whose only weight is psi, its
/// bias held at 0, its output activation the loss's: a sigmoid for the
/// cross-entropies, identity for a critic), its gradients come from that
/// network's backward pass, the penalties from `GradientPenalty`, and
/// (in `DiracTraining`) the steps from `Optimizer` and WGAN's clipping
/// from `clipParameters`. With the chain y = a(psi x):
///
///     D's loss  L_D = mean_j [ L_real(a(psi r_j)) + L_fake(a(psi g_j)) ] + P
///     G's loss  L_G = mean_j L_G(a(psi g_j)),   dL_G/dtheta = mean_j dL_G/dx at g_j
///
/// with r_j = 0 and g_j = theta (one pair), or, with instance noise,
/// r_j = e_j and g_j = theta + e'_j for `noiseSamples` pairs of N(0, sigma^2)
/// draws. P is R1 at the real points, R2 at the generated ones, WGAN-GP's
/// at one interpolate x^ = eps 0 + (1 - eps) theta (eps ~ U[0, 1), as the
/// trainer draws it), each on D's logit (or score) psi x, whose slope is psi
/// at every x. WGAN-GP's penalty takes one input (`PenaltyShape`), so
/// `wasserstein-gp` does not go with instance noise (`isPlayable`).
public struct DiracGame: Sendable {
    public let method: DiracMethod
    public let settings: DiracSettings
    /// D: parameters [psi, bias], the bias 0 for ever (its gradient is
    /// dropped before each step).
    public internal(set) var discriminator: MultilayerPerceptron<Double>
    var penalty: GradientPenalty<Double>
    let samples: Int
    var points: [Double]
    var output: [Double]
    var outputGradient: [Double]
    var inputGradient: [Double]
    let normal = NormalSampler.shared

    public init(method: DiracMethod, settings: DiracSettings) {
        precondition(method.isPlayable, "wasserstein-gp with instance noise is not a Dirac-GAN method")
        self.method = method
        self.settings = settings
        samples = method.regularizer == .instanceNoise ? settings.noiseSamples : 1
        discriminator = MultilayerPerceptron(sizes: [1, 1], activations: [method.loss.outputActivation],
                                             batchSize: samples)
        penalty = GradientPenalty(for: discriminator)
        points = [Double](repeating: 0, count: samples)
        output = points
        outputGradient = points
        inputGradient = points
    }

    /// D's only weight.
    public var psi: Double {
        get { discriminator.parameters[0] }
        set { discriminator.parameters[0] = newValue }
    }

    /// D's loss at (theta, psi) and dL_D/dpsi; leaves dL_D/d[psi, bias] in
    /// `discriminator.gradients`, the bias's entry 0.
    public mutating func discriminatorLoss(theta: Double, rng: inout Xoshiro256StarStar) -> (value: Double, dPsi: Double) {
        discriminator.zeroGradients()
        let loss = method.loss
        fill(center: 0, rng: &rng)
        var value = pass { loss.discriminatorOnReal($0, label: 1) }
        if method.regularizer == .r1 { value += penalty.accumulate(into: &discriminator, weight: settings.penalty) }
        fill(center: theta, rng: &rng)
        value += pass { loss.discriminatorOnGenerated($0) }
        if method.regularizer == .r2 { value += penalty.accumulate(into: &discriminator, weight: settings.penalty) }
        if loss == .wassersteinGP {
            let eps = rng.nextDouble()
            points[0] = eps * 0 + (1 - eps) * theta
            discriminator.forward(points, into: &output)
            value += penalty.accumulate(into: &discriminator, shape: .wasserstein(lambda: settings.gpWeight, oneSided: false))
        }
        discriminator.gradients[1] = 0  // D(x) = psi x has no bias
        return (value, discriminator.gradients[0])
    }

    /// G's loss at (theta, psi) and dL_G/dtheta, through D's input gradient
    /// (D's own gradients untouched).
    public mutating func generatorLoss(theta: Double, rng: inout Xoshiro256StarStar) -> (value: Double, dTheta: Double) {
        fill(center: theta, rng: &rng)
        discriminator.forward(points, into: &output)
        var value = 0.0
        let n = Double(samples)
        for j in 0..<samples {
            let term = method.loss.generator(output[j])
            value += term.value / n
            outputGradient[j] = term.derivative / n
        }
        discriminator.backward(outputGradient: outputGradient, inputGradient: &inputGradient,
                               accumulatesParameterGradients: false)
        return (value, inputGradient.reduce(0, +))  // dg_j/dtheta = 1
    }

    /// The continuous-time field of gradient descent at (theta, psi):
    /// (-dL_G/dtheta, -dL_D/dpsi), each player descending its own loss.
    public mutating func field(theta: Double, psi: Double, rng: inout Xoshiro256StarStar) -> (theta: Double, psi: Double) {
        let saved = self.psi
        self.psi = psi
        defer { self.psi = saved }
        let d = discriminatorLoss(theta: theta, rng: &rng)
        let g = generatorLoss(theta: theta, rng: &rng)
        return (-g.dTheta, -d.dPsi)
    }

    /// The points D sees: `center` itself, or `center` plus fresh noise.
    mutating func fill(center: Double, rng: inout Xoshiro256StarStar) {
        guard method.regularizer == .instanceNoise else { points[0] = center; return }
        for j in 0..<samples { points[j] = center + settings.noise * normal.next(using: &rng) }
    }

    /// Forward and backward of one of D's loss terms over `points`, averaged;
    /// returns the mean value.
    mutating func pass(_ term: (Double) -> GANLoss.Term<Double>) -> Double {
        discriminator.forward(points, into: &output)
        var value = 0.0
        let n = Double(samples)
        for j in 0..<samples {
            let t = term(output[j])
            value += t.value / n
            outputGradient[j] = t.derivative / n
        }
        discriminator.backward(outputGradient: outputGradient)
        return value
    }
}
