/// Run logs as tidy tables (one observation a row, one variable a column),
/// for pandas, R or a spreadsheet: `tinygan export` and the report's CSVs.
/// Every table starts with `run` (the name the caller gives each log, such
/// as its path) and `seed` (empty for a printout of the original, which
/// prints none), so the tables of several logs stack into one.
/// docs/run-log.md, "Exported tables", documents every column.
public enum RunLogTables {
    /// Which table.
    public enum Kind: String, CaseIterable, Sendable {
        /// One row per logged epoch.
        case epochs
        /// One row per snapshot bin count or mapping point (long format).
        case snapshots
        /// One row per final generated sample.
        case samples
        /// One row per run: the final statistics and verdict.
        case final
    }

    /// The columns every table starts with.
    static let identity = ["run", "seed"]

    /// The table of `kind` for `logs`, in their order.
    public static func table(_ kind: Kind, logs: [(run: String, log: RunLog)]) -> CSVTable {
        var table = CSVTable(columns: identity + columns(kind))
        for (run, log) in logs {
            let prefix = [run, log.isOriginalPrintout ? "" : "\(log.header.seed)"]
            for row in rows(kind, log) { table.append(prefix + row) }
        }
        return table
    }

    static func columns(_ kind: Kind) -> [String] {
        switch kind {
        case .epochs:
            ["epoch", "d_real_loss", "d_fake_loss", "d_penalty", "g_loss", "real_mean", "real_std", "fake_mean", "fake_std"]
        case .snapshots: ["epoch", "quantity", "x", "width", "value"]
        case .samples: ["sample", "value"]
        case .final:
            ["tool", "preset", "target", "loss", "epochs", "epochs_completed", "diverged", "divergence", "count", "mean",
             "std", "skewness", "excess_kurtosis", "ks", "w1", "modes", "modes_covered", "hq_share", "reverse_kl",
             "verdict", "wall_seconds"]
        }
    }

    static func rows(_ kind: Kind, _ log: RunLog) -> [[String]] {
        switch kind {
        case .epochs: log.epochs.map(epochRow)
        case .snapshots: log.snapshots.flatMap(snapshotRows)
        case .samples: (log.final?.samples ?? []).enumerated().map { ["\($0.offset + 1)", CSVValue.number($0.element)] }
        case .final: [finalRow(log)]
        }
    }

    static func epochRow(_ e: EpochRecord) -> [String] {
        ["\(e.epoch)"] + [e.dRealLoss, e.dFakeLoss].map(CSVValue.number)
            + [CSVValue.number(e.dPenalty)]
            + [e.gLoss, e.realMean, e.realStd, e.fakeMean, e.fakeStd].map(CSVValue.number)
    }

    /// A snapshot in long format: its 101 mapping points (`mapping`, x = z
    /// = k/100, value G(z)), its histogram's bins (`count`, x the bin's
    /// lower edge, width its width, value the count in [x, x + width)) and
    /// the values outside them (`below`, `above`, `non_finite`, no x).
    static func snapshotRows(_ s: SnapshotRecord) -> [[String]] {
        let epoch = "\(s.epoch)"
        var rows = s.mapping.enumerated().map { k, g in
            [epoch, "mapping", CSVValue.number(Double(k) / 100), "", CSVValue.number(g)]
        }
        let h = s.histogram
        let width = CSVValue.number(h.binWidth)
        for (k, count) in h.counts.enumerated() {
            rows.append([epoch, "count", CSVValue.number(h.lower + Double(k) * h.binWidth), width, "\(count)"])
        }
        for (name, count) in [("below", h.below), ("above", h.above), ("non_finite", h.nonFinite)] {
            rows.append([epoch, name, "", "", "\(count)"])
        }
        return rows
    }

    /// The run's final record; without one (a printout of the original
    /// without its values) every field after `epochs` is empty.
    static func finalRow(_ log: RunLog) -> [String] {
        let config = log.header.config
        let head = [log.header.tool, config.preset, config.target.spec, config.loss.rawValue, "\(config.epochs)"]
        guard let final = log.final else { return head + Array(repeating: "", count: columns(.final).count - head.count) }
        let e = final.evaluation
        let modes = log.mixtureModes
        return head + ["\(final.epochsCompleted)", CSVValue.flag(final.diverged), final.divergence ?? "", "\(e.count)"]
            + [e.mean, e.std, e.skewness, e.excessKurtosis, e.ks, e.wasserstein1].map(CSVValue.number)
            + [CSVValue.integer(modes?.modes.count), CSVValue.integer(modes?.modesCovered),
               CSVValue.number(modes?.hqShare), CSVValue.number(modes?.reverseKL)]
            + [log.verdict?.rawValue ?? "", CSVValue.number(final.wallSeconds)]
    }
}
