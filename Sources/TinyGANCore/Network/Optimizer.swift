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
    /// Whether every parameter was finite after the last step.
    public private(set) var lastStepFinite = true

    public init(config: OptimizerConfig, parameterCount: Int) {
        self.config = config
        firstMoment = [S](repeating: 0, count: parameterCount)
        secondMoment = config.kind == .adam ? [S](repeating: 0, count: parameterCount) : []
    }

    /// Updates `parameters` in place from `gradients`, and records in
    /// `lastStepFinite` whether every updated parameter is finite.
    public mutating func step(_ parameters: inout [S], gradients: [S]) {
        precondition(parameters.count == firstMoment.count && gradients.count == parameters.count)
        stepCount += 1
        var total: S = 0
        switch config.kind {
        case .sgd:
            let lr = S(config.learningRate), mu = S(config.momentum)
            for i in parameters.indices {
                let velocity = mu * firstMoment[i] + gradients[i]
                firstMoment[i] = velocity
                parameters[i] -= lr * velocity
                total += parameters[i]
            }
        case .adam:
            let t = Double(stepCount)
            let stepSize = S(config.learningRate / (1 - Double.pow(config.beta1, t)))
            let correction2 = S((1 - Double.pow(config.beta2, t)).squareRoot())
            let b1 = S(config.beta1), b2 = S(config.beta2), eps = S(config.epsilon)
            for i in parameters.indices {
                let g = gradients[i]
                let m = firstMoment[i] + (1 - b1) * (g - firstMoment[i])
                let v = b2 * secondMoment[i] + (1 - b2) * g * g
                firstMoment[i] = m
                secondMoment[i] = v
                parameters[i] -= stepSize * m / (v.squareRoot() / correction2 + eps)
                total += parameters[i]
            }
        }
        lastStepFinite = total.isFinite
    }
}
