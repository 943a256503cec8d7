/// Elementwise activation functions, with derivatives written in terms of
/// the output a = f(z), which is all a layer keeps from its forward pass:
///
/// | activation | f(z) | f'(z) from a |
/// |---|---|---|
/// | identity | z | 1 |
/// | tanh | tanh z | 1 - a^2 |
/// | sigmoid | 1 / (1 + e^-z) | a (1 - a) |
/// | relu | max(z, 0) | 1 if a > 0 else 0 |
/// | leaky relu | z if z > 0 else 0.01 z | 1 if a > 0 else 0.01 |
/// | elu | z if z > 0 else e^z - 1 | 1 if a > 0 else a + 1 |
///
/// Second derivatives, also from a (for the gradient penalty): tanh
/// -2a (1 - a^2); sigmoid a (1 - a)(1 - 2a); elu a + 1 where z < 0; the
/// others 0 (piecewise linear).
///
/// The slopes are PyTorch's defaults (`LeakyReLU(0.01)`, `ELU(alpha=1)`).
/// At z = 0 exactly the derivative is the left one, as in PyTorch.
public enum Activation: String, Codable, CaseIterable, Sendable {
    case identity
    case tanh
    case sigmoid
    case relu
    case leakyReLU = "leaky-relu"
    case elu

    static let leakySlope = 0.01

    /// a = f(z), in place over `count` values of a layer whose rows hold
    /// `batch` samples. The sigmoid of a batch above 1 takes the vectorized
    /// path (`sigmoidInPlace`); on a batch of 1 (the article's
    /// discriminator) it stays the scalar formula.
    @inline(__always)
    func apply<S: NetworkScalar>(_ values: UnsafeMutablePointer<S>, count: Int, batch: Int) {
        switch self {
        case .identity:
            return
        case .tanh:
            S.tanhInPlace(values, count: count)
        case .sigmoid:
            if batch > 1 {
                S.sigmoidInPlace(values, count: count)
            } else {
                for i in 0..<count { values[i] = S.scalarSigmoid(values[i]) }
            }
        case .relu:
            if let values = Float.rebound(values) { return Float.reluInPlace(values, count: count) }
            for i in 0..<count { values[i] = values[i] > 0 ? values[i] : 0 }
        case .leakyReLU:
            if let values = Float.rebound(values) {
                return Float.leakyReLUInPlace(values, count: count, slope: Float(Self.leakySlope))
            }
            let slope = S(Self.leakySlope)
            for i in 0..<count { values[i] = values[i] > 0 ? values[i] : slope * values[i] }
        case .elu:
            for i in 0..<count { values[i] = values[i] > 0 ? values[i] : S.expMinusOne(values[i]) }
        }
    }

    /// gradient *= f'(z), given the outputs a, in place over `count` values.
    @inline(__always)
    func multiplyByDerivative<S: NetworkScalar>(
        _ gradient: UnsafeMutablePointer<S>, outputs a: UnsafePointer<S>, count: Int
    ) {
        switch self {
        case .identity:
            return
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - a[i] * a[i] }
        case .sigmoid:
            for i in 0..<count { gradient[i] *= a[i] * (1 - a[i]) }
        case .relu:
            if let gradient = Float.rebound(gradient), let a = Float.rebound(a) {
                return Float.reluDerivative(gradient, outputs: a, count: count)
            }
            for i in 0..<count { gradient[i] = a[i] > 0 ? gradient[i] : 0 }
        case .leakyReLU:
            if let gradient = Float.rebound(gradient), let a = Float.rebound(a) {
                return Float.leakyReLUDerivative(gradient, outputs: a, count: count, slope: Float(Self.leakySlope))
            }
            let slope = S(Self.leakySlope)
            for i in 0..<count { gradient[i] *= a[i] > 0 ? 1 : slope }
        case .elu:
            for i in 0..<count { gradient[i] *= a[i] > 0 ? 1 : a[i] + 1 }
        }
    }

    /// f''(z) from a = f(z).
    @inline(__always)
    func curvature<S: NetworkScalar>(output a: S) -> S {
        switch self {
        case .identity, .relu, .leakyReLU: 0
        case .tanh: -2 * a * (1 - a * a)
        case .sigmoid: a * (1 - a) * (1 - 2 * a)
        case .elu: a > 0 ? 0 : a + 1
        }
    }
}
