import Testing
import TinyGANCore

@Suite struct RandomTests {
    /// The reference outputs of xoshiro256** from state (1, 2, 3, 4) and of
    /// SplitMix64 from 0, as published with the algorithms (and reproduced
    /// by bench/reference_rng.py).
    @Test func knownAnswers() {
        var rng = Xoshiro256StarStar(state: (1, 2, 3, 4))
        #expect([rng.next(), rng.next(), rng.next(), rng.next()] == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
        var splitMix = SplitMix64(state: 0)
        #expect(splitMix.next() == 0xE220_A839_7B1D_CDAF)
    }

    /// Seeding and streams, checked against bench/reference_rng.py.
    @Test func seedsAndStreamsMatchTheReference() {
        var stream0 = Xoshiro256StarStar(seed: 42)
        #expect([stream0.next(), stream0.next(), stream0.next()]
            == [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
        var stream1 = Xoshiro256StarStar(seed: 42, stream: 1)
        #expect([stream1.next(), stream1.next()] == [13_583_771_085_161_268, 395_782_336_197_462_635])
        var rng = Xoshiro256StarStar(seed: 7)
        let normal = NormalSampler()
        let expected = [0.47319497607888616, -0.5710650210335607, 1.5179217372486586, 1.4751301803939147, 2.1481817140518267]
        #expect((0..<5).map { _ in normal.next(using: &rng) } == expected)
    }

    @Test func sameSeedSameStream() {
        var a = Xoshiro256StarStar(seed: 123), b = Xoshiro256StarStar(seed: 123)
        var c = Xoshiro256StarStar(seed: 124)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test func floatsStayBelowOne() {
        var rng = Xoshiro256StarStar(state: (UInt64.max, UInt64.max, UInt64.max, UInt64.max))
        for _ in 0..<10_000 {
            let f = rng.nextFloat(), d = rng.nextDouble()
            #expect(f >= 0 && f < 1 && d >= 0 && d < 1)
        }
    }

    /// One-sample Kolmogorov-Smirnov tests with n = 100,000: the critical
    /// value at level 0.001 is 1.949 / sqrt(n) = 0.00616.
    static let ksCritical = 1.949 / 100_000.0.squareRoot()

    @Test func uniformPassesKolmogorovSmirnov() {
        var rng = Xoshiro256StarStar(seed: 2024)
        var values = [Float](repeating: 0, count: 100_000)
        rng.fill(&values)
        let sorted = values.map(Double.init).sorted()
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            d = max(d, Double(i + 1) / Double(sorted.count) - x, x - Double(i) / Double(sorted.count))
        }
        #expect(d < Self.ksCritical)
    }

    @Test func normalPassesKolmogorovSmirnovAndMoments() {
        var rng = Xoshiro256StarStar(seed: 2025)
        var values = [Float](repeating: 0, count: 100_000)
        NormalSampler().fill(&values, mean: 4, std: 1.25, using: &rng)
        let stats = SampleStatistics(samples: values, target: Normal(mean: 4, std: 1.25))
        #expect(stats.ks < Self.ksCritical)
        // Standard errors with n = 1e5: mean 0.004, std 0.0028, skew 0.0077, kurt 0.015; 5 of them.
        #expect(abs(stats.mean - 4) < 0.02)
        #expect(abs(stats.std - 1.25) < 0.014)
        #expect(abs(stats.skewness) < 0.04)
        #expect(abs(stats.excessKurtosis) < 0.08)
    }

    /// The tail beyond R = 3.44 must hold its share 2 (1 - Phi(3.44)) = 5.76e-4.
    @Test func normalTailsHaveTheirMass() {
        var rng = Xoshiro256StarStar(seed: 99)
        let normal = NormalSampler()
        let n = 1_000_000
        var beyond = 0
        for _ in 0..<n where abs(normal.next(using: &rng)) > NormalSampler.tailStart { beyond += 1 }
        let expected = 2 * Normal.standardCDF(-NormalSampler.tailStart) * Double(n)
        // Poisson-like count: sd = sqrt(576) = 24; allow 5 sd.
        #expect(abs(Double(beyond) - expected) < 5 * expected.squareRoot())
    }
}
