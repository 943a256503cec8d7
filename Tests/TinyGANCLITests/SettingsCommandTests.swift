import Foundation
import Testing
import TinyGANCore

/// The table of settings seen from the command line: every setting in
/// every training command's help, reproduce commands that reproduce, and
/// errors that name the problem.
@Suite struct SettingsCommandTests {
    /// Case 10: every setting of the table is listed by `--help` of every
    /// command that trains.
    @Test func everySettingIsInTheHelp() throws {
        for command in ["train", "report", "sweep", "bench"] {
            let help = try Tool.run([command, "--help"])
            #expect(help.status == 0)
            for setting in Settings.all {
                #expect(help.stdout.contains("--\(setting.name) <"), "\(command) --help lacks --\(setting.name)")
            }
        }
    }

    /// Case 9: the command derived from a log, run again, writes the same
    /// log byte for byte (but for the wall time), for a run trained from a
    /// config file and flags that change many settings.
    @Test func theReproduceCommandReproduces() throws {
        let folder = try Tool.temporaryFolder()
        let config = folder.appendingPathComponent("c.json").path
        try Data(#"{"preset": "stable", "epochs": 6, "g-hidden": [4, 3], "g-activation": ["elu", "tanh"], "momentum": 0.5}"#.utf8)
            .write(to: URL(fileURLWithPath: config))
        let first = folder.appendingPathComponent("first.jsonl").path
        let trained = try Tool.run(["train", "-q", "--config", config, "--seed", "12", "--batch-size", "60",
                                    "--d-steps", "2", "--g-steps", "3", "--optimizer", "adam", "--lr-d", "0.003",
                                    "--real-label", "0.9", "--log-interval", "2", "--out", first])
        #expect(trained.status == 0, "\(trained.stderr)")
        let log = try RunLogCoding.read(from: URL(fileURLWithPath: first))
        let second = folder.appendingPathComponent("second.jsonl").path
        let command = ReproduceCommand.train(log.header, out: second)
        #expect(command.starts(with: ["tinygan", "train", "--preset", "stable"]))
        #expect(!command.contains("--config"))
        let again = try Tool.run(Array(command.dropFirst()) + ["-q"])
        #expect(again.status == 0, "\(again.stderr)")
        let strip = { (path: String) throws -> String in
            try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: #""wallSeconds":[0-9.e+-]+"#, with: "", options: .regularExpression)
        }
        #expect(try strip(first) == strip(second))
        // The log's own config is a config file that gives the same log.
        let header = try JSONValue.parse(Data(try String(contentsOfFile: first, encoding: .utf8).prefix { $0 != "\n" }.utf8))
        guard case .object(let members) = header, let inner = members.first(where: { $0.key == "config" })?.value else {
            Issue.record("no config in the header"); return
        }
        let fromHeader = folder.appendingPathComponent("header.json").path
        try Data(inner.text.utf8).write(to: URL(fileURLWithPath: fromHeader))
        let third = folder.appendingPathComponent("third.jsonl").path
        #expect(try Tool.run(["train", "-q", "--config", fromHeader, "--seed", "12", "--out", third]).status == 0)
        #expect(try strip(first) == strip(third))
    }

    /// Case 6: run K of a sweep, the main run of a report on seed K and
    /// `train --seed K` end with the same final record, though the sweep
    /// logs every 50th epoch without snapshots and the report's experiment
    /// runs log every 10th.
    @Test func trainSweepAndReportAgreeOnTheFinalRecord() throws {
        let folder = try Tool.temporaryFolder()
        let quick = ["--epochs", "40", "--batch-size", "50", "--d-steps", "2", "--g-steps", "2"]
        #expect(try Tool.run(["sweep", "-q", "--runs", "2", "--seed", "3", "--jobs", "1", "--out", "s"] + quick, in: folder).status == 0)
        #expect(try Tool.run(["train", "-q", "--seed", "4", "--snapshot-interval", "7", "--out", "t.jsonl"] + quick, in: folder).status == 0)
        #expect(try Tool.run(["report", "-q", "--seed", "3", "--runs", "1", "--jobs", "1", "--out", "r", "--name", "x"] + quick,
                             in: folder).status == 0)
        let swept = try RunLogCoding.read(from: folder.appendingPathComponent("s/runs/base/seed4.jsonl"))
        let trained = try RunLogCoding.read(from: folder.appendingPathComponent("t.jsonl"))
        let reported = try RunLogCoding.read(from: folder.appendingPathComponent("r/x/runs/seed4.jsonl"))
        let finals = try [swept, trained, reported].map { log in
            var final = try #require(log.final)
            final.wallSeconds = 0
            return final
        }
        #expect(finals[0] == finals[1] && finals[1] == finals[2])
        #expect(swept.header.config.logInterval == 50 && trained.header.config.logInterval == 1
                && reported.header.config.logInterval == 10)
    }

    /// `--target` end to end: a mixture trains and plots; a data file
    /// trains, and once it changes its log is refused; a device or FIFO is
    /// never read as data.
    @Test func targetsFromTheCommandLine() throws {
        let folder = try Tool.temporaryFolder()
        let quick = ["-q", "--epochs", "10", "--batch-size", "50", "--d-steps", "2", "--g-steps", "2"]
        let mixture = try Tool.run(["train", "--target", "mixture:0.5*N(-2,0.5)+0.5*N(2,0.5)", "--out", "m.jsonl"] + quick,
                                   in: folder)
        #expect(mixture.status == 0, "\(mixture.stderr)")
        let log = try RunLogCoding.read(from: folder.appendingPathComponent("m.jsonl"))
        #expect(log.target.spec.hasPrefix("mixture:"))
        #expect(try Tool.run(["plot", "m.jsonl", "--out", "mf", "--format", "svg", "-q"], in: folder).status == 0)
        let data = folder.appendingPathComponent("data.txt")
        try Data((1...300).map { "\(Double($0) / 50)" }.joined(separator: "\n").utf8).write(to: data)
        #expect(try Tool.run(["train", "--target", "file:data.txt", "--out", "d.jsonl"] + quick, in: folder).status == 0)
        #expect(try Tool.run(["plot", "d.jsonl", "--out", "df", "-q"], in: folder).status == 0)
        try Data("1\n2\n".utf8).write(to: data)
        let changed = try Tool.run(["plot", "d.jsonl", "--out", "df2", "-q"], in: folder)
        #expect(changed.status == 1 && changed.stderr.contains("changed since the run"))
        #expect(mkfifo(folder.appendingPathComponent("fifo").path, 0o644) == 0)
        for (spec, expected) in [("file:/dev/zero", "is a device"), ("file:fifo", "FIFO"), ("file:df", "is a folder")] {
            let refused = try Tool.run(["train", "--target", spec, "--out", "x.jsonl"] + quick, in: folder)
            #expect(refused.status == 2 && refused.stderr.contains(expected), "\(spec): \(refused.stderr)")
        }
    }

    /// Cases 11 and 13: messages that name the setting and the problem,
    /// never a Foundation error domain, and exit code 2.
    @Test(arguments: [
        (["train", "--epochs", "50.5"], "epochs must be a whole number"),
        (["train", "--batch-size", "1000000000"], "batch-size must be from 2 to 1000000"),
        (["train", "--g-hidden", "100000,100000"], "g-hidden must be sizes"),
        (["train", "--epochs", "1000000000"], "raise --log-interval"),
        (["train", "--lr-g", "1e309"], "lr-g must be finite and > 0"),
        (["train", "--warp", "9"], "unknown option --warp"),
        (["train", "--epochs"], "--epochs needs a value"),
        (["sweep", "--grid", "lr-g=nan"], "lr-g must be finite and > 0"),
        (["sweep", "--grid", "warp=1,2"], "unknown setting 'warp'"),
        (["sweep", "--seed", "18446744073709551615", "--runs", "2"], "leaves no room for 2 seeds"),
        (["report", "--seed", "18446744073709551615"], "leaves no room for 10 more seeds"),
        (["report", "--from", "x", "--epochs", "5"], "--from rebuilds from the logs"),
        (["benchmark", "mode-collapse", "--methods", "gan,vae"], "unknown method 'vae'"),
        (["benchmark", "mode-collapse", "--targets", "ring,swiss-roll"], "unknown target 'swiss-roll'"),
        (["benchmark", "mode-collapse", "--runs", "0"], "--runs must be from 1 to 1000"),
        (["report", "--preset", "ring", "--runs", "3"], "tells one run"),
        (["train", "--target", "ring"], "needs d-input sample"),
        (["train", "--z-dim", "2"], "other noise is for 2-D targets"),
        (["train", "--preset", "ring", "--target-mean", "2"], "has no single mean"),
    ])
    func badSettings(_ arguments: [String], _ expected: String) throws {
        let folder = try Tool.temporaryFolder()
        let result = try Tool.run(arguments, in: folder)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Domain"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "\(arguments) left files")
    }

    /// Case 11: config files say which key is wrong and how.
    @Test func configFileErrors() throws {
        let folder = try Tool.temporaryFolder()
        let cases: [(String, String)] = [
            (#"{"epochs": 50.5}"#, "c.json: epochs must be a whole number (got '50.5')"),
            (#"{"seed": -1}"#, "c.json: seed must be a whole number from 0"),
            (#"{"lr-g": 1e309}"#, "c.json: lr-g must be a finite number (got 1e309)"),
            (#"{"epochs": 5, "epochs": 6}"#, "the key 'epochs' is given twice"),
            ("{\"" + String(repeating: "k", count: 500_000) + "\": 1}", "(500000 bytes)"),
        ]
        for (text, expected) in cases {
            let file = folder.appendingPathComponent("c.json")
            try Data(text.utf8).write(to: file)
            let result = try Tool.run(["train", "--config", "c.json"], in: folder)
            #expect(result.status == 2 && result.stderr.contains(expected), "\(result.stderr.prefix(300))")
            #expect(result.stderr.count < 2000)
        }
        // Only regular files (links followed) are read as configs: a device
        // or a folder is refused unread, and a FIFO never blocks
        // (`FileKindTests.inputProblems`).
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dir"), withIntermediateDirectories: true)
        for (path, expected) in [("/dev/zero", "it is a device"), ("dir", "it is a folder"), ("none.json", "it does not exist")] {
            let result = try Tool.run(["train", "--config", path], in: folder)
            #expect(result.status == 2 && result.stderr.contains("cannot read config file") && result.stderr.contains(expected),
                    "\(result.stderr)")
        }
    }

    /// Case 14: a log whose header holds a configuration out of bounds is
    /// refused when read, naming the file, line and setting, before any
    /// figure is drawn; so is a printout of the original with an absurd epoch.
    @Test func logsAreValidatedWhenRead() throws {
        let folder = try Tool.temporaryFolder()
        #expect(try Tool.run(["train", "-q", "--epochs", "3", "--batch-size", "50", "--out", "ok.jsonl"], in: folder).status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("ok.jsonl"), encoding: .utf8)
        let variants = [
            ("std.jsonl", text.replacingOccurrences(of: #""target-std":1.25"#, with: #""target-std":0"#), "target-std"),
            ("epochs.jsonl", text.replacingOccurrences(of: #""epochs":3,"#, with: #""epochs":9223372036854775000,"#), "epochs"),
            ("printout.txt", "Epoch 9223372036854775807: D (0.6 real_err, 0.6 fake_err) G (0.7 err); "
                + "Real Dist ([4.0, 1.2]),  Fake Dist ([4.5, 0.16])\n Values: [1.0, 2.0]\n", "beyond the"),
        ]
        for (name, content, expected) in variants {
            try Data(content.utf8).write(to: folder.appendingPathComponent(name))
            let result = try Tool.run(["plot", name, "--out", "f-\(name)"], in: folder)
            #expect(result.status == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("\(name): line 1") && result.stderr.contains(expected), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("f-\(name)").path))
        }
    }
}
