import Foundation
import TinyGANCore

/// `tinygan bench --read-log FILE`: how fast a run log is read, three ways in
/// one process, so that their ratios hold on a busy machine: thinned to the
/// epoch records `plot` keeps (first, so that the peak memory printed after
/// it is that of a plot's reading), whole with the byte-level parsers (epoch
/// lines, the arrays of snapshots and the final record), and whole with
/// `JSONDecoder` for every line (the reader before them).
enum LogReadBench {
    static func run(_ url: URL) throws {
        let bytes = Double((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
        // Small logs are read several times (median), long ones once.
        let repeats = bytes < 50e6 ? 7 : 1
        /// The median wall time and the median CPU time of the thread.
        func time(_ work: () throws -> RunLog) rethrows -> (seconds: Double, cpuSeconds: Double, log: RunLog) {
            var times: [Double] = [], cpuTimes: [Double] = []
            var log: RunLog?
            for _ in 0..<repeats {
                let start = DispatchTime.now(), cpuStart = ThreadClock.nanoseconds()
                log = try work()
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
                cpuTimes.append(Double(ThreadClock.nanoseconds() - cpuStart) / 1e9)
            }
            return (times.sorted()[repeats / 2], cpuTimes.sorted()[repeats / 2], log!)
        }
        func line(_ label: String, _ timing: (seconds: Double, cpuSeconds: Double, log: RunLog), reference: Double? = nil) {
            let seconds = timing.seconds
            var text = String(format: "%@ %9.2f ms (%.2f ms CPU), %7.1f MB/s, %d epoch records", label.padding(
                toLength: 34, withPad: " ", startingAt: 0), seconds * 1e3, timing.cpuSeconds * 1e3, bytes / seconds / 1e6,
                timing.log.epochs.count)
            if let reference { text += String(format: " (%.1fx faster)", reference / seconds) }
            print(text)
        }
        print(String(format: "%@: %.1f MB, median of %d reads (wall, and CPU time of the thread)", url.path, bytes / 1e6, repeats))
        let thinned = try time { try RunLogCoding.load(from: url, maxEpochRecords: TinyGAN.Plot.epochRecordsForFigures) }
        print(String(format: "peak memory (max RSS) after the thinned read: %.1f MB", TinyGAN.Bench.peakResidentMegabytes()))
        let fast = try time { try RunLogCoding.read(from: url) }
        let reference = try time { try RunLogCoding.decodeWithFoundation(try Data(contentsOf: url), file: url.path) }
        guard fast.log.epochs.count == reference.log.epochs.count else {
            throw TinyGANError.failure("the two readers disagree on \(url.path)")
        }
        line("JSONDecoder for every line", reference)
        line("chunks + byte-level parsers", fast, reference: reference.seconds)
        line("same, thinned for figures", thinned, reference: reference.seconds)
    }
}
