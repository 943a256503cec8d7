/// Trains the Dirac-GAN (`DiracGame`) with tinygan's `Optimizer`, one
/// optimizer per player, and records the trajectory of (theta, psi).
///
/// One step, simultaneous: dL_D/dpsi and dL_G/dtheta both at (theta, psi),
/// then both players step. Alternating (the notebook's
/// `trajectory_altgd`, one step each): G steps at (theta, psi), then D at
/// (theta', psi). After D's step, with `wasserstein`, psi is clamped to
/// [-clip, clip] (`clipParameters`, WGAN's weight clipping); the start is
/// clamped too, as the notebook's `postprocess` does. A step that leaves a
/// non-finite value ends the run there.
///
/// Random draws (instance noise, WGAN-GP's eps) come from the stream
/// (seed, index of the method in the experiment), so every method is
/// reproducible on its own; the field of each method draws from a stream
/// of its own (`fieldStream`).
public enum DiracTraining {
    /// The trajectory of `method`: `settings.steps + 1` points, the start first.
    public static func run(_ method: DiracMethod, settings: DiracSettings, stream: UInt64 = 0) -> DiracRun {
        var game = DiracGame(method: method, settings: settings)
        var rng = Xoshiro256StarStar(seed: settings.seed, stream: 2 * stream)
        var theta = [settings.theta0]
        var generatorOptimizer = Optimizer<Double>(config: settings.optimizer, parameterCount: 1)
        var discriminatorOptimizer = Optimizer<Double>(config: settings.optimizer,
                                                       parameterCount: game.discriminator.parameters.count)
        game.psi = settings.psi0
        clip(&game)
        var thetas = [theta[0]], psis = [game.psi]
        thetas.reserveCapacity(settings.steps + 1)
        psis.reserveCapacity(settings.steps + 1)
        func stepGenerator() {
            let g = game.generatorLoss(theta: theta[0], rng: &rng)
            generatorOptimizer.step(&theta, gradients: [g.dTheta])
        }
        func stepDiscriminator() {
            _ = game.discriminatorLoss(theta: theta[0], rng: &rng)
            discriminatorOptimizer.step(&game.discriminator.parameters, gradients: game.discriminator.gradients)
            clip(&game)
        }
        for _ in 0..<settings.steps {
            switch method.update {
            case .simultaneous:
                _ = game.discriminatorLoss(theta: theta[0], rng: &rng)
                let g = game.generatorLoss(theta: theta[0], rng: &rng)
                discriminatorOptimizer.step(&game.discriminator.parameters, gradients: game.discriminator.gradients)
                clip(&game)
                generatorOptimizer.step(&theta, gradients: [g.dTheta])
            case .alternating:
                stepGenerator()
                stepDiscriminator()
            }
            thetas.append(theta[0])
            psis.append(game.psi)
            if !(theta[0].isFinite && game.psi.isFinite) { break }
        }
        let range = DiracField.range(thetas: thetas, psis: psis, start: (settings.theta0, settings.psi0))
        return DiracRun(method: method, theta: thetas, psi: psis,
                        field: field(method, settings: settings, range: range, stream: stream))
    }

    /// The field v(theta, psi) of `method` on a grid of
    /// `settings.fieldPoints`^2 points over [-range, range]^2.
    public static func field(_ method: DiracMethod, settings: DiracSettings, range: Double,
                             stream: UInt64 = 0) -> DiracField {
        var game = DiracGame(method: method, settings: settings)
        var rng = Xoshiro256StarStar(seed: settings.seed, stream: 2 * stream + 1)
        let n = settings.fieldPoints
        var dTheta: [Double] = [], dPsi: [Double] = []
        for i in 0..<n {  // psi, row by row
            for k in 0..<n {  // theta
                let v = game.field(theta: DiracField.coordinate(k, of: n, range: range),
                                   psi: DiracField.coordinate(i, of: n, range: range), rng: &rng)
                dTheta.append(v.theta)
                dPsi.append(v.psi)
            }
        }
        return DiracField(range: range, points: n, dTheta: dTheta, dPsi: dPsi)
    }

    /// Every method of `methods`, in order, as one log.
    public static func experiment(_ settings: DiracSettings, methods: [DiracMethod] = DiracMethod.standard) -> DiracLog {
        DiracLog(settings: settings, runs: methods.enumerated().map { run($1, settings: settings, stream: UInt64($0)) })
    }

    static func clip(_ game: inout DiracGame) {
        if game.method.loss == .wasserstein { game.discriminator.clipParameters(to: game.settings.clip) }
    }
}

/// The gradient field of one method on a square grid, as the figure draws
/// it: at (theta_k, psi_i), k and i from 0 to points - 1, the vector
/// (dTheta, dPsi)[i * points + k].
public struct DiracField: Codable, Equatable, Sendable {
    public var range: Double
    public var points: Int
    public var dTheta: [Double]
    public var dPsi: [Double]

    /// The k-th of n evenly spaced values from -range to range.
    public static func coordinate(_ k: Int, of n: Int, range: Double) -> Double {
        -range + 2 * range * Double(k) / Double(n - 1)
    }

    /// The half-width of a panel: the notebook's 2, or enough for the
    /// trajectory's finite points (with 10% to spare), at most 8, rounded
    /// up to a half.
    static func range(thetas: [Double], psis: [Double], start: (Double, Double)) -> Double {
        let reach = zip(thetas, psis).filter { $0.isFinite && $1.isFinite }.map { max(abs($0), abs($1)) }.max() ?? 0
        let wanted = max(2, 1.1 * max(reach, abs(start.0), abs(start.1)))
        return min(8, (wanted * 2).rounded(.up) / 2)
    }
}
