/// The uniform distribution on [a, b]: density 1 / (b - a), mean (a + b) / 2,
/// std (b - a) / sqrt 12, excess kurtosis -6/5. A draw is a + (b - a) U with
/// U the 53-bit uniform of `Xoshiro256StarStar.nextDouble`.
public struct UniformTarget: TargetDistribution, Equatable {
    public var lower: Double
    public var upper: Double

    static func parse(_ text: String) throws(SettingProblem) -> UniformTarget {
        let p = try TargetParameters.numbers(text, syntax: "uniform:A,B", count: 2)
        try TargetParameters.location(p[0], "A")
        try TargetParameters.location(p[1], "B")
        guard p[0] < p[1] else { throw SettingProblem("uniform:A,B needs A < B (got \(p[0]), \(p[1]))") }
        return UniformTarget(lower: p[0], upper: p[1])
    }

    public var spec: String { "uniform:\(lower),\(upper)" }
    public var label: String { "U(\(labelNumber(lower)), \(labelNumber(upper)))" }
    public var mean: Double { (lower + upper) / 2 }
    public var std: Double { (upper - lower) / 12.0.squareRoot() }
    public var excessKurtosis: Double { -1.2 }
    public var breakpoints: [Double] { [lower, upper] }

    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) {
        let width = upper - lower
        batch.withUnsafeMutableBufferPointer { batch in
            for i in batch.indices { batch[i] = Float(lower + width * rng.nextDouble()) }
        }
    }

    public func density(_ x: Double) -> Double { x >= lower && x <= upper ? 1 / (upper - lower) : 0 }
    public func cdf(_ x: Double) -> Double { min(1, max(0, (x - lower) / (upper - lower))) }
    public func quantile(_ p: Double) -> Double { lower + (upper - lower) * min(1, max(0, p)) }
}
