/// Deterministic test data.
struct TestData {
    var rng: TinyGANCore.Xoshiro256StarStar

    init(seed: UInt64) { rng = .init(seed: seed, stream: 9) }

    /// n values uniform on [low, high).
    mutating func uniform(_ n: Int, _ low: Double = -1, _ high: Double = 1) -> [Double] {
        (0..<n).map { _ in low + (high - low) * rng.nextDouble() }
    }
}

import TinyGANCore
