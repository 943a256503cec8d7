/// One way of training the Dirac-GAN (`DiracGame`): an adversarial loss, a
/// regularizer and how the two players take turns.
///
/// The methods are those of Mescheder, Geiger and Nowozin, "Which training
/// methods for GANs actually converge?" (ICML 2018), sections 2 and 3, and
/// their notebook (LMescheder/GAN_stability, `notebooks/DiracGAN.ipynb`,
/// `notebooks/diracgan/gans.py`): the GAN (`minimax`), the non-saturating
/// GAN (`bce`), WGAN with clipping, WGAN-GP, instance noise and the
/// zero-centered gradient penalties, plus tinygan's `least-squares` and
/// `hinge`, which the paper does not treat.
public struct DiracMethod: Codable, Equatable, Hashable, Sendable {
    /// What is added to the game.
    public enum Regularizer: String, Codable, CaseIterable, Sendable {
        case none
        /// (gamma/2) |dD/dx|^2 at the real point 0 (the paper's eq. 9).
        case r1
        /// (gamma/2) |dD/dx|^2 at the generated point theta (eq. 10).
        case r2
        /// Gaussian noise of std sigma added to every point D sees (section 3.4).
        case instanceNoise = "instance-noise"
    }

    /// How the players step: both from the same point (simultaneous
    /// gradient descent), or G first and then D at G's new point
    /// (alternating, one step each, in the notebook's `trajectory_altgd`
    /// order).
    public enum Update: String, Codable, CaseIterable, Sendable {
        case simultaneous
        case alternating
    }

    public var loss: GANLoss
    public var regularizer: Regularizer
    public var update: Update

    public init(loss: GANLoss, regularizer: Regularizer = .none, update: Update) {
        self.loss = loss
        self.regularizer = regularizer
        self.update = update
    }

    /// Every pair but WGAN-GP with instance noise (its penalty takes one
    /// point, `PenaltyShape.wasserstein`).
    public var isPlayable: Bool { !(loss == .wassersteinGP && regularizer == .instanceNoise) }

    /// "minimax + R1", "bce + noise", "wasserstein-gp".
    public var game: String {
        switch regularizer {
        case .none: loss.rawValue
        case .r1: "\(loss.rawValue) + R1"
        case .r2: "\(loss.rawValue) + R2"
        case .instanceNoise: "\(loss.rawValue) + noise"
        }
    }

    /// "minimax + R1, simultaneous".
    public var name: String { "\(game), \(update.rawValue)" }

    /// The games `tinygan dirac` plays, each with both updates: every loss
    /// plain (with `wasserstein` clipped and `wasserstein-gp` penalized, as
    /// the loss itself says); R1 with every loss that is not a Wasserstein
    /// one (WGAN has its own constraint); R2 and instance noise with the
    /// paper's two GAN losses, `minimax` and `bce` (on the Dirac-GAN R2
    /// equals R1, since D's slope psi is the same at every x; the tests
    /// check it, two panels show it).
    public static let games: [(loss: GANLoss, regularizer: Regularizer)] =
        GANLoss.allCases.map { ($0, .none) }
        + [GANLoss.minimax, .bce, .leastSquares, .hinge].map { ($0, .r1) }
        + [GANLoss.minimax, .bce].map { ($0, .r2) }
        + [GANLoss.minimax, .bce].map { ($0, .instanceNoise) }

    /// Every game of `games` with the simultaneous, then the alternating update.
    public static let standard: [DiracMethod] = games.flatMap { game in
        Update.allCases.map { DiracMethod(loss: game.loss, regularizer: game.regularizer, update: $0) }
    }
}

extension GANLoss: Codable {}
