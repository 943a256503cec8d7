import Foundation
import Testing
import TinyGANCore
import TinyGANTestSupport

/// `tinygan export`, run as a user would.
@Suite struct ExportCommandTests {
    /// Two short runs' logs in a fresh folder.
    func twoLogs() throws -> (folder: URL, logs: [String]) {
        let folder = try Tool.temporaryFolder()
        for seed in [3, 4] {
            let result = try Tool.run(["train", "--epochs", "4", "--batch-size", "50", "--d-steps", "2", "--g-steps", "2",
                                       "--seed", "\(seed)", "--quiet", "--out", "s\(seed).jsonl"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return (folder, ["s3.jsonl", "s4.jsonl"])
    }

    @Test func writesOneTidyTableOfSeveralLogs() throws {
        let (folder, logs) = try twoLogs()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Epochs by default, to standard output.
        let out = try Tool.run(["export"] + logs, in: folder)
        #expect(out.status == 0 && out.stderr.isEmpty)
        let (columns, rows) = readCSVRows(out.stdout)
        #expect(columns == ["run", "seed", "epoch", "d_real_loss", "d_fake_loss", "d_penalty", "g_loss",
                            "real_mean", "real_std", "fake_mean", "fake_std"])
        #expect(rows.map { $0["run"]! } == ["s3.jsonl"] * 4 + ["s4.jsonl"] * 4)
        #expect(rows.map { $0["seed"]! } == ["3"] * 4 + ["4"] * 4)
        let log = try RunLogCoding.read(from: folder.appendingPathComponent("s4.jsonl"))
        #expect(zip(rows.suffix(4), log.epochs).allSatisfy { Float($0["g_loss"]!) == $1.gLoss })
        // The final table to a file.
        let final = try Tool.run(["export", "--what", "final", "--format", "csv", "--out", "final.csv"] + logs, in: folder)
        #expect(final.status == 0 && final.stdout.isEmpty)
        let table = readCSVRows(try String(contentsOf: folder.appendingPathComponent("final.csv"), encoding: .utf8))
        #expect(table.rows.count == 2 && table.rows[1]["verdict"] == log.verdict?.rawValue)
        #expect(Double(table.rows[1]["ks"]!) == log.final?.evaluation.ks)
    }

    @Test func neverReplacesAFileWithoutForce() throws {
        let (folder, logs) = try twoLogs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("mine.csv")
        try Data("my own data\n".utf8).write(to: target)
        let refused = try Tool.run(["export", "--out", "mine.csv"] + logs, in: folder)
        #expect(refused.status == 1 && refused.stderr.contains("already exists; add --force"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "my own data\n")
        let forced = try Tool.run(["export", "--what", "samples", "--force", "--out", "mine.csv"] + logs, in: folder)
        #expect(forced.status == 0)
        let samples = readCSVRows(try String(contentsOf: target, encoding: .utf8))
        #expect(samples.columns == ["run", "seed", "sample", "value"] && samples.rows.count == 20_000)
        // No temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains { $0.hasSuffix(".partial") })
        // A folder is not a file to replace, --force or not.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir.csv"), withIntermediateDirectories: false)
        let folderOut = try Tool.run(["export", "--force", "--out", "dir.csv"] + logs, in: folder)
        #expect(folderOut.status == 1 && folderOut.stderr.contains("not a regular file"))
    }

    @Test func badInputIsOneClearError() throws {
        let (folder, logs) = try twoLogs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let what = try Tool.run(["export", "--what", "weights"] + logs, in: folder)
        #expect(what.status == 2 && what.stderr.contains("weights"))
        let format = try Tool.run(["export", "--format", "xlsx"] + logs, in: folder)
        #expect(format.status == 2)
        let missing = try Tool.run(["export", "--out", "x.csv", "nothing.jsonl"], in: folder)
        #expect(missing.status == 1 && missing.stderr.contains("nothing.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.csv").path))
    }
}

private func * (list: [String], count: Int) -> [String] { Array(repeating: list, count: count).flatMap { $0 } }
