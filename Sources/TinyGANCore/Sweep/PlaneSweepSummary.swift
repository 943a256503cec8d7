import Foundation

/// A mean over runs with its standard error, as the papers' tables give
/// them (PacGAN's Table 1: "mean ± standard error over 10 runs"): for
/// values x_1 ... x_n, mean = (1/n) sum x_i and standard error = s / sqrt(n)
/// with s^2 = sum (x_i - mean)^2 / (n - 1), the sample variance. One value
/// has no standard error (NaN). Non-finite values are left out and counted.
public struct MeanAndError: Codable, Equatable, Sendable {
    public var mean: Double
    public var standardError: Double
    /// Finite values averaged.
    public var count: Int

    public init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        count = finite.count
        guard !finite.isEmpty else {
            mean = .nan
            standardError = .nan
            return
        }
        let n = Double(finite.count)
        mean = finite.reduce(0, +) / n
        let m = mean
        standardError = finite.count > 1
            ? (finite.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot() / n.squareRoot() : .nan
    }

    /// "7.8 ± 0.2" with `digits` decimals, "–" for a missing value and
    /// no "±" without a standard error.
    public func formatted(digits: Int, scale: Double = 1) -> String {
        guard mean.isFinite else { return "–" }
        let value = String(format: "%.\(digits)f", mean * scale)
        return standardError.isFinite ? value + " ± " + String(format: "%.\(digits)f", standardError * scale) : value
    }
}

/// One finished 2-D run of a sweep: its final evaluation (2,500 of G's
/// points, `PlaneEvaluation`). The mode columns are nil for a target
/// without modes (the swiss roll, a points file).
public struct PlaneSweepRow: Codable, Equatable, Sendable {
    public var point: Int
    public var parameters: [String]
    public var seed: UInt64
    public var modesCovered: Int?
    public var modeCount: Int?
    public var hqShare: Double?
    public var reverseKL: Double?
    public var pacganJSD: Double?
    public var gridKL: Double
    public var gridJS: Double
    public var diverged: Bool
    public var epochsCompleted: Int
    public var wallSeconds: Double

    public init(run: SweepPlan.Run, log: PlaneRunLog) {
        point = run.point
        parameters = run.parameters.map(\.value)
        seed = run.seed
        let final = log.final
        let modes = final?.evaluation.modes
        modesCovered = modes?.modesCovered
        modeCount = modes?.modes.count
        hqShare = modes?.hqShare
        reverseKL = modes?.reverseKL
        pacganJSD = modes?.pacganJSD
        gridKL = final?.evaluation.grid.kl ?? .nan
        gridJS = final?.evaluation.grid.js ?? .nan
        diverged = final?.diverged ?? true
        epochsCompleted = final?.epochsCompleted ?? 0
        wallSeconds = final?.wallSeconds ?? 0
    }
}

/// One grid point of a 2-D sweep: its metrics as mean ± standard error
/// over its runs, and how many runs each reach the bar of issue 11
/// (`PlaneBar`).
public struct PlaneSweepPoint: Codable, Equatable, Sendable {
    public var point: Int
    public var parameters: [String]
    public var runs: Int
    public var diverged: Int
    /// nil for a target without modes.
    public var modeCount: Int?
    public var modesCovered: MeanAndError?
    /// As a fraction (0.95 = 95%).
    public var hqShare: MeanAndError?
    public var reverseKL: MeanAndError?
    public var pacganJSD: MeanAndError?
    public var gridJS: MeanAndError
    /// Runs that each meet `PlaneBar` (nil without modes).
    public var runsMeetingBar: Int?

    init(point: Int, rows: [PlaneSweepRow]) {
        self.point = point
        parameters = rows[0].parameters
        runs = rows.count
        diverged = rows.filter(\.diverged).count
        modeCount = rows[0].modeCount
        gridJS = MeanAndError(rows.map(\.gridJS))
        guard modeCount != nil else { return }
        modesCovered = MeanAndError(rows.map { Double($0.modesCovered ?? 0) })
        hqShare = MeanAndError(rows.map { $0.hqShare ?? .nan })
        reverseKL = MeanAndError(rows.map { $0.reverseKL ?? .nan })
        pacganJSD = MeanAndError(rows.map { $0.pacganJSD ?? .nan })
        runsMeetingBar = rows.filter(PlaneBar.isMet).count
    }
}

/// The bar a 2-D recipe aims at (issue 11): better than every row of
/// PacGAN's Table 1 on one run: every mode covered (at least 7.9 of 8 and
/// 24.8 of 25 on average means all of them on every run), at least 95%
/// high-quality points and a reverse KL of at most 0.04.
public enum PlaneBar {
    public static let hqShare = 0.95
    public static let reverseKL = 0.04

    public static func isMet(_ row: PlaneSweepRow) -> Bool {
        guard let covered = row.modesCovered, let count = row.modeCount, let hq = row.hqShare,
              let kl = row.reverseKL else { return false }
        return !row.diverged && covered == count && hq >= hqShare && kl <= reverseKL
    }
}

/// A 2-D sweep's summary: its plan, one row per finished run (plan
/// order) and each grid point's metrics over its runs.
public struct PlaneSweepSummary: Codable, Equatable, Sendable {
    public var plan: SweepPlan
    public var rows: [PlaneSweepRow]
    public var points: [PlaneSweepPoint]
    /// Runs of the plan (or of the shard) not finished yet.
    public var missing: Int

    public init(plan: SweepPlan, rows: [PlaneSweepRow], missing: Int) {
        self.plan = plan
        self.rows = rows.sorted { ($0.point, $0.seed) < ($1.point, $1.seed) }
        self.missing = missing
        let byPoint = Dictionary(grouping: self.rows, by: \.point)
        points = byPoint.keys.sorted().map { PlaneSweepPoint(point: $0, rows: byPoint[$0]!) }
    }

    /// One row per run; the mode columns are empty for a target without modes.
    public var csv: String {
        let keys = plan.axes.map(\.key)
        var lines = [(["point"] + keys + ["seed", "modes_covered", "mode_count", "hq_share", "reverse_kl", "pacgan_jsd",
                                          "grid_kl", "grid_js", "diverged", "epochs_completed", "wall_seconds"])
            .joined(separator: ",")]
        func field<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "" }
        for row in rows {
            let values = ["\(row.point)"] + row.parameters.map(CSVTable.field) + ["\(row.seed)"]
                + [field(row.modesCovered), field(row.modeCount), field(row.hqShare), field(row.reverseKL),
                   field(row.pacganJSD), "\(row.gridKL)", "\(row.gridJS)", "\(row.diverged)", "\(row.epochsCompleted)",
                   String(format: "%.3f", row.wallSeconds)]
            lines.append(values.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A line per grid point: "pack=2: 7.4 ± 0.4 of 8 modes, 67.0 ± 12.0%
    /// high quality, reverse KL 0.01 ± 0.00; 0 of 10 runs meet the bar".
    public var rateLines: [String] {
        points.map { p in
            let label = plan.label(ofValues: p.parameters)
            var text = "\(label): "
            if let count = p.modeCount, let covered = p.modesCovered, let hq = p.hqShare, let kl = p.reverseKL {
                text += "\(covered.formatted(digits: 1)) of \(count) modes, \(hq.formatted(digits: 1, scale: 100))% "
                    + "high quality, reverse KL \(kl.formatted(digits: 2)); "
                    + "\(p.runsMeetingBar ?? 0) of \(p.runs) runs meet the bar"
            } else {
                text += "grid JS \(p.gridJS.formatted(digits: 3)) over \(p.runs) runs"
            }
            return text + (p.diverged > 0 ? " (\(p.diverged) diverged)" : "")
        }
    }
}

/// A sweep's summary, of 1-D runs or of 2-D ones.
public enum SweepOutcome: Equatable, Sendable {
    case line(SweepSummary)
    case plane(PlaneSweepSummary)

    /// A line per grid point, as `tinygan sweep` prints them.
    public var rateLines: [String] {
        switch self {
        case .line(let summary): summary.rateLines
        case .plane(let summary): summary.rateLines
        }
    }

    /// Runs of the plan not finished yet.
    public var missing: Int {
        switch self {
        case .line(let summary): summary.missing
        case .plane(let summary): summary.missing
        }
    }

    /// The 1-D summary, nil for a 2-D sweep.
    public var line: SweepSummary? { if case .line(let summary) = self { summary } else { nil } }
}
