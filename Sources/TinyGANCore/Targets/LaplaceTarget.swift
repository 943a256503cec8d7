import Foundation
import RealModule

/// The Laplace distribution: density exp(-|x - m| / b) / (2 b), mean m,
/// std b sqrt 2, excess kurtosis 3. A draw is m + b E S: E standard
/// exponential, S a random sign, both from one 64-bit draw (its top 53 bits
/// give U in [0, 1) for E = -ln(1 - U), its lowest bit S). 1 - U is exact
/// and at least 2^-53; the logarithms are `FastMath.log`'s, four at a time.
public struct LaplaceTarget: TargetDistribution, Equatable {
    public var location: Double
    public var scale: Double

    static func parse(_ text: String) throws(SettingProblem) -> LaplaceTarget {
        let p = try TargetParameters.numbers(text, syntax: "laplace:LOC,SCALE", count: 2)
        try TargetParameters.location(p[0], "LOC")
        try TargetParameters.scale(p[1], "SCALE")
        return LaplaceTarget(location: p[0], scale: p[1])
    }

    public var spec: String { "laplace:\(location),\(scale)" }
    public var label: String { "Laplace(\(labelNumber(location)), \(labelNumber(scale)))" }
    public var mean: Double { location }
    public var std: Double { scale * 2.0.squareRoot() }
    public var excessKurtosis: Double { 3 }
    public var breakpoints: [Double] { [location] }

    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) {
        BlockFill.fill(&batch, columns: 2, draw: { block, count in
            for row in 0..<count {
                let bits = rng.next()
                block[0, row] = 1 - Xoshiro256StarStar.unitDouble(bits)
                block[1, row] = bits & 1 == 0 ? scale : -scale
            }
        }, transform: { block, row in
            location - block.lanes(1, row) * FastMath.log(block.lanes(0, row))
        })
    }

    public func density(_ x: Double) -> Double { Double.exp(-abs(x - location) / scale) / (2 * scale) }

    public func cdf(_ x: Double) -> Double {
        let t = (x - location) / scale
        return t < 0 ? 0.5 * Double.exp(t) : 1 - 0.5 * Double.exp(-t)
    }

    public func quantile(_ p: Double) -> Double {
        p < 0.5 ? location + scale * Double.log(2 * p) : location - scale * Double.log(2 * (1 - p))
    }
}
