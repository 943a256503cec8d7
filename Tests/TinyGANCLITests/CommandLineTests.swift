import Foundation
import Testing
import TinyGANCairo
import TinyGANCore
import TinyGANPlot
import TinyGANTestSupport

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

    /// Runs tinygan (or `program`) with `arguments`, in `folder`, with
    /// `environment` (default: this process's).
    static func run(_ arguments: [String], in folder: URL? = nil, program: URL = executable,
                    environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
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
        for setting in Settings.stored { #expect(result.stdout.contains("    \(setting.name) ")) }
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

@Suite struct PlotCommandTests {
    let quick = ["--epochs", "4", "--batch-size", "50", "--d-steps", "2", "--g-steps", "2", "--snapshot-interval", "2"]

    func files(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// All eight figures an article run can show, in both formats; plotting the same log twice gives
    /// byte-identical files.
    @Test func allFiguresAndRegeneration() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("run.jsonl").path
        #expect(try Tool.run(["train", "--quiet", "--out", log] + quick).status == 0)
        let first = folder.appendingPathComponent("a"), second = folder.appendingPathComponent("b")
        let result = try Tool.run(["plot", log, "--out", first.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("wrote 16 files"))
        #expect(try Tool.run(["plot", log, "--out", second.path, "--quiet"]).status == 0)
        let names = try files(first), secondNames = try files(second)
        #expect(names.count == 16 && names == secondNames)
        // The article's run has no mixture and D judges whole minibatches:
        // the modes and decision figures are skipped, with the reason.
        for kind in FigureKind.allCases where kind != .modes && kind != .decision {
            #expect(names.contains("\(kind.rawValue).png") && names.contains("\(kind.rawValue).svg"))
        }
        #expect(result.stderr.contains("modes: the target N(4, 1.25²) is not a mixture"))
        #expect(result.stderr.contains("decision: D's decision needs D judging single samples"))
        for name in names {
            #expect(FileManager.default.contents(atPath: first.appendingPathComponent(name).path)
                == FileManager.default.contents(atPath: second.appendingPathComponent(name).path), "\(name)")
        }
        let scaled = folder.appendingPathComponent("c")
        #expect(try Tool.run(["plot", log, "--out", scaled.path, "--format", "png", "--scale", "2", "--figures", "qq,runs"]).status == 0)
        #expect(try files(scaled) == ["qq.png", "runs.png"])
        let image = try PNGImage(data: Data(contentsOf: scaled.appendingPathComponent("qq.png")))
        #expect(image.width == 1160 && image.height == 1080)
        // --lang zh: the same figure, same size, other words.
        let chinese = folder.appendingPathComponent("zh")
        #expect(try Tool.run(["plot", log, "--out", chinese.path, "--format", "png", "--figures", "moments", "--lang", "zh"]).status == 0)
        let zh = try Data(contentsOf: chinese.appendingPathComponent("moments.png"))
        let en = try Data(contentsOf: first.appendingPathComponent("moments.png"))
        let (zhImage, enImage) = (try PNGImage(data: zh), try PNGImage(data: en))
        #expect(zh != en && zhImage.width == enImage.width && zhImage.height == enImage.height)
    }

    @Test func severalLogsAndTheOriginalsPrintout() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.jsonl").path, b = folder.appendingPathComponent("b.jsonl").path
        #expect(try Tool.run(["train", "--quiet", "--seed", "1", "--out", a] + quick).status == 0)
        #expect(try Tool.run(["train", "--quiet", "--seed", "2", "--out", b] + quick).status == 0)
        let printed = folder.appendingPathComponent("original.txt")
        try Data(OriginalPrintoutSample.text.utf8).write(to: printed)
        let out = folder.appendingPathComponent("figures")
        let result = try Tool.run(["plot", a, b, printed.path, "--out", out.path, "--format", "svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try files(out)
        #expect(names.contains("runs.svg") && names.contains("a-moments.svg") && names.contains("b-qq.svg"))
        #expect(names.contains("original-moments.svg") && names.contains("original-distribution.svg"))
        #expect(!names.contains("original-mapping.svg"))
        #expect(result.stderr.contains("skipped \(printed.path): mapping: the log has no generator snapshots"))
    }

    /// A printout of the original without its final values (no matplotlib)
    /// draws what it holds, the moments and the losses, and names the
    /// figures that need the values; a report of it tells the run by its
    /// last printed line, not judged.
    @Test func printoutWithoutFinalValues() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = OriginalPrintoutSample.text
        let cut = String(text.prefix(upTo: text.range(of: "Values")!.lowerBound))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("runs"), withIntermediateDirectories: true)
        let printed = folder.appendingPathComponent("runs/original.txt")
        try Data(cut.utf8).write(to: printed)
        let result = try Tool.run(["plot", printed.path, "--out", "f", "--format", "svg"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try files(folder.appendingPathComponent("f")) == ["losses.svg", "moments.svg"])
        #expect(result.stderr.contains("distribution: needs the final values, which this printout lacks"))
        let report = try Tool.run(["report", "--from", "runs", "-q"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOf: folder.appendingPathComponent("reports/runs/index.html"), encoding: .utf8)
        #expect(page.contains("not judged: no final samples") && page.contains("On its last printed line (epoch 4900)"))
    }

    /// A printout with a warning between its lines and its last line cut:
    /// `plot` draws what is whole and says on stderr what it skipped;
    /// `report --from` a folder of eleven printouts (the article's ten runs
    /// and a main one), some without final values, judges those it can.
    @Test func damagedPrintoutsThroughTheTool() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = folder.appendingPathComponent("pytorch")
        try FileManager.default.createDirectory(at: runs, withIntermediateDirectories: true)
        var lines = OriginalPrintoutText(lastMean: 4.1, lastStd: 1.2, values: nil).lines
        lines.insert("  0%|          | 0/5000 [00:00<?, ?it/s]", at: 2)
        let damaged = lines.map { $0 + "\r\n" }.joined().dropLast(30)
        try Data(damaged.utf8).write(to: runs.appendingPathComponent("run00.txt"))
        let plot = try Tool.run(["plot", "pytorch/run00.txt", "--out", "f", "--format", "svg"], in: folder)
        #expect(plot.status == 0, "\(plot.stderr)")
        #expect(plot.stderr.contains("tinygan: pytorch/run00.txt: line 3: not a line of the original's output, skipped: '  0%|"))
        #expect(plot.stderr.contains("tinygan: pytorch/run00.txt: last line cut: 'Epoch 4900: D ("))
        let values = OriginalPrintoutText.normalValues(mean: 4, std: 1.25)
        for k in 1...10 {
            let text = OriginalPrintoutText(lastMean: 4, lastStd: 1.25, values: k % 3 == 0 ? nil : values).text()
            try Data(text.utf8).write(to: runs.appendingPathComponent(String(format: "run%02d.txt", k)))
        }
        let report = try Tool.run(["report", "--from", "pytorch"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains(": 6 of 6 judged runs succeeded (4 of 10 not judged: no final samples)"))
        #expect(report.stderr.contains("tinygan: run00.txt: line 3: not a line of the original's output"))
        let page = try String(contentsOf: folder.appendingPathComponent("reports/pytorch/index.html"), encoding: .utf8)
        // Main: run01 (the first with values); the ten others, 3 of them
        // without values (run03, run06, run09), run00 cut.
        #expect(page.components(separatedBy: "<td>not judged: no final samples</td>").count - 1 == 4)
        #expect(page.contains("<strong>6 of 6</strong> judged runs succeeded (100%); 4 of the 10 runs were not judged"))
        #expect(page.contains("run00.txt: last line cut"))
    }

    /// Bad input: one clear message naming the file; exit 1 when nothing can be drawn.
    @Test func badLogs() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.jsonl")
        try Data().write(to: empty)
        let neither = folder.appendingPathComponent("notes.txt")
        try Data("hello\n".utf8).write(to: neither)
        for (file, message) in [(empty, "empty.jsonl is empty"),
                                (neither, "notes.txt is neither a tinygan run log nor the printed output"),
                                (folder.appendingPathComponent("missing.jsonl"), "missing.jsonl cannot be read")] {
            let result = try Tool.run(["plot", file.path, "--out", folder.appendingPathComponent("out").path])
            #expect(result.status == 1 && result.stderr.contains(message), "\(result.stderr)")
        }
        // No epoch records: those figures are skipped, named; the others drawn.
        let sparse = folder.appendingPathComponent("sparse.jsonl").path
        #expect(try Tool.run(["train", "--quiet", "--out", sparse, "--log-interval", "100"] + quick).status == 0)
        let result = try Tool.run(["plot", sparse, "--out", folder.appendingPathComponent("s").path, "--format", "png"])
        #expect(result.status == 0 && result.stderr.contains("skipped \(sparse): moments: the log has no epoch records"))
        #expect(try Tool.run(["plot"]).status == 2)
    }

    /// Typed values: a format or figure list that does not parse is a usage
    /// error (exit 2) naming the flag, and nothing is written; an empty
    /// --figures is one.
    @Test(arguments: [
        (["--format", "gif"], "'--format <format>'"), (["--figures", "moments,pie"], "unknown figure 'pie'"),
        (["--figures", ""], "name at least one figure"), (["--figures", " , "], "name at least one figure"),
        (["--figures", "qq,,moments"], "an empty figure name"), (["--lang", "fr"], "'--lang <lang>'"),
    ])
    func badPlotValues(_ arguments: [String], _ mention: String) throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("run.jsonl")
        try Data(OriginalPrintoutSample.text.utf8).write(to: log)
        let out = folder.appendingPathComponent("out")
        let result = try Tool.run(["plot", log.path, "--out", out.path] + arguments)
        #expect(result.status == 2 && result.stderr.contains(mention), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Case 15: two logs with one file name in two folders: distinct files
    /// (d1-run-moments.png, d2-run-moments.png), and the count printed is
    /// the count written.
    @Test func logsWithOneNameInTwoFolders() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var logs: [String] = []
        for (k, name) in ["d1", "d2"].enumerated() {
            let log = folder.appendingPathComponent("\(name)/run.jsonl").path
            #expect(try Tool.run(["train", "--quiet", "--seed", "\(k + 1)", "--out", log] + quick).status == 0)
            logs.append(log)
        }
        let out = folder.appendingPathComponent("X")
        let result = try Tool.run(["plot"] + logs + ["--figures", "moments", "--out", out.path, "--format", "png"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try files(out) == ["d1-run-moments.png", "d2-run-moments.png"])
        #expect(result.stdout.contains("wrote 2 files"), "\(result.stdout)")
        let both = try Tool.run(["plot"] + logs + ["--figures", "moments,runs,moments", "--out", out.path])
        #expect(both.stdout.contains("wrote 6 files"), "\(both.stdout)")
        #expect(try files(out).count == 6)
    }

    /// A diverged run is drawn, marked, without a crash.
    @Test func divergedRun() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("d.jsonl").path
        #expect(try Tool.run(["train", "--quiet", "--out", log, "--lr-g", "1e30", "--epochs", "5", "--d-steps", "2",
                              "--g-steps", "2", "--batch-size", "50", "--log-interval", "1"]).status == 0)
        let out = folder.appendingPathComponent("f")
        let result = try Tool.run(["plot", log, "--out", out.path, "--format", "svg"])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOf: out.appendingPathComponent("distribution.svg"), encoding: .utf8)
        #expect(svg.contains("<svg"))
        #expect(try files(out).contains("runs.svg"))
    }
}

/// The original's printed output, in its documented form (newer numpy).
enum OriginalPrintoutSample {
    static let text: String = {
        var lines = (0..<50).map { k in
            let e = k * 100
            return "Epoch \(e): D (0.69 real_err, 0.70 fake_err) G (0.69 err); Real Dist ([np.float64(4.01), np.float64(1.24)]),  Fake Dist ([np.float64(\(4 + 2 / Double(k + 1))), np.float64(1.2)]) "
        }
        lines.append("Plotting the generated distribution...")
        lines.append(" Values: [" + (0..<500).map { "\(4 + 1.25 * sin(Double($0)))" }.joined(separator: ", ") + "]")
        return lines.joined(separator: "\n") + "\n"
    }()
}

@Suite struct ReportCommandTests {
    @Test func reportEndToEnd() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quick = ["--epochs", "20", "--runs", "2", "--jobs", "2", "--out", folder.path]
        // No subcommand: the report is the default.
        let first = try Tool.run(quick)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("/article/index.html"))
        #expect(first.stderr.contains("training 3 runs of 'article'") && first.stderr.contains("experiment seeds 2...3"))
        let page = folder.appendingPathComponent("article/index.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        // An existing report is replaced only with --force.
        let again = try Tool.run(["report"] + quick)
        #expect(again.status == 1 && again.stderr.contains("already exists; add --force"))
        #expect(try Tool.run(["report", "--force", "--quiet", "--lang", "zh"] + quick).status == 0)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("lang=\"zh\""))
        // --from rebuilds in place without training.
        let rebuilt = try Tool.run(["report", "--from", folder.appendingPathComponent("article").path, "--self-contained"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(!rebuilt.stderr.contains("training"))
        #expect(try String(contentsOf: page, encoding: .utf8).contains("data:image/svg+xml;base64,"))
        // ... in the language of the page it rebuilds, unless --lang says another.
        #expect(try String(contentsOf: page, encoding: .utf8).contains("lang=\"zh\""))
        let english = try Tool.run(["report", "--from", folder.appendingPathComponent("article").path, "--lang", "en", "-q"])
        #expect(english.status == 0, "\(english.stderr)")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("lang=\"en\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["article"])
    }

    @Test func reportBadInput() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try Tool.run(["report", "--from", folder.path])
        #expect(empty.status == 1 && empty.stderr.contains("holds no run logs"))
        #expect(try Tool.run(["report", "--lang", "fr"]).status == 2)
        #expect(try Tool.run(["report", "--runs", "0"]).status == 2)
        #expect(try Tool.run(["report", "--preset", "nope", "--out", folder.path]).stderr.contains("unknown preset 'nope'"))
        #expect(try Tool.run(["report", "--name", "../x"]).status == 2)
    }
}

@Suite struct SweepCommandTests {
    let tiny = ["--runs", "3", "--grid", "epochs=6", "--grid", "batch-size=40", "--grid", "d-steps=1,2", "--quiet"]

    @Test func sweepResumeShardAndMerge() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole").path
        #expect(try Tool.run(["sweep"] + tiny + ["--out", whole]).status == 0)
        let csv = try String(contentsOfFile: whole + "/summary.csv", encoding: .utf8)
        #expect(csv.hasPrefix("point,epochs,batch-size,d-steps,seed,mean,std,"))
        #expect(csv.split(separator: "\n").count == 7)
        for name in ["histograms.png", "outcomes.svg"] {
            #expect(FileManager.default.fileExists(atPath: whole + "/figures/" + name))
        }
        // Again without --resume: refused, nothing touched; with it: nothing to train.
        let again = try Tool.run(["sweep"] + tiny + ["--out", whole])
        #expect(again.status == 2 && again.stderr.contains("--resume"))
        let resumed = try Tool.run(["sweep"] + tiny.dropLast() + ["--out", whole, "--resume"])
        #expect(resumed.stderr.contains("6 already done, 0 to train"))
        // Two shards, merged, give the same table but for wall times.
        for shard in ["1/2", "2/2"] {
            let out = folder.appendingPathComponent("shard-\(shard.prefix(1))").path
            #expect(try Tool.run(["sweep"] + tiny + ["--shard", shard, "--out", out]).status == 0)
        }
        let merged = folder.appendingPathComponent("merged").path
        let merge = try Tool.run(["merge", folder.appendingPathComponent("shard-1").path,
                                  folder.appendingPathComponent("shard-2").path, "--out", merged])
        #expect(merge.status == 0, "\(merge.stderr)")
        func withoutWall(_ text: String) -> [String] {
            text.split(separator: "\n").map { $0.split(separator: ",").dropLast().joined(separator: ",") }
        }
        #expect(withoutWall(try String(contentsOfFile: merged + "/summary.csv", encoding: .utf8)) == withoutWall(csv))
        let twice = try Tool.run(["merge", folder.appendingPathComponent("shard-1").path,
                                  folder.appendingPathComponent("shard-2").path, "--out", merged])
        #expect(twice.status == 2 && twice.stderr.contains("already exists"))
    }

    @Test func sweepBadInput() throws {
        #expect(try Tool.run(["sweep", "--grid", "lr-g"]).stderr.contains("KEY=V1,V2"))
        #expect(try Tool.run(["sweep", "--shard", "3/2"]).status == 2)
        #expect(try Tool.run(["sweep", "--shard", "x"]).status == 2)
        #expect(try Tool.run(["sweep", "--grid", "lr-g=0"]).stderr.contains("lr-g must be finite and > 0"))
        #expect(try Tool.run(["merge", "/nonexistent", "--out", "/tmp/x"]).status == 1)
    }
}
