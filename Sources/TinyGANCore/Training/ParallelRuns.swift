import Foundation

/// Trains independent runs on several threads. Each run owns its trainer
/// and its random generators, so results do not depend on the number of
/// threads or on their timing: run k is the same bit for bit either way.
public enum ParallelRuns {
    /// One run to train.
    public struct Job: Sendable {
        public var config: TrainingConfig
        public var seed: UInt64
        public init(config: TrainingConfig, seed: UInt64) {
            self.config = config
            self.seed = seed
        }
    }

    /// Trains `jobs` on `threads` threads; `finished(done)` is called (from
    /// any thread, one call at a time) each time a run ends. Returns the logs
    /// in the order of `jobs`.
    public static func train(_ jobs: [Job], threads: Int,
                             finished: (@Sendable (Int) -> Void)? = nil) throws -> [RunLog] {
        let trainers = try jobs.map { try Trainer(config: $0.config, seed: $0.seed) }
        let results = Results(count: jobs.count)
        let workers = max(1, min(threads, jobs.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claim() {
                var trainer = trainers[index]
                let log = trainer.run()
                let done = results.store(log, at: index)
                finished?(done)
            }
        }
        return results.logs
    }

    /// The shared work list and results, behind a lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private var slots: [RunLog?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < slots.count else { return nil }
            next += 1
            return next - 1
        }

        func store(_ log: RunLog, at index: Int) -> Int {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = log
            done += 1
            return done
        }

        var logs: [RunLog] { lock.withLock { slots.map { $0! } } }
    }

    /// The number of cores this process may use.
    public static var availableCores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
