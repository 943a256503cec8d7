/// The units the networks work in (`data-units`).
///
/// - `raw` (the article): G makes values in the data's own units and D
///   judges them as they are.
/// - `standard`: the networks work in the target's standard units. With the
///   target's mean mu and std sigma, a real value x enters D as
///   u = (x - mu) / sigma, and G's output u is the sample x = mu + sigma u.
///   A target far from the unit scale (MAD-GAN's five modes between 10 and
///   110) is then the same problem as one near it: G's initial outputs,
///   within about 1 of 0, start inside the data instead of 50 std away,
///   and the step sizes of the optimizers mean the same thing for every
///   target. Instance noise's std is in data units and is divided by sigma.
public enum DataUnits: String, CaseIterable, Sendable {
    case raw
    case standard
}

/// The affine map between the networks' units u and the data's x:
/// x = shift + factor u (shift 0 and factor 1 for `raw`).
struct UnitMap: Sendable {
    let shift: Double
    let factor: Double

    init(_ units: DataUnits, target: Target) {
        switch units {
        case .raw: (shift, factor) = (0, 1)
        case .standard: (shift, factor) = (target.mean, target.std)
        }
    }

    var isIdentity: Bool { shift == 0 && factor == 1 }

    /// u = (x - shift) / factor, in place, in Float.
    func toNetwork(_ values: inout [Float]) {
        guard !isIdentity else { return }
        let shift = Float(shift), inverse = Float(1 / factor)
        for i in values.indices { values[i] = (values[i] - shift) * inverse }
    }

    /// x = shift + factor u, in place, in Float.
    func toData(_ values: inout [Float]) {
        guard !isIdentity else { return }
        let shift = Float(shift), factor = Float(factor)
        for i in values.indices { values[i] = shift + factor * values[i] }
    }

    /// A mean and a std in the networks' units, in the data's.
    func toData(_ stats: (mean: Float, std: Float)) -> (mean: Float, std: Float) {
        isIdentity ? stats : (Float(shift + factor * Double(stats.mean)), Float(factor * Double(stats.std)))
    }

    /// G as a function of data units: its last layer (linear, one output,
    /// W of shape (1, h) then b) becomes factor W and factor b + shift, in
    /// double precision, rounded once.
    func generatorInDataUnits(_ weights: NetworkWeights) -> NetworkWeights {
        guard !isIdentity else { return weights }
        var folded = weights
        let p = weights.parameters.count, h = weights.sizes[weights.sizes.count - 2]
        for i in (p - h - 1)..<(p - 1) { folded.parameters[i] = Float(factor * Double(weights.parameters[i])) }
        folded.parameters[p - 1] = Float(factor * Double(weights.parameters[p - 1]) + shift)
        return folded
    }

    /// D on samples as a function of data units: its first layer (W of
    /// shape (h, M) then b) sees u = (x - shift) / factor, so it becomes
    /// W / factor and b - (shift / factor) sum_i W[o, i], in double
    /// precision, rounded once.
    func discriminatorInDataUnits(_ weights: NetworkWeights) -> NetworkWeights {
        guard !isIdentity else { return weights }
        var folded = weights
        let inputs = weights.sizes[0], outputs = weights.sizes[1]
        for o in 0..<outputs {
            var rowSum = 0.0
            for i in 0..<inputs {
                let w = Double(weights.parameters[o * inputs + i])
                rowSum += w
                folded.parameters[o * inputs + i] = Float(w / factor)
            }
            let b = outputs * inputs + o
            folded.parameters[b] = Float(Double(weights.parameters[b]) - shift / factor * rowSum)
        }
        return folded
    }
}

/// The law of G's noise values (`noise`).
public enum NoiseKind: String, CaseIterable, Sendable {
    /// U[0, 1), the article's.
    case uniform
    /// N(0, 1), the 2-D papers' (PacGAN, the Unrolled GAN).
    case gaussian
}
