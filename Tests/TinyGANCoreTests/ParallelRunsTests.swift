import Foundation
import Testing
import TinyGANCore

/// Independent runs on several threads: the same logs whatever the
/// threads, and memory that does not grow with the number of jobs.
@Suite struct ParallelRunsTests {
    /// Case 13 of the trust issue: 10,000 jobs whose trainers take about
    /// 70 MB each (a 200,000-sample minibatch through a 1-50-1 generator)
    /// would need 700 GB if every trainer were built before the first run,
    /// as tinygan 0.1.0 did (3,000 article runs held 3.2 GB). Built when
    /// its run starts, one trainer per thread exists at a time; the first
    /// log stops the rest, so only the runs already in flight are trained.
    @Test func trainersAreBuiltOnlyWhenTheirRunStarts() throws {
        var config = Presets.article
        config.batchSize = 200_000
        config.generator = NetworkConfig(hiddenSizes: [50], activations: [.tanh])
        config.epochs = 1
        config.discriminatorSteps = 1
        config.generatorSteps = 1
        let jobs = (0..<10_000).map { ParallelRuns.Job(config: config, seed: UInt64($0)) }
        let trained = Counter()
        struct Enough: Error {}
        #expect(throws: Enough.self) {
            try ParallelRuns.forEach(jobs, threads: 2) { _, _ in
                trained.add()
                throw Enough()
            }
        }
        #expect((1...2).contains(trained.value))
    }

    /// The logs do not depend on how many threads train them.
    @Test func threadsDoNotChangeTheLogs() throws {
        let jobs = (1...4).map { ParallelRuns.Job(config: quickConfig(epochs: 5), seed: UInt64($0)) }
        let one = try ParallelRuns.train(jobs, threads: 1), two = try ParallelRuns.train(jobs, threads: 2)
        #expect(try one.map(bytesWithoutWallTime) == two.map(bytesWithoutWallTime))
    }
}

/// A count shared by worker threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
