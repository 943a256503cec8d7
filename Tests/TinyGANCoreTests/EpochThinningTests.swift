import Foundation
import Testing
import TinyGANTestSupport
import TinyGANCore

@Suite struct EpochThinningTests {
    func records(_ n: Int) -> [EpochRecord] {
        (1...n).map { EpochRecord(epoch: $0, dRealLoss: 0, dFakeLoss: 0, gLoss: Float($0), realMean: 0, realStd: 1,
                                  fakeMean: 0, fakeStd: 1) }
    }

    /// First and last kept, at most N, at least N/2 once thinned, the kept
    /// ones (but the last) spaced exactly by the stride.
    @Test func keepsFirstLastAndAtMostN() {
        for capacity in [2, 3, 10, 64, 1000] {
            for n in [1, 2, capacity - 1, capacity, capacity + 1, 3 * capacity + 7, 10_000] where n >= 1 {
                var thinning = EpochThinning(capacity: capacity)
                for r in records(n) { thinning.add(r) }
                let kept = thinning.records.map(\.epoch)
                #expect(kept.first == 1 && kept.last == n, "capacity \(capacity), n \(n)")
                #expect(kept.count <= capacity, "capacity \(capacity), n \(n)")
                if n < capacity { #expect(kept == Array(1...n)) }
                if n >= capacity { #expect(kept.count >= capacity / 2, "capacity \(capacity), n \(n)") }
                let steps = Set(zip(kept.dropLast(), kept.dropFirst().dropLast()).map { $1 - $0 })
                #expect(steps.isSubset(of: [thinning.stride]), "capacity \(capacity), n \(n)")
                #expect(EpochThinning.thin(records(n), to: capacity).map(\.epoch) == kept)
            }
        }
    }

    /// Reading with `maxEpochRecords` gives the thinned epochs and all else whole.
    @Test func readingThinsTheEpochs() throws {
        let log = syntheticLog(epochs: 5000)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-thin-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try RunLogCoding.write(log, to: url)
        let thinned = try RunLogCoding.load(from: url, maxEpochRecords: 300)
        #expect(thinned.epochs == EpochThinning.thin(log.epochs, to: 300))
        #expect(thinned.epochs.count <= 300 && thinned.epochs.last == log.epochs.last)
        #expect(thinned.snapshots == log.snapshots && thinned.final == log.final && thinned.header == log.header)
    }
}
