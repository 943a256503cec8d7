import Foundation

/// The single-precision peak of one core, as the matrix kernels are held to.
///
/// Peak FLOP/s = lanes x 2 (a fused multiply-add is two FLOPs) x FMA units
/// x clock. Lanes come from the flags of /proc/cpuinfo: 16 Floats with
/// `avx512f`, 8 with `avx2` and `fma`, else 4 (SSE). Two FMA units is an
/// assumption, true of every x86 core that this build targets with AVX2 or
/// AVX-512 (Intel Haswell to Sapphire Rapids, AMD Zen 2 to Zen 4; AMD
/// Zen 1 has two 128-bit units, half of this). Zen 2 and later also have
/// two separate add units, so a multiply followed by an add, as the
/// kernels compute (no contraction: results stay those of the written
/// order), runs at the same peak. The clock is the "cpu MHz" that
/// /proc/cpuinfo reports, the nominal one inside a virtual machine; a core
/// that boosts above it can exceed the nominal peak, so `measuredGFLOPS`
/// also times a loop of independent FMAs, which is the peak this core
/// actually reaches.
public struct CorePeak: Sendable {
    public var lanes: Int
    public var fmaUnits: Int
    public var megahertz: Double
    public var vectorUnits: String

    public var flopsPerCycle: Int { lanes * 2 * fmaUnits }
    public var nominalGFLOPS: Double { Double(flopsPerCycle) * megahertz / 1000 }

    /// Reads /proc/cpuinfo; nil where it cannot be read (not Linux).
    public static func detect() -> CorePeak? {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n")
        func value(_ key: String) -> Substring? {
            guard let line = lines.first(where: { $0.hasPrefix(key) }), let colon = line.firstIndex(of: ":")
            else { return nil }
            return line[line.index(after: colon)...].drop(while: { $0 == " " })
        }
        guard let flagLine = value("flags"), let mhz = value("cpu MHz").flatMap({ Double($0) }) else { return nil }
        let flags = Set(flagLine.split(separator: " "))
        if flags.contains("avx512f") { return CorePeak(lanes: 16, fmaUnits: 2, megahertz: mhz, vectorUnits: "AVX-512") }
        if flags.contains("avx2") && flags.contains("fma") {
            return CorePeak(lanes: 8, fmaUnits: 2, megahertz: mhz, vectorUnits: "AVX2 + FMA")
        }
        return CorePeak(lanes: 4, fmaUnits: 1, megahertz: mhz, vectorUnits: "SSE")
    }

    /// GFLOP/s of 12 independent chains of 8-lane FMAs held in registers
    /// (enough to cover 2 units x 4-5 cycles of latency), the median of
    /// `repetitions` timings of 2^22 FMAs each, in CPU time of the thread.
    public static func measuredGFLOPS(repetitions: Int = 9) -> Double {
        typealias V = SIMD8<Float>
        let scale = V(repeating: 0.999_999), shift = V(repeating: 1e-7)
        var times: [Double] = []
        var sink: Float = 0
        for _ in 0..<max(1, repetitions) {
            var a = (V(repeating: 1), V(repeating: 2), V(repeating: 3), V(repeating: 4), V(repeating: 5),
                     V(repeating: 6), V(repeating: 7), V(repeating: 8), V(repeating: 9), V(repeating: 10),
                     V(repeating: 11), V(repeating: 12))
            let rounds = (1 << 22) / 12
            let start = ThreadClock.nanoseconds()
            for _ in 0..<rounds {
                a.0 = shift.addingProduct(a.0, scale); a.1 = shift.addingProduct(a.1, scale)
                a.2 = shift.addingProduct(a.2, scale); a.3 = shift.addingProduct(a.3, scale)
                a.4 = shift.addingProduct(a.4, scale); a.5 = shift.addingProduct(a.5, scale)
                a.6 = shift.addingProduct(a.6, scale); a.7 = shift.addingProduct(a.7, scale)
                a.8 = shift.addingProduct(a.8, scale); a.9 = shift.addingProduct(a.9, scale)
                a.10 = shift.addingProduct(a.10, scale); a.11 = shift.addingProduct(a.11, scale)
            }
            let seconds = Double(ThreadClock.nanoseconds() - start) / 1e9
            times.append(Double(rounds * 12 * 16) / seconds / 1e9)
            sink += (a.0 + a.1 + a.2 + a.3 + a.4 + a.5 + a.6 + a.7 + a.8 + a.9 + a.10 + a.11).sum()
        }
        if sink.isNaN { print("core peak: NaN") }
        return times.sorted()[times.count / 2]
    }
}
