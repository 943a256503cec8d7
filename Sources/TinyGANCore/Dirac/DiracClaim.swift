/// What Mescheder, Geiger and Nowozin ("Which training methods for GANs
/// actually converge?", ICML 2018) state about a method on the Dirac-GAN,
/// with f(t) = -log(1 + exp(-t)) (f'(0) = 1/2, f''(0) = -1/4) and h the
/// learning rate:
///
/// - `unregularized` (`minimax`, and `bce`, whose Jacobian at the
///   equilibrium is the same): section 2.2. Lemma 2.2: the unique
///   equilibrium is (0, 0), where the field's Jacobian has the eigenvalues
///   +-f'(0) i, on the imaginary axis. Lemma 2.3: simultaneous gradient
///   descent's update has eigenvalues 1 +- h f'(0) i, of modulus
///   sqrt(1 + h^2 f'(0)^2) > 1, so it does not converge, whatever h. Lemma
///   2.4: alternating descent (one step each) has eigenvalues on the unit
///   circle when alpha = h f'(0) <= 2 (outside it when alpha > 2): it does
///   not converge either; the iterates circle.
/// - `wgan` (`wasserstein`, clipped): section 3, "Wasserstein GAN": with a
///   fixed number of D updates per G update and a fixed h, simultaneous and
///   alternating descent do not converge in general.
/// - `wganGP` (`wasserstein-gp`): section 3, "WGAN-GP": the same. On the
///   Dirac-GAN its penalty (|psi| - 1)^2 pulls D toward |psi| = 1, away
///   from the equilibrium's psi = 0.
/// - `instanceNoise`: section 3, "Instance noise": with Gaussian noise of
///   std sigma > 0 the Jacobian's eigenvalues are
///   f''(0) sigma^2 +- sqrt(f''(0)^2 sigma^4 - f'(0)^2), real parts
///   negative, so both kinds of descent converge for small enough h.
/// - `penalty` (R1 or R2 with `minimax` or `bce`): section 3,
///   "Zero-centered gradient penalties" (and section 4.1, eq. 9 and 10, R1
///   and R2, which coincide here): eigenvalues -gamma/2 +- sqrt(gamma^2/4 -
///   f'(0)^2), real parts negative for gamma > 0, so both kinds of descent
///   converge for small enough h.
/// - `notStated`: `least-squares` and `hinge`, with or without R1: the
///   paper does not treat them.
///
/// (The wording above is from the paper's abstract, its notebook and the
/// lemmas' statements; tinygan's tests check each against its own runs.)
public enum DiracClaim: String, CaseIterable, Sendable {
    case unregularized
    case wgan
    case wganGP
    case instanceNoise
    case penalty
    case notStated

    public init(_ method: DiracMethod) {
        let paperLoss = method.loss == .minimax || method.loss == .bce
        switch (method.loss, method.regularizer) {
        case (.wasserstein, .none): self = .wgan
        case (.wassersteinGP, .none): self = .wganGP
        case (_, .none): self = paperLoss ? .unregularized : .notStated
        case (_, .instanceNoise): self = paperLoss ? .instanceNoise : .notStated
        case (_, .r1), (_, .r2): self = paperLoss ? .penalty : .notStated
        }
    }

    /// Whether the paper says the method converges (for small enough
    /// learning rates), or nil where it says nothing.
    public var converges: Bool? {
        switch self {
        case .unregularized, .wgan, .wganGP: false
        case .instanceNoise, .penalty: true
        case .notStated: nil
        }
    }

    /// Whether `verdict` is what the paper states, or nil where it says nothing.
    public func agrees(with verdict: DiracVerdict) -> Bool? {
        converges.map { $0 == verdict.converged }
    }
}
