/// How a gradient penalty depends on D's input gradient v = dl/dx (l D's
/// logit, or its score for a critic; x the features D sees), and what it
/// needs from `GradientPenalty`: the penalty P for s2 = |v|^2 over the m
/// inputs of the last forward pass, and the scale k = dP/d(s2 / 2), so that
/// dP/dtheta = k d(s2 / 2)/dtheta = k v . dv/dtheta.
///
/// - `squaredNorm(gamma)`: R1 and R2 (Mescheder, Geiger and Nowozin, 2018,
///   eq. 9 and 10), P = (gamma / 2) s2 / m, k = gamma / m. R1 is taken at
///   the real minibatch's features, R2 at the generated one's. (Their code,
///   GAN_stability `gan_training/train.py`, multiplies E|v|^2 by reg_param
///   without the 1/2: its reg_param 10 is gamma 20 here.)
/// - `wasserstein(lambda, oneSided)`: WGAN-GP's penalty (Gulrajani et al.,
///   2017, Algorithm 1) as TF-GAN's `wasserstein_gradient_penalty` computes
///   it (`losses_impl.py`, target 1): the slope s = sqrt(s2 + 1e-10) (the
///   1e-10 keeps s and dP/ds finite at v = 0), r = s - 1, or max(0, s - 1)
///   when one-sided (Petzka et al., 2018, arXiv:1709.08894), P = lambda r^2,
///   and k = dP/ds ds/d(s2 / 2) = 2 lambda r / s. At v = 0, k is finite
///   (about -2e5 lambda) and multiplies v = 0: the smoothed penalty is flat
///   there, as it should be. Over m inputs the penalty is the mean of each
///   input's own (`takesEachInputsNorm`; `GradientPenalty` computes one
///   norm per input and calls this with m = 1 for each).
public enum PenaltyShape<S: NetworkScalar>: Sendable {
    case squaredNorm(gamma: S)
    case wasserstein(lambda: S, oneSided: Bool)

    /// True where P is a mean over inputs of a function of each input's own
    /// norm that is not linear in |v_j|^2, so that the inputs' squares
    /// cannot be summed first.
    public var takesEachInputsNorm: Bool {
        if case .wasserstein = self { true } else { false }
    }

    /// TF-GAN's epsilon under the square root.
    public static var slopeEpsilon: S { S(1e-10) }

    /// (P, k) for s2 = |v|^2 summed over `inputs` inputs.
    @inline(__always)
    public func valueAndScale(squares s2: S, inputs m: Int) -> (value: S, scale: S) {
        switch self {
        case .squaredNorm(let gamma):
            return (gamma / 2 * s2 / S(m), gamma / S(m))
        case .wasserstein(let lambda, let oneSided):
            precondition(m == 1, "the Wasserstein gradient penalty takes one input's norm at a time")
            let slope = (s2 + Self.slopeEpsilon).squareRoot()
            let excess = oneSided && slope < 1 ? 0 : slope - 1
            return (lambda * excess * excess, 2 * lambda * excess / slope)
        }
    }
}

/// Which deviations of the slope WGAN-GP's penalty punishes (`gp-sides`):
/// `two`, (|v| - 1)^2, as Gulrajani et al.; `one`, max(0, |v| - 1)^2, only
/// slopes above 1, as Petzka et al. (TF-GAN's `one_sided`).
public enum PenaltySides: String, CaseIterable, Sendable {
    case two
    case one
}
