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

    /// Trains `jobs` on `threads` threads; `finished(done)` follows the
    /// progress as `forEach` describes. Returns the logs in the order of `jobs`.
    public static func train(_ jobs: [Job], threads: Int,
                             finished: (@Sendable (Int) -> Void)? = nil) throws -> [RunLog] {
        let results = Results(count: jobs.count)
        try forEach(jobs, threads: threads, finished: finished) { index, log in results.store(log, at: index) }
        return results.logs
    }

    /// Trains `jobs` on `threads` threads and hands each log to `body` as
    /// soon as its run ends (on the worker's thread), keeping none: a sweep
    /// writes each log at once, so that an interruption loses only the runs
    /// in flight. After `body` returns, `finished(done)` gets the number of
    /// runs handed over so far (from any thread, one call at a time, `done`
    /// rising by one each call). The first error `body` throws stops the
    /// remaining runs and is rethrown. Every configuration is checked before
    /// the first run starts; a trainer is built only when its run starts, so
    /// memory stays that of `threads` runs however many jobs there are.
    public static func forEach(_ jobs: [Job], threads: Int, finished: (@Sendable (Int) -> Void)? = nil,
                               _ body: @Sendable (Int, RunLog) throws -> Void) throws {
        try validate(jobs.map(\.config))
        try perform(jobs.count, threads: threads, finished: finished) { index in
            var trainer = try Trainer(config: jobs[index].config, seed: jobs[index].seed)
            try body(index, trainer.run())
        }
    }

    /// Checks every configuration before any run starts (each run of
    /// equal configurations in a row once).
    public static func validate(_ configs: [TrainingConfig]) throws {
        var checked: TrainingConfig?
        for config in configs where config != checked {
            try config.validate()
            checked = config
        }
    }

    /// Calls `work(k)` for k in 0 ..< `count` on `threads` threads, each
    /// index once, in rising order of claiming; `finished(done)` as in
    /// `forEach`. The first error stops the indices not yet claimed and is
    /// rethrown.
    public static func perform(_ count: Int, threads: Int, finished: (@Sendable (Int) -> Void)? = nil,
                               _ work: @Sendable (Int) throws -> Void) throws {
        let queue = WorkQueue(count: count)
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.claim() {
                do {
                    try work(index)
                    queue.finish { done in finished?(done) }
                } catch {
                    queue.fail(error)
                }
            }
        }
        if let error = queue.error { throw error }
    }

    /// The next job to claim, the count of finished ones and the first
    /// failure, behind a lock.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private let count: Int
        private(set) var error: Error?

        init(count: Int) { self.count = count }

        func claim() -> Int? {
            lock.withLock {
                guard next < count, error == nil else { return nil }
                next += 1
                return next - 1
            }
        }

        /// Counts one more finished job and tells `report` the count, inside
        /// the lock, so reports come one at a time and in order.
        func finish(_ report: (Int) -> Void) {
            lock.withLock {
                done += 1
                report(done)
            }
        }

        func fail(_ error: Error) { lock.withLock { if self.error == nil { self.error = error } } }
    }

    /// The results in job order, behind a lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [RunLog?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ log: RunLog, at index: Int) { lock.withLock { slots[index] = log } }

        var logs: [RunLog] { lock.withLock { slots.map { $0! } } }
    }

    /// The number of cores this process may use.
    public static var availableCores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
