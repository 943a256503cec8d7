import Foundation

/// One finished run of a sweep, as its summary table lists it.
public struct SweepRow: Codable, Equatable, Sendable {
    public var point: Int
    /// The grid values of the run's point, in axis order.
    public var parameters: [String]
    public var seed: UInt64
    /// The final samples' statistics (NaN for a run that diverged early).
    public var evaluation: SampleStatistics
    /// For a mixture target, the final samples' mode statistics
    /// (`ModeStatistics`): modes covered, HQ share, reverse KL; nil otherwise.
    public var modesCovered: Int?
    public var hqShare: Double?
    public var reverseKL: Double?
    public var verdict: Verdict
    public var wallSeconds: Double

    public init(run: SweepPlan.Run, log: RunLog) {
        point = run.point
        parameters = run.parameters.map(\.value)
        seed = run.seed
        evaluation = log.final?.evaluation ?? SampleStatistics(samples: [Float](), target: log.target)
        if let modes = log.mixtureModes {
            modesCovered = modes.modesCovered
            hqShare = modes.hqShare
            reverseKL = modes.reverseKL
        }
        verdict = log.verdict ?? .diverged
        wallSeconds = log.final?.wallSeconds ?? 0
    }
}

/// The success rate of one grid point.
public struct SweepPoint: Codable, Equatable, Sendable {
    public var point: Int
    public var parameters: [String]
    public var runs: Int
    /// Runs per verdict.
    public var verdicts: [String: Int]
    /// The success rate with its 95% Wilson interval.
    public var success: WilsonInterval
}

/// A sweep's summary: its plan, one row per finished run (plan order), and
/// the success rate of each grid point.
public struct SweepSummary: Codable, Equatable, Sendable {
    public var plan: SweepPlan
    public var rows: [SweepRow]
    public var points: [SweepPoint]
    /// Runs of the plan (or of the shard) not finished yet.
    public var missing: Int

    public init(plan: SweepPlan, rows: [SweepRow], missing: Int) {
        self.plan = plan
        self.rows = rows.sorted { ($0.point, $0.seed) < ($1.point, $1.seed) }
        self.missing = missing
        let byPoint = Dictionary(grouping: self.rows, by: \.point)
        points = byPoint.keys.sorted().map { point in
            let rows = byPoint[point]!
            var verdicts: [String: Int] = [:]
            for row in rows { verdicts[row.verdict.rawValue, default: 0] += 1 }
            return SweepPoint(point: point, parameters: rows[0].parameters, runs: rows.count, verdicts: verdicts,
                              success: WilsonInterval(successes: verdicts[Verdict.success.rawValue] ?? 0,
                                                      trials: rows.count))
        }
    }

    /// The table as CSV: one row per run; `modes_covered`, `hq_share` and
    /// `reverse_kl` are empty for a run whose target is not a mixture.
    public var csv: String {
        let keys = plan.axes.map(\.key)
        var lines = [(["point"] + keys + ["seed", "mean", "std", "skewness", "excess_kurtosis", "ks", "w1",
                                          "modes_covered", "hq_share", "reverse_kl", "verdict", "wall_seconds"]).joined(separator: ",")]
        for row in rows {
            let values = ["\(row.point)"] + row.parameters.map(CSVTable.field) + ["\(row.seed)"]
                + [row.evaluation.mean, row.evaluation.std, row.evaluation.skewness, row.evaluation.excessKurtosis,
                   row.evaluation.ks, row.evaluation.wasserstein1].map { "\($0)" }
                + [row.modesCovered.map { "\($0)" } ?? "", row.hqShare.map { "\($0)" } ?? "",
                   row.reverseKL.map { "\($0)" } ?? ""]
                + [row.verdict.rawValue, String(format: "%.3f", row.wallSeconds)]
            lines.append(values.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line per grid point: its parameters, successes and interval.
    public var rateLines: [String] {
        points.map { p in
            let label = plan.label(ofValues: p.parameters)
            return String(format: "%@: %d of %d succeeded (%.0f%%, 95%% Wilson interval %.1f%% to %.1f%%)",
                          label, p.success.successes, p.runs, 100 * p.success.rate,
                          100 * p.success.lower, 100 * p.success.upper)
        }
    }
}
