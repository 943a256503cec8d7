import Foundation

/// A fixed piece of work timed in the same process as a benchmark, so that
/// timings taken on different days, whose machine speed drifts by three
/// to four times, compare as ratios: a run's seconds divided by the gauge's
/// seconds ("gauge units") do not depend on the day as the seconds do.
///
/// The work is what a training run spends most of its time on: over a
/// buffer of 16,384 Floats (64 KiB, in L2), 64 passes of one FMA per value,
/// x <- 0.5 x + 0.25, followed by tanh in place (the trainer's own
/// vectorized tanh): 1,048,576 FMAs and 1,048,576 tanh. The gauge is the
/// median of `repetitions` timings spread over about a second, so it sees
/// the machine as a run sees it, slow phases included, and not only its
/// quietest moment.
public enum MachineGauge {
    public static let count = 16_384
    public static let passes = 64

    /// Seconds of the fixed work, the median of `repetitions`, each after
    /// a pause of `pause` seconds.
    public static func seconds(repetitions: Int = 21, pause: Double = 0.04) -> Double {
        var buffer = (0..<count).map { Float($0 % 97) / 97 - 0.5 }
        var times: [Double] = []
        for _ in 0..<max(1, repetitions) {
            Thread.sleep(forTimeInterval: pause)
            let start = DispatchTime.now().uptimeNanoseconds
            buffer.withUnsafeMutableBufferPointer { values in
                let base = values.baseAddress!
                for _ in 0..<passes {
                    for i in 0..<count { base[i] = base[i] * 0.5 + 0.25 }
                    Float.tanhInPlace(base, count: count)
                }
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        // The result is used, so the work cannot be optimized away.
        if buffer.reduce(0, +).isNaN { print("machine gauge: NaN") }
        return times.sorted()[times.count / 2]
    }
}
