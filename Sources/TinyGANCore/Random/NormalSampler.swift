import Foundation

/// Standard normal variates by the ziggurat method, in Doornik's ZIGNOR form
/// (J. A. Doornik, "An Improved Ziggurat Method to Generate Normal Random
/// Samples", 2005): 128 layers, R = 3.442619855899, V = 9.91256303526217e-3.
///
/// Each attempt takes one 64-bit draw: its top 53 bits give u uniform on
/// [-1, 1), its low 7 bits the layer i. With x_0 = V / f(R), x_1 = R,
/// x_{i+1} = sqrt(-2 ln(V / x_i + f(x_i))), x_128 = 0 and f(x) = exp(-x^2 / 2):
/// - if |u| < x_{i+1} / x_i, return u x_i (about 98.8% of draws);
/// - if i = 0, sample the tail beyond R by Marsaglia's method;
/// - else accept x = u x_i in the wedge when
///   f(x_{i+1}) + U (f(x_i) - f(x_{i+1})) < f(x) (relative form below).
///
/// The tables are computed at initialization with the platform's `exp`, `log` and `sqrt`,
/// which are correctly rounded or deterministic on a given libm; the parity
/// script in `bench/` recomputes them the same way.
public struct NormalSampler: Sendable {
    static let layerCount = 128
    public static let tailStart = 3.442619855899
    static let layerArea = 9.91256303526217e-3

    /// x_0 ... x_128.
    let x: [Double]
    /// x_{i+1} / x_i for i in 0..<128.
    let ratio: [Double]

    public init() {
        let n = Self.layerCount
        var x = [Double](repeating: 0, count: n + 1)
        var f = exp(-0.5 * Self.tailStart * Self.tailStart)
        x[0] = Self.layerArea / f
        x[1] = Self.tailStart
        for i in 2..<n {
            x[i] = (-2 * log(Self.layerArea / x[i - 1] + f)).squareRoot()
            f = exp(-0.5 * x[i] * x[i])
        }
        x[n] = 0
        self.x = x
        self.ratio = (0..<n).map { x[$0 + 1] / x[$0] }
    }

    /// One standard normal variate.
    public func next(using rng: inout Xoshiro256StarStar) -> Double {
        ratio.withUnsafeBufferPointer { ratio in
            x.withUnsafeBufferPointer { x in Self.variate(ratio, x, self, &rng) }
        }
    }

    /// Fills `output` with mean + std * (standard normal variates), each
    /// computed in double precision and then rounded to `Float`: the same
    /// values, from the same draws, as `next(using:)` one at a time.
    ///
    /// The generator's draws are taken ahead into a block on the stack
    /// (`DrawsAhead`), at most as many as values remain, so never one the
    /// sampler would not have taken: every value takes at least one. Four
    /// values whose draws all fall inside their layers are then made at once;
    /// otherwise one value is made as `next` makes it, its slow path drawing
    /// from the block first and then from the generator.
    public func fill(_ output: inout [Float], mean: Double, std: Double, using rng: inout Xoshiro256StarStar) {
        DrawsAhead.with(rng) { draws in
            ratio.withUnsafeBufferPointer { ratio in
                x.withUnsafeBufferPointer { x in
                    output.withUnsafeMutableBufferPointer { output in
                        var i = 0
                        while i < output.count {
                            if draws.isEmpty { draws.refill(count: output.count - i) }
                            if draws.waiting >= 4, let four = Self.fourInsideTheirLayers(draws.front, ratio, x) {
                                let values = mean + std * four
                                for lane in 0..<4 { output[i + lane] = Float(values[lane]) }
                                draws.skip(4)
                                i += 4
                            } else {
                                output[i] = Float(mean + std * Self.variate(ratio, x, self, &draws))
                                i += 1
                            }
                        }
                    }
                }
            }
            rng = draws.rng
        }
    }

    /// u x_i for four draws when each |u| < x_{i+1} / x_i (the common case
    /// of `variate`, the same arithmetic lane by lane), else nil.
    @inline(__always)
    static func fourInsideTheirLayers(
        _ bits: UnsafePointer<UInt64>, _ ratio: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>
    ) -> SIMD4<Double>? {
        var u = SIMD4<Double>(), width = SIMD4<Double>(), inside = true
        for lane in 0..<4 {
            let (uniform, layer) = split(bits[lane])
            u[lane] = uniform
            inside = inside && abs(uniform) < ratio[layer]
            width[lane] = x[layer]
        }
        return inside ? u * width : nil
    }

    /// An attempt's draw: its top 53 bits as u uniform on [-1, 1), its low
    /// 7 bits as the layer.
    @inline(__always)
    static func split(_ bits: UInt64) -> (u: Double, layer: Int) {
        (2 * Xoshiro256StarStar.unitDouble(bits) - 1, Int(bits & 0x7F))
    }

    @inline(__always)
    static func variate<Bits: RandomBits>(
        _ ratio: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>, _ sampler: NormalSampler,
        _ rng: inout Bits
    ) -> Double {
        while true {
            let (u, i) = split(rng.next())
            if abs(u) < ratio[i] { return u * x[i] }
            if let variate = sampler.slowPath(u: u, layer: i, using: &rng) { return variate }
        }
    }

    /// The rare cases: the tail (layer 0) and the wedges. Nil means rejected.
    func slowPath<Bits: RandomBits>(u: Double, layer i: Int, using rng: inout Bits) -> Double? {
        if i == 0 { return Self.tail(negative: u < 0, using: &rng) }
        let candidate = u * x[i]
        let f0 = exp(-0.5 * (x[i] * x[i] - candidate * candidate))
        let f1 = exp(-0.5 * (x[i + 1] * x[i + 1] - candidate * candidate))
        return f1 + rng.nextDouble() * (f0 - f1) < 1 ? candidate : nil
    }

    /// Marsaglia's tail method: a normal variate conditioned on |x| > R.
    static func tail<Bits: RandomBits>(negative: Bool, using rng: inout Bits) -> Double {
        var x, y: Double
        repeat {
            x = log(1 - rng.nextDouble()) / tailStart
            y = log(1 - rng.nextDouble())
        } while -2 * y < x * x
        return negative ? x - tailStart : tailStart - x
    }
}

extension NormalSampler {
    /// One sampler for every target: its tables are the same for all.
    public static let shared = NormalSampler()

    /// Standard normal variates, the same sequence as `next(using:)`, with
    /// the tables held open for a loop.
    public struct Variates {
        let ratio: UnsafeBufferPointer<Double>
        let x: UnsafeBufferPointer<Double>
        let sampler: NormalSampler

        @inline(__always)
        public func next(_ rng: inout Xoshiro256StarStar) -> Double {
            NormalSampler.variate(ratio, x, sampler, &rng)
        }
    }

    /// Runs `body` with the variates; they must not escape it.
    public func withVariates<R>(_ body: (Variates) throws -> R) rethrows -> R {
        try ratio.withUnsafeBufferPointer { ratio in
            try x.withUnsafeBufferPointer { x in try body(Variates(ratio: ratio, x: x, sampler: self)) }
        }
    }
}
