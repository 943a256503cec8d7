/// The settings of a Dirac-GAN experiment, recorded in its log's header.
///
/// The defaults are the paper's notebook (LMescheder/GAN_stability,
/// `notebooks/DiracGAN.ipynb`): 500 steps of plain gradient descent with
/// step size h = 0.2 for both players, from the notebook's (theta, psi) =
/// (1, 1), WGAN's clip 1, WGAN-GP's `WGAN_GP(0.7, 1.)`, instance noise
/// `GAN_InstNoise(0.7)` (1000 samples a step) and the gradient penalty
/// `GAN_GradPenalty(0.3)`.
///
/// Sign of psi: tinygan's D says how real a point is (its output is
/// sigmoid(psi x) for the cross-entropies, the score psi x otherwise, high
/// for real), the paper's f(D) convention has D high for generated points.
/// The two games are the same with psi_tinygan = -psi_paper, so the
/// notebook's start (1, 1) is (theta, psi) = (1, -1) here, and every
/// trajectory is the notebook's mirrored in psi.
public struct DiracSettings: Codable, Equatable, Sendable {
    /// Steps of each player.
    public var steps = 500
    /// Both players' optimizer (tinygan's `Optimizer`): plain gradient
    /// descent, h = 0.2, by default.
    public var optimizer = OptimizerConfig.sgd(learningRate: 0.2, momentum: 0)
    /// The start, in tinygan's sign of psi (see above).
    public var theta0 = 1.0
    public var psi0 = -1.0
    /// `wasserstein`: psi clamped to [-clip, clip] after each D step.
    public var clip = 1.0
    /// `wasserstein-gp`: lambda in lambda (|dD/dx| - 1)^2 (`PenaltyShape`).
    /// The notebook's gamma = 0.7 is in the paper's (gamma/2) convention.
    public var gpWeight = 0.35
    /// R1 and R2: gamma in (gamma/2) |dD/dx|^2.
    public var penalty = 0.3
    /// Instance noise: its std sigma, and how many noisy pairs each loss
    /// averages over (the notebook's 1000).
    public var noise = 0.7
    public var noiseSamples = 1000
    /// The seed of the instance noise and of WGAN-GP's interpolation weights.
    public var seed: UInt64 = 1
    /// The vector field is drawn on a grid of `fieldPoints` x `fieldPoints`.
    public var fieldPoints = 11

    public init() {}

    /// Why these settings cannot be run, or nil.
    public var problem: String? {
        if steps < 1 || steps > 1_000_000 { return "steps must be between 1 and 1000000 (got \(steps))" }
        let lr = optimizer.learningRate
        if !(lr.isFinite && lr > 0 && lr <= 100) { return "the learning rate must be in (0, 100] (got \(lr))" }
        if !(theta0.isFinite && psi0.isFinite) || max(abs(theta0), abs(psi0)) > 100 || (theta0 == 0 && psi0 == 0) {
            return "the start must be finite, within 100 of (0, 0) and not (0, 0) itself (got (\(theta0), \(psi0)))"
        }
        if !(clip.isFinite && clip > 0) { return "clip must be positive (got \(clip))" }
        if !(gpWeight.isFinite && gpWeight >= 0) { return "the WGAN-GP weight must be at least 0 (got \(gpWeight))" }
        if !(penalty.isFinite && penalty >= 0) { return "the R1/R2 weight must be at least 0 (got \(penalty))" }
        if !(noise.isFinite && noise >= 0) { return "the instance noise must be at least 0 (got \(noise))" }
        if noiseSamples < 1 || noiseSamples > 100_000 {
            return "noise samples must be between 1 and 100000 (got \(noiseSamples))"
        }
        if fieldPoints < 2 || fieldPoints > 101 { return "field points must be between 2 and 101 (got \(fieldPoints))" }
        return nil
    }
}
