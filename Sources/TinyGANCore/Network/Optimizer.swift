/// Which update rule, with its hyperparameters.
public struct OptimizerConfig: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, CaseIterable, Sendable { case sgd, adam }

    public var kind: Kind
    public var learningRate: Double
    /// SGD only: the momentum mu (0 gives plain SGD).
    public var momentum: Double
    /// Adam only: the decay rates of the first and second moment estimates.
    public var beta1: Double
    public var beta2: Double
    /// Adam only: added to the denominator.
    public var epsilon: Double

    public static func sgd(learningRate: Double, momentum: Double) -> Self {
        Self(kind: .sgd, learningRate: learningRate, momentum: momentum, beta1: 0.9, beta2: 0.999,
             epsilon: 1e-8)
    }

    public static func adam(learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999) -> Self {
        Self(kind: .adam, learningRate: learningRate, momentum: 0, beta1: beta1, beta2: beta2,
             epsilon: 1e-8)
    }
}

/// An optimizer with its per-parameter state, over one flat parameter array.
///
/// SGD with momentum, PyTorch's form (no dampening, no Nesterov):
///
///     v <- mu v + g        (v starts at 0, so the first v is g)
///     p <- p - lr v
///
/// Adam (Kingma and Ba), PyTorch's form, with t the step count from 1:
///
///     m <- m + (1 - b1) (g - m)
///     v <- b2 v + (1 - b2) g^2
///     p <- p - (lr / (1 - b1^t)) m / (sqrt(v) / sqrt(1 - b2^t) + eps)
public struct Optimizer<S: NetworkScalar>: Sendable {
    public let config: OptimizerConfig
    /// SGD: the momentum buffer. Adam: the first moment m.
    public private(set) var firstMoment: [S]
    /// Adam: the second moment v (empty for SGD).
    public private(set) var secondMoment: [S]
    public private(set) var stepCount = 0
    /// Whether the sum of the parameters after the last step is finite
    /// (`sumIsFinite`): false once any is NaN or infinite, or their sum overflows.
    public private(set) var lastStepFinite = true

    /// Adam: room for the square roots of v (empty for SGD).
    private var roots: [S]

    public init(config: OptimizerConfig, parameterCount: Int) {
        self.config = config
        firstMoment = [S](repeating: 0, count: parameterCount)
        secondMoment = config.kind == .adam ? [S](repeating: 0, count: parameterCount) : []
        roots = secondMoment
    }

    /// Updates `parameters` in place from `gradients`, and records in
    /// `lastStepFinite` whether the sum of the updated parameters, added in
    /// order, is finite (`sumIsFinite`).
    ///
    /// Adam runs in three passes over the parameters, each value computed
    /// with the operations of the formula above in its order: m and v;
    /// sqrt(v), correctly rounded, by `S.squareRoots` (vectorized; Swift's
    /// `squareRoot()` is not, on Linux); then the parameters.
    public mutating func step(_ parameters: inout [S], gradients: [S]) {
        precondition(parameters.count == firstMoment.count && gradients.count == parameters.count)
        stepCount += 1
        let config = self.config, stepCount = self.stepCount
        parameters.withUnsafeMutableBufferPointer { p in
            gradients.withUnsafeBufferPointer { g in
                firstMoment.withUnsafeMutableBufferPointer { m in
                    switch config.kind {
                    case .sgd:
                        let lr = S(config.learningRate), mu = S(config.momentum)
                        for i in p.indices {
                            let velocity = mu * m[i] + g[i]
                            m[i] = velocity
                            p[i] -= lr * velocity
                        }
                    case .adam:
                        let t = Double(stepCount)
                        let stepSize = S(config.learningRate / (1 - Double.pow(config.beta1, t)))
                        let correction2 = S((1 - Double.pow(config.beta2, t)).squareRoot())
                        let b1 = S(config.beta1), b2 = S(config.beta2), eps = S(config.epsilon)
                        secondMoment.withUnsafeMutableBufferPointer { v in
                            roots.withUnsafeMutableBufferPointer { roots in
                                for i in p.indices {
                                    let gradient = g[i]
                                    m[i] = m[i] + (1 - b1) * (gradient - m[i])
                                    v[i] = b2 * v[i] + (1 - b2) * gradient * gradient
                                }
                                S.squareRoots(UnsafePointer(v.baseAddress!), into: roots.baseAddress!, count: v.count)
                                for i in p.indices {
                                    p[i] -= stepSize * m[i] / (roots[i] / correction2 + eps)
                                }
                            }
                        }
                    }
                }
            }
            lastStepFinite = Self.sumIsFinite(UnsafeBufferPointer(p))
        }
    }

    /// Whether p[0] + p[1] + ... + p[n-1], added in that order from 0, is
    /// finite: the divergence test of every step. The running sum is a
    /// chain of dependent additions, so it is taken only when some |p_i| is
    /// not below 1e30 (or is NaN); otherwise every partial sum is below
    /// n 1e30, finite for n < 3e8, and the answer is true without it. The
    /// test of the magnitudes is a reduction by OR, which vectorizes.
    static func sumIsFinite(_ p: UnsafeBufferPointer<S>) -> Bool {
        var large: UInt8 = 0
        for x in p { large |= x.magnitude < 1e30 ? 0 : 1 }
        if large == 0 && p.count < 300_000_000 { return true }
        var total: S = 0
        for x in p { total += x }
        return total.isFinite
    }
}
