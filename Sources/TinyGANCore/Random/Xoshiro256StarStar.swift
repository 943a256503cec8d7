/// xoshiro256** 1.0 (Blackman and Vigna, 2018), seeded through SplitMix64.
///
/// A 256-bit state, period 2^256 - 1, passes BigCrush. The state is filled
/// from a 64-bit seed with four outputs of SplitMix64 (Steele, Lea and Flood,
/// 2014), as the algorithm's authors recommend, so that nearby seeds give
/// unrelated streams. Every run owns one generator; nothing here is shared.
///
/// The conversions to floating point are the standard ones:
/// - `nextDouble()`: the top 53 bits, times 2^-53, uniform on [0, 1);
/// - `nextFloat()`: the top 24 bits, times 2^-24, uniform on [0, 1), never 1.
/// (The bits go through a signed integer: the same value, a faster conversion.)
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0, s1, s2, s3: UInt64

    /// A generator for `seed` on stream `stream`. Streams of the same seed are
    /// independent: stream 0 drives training, stream 1 evaluation draws.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var splitMix = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = splitMix.next()
        s1 = splitMix.next()
        s2 = splitMix.next()
        s3 = splitMix.next()
    }

    /// A generator with this exact state (not all zero), for known-answer tests.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro's state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = (s1 &* 5).rotatedLeft(by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3.rotatedLeft(by: 45)
        return result
    }

    /// Uniform on [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func nextDouble() -> Double { Self.unitDouble(next()) }

    /// A draw's top 53 bits times 2^-53: the conversion of `nextDouble`,
    /// for draws taken ahead (`DrawsAhead`) or split by a sampler.
    @inlinable @inline(__always)
    public static func unitDouble(_ bits: UInt64) -> Double { Double(Int64(bitPattern: bits >> 11)) * 0x1p-53 }

    /// Uniform on [0, 1) with 24 random bits.
    @inlinable @inline(__always)
    public mutating func nextFloat() -> Float {
        Float(Int32(truncatingIfNeeded: next() >> 40)) * 0x1p-24
    }

    /// Fills `output` with uniform values on [0, 1), two from each 64-bit
    /// draw: its top 24 bits, then bits 16..<40, each times 2^-24. An odd
    /// count leaves the second half of the last draw unused.
    ///
    /// The draws are taken ahead into a block (`DrawsAhead`) and converted
    /// in a second loop, which the compiler vectorizes; the generator's own
    /// recurrence is then the only serial work.
    public mutating func fill(_ output: inout [Float]) {
        let pairs = output.count / 2
        DrawsAhead.with(self) { draws in
            output.withUnsafeMutableBufferPointer { output in
                var start = 0
                while start < pairs {
                    draws.refill(count: pairs - start)
                    let out = output.baseAddress! + 2 * start
                    for j in 0..<draws.waiting {
                        let bits = draws.front[j]
                        out[2 * j] = Float(Int32(truncatingIfNeeded: bits >> 40)) * 0x1p-24
                        out[2 * j + 1] = Float(Int32(truncatingIfNeeded: (bits >> 16) & 0xFF_FFFF)) * 0x1p-24
                    }
                    start += draws.waiting
                    draws.skip(draws.waiting)
                }
            }
            self = draws.rng
        }
        if output.count % 2 == 1 { output[output.count - 1] = nextFloat() }
    }
}

/// SplitMix64: the seeding generator of xoshiro.
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension UInt64 {
    @inlinable @inline(__always)
    func rotatedLeft(by k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
