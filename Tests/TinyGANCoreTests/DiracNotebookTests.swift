import Foundation
import Testing
import TinyGANCore

/// tinygan's Dirac-GAN against the paper's own notebook
/// (LMescheder/GAN_stability, `notebooks/diracgan/gans.py` and
/// `simulate.py`), whose vector fields are written out below in its sign of
/// psi (D high on generated points), with fp(x) = sigmoid(-x) = f'(x):
///
///     GAN:              v = (-psi fp(psi theta),  theta fp(psi theta))
///     NSGAN:            v = (-psi fp(-psi theta), theta fp(psi theta))
///     WGAN(1):          v = (-psi, theta), psi clipped to [-1, 1]
///     WGAN_GP(0.7, 1):  v = (-psi, theta - 0.7 (|psi| - 1) sign(psi))
///     GAN_GradPenalty(0.3): v = (-psi fp(psi theta), theta fp(psi theta) - 0.3 psi)
///
/// and its `trajectory_simgd` / `trajectory_altgd` (G first), h = 0.2, 500
/// steps from (1, 1). tinygan, trained through its losses, network and
/// optimizer from (1, -1), must give the same path with psi negated, to
/// 1e-8; WGAN-GP to 1e-4, since its penalty's slope is TF-GAN's smoothed
/// sqrt(psi^2 + 1e-10) (`PenaltyShape`), where the notebook's sign(psi)
/// jumps: the two differ where a path passes close to psi = 0.
@Suite struct DiracNotebookTests {
    typealias Field = @Sendable (Double, Double) -> (Double, Double)

    static func fp(_ x: Double) -> Double { 1 / (1 + Foundation.exp(x)) }

    static let notebook: [(loss: GANLoss, regularizer: DiracMethod.Regularizer, field: Field, clip: Bool)] = [
        (.minimax, .none, { t, p in (-p * fp(p * t), t * fp(p * t)) }, false),
        (.bce, .none, { t, p in (-p * fp(-p * t), t * fp(p * t)) }, false),
        (.wasserstein, .none, { t, p in (-p, t) }, true),
        (.wassersteinGP, .none, { t, p in (-p, t - 0.7 * (abs(p) - 1) * (p > 0 ? 1 : p < 0 ? -1 : 0)) }, false),
        (.minimax, .r1, { t, p in (-p * fp(p * t), t * fp(p * t) - 0.3 * p) }, false),
        (.bce, .r2, { t, p in (-p * fp(-p * t), t * fp(p * t) - 0.3 * p) }, false),
    ]

    /// The notebook's simulation.
    static func simulate(_ field: Field, clip: Bool, alternating: Bool) -> [(Double, Double)] {
        let h = 0.2
        func post(_ p: Double) -> Double { clip ? min(max(p, -1), 1) : p }
        var theta = 1.0, psi = post(1.0), path = [(theta, psi)]
        for _ in 0..<500 {
            if alternating {
                theta += h * field(theta, psi).0
                psi = post(psi + h * field(theta, psi).1)
            } else {
                let v = field(theta, psi)
                theta += h * v.0
                psi = post(psi + h * v.1)
            }
            path.append((theta, psi))
        }
        return path
    }

    @Test(arguments: 0..<6, DiracMethod.Update.allCases)
    func tinyganFollowsTheNotebook(_ index: Int, update: DiracMethod.Update) {
        let entry = Self.notebook[index]
        let expected = Self.simulate(entry.field, clip: entry.clip, alternating: update == .alternating)
        let run = DiracTraining.run(DiracMethod(loss: entry.loss, regularizer: entry.regularizer, update: update),
                                    settings: DiracSettings())
        #expect(run.theta.count == expected.count)
        let worst = zip(expected, zip(run.theta, run.psi)).map { max(abs($0.0 - $1.0), abs($0.1 + $1.1)) }.max()!
        #expect(worst < (entry.loss == .wassersteinGP ? 1e-4 : 1e-8), "\(entry.loss.rawValue) \(entry.regularizer.rawValue) \(update.rawValue): \(worst)")
    }
}
