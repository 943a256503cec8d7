import Foundation
import Testing
import TinyGANCore

/// Bit-for-bit equal, NaN included.
func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern }

/// Rows as JSON (NaN as "nan"), so that equal NaNs compare equal.
func encoded<T: Encodable>(_ value: T) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return try encoder.encode(value)
}

@Suite struct MeanAndErrorTests {
    /// 1, 2, 3, 4: mean 2.5, sample variance 5/3, standard error sqrt(5/3)/2.
    @Test func againstHandComputedValues() {
        let m = MeanAndError([1, 2, 3, 4])
        #expect(m.mean == 2.5 && m.count == 4)
        #expect(abs(m.standardError - (5.0 / 3).squareRoot() / 2) < 1e-15)
        #expect(m.formatted(digits: 2) == "2.50 ± 0.65")
        #expect(MeanAndError([0.5, 0.5, 0.5]).formatted(digits: 1, scale: 100) == "50.0 ± 0.0")
    }

    /// One value has no standard error; non-finite values are left out; none at all is "–".
    @Test func edgeCases() {
        let one = MeanAndError([7])
        #expect(one.mean == 7 && one.standardError.isNaN && one.formatted(digits: 1) == "7.0")
        let some = MeanAndError([1, .nan, 3, .infinity])
        #expect(some.mean == 2 && some.count == 2)
        #expect(MeanAndError([]).formatted(digits: 1) == "–" && MeanAndError([.nan]).count == 0)
    }
}

@Suite struct PlaneBarTests {

    /// A row at the bar exactly meets it; one mode, 0.1% HQ or 0.001 of KL
    /// beyond it does not, nor a diverged run or a target without modes.
    @Test func thresholds() throws {
        let plan = try SweepPlan(preset: "ring", axes: [], seeds: [1], base: ["epochs": "1"])
        let run = try plan.runs()[0]
        var trainer = try PlaneTrainer(config: run.config, seed: 1)
        let log = trainer.run()
        var row = PlaneSweepRow(run: run, log: log)
        row.modesCovered = 8
        row.hqShare = PlaneBar.hqShare
        row.reverseKL = PlaneBar.reverseKL
        #expect(PlaneBar.isMet(row))
        for change in [{ (r: inout PlaneSweepRow) in r.modesCovered = 7 }, { $0.hqShare = 0.949 },
                       { $0.reverseKL = 0.041 }, { $0.diverged = true }, { $0.reverseKL = .nan },
                       { $0.modeCount = nil; $0.modesCovered = nil }] {
            var worse = row
            change(&worse)
            #expect(!PlaneBar.isMet(worse))
        }
    }
}

/// Sweeps of 2-D runs: trained, summarized, resumed and merged as 1-D
/// sweeps are, with the plane's metrics instead of verdicts.
@Suite struct PlaneSweepTests {
    static func plan(seeds: [UInt64] = [1, 2, 3]) throws -> SweepPlan {
        try SweepPlan(preset: "ring", axes: [SweepPlan.axis("pack=1,2")], seeds: seeds,
                      base: SweepPlan.defaults.merging(["epochs": "300", "g-hidden": "16,16", "d-hidden": "16,16"]) { $1 })
    }

    /// Every row is its log's final evaluation; each point's means and
    /// errors are those of its rows; the CSV has a row per run.
    @Test func summaryEqualsTheLogs() throws {
        let url = temporarySweep()
        let folder = try SweepFolder.prepare(at: url, plan: try Self.plan(), shard: nil, resume: false)
        #expect(folder.isPlane)
        try folder.trainPending(threads: 2)
        let summary = try folder.summarizePlane()
        #expect(summary.rows.count == 6 && summary.missing == 0 && summary.points.count == 2)
        for run in try folder.runs() {
            let log = try #require(folder.finishedPlaneLog(run))
            let row = try #require(summary.rows.first { $0.point == run.point && $0.seed == run.seed })
            let modes = try #require(log.final?.evaluation.modes)
            #expect(row.modesCovered == modes.modesCovered && row.hqShare == modes.hqShare
                        && row.reverseKL == modes.reverseKL && same(row.pacganJSD!, modes.pacganJSD))
            #expect(row.gridJS == log.final?.evaluation.grid.js && row.modeCount == 8 && row.epochsCompleted == 300)
            #expect(log.config.pack == (run.point == 0 ? 1 : 2))
        }
        for point in summary.points {
            let rows = summary.rows.filter { $0.point == point.point }
            #expect(point.modesCovered == MeanAndError(rows.map { Double($0.modesCovered!) }))
            #expect(point.hqShare == MeanAndError(rows.map { $0.hqShare! }))
            #expect(point.runsMeetingBar == rows.filter(PlaneBar.isMet).count)
        }
        let csv = try String(contentsOf: url.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 7 && csv.hasPrefix("point,pack,seed,modes_covered,mode_count"))
        #expect(summary.rateLines.count == 2 && summary.rateLines[1].hasPrefix("pack=2: ")
                    && summary.rateLines[1].contains("of 8 modes"))
        #expect(throws: TinyGANError.self) { try folder.summarize() }
        guard case .plane(let again) = try folder.summarizeEither() else {
            Issue.record("a 2-D sweep must have a plane summary")
            return
        }
        #expect(try encoded(again.rows) == encoded(summary.rows))
        #expect(Set(summary.rows.map(\.modesCovered)).count > 1, "the runs should differ")
    }

    /// Runs do not depend on the threads, the shards or an interruption:
    /// a sweep resumed after losing two logs, and one merged from two
    /// shards, have the same rows (but for wall times) as one trained whole.
    @Test func resumeAndShardsGiveTheSameRows() throws {
        func timeless(_ s: PlaneSweepSummary) throws -> Data {
            try encoded(s.rows.map { var r = $0; r.wallSeconds = 0; return r })
        }
        let plan = try Self.plan(seeds: [4, 5])
        let whole = temporarySweep()
        let folder = try SweepFolder.prepare(at: whole, plan: plan, shard: nil, resume: false)
        try folder.trainPending(threads: 1)
        let expected = try folder.summarizePlane()
        let runs = try folder.runs()
        try FileManager.default.removeItem(at: whole.appendingPathComponent(runs[1].logPath))
        try Data("{\"type\":\"header\"".utf8).write(to: whole.appendingPathComponent(runs[2].logPath))
        let reopened = try SweepFolder.prepare(at: whole, plan: plan, shard: nil, resume: true)
        #expect(try reopened.pendingRuns().map(\.index) == [1, 2])
        #expect(try reopened.summarizePlane().missing == 2)
        try reopened.trainPending(threads: 2)
        #expect(try timeless(reopened.summarizePlane()) == timeless(expected))

        let s1 = temporarySweep(), s2 = temporarySweep(), merged = temporarySweep()
        try SweepFolder.prepare(at: s1, plan: plan, shard: (1, 2), resume: false).trainPending(threads: 1)
        try SweepFolder.prepare(at: s2, plan: plan, shard: (2, 2), resume: false).trainPending(threads: 1)
        guard case .plane(let joined) = try SweepFolder.merge([s1, s2], into: merged) else {
            Issue.record("a merged 2-D sweep must have a plane summary")
            return
        }
        #expect(try timeless(joined) == timeless(expected))
    }

    /// A grid that puts 1-D and 2-D targets in one sweep is refused.
    @Test func oneAndTwoDimensionsDoNotMix() throws {
        let data = temporarySweep().appendingPathExtension("txt")
        try Data("1\n2\n3\n".utf8).write(to: data)
        #expect { try SweepPlan(preset: "ring", axes: [SweepPlan.axis("target=ring,file:\(data.path)")], seeds: [1],
                                base: ["z-dim": "1", "noise": "uniform"]) } throws: {
            "\($0)".contains("all be on 1-D targets or all on 2-D targets")
        }
    }
}
