import Testing
import TinyGANCore
import TinyGANTestSupport

/// The Dirac-GAN's chain (`DiracGame`: tinygan's network, `GANLoss` terms
/// and `GradientPenalty`) against central finite differences of its own
/// loss values, for every loss with every regularizer. Tolerance: the
/// suite's 1e-6 relative (`FiniteDifference.agree`); the random draws
/// (instance noise, WGAN-GP's eps) are the same for both sides of each
/// difference, since each evaluation starts from a copy of one generator.
@Suite struct DiracGradientTests {
    static let cases: [DiracMethod] = GANLoss.allCases.flatMap { loss in
        DiracMethod.Regularizer.allCases.map { DiracMethod(loss: loss, regularizer: $0, update: .simultaneous) }
    }.filter(\.isPlayable)

    /// Points away from the hinge's kinks (psi theta = -1) and from psi = 0.
    static let points: [(theta: Double, psi: Double)] = [(0.7, -0.4), (-1.3, 0.8), (0.25, 1.6), (-0.6, -1.1)]

    func settings() -> DiracSettings {
        var s = DiracSettings()
        s.noiseSamples = 64
        return s
    }

    @Test(arguments: cases)
    func discriminatorGradientMatchesFiniteDifferences(_ method: DiracMethod) {
        var game = DiracGame(method: method, settings: settings())
        let rng = Xoshiro256StarStar(seed: 5, stream: 3)
        for p in Self.points {
            func value(_ x: [Double]) -> Double {
                var r = rng
                game.psi = x[0]
                return game.discriminatorLoss(theta: p.theta, rng: &r).value
            }
            var r = rng
            game.psi = p.psi
            let analytic = game.discriminatorLoss(theta: p.theta, rng: &r).dPsi
            let numeric = FiniteDifference.gradient(of: value, at: [p.psi])
            #expect(FiniteDifference.agree([analytic], numeric), "\(method.game) at \(p): \(analytic) vs \(numeric[0])")
        }
    }

    @Test(arguments: cases)
    func generatorGradientMatchesFiniteDifferences(_ method: DiracMethod) {
        var game = DiracGame(method: method, settings: settings())
        let rng = Xoshiro256StarStar(seed: 6, stream: 3)
        for p in Self.points {
            game.psi = p.psi
            func value(_ x: [Double]) -> Double {
                var r = rng
                return game.generatorLoss(theta: x[0], rng: &r).value
            }
            var r = rng
            let analytic = game.generatorLoss(theta: p.theta, rng: &r).dTheta
            let numeric = FiniteDifference.gradient(of: value, at: [p.theta])
            #expect(FiniteDifference.agree([analytic], numeric), "\(method.game) at \(p): \(analytic) vs \(numeric[0])")
        }
    }

    /// D's slope is psi at every x, so R1 (at 0) and R2 (at theta) are both
    /// (gamma/2) psi^2, the penalty of the paper's section 3 on the Dirac-GAN.
    @Test(arguments: [DiracMethod.Regularizer.r1, .r2])
    func penaltiesAreGammaHalfPsiSquared(_ regularizer: DiracMethod.Regularizer) {
        let s = settings()
        var plain = DiracGame(method: DiracMethod(loss: .minimax, update: .simultaneous), settings: s)
        var penalized = DiracGame(method: DiracMethod(loss: .minimax, regularizer: regularizer, update: .simultaneous),
                                  settings: s)
        for p in Self.points {
            var r = Xoshiro256StarStar(seed: 1)
            plain.psi = p.psi
            penalized.psi = p.psi
            let a = plain.discriminatorLoss(theta: p.theta, rng: &r), b = penalized.discriminatorLoss(theta: p.theta, rng: &r)
            #expect(abs(b.value - a.value - s.penalty / 2 * p.psi * p.psi) < 1e-12)
            #expect(abs(b.dPsi - a.dPsi - s.penalty * p.psi) < 1e-12)
        }
    }
}

extension DiracMethod: CustomTestStringConvertible {
    public var testDescription: String { name }
}
