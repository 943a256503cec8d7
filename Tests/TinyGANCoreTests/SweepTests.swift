import Foundation
import Testing
import TinyGANCore

@Suite struct WilsonIntervalTests {
    /// Published 95% Wilson intervals (Newcombe 1998, and Wilson 1927's formula).
    @Test(arguments: [(8, 10, 0.4902, 0.9433), (0, 10, 0.0, 0.2775), (99, 100, 0.9455, 0.9982),
                      (100, 100, 0.9630, 1.0), (50, 100, 0.4038, 0.5962)])
    func knownValues(_ k: Int, _ n: Int, _ lower: Double, _ upper: Double) {
        let interval = WilsonInterval(successes: k, trials: n)
        #expect(abs(interval.lower - lower) < 1e-4 && abs(interval.upper - upper) < 1e-4)
        #expect(interval.lower <= interval.rate && interval.rate <= interval.upper)
    }
}

/// A tiny sweep: 2 x 2 grid points, 3 seeds, 12 short runs.
func tinyPlan(seeds: [UInt64] = [1, 2, 3]) throws -> SweepPlan {
    try SweepPlan(preset: "article", axes: [SweepPlan.axis("lr-g=1e-3,3e-3"), SweepPlan.axis("d-steps=1,3")], seeds: seeds,
                  base: ["epochs": "8", "batch-size": "40", "g-steps": "2", "log-interval": "4"])
}

func temporarySweep() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-sweep-\(UUID())")
}

/// A summary without its wall times, the only thing that may differ.
func timeless(_ summary: SweepSummary) -> SweepSummary {
    var s = summary
    s.rows = s.rows.map { var r = $0; r.wallSeconds = 0; return r }
    return s
}

@Suite struct SweepPlanTests {
    @Test func gridOrderAndConfigurations() throws {
        let runs = try tinyPlan().runs()
        #expect(runs.count == 12)
        #expect(runs.map(\.pointLabel).prefix(4) == ["lr-g=1e-3,d-steps=1", "lr-g=1e-3,d-steps=1", "lr-g=1e-3,d-steps=1",
                                                      "lr-g=1e-3,d-steps=3"])
        #expect(runs[9].config.generatorOptimizer.learningRate == 3e-3 && runs[9].config.discriminatorSteps == 3)
        #expect(runs.allSatisfy { $0.config.epochs == 8 && $0.config.batchSize == 40 })
        #expect(runs[4].logPath == "runs/lr-g=1e-3,d-steps=3/seed2.jsonl")
    }

    @Test func shardsPartitionThePlan() throws {
        let plan = try tinyPlan()
        for count in 1...5 {
            let shards = try (1...count).map { try plan.shard($0, of: count).map(\.index) }
            #expect(shards.flatMap { $0 }.sorted() == Array(0..<12))
        }
        #expect(throws: TinyGANError.self) { try plan.shard(3, of: 2) }
        #expect(throws: TinyGANError.self) { try plan.shard(0, of: 2) }
    }

    @Test(arguments: ["lr-g", "lr-g=", "=1", "lr-g=1e-3,,2e-3"])
    func malformedAxes(_ text: String) {
        #expect(throws: TinyGANError.self) { try SweepPlan.axis(text) }
    }

    @Test func invalidGrids() throws {
        #expect { try SweepPlan(preset: "article", axes: [SweepPlan.axis("lr-g=1e-3,-1")], seeds: [1]) }
            throws: { "\($0)".contains("grid point lr-g=-1") && "\($0)".contains("lr-g must be finite and > 0") }
        #expect { try SweepPlan(preset: "article", axes: [SweepPlan.axis("warp=1,2")], seeds: [1]) }
            throws: { "\($0)".contains("unknown setting 'warp'") }
        #expect { try SweepPlan(preset: "article", axes: [SweepPlan.axis("d-steps=1"), SweepPlan.axis("d-steps=2")], seeds: [1]) }
            throws: { "\($0)".contains("twice") }
        #expect { try SweepPlan(preset: "article", axes: [SweepPlan.axis("seed=1,2")], seeds: [1]) }
            throws: { "\($0)".contains("cannot vary 'seed'") }
        #expect { try SweepPlan(preset: "article", axes: [SweepPlan.axis("optimizer=sgd,rmsprop")], seeds: [1]) }
            throws: { "\($0)".contains("grid") }
        let sizes = try SweepPlan(preset: "article", axes: [SweepPlan.axis("g-hidden=8:8,3:3:3")], seeds: [1])
        #expect(try sizes.runs().map(\.config.generator.hiddenSizes) == [[8, 8], [3, 3, 3]])
    }
}

@Suite struct SweepFolderTests {
    func sweep(_ plan: SweepPlan, at url: URL, shard: (Int, Int)? = nil) throws -> SweepSummary {
        let folder = try SweepFolder.prepare(at: url, plan: plan, shard: shard, resume: false)
        try folder.trainPending(threads: 2)
        return try folder.summarize()
    }

    @Test func sameSweepSameSummaryAndShardsMergeToIt() throws {
        let a = temporarySweep(), b = temporarySweep(), s1 = temporarySweep(), s2 = temporarySweep(), merged = temporarySweep()
        defer { for url in [a, b, s1, s2, merged] { try? FileManager.default.removeItem(at: url) } }
        let plan = try tinyPlan()
        let first = try sweep(plan, at: a)
        #expect(first.rows.count == 12 && first.missing == 0 && first.points.count == 4)
        #expect(timeless(try sweep(plan, at: b)) == timeless(first))
        let shardOne = try sweep(plan, at: s1, shard: (1, 2))
        _ = try sweep(plan, at: s2, shard: (2, 2))
        #expect(shardOne.rows.count == 6)
        let joined = try #require(try SweepFolder.merge([s2, s1], into: merged).line)
        #expect(timeless(joined) == timeless(first))
        #expect(try String(contentsOf: merged.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n").count == 13)
    }

    /// A mixture sweep's summary carries each run's mode statistics, equal
    /// to the ones in its log; a Gaussian sweep leaves those columns empty.
    @Test func summariesCarryModeStatistics() throws {
        let mixture = temporarySweep(), gaussian = temporarySweep()
        defer { for url in [mixture, gaussian] { try? FileManager.default.removeItem(at: url) } }
        let base = ["epochs": "6", "batch-size": "40", "g-steps": "2", "d-steps": "2", "log-interval": "3"]
        var withTarget = base
        withTarget["target"] = "mixture:0.5*N(-2,0.5)+0.5*N(2,0.5)"
        let summary = try sweep(try SweepPlan(preset: "article", axes: [], seeds: [1, 2], base: withTarget), at: mixture)
        let folder = try SweepFolder.open(mixture)
        for run in try folder.runs() {
            let modes = try #require(folder.finishedLog(run)?.final?.modes)
            let row = try #require(summary.rows.first { $0.seed == run.seed })
            #expect(row.modesCovered == modes.modesCovered && row.hqShare == modes.hqShare)
        }
        let csv = try String(contentsOf: mixture.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n")
        let header = csv[0].split(separator: ",", omittingEmptySubsequences: false)
        let column = try #require(header.firstIndex(of: "modes_covered"))
        #expect(header.contains("hq_share") && header.contains("reverse_kl"))
        #expect(csv.dropFirst().allSatisfy { !$0.split(separator: ",", omittingEmptySubsequences: false)[column].isEmpty })
        _ = try sweep(try SweepPlan(preset: "article", axes: [], seeds: [1], base: base), at: gaussian)
        let plain = try String(contentsOf: gaussian.appendingPathComponent("summary.csv"), encoding: .utf8).split(separator: "\n")
        #expect(plain[1].split(separator: ",", omittingEmptySubsequences: false)[column].isEmpty)
    }

    /// An interrupted sweep: some logs missing, a partial temporary file left
    /// by a killed writer. Resuming trains only what is missing and ends with
    /// the summary of an uninterrupted sweep.
    @Test func resumeFinishesAnInterruptedSweep() throws {
        let whole = temporarySweep(), cut = temporarySweep()
        defer { for url in [whole, cut] { try? FileManager.default.removeItem(at: url) } }
        let plan = try tinyPlan()
        let expected = try sweep(plan, at: whole)
        _ = try sweep(plan, at: cut)
        let runs = try plan.runs()
        for run in [runs[2], runs[7], runs[11]] {
            let log = cut.appendingPathComponent(run.logPath)
            let text = try Data(contentsOf: log)
            try FileManager.default.removeItem(at: log)
            if run.index == 7 {  // a write cut short, under its temporary name
                try text.prefix(500).write(to: log.deletingLastPathComponent().appendingPathComponent(".seed\(run.seed).jsonl.999.partial"))
            }
        }
        let reopened = try SweepFolder.prepare(at: cut, plan: plan, shard: nil, resume: true)
        #expect(try reopened.pendingRuns().map(\.index) == [2, 7, 11])
        #expect(try reopened.summarize().missing == 3)
        try reopened.trainPending(threads: 2)
        #expect(timeless(try reopened.summarize()) == timeless(expected))
    }

    @Test func refusals() throws {
        let a = temporarySweep(), other = temporarySweep(), out = temporarySweep()
        defer { for url in [a, other, out] { try? FileManager.default.removeItem(at: url) } }
        let plan = try tinyPlan()
        _ = try sweep(plan, at: a, shard: (1, 2))
        #expect { try SweepFolder.prepare(at: a, plan: plan, shard: (1, 2), resume: false) } throws: { "\($0)".contains("--resume") }
        #expect { try SweepFolder.prepare(at: a, plan: try tinyPlan(seeds: [1, 2]), shard: (1, 2), resume: true) }
            throws: { "\($0)".contains("different sweep") }
        _ = try sweep(try tinyPlan(seeds: [4, 5, 6]), at: other, shard: (2, 2))
        #expect { try SweepFolder.merge([a, other], into: out) } throws: { "\($0)".contains("different sweep") }
        #expect { try SweepFolder.merge([a], into: out) } throws: { "\($0)".contains("shards 1 to 2") }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect { try SweepFolder.merge([a, a], into: out) } throws: { "\($0)".contains("each once") }
        #expect { try SweepFolder.merge([a], into: other) } throws: { _ in true }
        #expect(try SweepFolder.open(other).manifest.shardIndex == 2)  // untouched
    }
}
