/// A Gaussian mixture sum_k w_k N(m_k, s_k^2), weights normalized to sum 1:
/// F = sum_k w_k Phi((x - m_k)/s_k), the density likewise, mean
/// sum w_k m_k, variance sum w_k (s_k^2 + m_k^2) - mean^2, fourth central
/// moment sum w_k (d^4 + 6 d^2 s_k^2 + 3 s_k^4) with d = m_k - mean. The
/// quantile is found by Newton steps kept inside a bisection bracket. A
/// draw picks component k by a 32-bit uniform U (the high, then the low
/// half of one 64-bit draw for two values) as the number of thresholds
/// T_j = round(2^32 (w_1 + ... + w_j)), j < K, with U >= T_j, counted
/// without branches (so P(k) = w_k to 2^-32), then draws a ziggurat normal.
public struct MixtureTarget: TargetDistribution, Equatable {
    public struct Component: Equatable, Sendable {
        public var weight, mean, std: Double

        public init(weight: Double, mean: Double, std: Double) {
            self.weight = weight
            self.mean = mean
            self.std = std
        }
    }

    public var components: [Component]
    /// round(2^32 (w_1 + ... + w_j)) for all but the last component.
    let thresholds: [UInt64]

    public init(components: [Component]) {
        let total = components.map(\.weight).reduce(0, +)
        self.components = components.map { Component(weight: $0.weight / total, mean: $0.mean, std: $0.std) }
        var sum = 0.0
        thresholds = self.components.dropLast().map { sum += $0.weight; return UInt64((sum * 0x1p32).rounded()) }
    }

    static let syntax = "mixture:W1*N(M1,S1)+W2*N(M2,S2)+..."

    static func parse(_ text: String) throws(SettingProblem) -> MixtureTarget {
        let terms = text.split(separator: "+", omittingEmptySubsequences: false)
        guard terms.count <= 16 else { throw SettingProblem("a mixture has at most 16 components (got \(terms.count))") }
        var components: [Component] = []
        for term in terms {
            let t = term.trimmingCharacters(in: .whitespaces)
            let parts = t.split(separator: "*", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[1].hasPrefix("N("), parts[1].hasSuffix(")") else {
                throw SettingProblem("each mixture term must be W*N(MEAN,STD) as in \(syntax) (got \(TinyGANError.quote(t)))")
            }
            let w = try TargetParameters.numbers(parts[0], syntax: syntax, count: 1)[0]
            guard w > 0 && w <= 1e6 else { throw SettingProblem("mixture weights must be > 0 and at most 1e6 (got \(w))") }
            let p = try TargetParameters.numbers(String(parts[1].dropFirst(2).dropLast()), syntax: syntax, count: 2)
            try TargetParameters.location(p[0], "MEAN")
            try TargetParameters.scale(p[1], "STD")
            components.append(Component(weight: w, mean: p[0], std: p[1]))
        }
        return MixtureTarget(components: components)
    }

    public var spec: String {
        "mixture:" + components.map { "\($0.weight)*N(\($0.mean),\($0.std))" }.joined(separator: "+")
    }

    public var label: String {
        components.map { "\(labelNumber($0.weight)) N(\(labelNumber($0.mean)), \(labelNumber($0.std))\u{00B2})" }
            .joined(separator: " + ")
    }

    public var mean: Double { components.reduce(0) { $0 + $1.weight * $1.mean } }

    public var std: Double {
        let m = mean
        return components.reduce(0) { $0 + $1.weight * ($1.std * $1.std + ($1.mean - m) * ($1.mean - m)) }.squareRoot()
    }

    public var excessKurtosis: Double {
        let m = mean, s = std
        let fourth = components.reduce(0.0) { total, c in
            let d = c.mean - m, v = c.std * c.std
            return total + c.weight * (d * d * d * d + 6 * d * d * v + 3 * v * v)
        }
        return fourth / (s * s * s * s) - 3
    }

    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) {
        NormalSampler.shared.withVariates { normal in
            components.withUnsafeBufferPointer { components in
                thresholds.withUnsafeBufferPointer { thresholds in
                    batch.withUnsafeMutableBufferPointer { batch in
                        var bits: UInt64 = 0
                        for i in batch.indices {
                            let isEven = i & 1 == 0
                            if isEven { bits = rng.next() }
                            let u = isEven ? bits >> 32 : bits & 0xFFFF_FFFF
                            var k = 0
                            for threshold in thresholds { k += u >= threshold ? 1 : 0 }
                            batch[i] = Float(components[k].mean + components[k].std * normal.next(&rng))
                        }
                    }
                }
            }
        }
    }

    public func density(_ x: Double) -> Double {
        components.reduce(0) { $0 + $1.weight * Normal.standardDensity((x - $1.mean) / $1.std) / $1.std }
    }

    public func cdf(_ x: Double) -> Double {
        min(1, components.reduce(0) { $0 + $1.weight * Normal.standardCDF((x - $1.mean) / $1.std) })
    }

    public func quantile(_ p: Double) -> Double {
        QuantileSearch.invert(p, cdf: cdf, density: density, start: mean, step: std)
    }
}
