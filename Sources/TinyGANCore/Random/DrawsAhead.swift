/// A source of 64-bit draws, with the generator's conversion to [0, 1).
protocol RandomBits {
    mutating func next() -> UInt64
}

extension RandomBits {
    /// Uniform on [0, 1) with 53 random bits, as `Xoshiro256StarStar.nextDouble`.
    @inline(__always)
    mutating func nextDouble() -> Double { Xoshiro256StarStar.unitDouble(next()) }
}

extension Xoshiro256StarStar: RandomBits {}

/// A generator's draws taken ahead into a block on the stack: `next()`
/// gives the block's draws in order, then the generator's own, so the
/// sequence is the generator's. Taking them in one loop keeps the
/// generator's state in registers; the caller takes no more ahead than it
/// will use, and takes `rng` back at the end.
struct DrawsAhead: RandomBits {
    static let capacity = 256
    var rng: Xoshiro256StarStar
    let block: UnsafeMutablePointer<UInt64>
    var cursor = 0, end = 0

    /// Runs `body` with draws ahead of `rng` in a block of `capacity` on
    /// the stack, which must not escape it.
    @inline(__always)
    static func with<R>(_ rng: Xoshiro256StarStar, _ body: (inout DrawsAhead) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { block in
            var draws = DrawsAhead(rng: rng, block: block.baseAddress!)
            return try body(&draws)
        }
    }

    var isEmpty: Bool { cursor == end }
    /// Draws taken and not yet used.
    var waiting: Int { end - cursor }
    var front: UnsafePointer<UInt64> { UnsafePointer(block + cursor) }

    /// Takes min(count, capacity) draws ahead; only when the block is used up.
    @inline(__always)
    mutating func refill(count: Int) {
        precondition(isEmpty)
        let count = Swift.min(count, Self.capacity)
        for j in 0..<count { block[j] = rng.next() }
        (cursor, end) = (0, count)
    }

    @inline(__always)
    mutating func skip(_ count: Int) { cursor += count }

    @inline(__always)
    mutating func next() -> UInt64 {
        guard cursor < end else { return rng.next() }
        defer { cursor += 1 }
        return block[cursor]
    }
}
