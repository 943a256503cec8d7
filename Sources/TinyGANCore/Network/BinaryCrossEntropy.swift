/// Binary cross-entropy of one probability p against a label y, exactly as
/// PyTorch's `BCELoss`:
///
///     loss = -(y max(log p, -100) + (1 - y) max(log(1 - p), -100))
///     dloss/dp = (p - y) / max(p (1 - p), 1e-12)
///
/// The clamp at -100 bounds the loss of a saturated discriminator by 100;
/// the 1e-12 floor keeps the gradient finite at p = 0 or 1. A NaN p gives a
/// NaN loss (PyTorch raises an error there; the trainer calls it divergence).
public enum BinaryCrossEntropy {
    public static func loss<S: NetworkScalar>(probability p: S, label y: S) -> S {
        -(y * clampedLog(S.log(p)) + (1 - y) * clampedLog(S.log(onePlus: -p)))
    }

    public static func gradient<S: NetworkScalar>(probability p: S, label y: S) -> S {
        let denominator = (1 - p) * p
        return (p - y) / (denominator > S(1e-12) ? denominator : S(1e-12))
    }

    @inline(__always)
    static func clampedLog<S: NetworkScalar>(_ value: S) -> S {
        value < -100 ? -100 : value
    }
}
