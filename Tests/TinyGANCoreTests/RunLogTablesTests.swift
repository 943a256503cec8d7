import Foundation
import Testing
import TinyGANCore
import TinyGANTestSupport

/// `tinygan export`'s tables, read back with an independent CSV reader:
/// the documented columns, one row per observation, every number exactly
/// the logged one.
@Suite struct RunLogTablesTests {
    let logs = [(run: "a/run.jsonl", log: syntheticLog(seed: 1, epochs: 120)),
                (run: "b, \"quoted\"/run.jsonl", log: syntheticLog(seed: 2, shift: 0.5, epochs: 80))]

    func read(_ kind: RunLogTables.Kind, _ logs: [(run: String, log: RunLog)]) -> (columns: [String], rows: [[String: String]]) {
        readCSVRows(RunLogTables.table(kind, logs: logs).text)
    }

    @Test func epochsHaveOneRowPerEpochAndRunWithTheLoggedNumbers() throws {
        var logs = logs
        logs[1].log.epochs[3].dPenalty = 0.125
        logs[1].log.epochs[4].fakeMean = .nan
        logs[1].log.epochs[5].gLoss = -.infinity
        let (columns, rows) = read(.epochs, logs)
        #expect(columns == ["run", "seed", "epoch", "d_real_loss", "d_fake_loss", "d_penalty", "g_loss",
                            "real_mean", "real_std", "fake_mean", "fake_std"])
        #expect(rows.count == 120 + 80)
        var index = 0
        for (run, log) in logs {
            for record in log.epochs {
                let row = rows[index]
                index += 1
                #expect(row["run"] == run && row["seed"] == "\(log.header.seed)" && row["epoch"] == "\(record.epoch)")
                let expected: [(String, Float)] = [("d_real_loss", record.dRealLoss), ("d_fake_loss", record.dFakeLoss),
                    ("g_loss", record.gLoss), ("real_mean", record.realMean), ("real_std", record.realStd),
                    ("fake_mean", record.fakeMean), ("fake_std", record.fakeStd)]
                for (column, value) in expected {
                    let read = try #require(Float(row[column]!), "\(column) \(row[column]!)")
                    #expect(read == value || (read.isNaN && value.isNaN), "\(column)")
                }
                if let penalty = record.dPenalty { #expect(Float(row["d_penalty"]!) == penalty) } else { #expect(row["d_penalty"] == "") }
            }
        }
        // NaN and infinities in the spelling pandas and R read.
        #expect(rows[120 + 4]["fake_mean"] == "NaN" && rows[120 + 5]["g_loss"] == "-Inf")
    }

    @Test func snapshotsInLongFormHoldEveryMappingPointAndBin() throws {
        let (columns, rows) = read(.snapshots, logs)
        #expect(columns == ["run", "seed", "epoch", "quantity", "x", "width", "value"])
        for (run, log) in logs {
            for snapshot in log.snapshots {
                let mine = rows.filter { $0["run"] == run && $0["epoch"] == "\(snapshot.epoch)" }
                let mapping = mine.filter { $0["quantity"] == "mapping" }
                #expect(mapping.count == 101)
                for (k, row) in mapping.enumerated() {
                    #expect(Double(row["x"]!) == Double(k) / 100 && Float(row["value"]!) == snapshot.mapping[k])
                }
                let h = snapshot.histogram
                let bins = mine.filter { $0["quantity"] == "count" }
                #expect(bins.count == h.counts.count)
                for (k, row) in bins.enumerated() {
                    #expect(Double(row["x"]!) == h.lower + Double(k) * h.binWidth && Double(row["width"]!) == h.binWidth)
                    #expect(Int(row["value"]!) == h.counts[k])
                }
                // With the values outside the bins, the counts hold every sample.
                let total = mine.filter { $0["quantity"] != "mapping" }.map { Int($0["value"]!)! }.reduce(0, +)
                #expect(total == 10_000)
            }
        }
        #expect(rows.count == logs.map { $0.log.snapshots.count * (101 + 320 + 3) }.reduce(0, +))
    }

    @Test func samplesHaveOneRowPerFinalSample() throws {
        let (columns, rows) = read(.samples, logs)
        #expect(columns == ["run", "seed", "sample", "value"])
        #expect(rows.count == 20_000)
        for (offset, (run, log)) in logs.enumerated() {
            let samples = try #require(log.final?.samples)
            for k in stride(from: 0, to: samples.count, by: 997) {
                let row = rows[offset * 10_000 + k]
                #expect(row["run"] == run && row["sample"] == "\(k + 1)" && Float(row["value"]!) == samples[k])
            }
        }
    }

    @Test func finalHasOneRowPerRunWithStatisticsVerdictAndModes() throws {
        var mixture = syntheticLog(seed: 3)
        mixture.header.config.target = try Target(spec: "mixture:0.5*N(2,0.5)+0.5*N(6,0.5)")
        var printout = syntheticLog(seed: 0, epochs: 10)
        printout.header.tool = OriginalPrintout.toolName
        printout.final = nil
        let all = logs + [(run: "mixture.jsonl", log: mixture), (run: "printout.txt", log: printout)]
        let (columns, rows) = read(.final, all)
        #expect(columns == ["run", "seed", "tool", "preset", "target", "loss", "epochs", "epochs_completed", "diverged",
                            "divergence", "count", "mean", "std", "skewness", "excess_kurtosis", "ks", "w1", "modes",
                            "modes_covered", "hq_share", "reverse_kl", "verdict", "wall_seconds"])
        #expect(rows.count == 4)
        for (row, (run, log)) in zip(rows, all.prefix(3)) {
            let final = try #require(log.final)
            let e = final.evaluation
            #expect(row["run"] == run && row["target"] == log.target.spec && row["verdict"] == log.verdict?.rawValue)
            #expect(row["epochs_completed"] == "\(final.epochsCompleted)" && row["diverged"] == "false")
            let expected = [("mean", e.mean), ("std", e.std), ("skewness", e.skewness),
                            ("excess_kurtosis", e.excessKurtosis), ("ks", e.ks), ("w1", e.wasserstein1)]
            for (column, value) in expected { #expect(Double(row[column]!) == value, "\(column)") }
        }
        // Mode statistics for the mixture only, as the verdict computes them.
        #expect(rows[0]["modes"] == "" && rows[0]["hq_share"] == "")
        let modes = try #require(ModeStatistics(samples: mixture.final!.samples, target: mixture.target))
        #expect(rows[2]["modes"] == "2" && rows[2]["modes_covered"] == "\(modes.modesCovered)")
        #expect(Double(rows[2]["hq_share"]!) == modes.hqShare && Double(rows[2]["reverse_kl"]!) == modes.reverseKL)
        // A printout of the original without its values: no seed, nothing judged.
        #expect(rows[3]["seed"] == "" && rows[3]["tool"] == OriginalPrintout.toolName)
        #expect(["epochs_completed", "mean", "ks", "verdict"].allSatisfy { rows[3][$0] == "" })
    }

    @Test func fieldsThatNeedQuotesRoundTrip() {
        let values = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", ""]
        let table = CSVTable(columns: ["value"], rows: values.map { [$0] })
        #expect(readCSV(table.text).dropFirst().map { $0[0] } == values)
        #expect(CSVValue.number(Float.nan) == "NaN" && CSVValue.number(Double.infinity) == "Inf")
        #expect(CSVValue.number(Float(0.1)) == "0.1" && CSVValue.number(Optional<Double>.none) == "")
    }
}
