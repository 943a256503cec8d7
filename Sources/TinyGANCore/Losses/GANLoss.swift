/// The adversarial loss: what D minimizes on a real and on a generated
/// minibatch, what G minimizes, and what D's last layer outputs. tinygan's D
/// sees a whole minibatch and gives one output y per minibatch, so each
/// formula below is one scalar of that output (TF-GAN's losses averaged over
/// a batch of one):
///
/// | loss | D's output y | D on real, y = D(x) | D on generated, y = D(G(z)) | G, y = D(G(z)) |
/// |---|---|---|---|---|
/// | `bce` | probability | BCE(y, a) | BCE(y, 0) | BCE(y, 1) = -log y |
/// | `minimax` | probability | BCE(y, a) | BCE(y, 0) | -BCE(y, 0) = log(1 - y) |
/// | `least-squares` | score | (y - a)^2 / 2 | y^2 / 2 | (y - 1)^2 / 2 |
/// | `hinge` | score | relu(1 - y) | relu(1 + y) | -y |
/// | `wasserstein`, `wasserstein-gp` | score | -y | y | -y |
///
/// with a the real label (`real-label`, 1 unless smoothed) and BCE PyTorch's
/// clamped binary cross-entropy (`BinaryCrossEntropy`: logs clamped at -100,
/// the gradient's denominator floored at 1e-12). Sources, all in TF-GAN's
/// `tensorflow_gan/python/losses/losses_impl.py`:
/// - `bce`: `modified_discriminator_loss` and `modified_generator_loss`
///   (L_G = -log sigmoid(D(G(z))), the non-saturating loss of Goodfellow et
///   al., 2014, section 3), computed like the article's PyTorch `BCELoss` on
///   the sigmoid's output, so the article's runs are unchanged bit for bit;
/// - `minimax`: `minimax_discriminator_loss` and `minimax_generator_loss`
///   (L_G = log(1 - sigmoid(D(G(z)))) up to a constant, Goodfellow et al.'s
///   saturating form), here -BCE(y, 0) = max(log(1 - y), -100), the loss
///   PyTorch gives for `-BCELoss(D(G(z)), 0)`;
/// - `least-squares`: `least_squares_discriminator_loss` (real_label a,
///   fake_label 0) and `least_squares_generator_loss` (real_label 1), from
///   Mao et al., 2017 (arXiv:1611.04076);
/// - `hinge`: `wasserstein_hinge_discriminator_loss` (hinges 1) and
///   `wasserstein_hinge_generator_loss` (= `wasserstein_generator_loss`),
///   from Lim and Ye, 2017, and Miyato et al., 2018 (arXiv:1802.05957);
/// - `wasserstein`: `wasserstein_discriminator_loss` (D(G(z)) - D(x)) and
///   `wasserstein_generator_loss`, from Arjovsky et al., 2017
///   (arXiv:1701.07875), with D's weights clipped to [-c, c] after each step
///   (`clip`, `WeightClipping.swift`);
/// - `wasserstein-gp`: the same losses, plus `wasserstein_gradient_penalty`
///   in D's loss instead of clipping (Gulrajani et al., 2017,
///   arXiv:1704.00028; `PenaltyShape.wasserstein`).
///
/// Every derivative is d(loss)/dy; at the hinge's kinks (y = 1 on real
/// data, y = -1 on generated data) it is 0, as TF's `relu` gives.
/// D's output y is a sigmoid's for the cross-entropies (`bce`, `minimax`)
/// and the last affine layer's raw value, a critic's score, for the others.
public enum GANLoss: String, CaseIterable, Sendable {
    case bce
    case minimax
    case leastSquares = "least-squares"
    case hinge
    case wasserstein
    case wassersteinGP = "wasserstein-gp"

    /// One term of a loss and its derivative with respect to D's output.
    public struct Term<S: NetworkScalar>: Equatable, Sendable {
        public var value: S
        public var derivative: S

        public init(value: S, derivative: S) {
            self.value = value
            self.derivative = derivative
        }
    }

    /// True where D outputs a probability (a sigmoid), false for a critic.
    public var outputsProbability: Bool { self == .bce || self == .minimax }

    /// D's last activation: a sigmoid for a probability, identity for a score.
    public var outputActivation: Activation { outputsProbability ? .sigmoid : .identity }

    /// True where the real label (`real-label`) enters D's loss.
    public var usesRealLabel: Bool { outputsProbability || self == .leastSquares }

    /// D's loss on the real minibatch, y = D(x), real label a.
    public func discriminatorOnReal<S: NetworkScalar>(_ y: S, label a: S) -> Term<S> {
        switch self {
        case .bce, .minimax:
            Term(value: BinaryCrossEntropy.loss(probability: y, label: a),
                 derivative: BinaryCrossEntropy.gradient(probability: y, label: a))
        case .leastSquares: Term(value: (y - a) * (y - a) / 2, derivative: y - a)
        case .hinge: 1 - y > 0 ? Term(value: 1 - y, derivative: -1) : Term(value: 0, derivative: 0)
        case .wasserstein, .wassersteinGP: Term(value: -y, derivative: -1)
        }
    }

    /// D's loss on the generated minibatch, y = D(G(z)).
    public func discriminatorOnGenerated<S: NetworkScalar>(_ y: S) -> Term<S> {
        switch self {
        case .bce, .minimax:
            Term(value: BinaryCrossEntropy.loss(probability: y, label: 0),
                 derivative: BinaryCrossEntropy.gradient(probability: y, label: 0))
        case .leastSquares: Term(value: y * y / 2, derivative: y)
        case .hinge: 1 + y > 0 ? Term(value: 1 + y, derivative: 1) : Term(value: 0, derivative: 0)
        case .wasserstein, .wassersteinGP: Term(value: y, derivative: 1)
        }
    }

    /// G's loss, y = D(G(z)).
    public func generator<S: NetworkScalar>(_ y: S) -> Term<S> {
        switch self {
        case .bce:
            Term(value: BinaryCrossEntropy.loss(probability: y, label: 1),
                 derivative: BinaryCrossEntropy.gradient(probability: y, label: 1))
        case .minimax:
            Term(value: -BinaryCrossEntropy.loss(probability: y, label: 0),
                 derivative: -BinaryCrossEntropy.gradient(probability: y, label: 0))
        case .leastSquares: Term(value: (y - 1) * (y - 1) / 2, derivative: y - 1)
        case .hinge, .wasserstein, .wassersteinGP: Term(value: -y, derivative: -1)
        }
    }
}
