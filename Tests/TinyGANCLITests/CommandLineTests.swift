import Foundation
import Testing
import TinyGANCore

/// The `tinygan` executable, run as a user would: exit codes, messages, files.
struct Tool {
    /// The built executable, beside the test bundle in the build folder.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("tinygan").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("tinygan")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-cli-\(UUID())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

@Suite struct CommandLineTests {
    let quick = ["--epochs", "3", "--batch-size", "50", "--d-steps", "2", "--g-steps", "2"]

    @Test func helpListsTheCommands() throws {
        let result = try Tool.run(["--help"])
        #expect(result.status == 0)
        for word in ["train", "presets", "bench"] { #expect(result.stdout.contains(word)) }
        let train = try Tool.run(["train", "--help"])
        for flag in ["--preset", "--config", "--seed", "--epochs", "--d-steps", "--g-steps", "--batch-size",
                     "--g-hidden", "--d-hidden", "--g-activation", "--d-activation", "--lr-g", "--lr-d",
                     "--momentum", "--optimizer", "--d-input", "--target-mean", "--target-std",
                     "--log-interval", "--quiet", "--out"] {
            #expect(train.stdout.contains(flag), "train --help lacks \(flag)")
        }
    }

    @Test func trainWritesALogAndASummary() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Tool.run(["train"] + quick + ["--seed", "4"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let url = folder.appendingPathComponent("runs/article-seed4.jsonl")
        let log = try RunLogCoding.read(from: url)
        #expect(log.header.seed == 4 && log.header.config.epochs == 3 && log.epochs.count == 3)
        #expect(result.stdout.contains("article seed 4: 3 epochs"))
        #expect(result.stdout.contains("runs/article-seed4.jsonl"))
    }

    @Test func quietPrintsNothing() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("q.jsonl").path
        let result = try Tool.run(["train", "--quiet", "--out", out] + quick)
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func configFileAndFlags() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("c.json")
        try Data(#"{"epochs": 2, "batch-size": 40, "d-input": "raw", "seed": 11}"#.utf8).write(to: config)
        let out = folder.appendingPathComponent("c.jsonl").path
        let result = try Tool.run(["train", "--config", config.path, "--d-steps", "1", "--g-steps", "1",
                                   "--epochs", "4", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let header = try RunLogCoding.read(from: URL(fileURLWithPath: out)).header
        #expect(header.seed == 11 && header.config.epochs == 4 && header.config.batchSize == 40)
        #expect(header.config.discriminatorInput == .raw)
    }

    /// Usage errors: one message naming the problem, exit code 2, no file.
    @Test(arguments: [
        (["--epochs", "0"], "epochs"), (["--d-steps", "0"], "d-steps"), (["--g-steps", "0"], "g-steps"),
        (["--batch-size", "1"], "batch-size"), (["--target-std", "0"], "target-std"),
        (["--target-std", "-2"], "target-std"), (["--lr-g", "nan"], "lr-g"), (["--lr-d", "0"], "lr-d"),
        (["--lr-g", "inf"], "lr-g"), (["--preset", "bogus"], "unknown preset 'bogus'"),
        (["--d-input", "everything"], "d-input"), (["--g-activation", "swish"], "g-activation"),
        (["--g-hidden", "5,x"], "g-hidden"), (["--epochs", "many"], "epochs"), (["--no-such-flag"], "no-such-flag"),
        (["--config", "/nonexistent/c.json"], "cannot read config file"),
    ])
    func usageErrors(_ arguments: [String], _ mention: String) throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Tool.run(["train"] + arguments + ["--out", folder.appendingPathComponent("r.jsonl").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(mention), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// An output that cannot be written: exit code 1 before any training.
    @Test func unwritableOutput() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let result = try Tool.run(["train", "--out", blocker.appendingPathComponent("run.jsonl").path] + quick)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write"))
        let asFolder = try Tool.run(["train", "--out", folder.path] + quick)
        #expect(asFolder.status == 1 && asFolder.stderr.contains("is a folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["file"])
    }

    @Test func presetsListsTheirValues() throws {
        let result = try Tool.run(["presets"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("article") && result.stdout.contains("original-2017"))
        #expect(result.stdout.contains("1-5-5-1 (tanh, tanh, identity)"))
        let json = try Tool.run(["presets", "--json"])
        let decoded = try JSONDecoder().decode([TrainingConfig].self, from: Data(json.stdout.utf8))
        #expect(decoded == Presets.all)
    }

    @Test func benchReportsTimeAndMemory() throws {
        let result = try Tool.run(["bench", "--runs", "2"] + quick)
        #expect(result.status == 0)
        #expect(result.stdout.contains("seconds per run: min"))
        #expect(result.stdout.contains("peak memory (max RSS):"))
        #expect(try Tool.run(["bench", "--runs", "0"]).status == 2)
    }
}
