import Foundation
import Testing

extension Tool {
    /// Runs `line` in /bin/sh with exactly `environment`, as a user's shell would.
    static func shell(_ line: String, in folder: URL, environment: [String: String] = plainEnvironment) throws -> Result {
        try run(["-c", line], in: folder, program: URL(fileURLWithPath: "/bin/sh"), environment: environment)
    }

    /// The environment without TINYGAN_TEMPLATES.
    static var plainEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.filter { $0.key != "TINYGAN_TEMPLATES" }
    }

    /// `word` quoted for /bin/sh.
    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
}

/// The command a page shows under "Reproduce it", HTML-unescaped.
func reproduceCommand(_ page: URL) throws -> String {
    let html = try String(contentsOf: page, encoding: .utf8)
    let match = try #require(html.firstMatch(of: #/<pre><code>(.*?)</code></pre>/#))
    var command = String(match.output.1)
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
        command = command.replacingOccurrences(of: entity, with: character)
    }
    return command
}

/// Runs a page's `command`, its leading `tinygan` the built binary and
/// `extra` appended, and expects the logs under `trained` and `retrained`
/// (relative to `folder`) to be the same but for wall times.
func expectReproduced(_ command: String, extra: String, in folder: URL, trained: String, retrained: String,
                      logs: Int) throws {
    let again = try Tool.shell(Tool.quoted(Tool.executable.path) + command.dropFirst("tinygan".count) + " " + extra,
                               in: folder)
    #expect(again.status == 0, "\(command): \(again.stderr)")
    let first = try logsWithoutWallTime(folder.appendingPathComponent(trained))
    #expect(first.count == logs)
    #expect(first == (try logsWithoutWallTime(folder.appendingPathComponent(retrained))))
}

/// Every log under `folder`, by relative path, without the final record's wall time.
func logsWithoutWallTime(_ folder: URL) throws -> [String: String] {
    var logs: [String: String] = [:]
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    for case let path as String in enumerator where path.hasSuffix(".jsonl") {
        let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        logs[path] = text.replacing(#/"wallSeconds":[^,}]*/#, with: "")
    }
    return logs
}

@Suite struct ReportTrustTests {
    /// The page's command, run again (its leading `tinygan` the built binary), trains the same logs.
    @Test func reportPageCommandReproducesItsLogs() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Tool.run(["report", "--epochs", "30", "--batch-size", "60", "--d-steps", "2", "--g-steps", "2",
                                  "--lr-g", "0.002", "--runs", "2", "--seed", "5", "--name", "a", "-q", "--jobs", "1"],
                                 in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let reports = folder.appendingPathComponent("reports")
        let command = try reproduceCommand(reports.appendingPathComponent("a/index.html"))
        #expect(command.hasPrefix("tinygan report --preset article "), "\(command)")
        for flag in ["--epochs 30", "--batch-size 60", "--d-steps 2", "--g-steps 2", "--lr-g 0.002", "--seed 5", "--runs 2"] {
            #expect(command.contains(flag), "\(command) lacks \(flag)")
        }
        try expectReproduced(command, extra: "--name b --out reports -q",
                             in: folder, trained: "reports/a/runs", retrained: "reports/b/runs", logs: 3)
    }

    /// The same for a sweep's page: a grid and a base setting that is not the preset's.
    @Test func sweepPageCommandReproducesItsLogs() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sweep = try Tool.run(["sweep", "--runs", "2", "--seed", "3", "--epochs", "20", "--batch-size", "60",
                                  "--lr-g", "0.002", "--grid", "d-steps=1,2", "--out", "s1", "-q", "--jobs", "1"],
                                 in: folder)
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let page = try Tool.run(["report", "--from", "s1", "-q"], in: folder)
        #expect(page.status == 0, "\(page.stderr)")
        let command = try reproduceCommand(folder.appendingPathComponent("s1/index.html"))
        for words in ["tinygan sweep --preset article", "--grid d-steps=1,2", "--lr-g 0.002", "--epochs 20", "--seed 3"] {
            #expect(command.contains(words), "\(command) lacks \(words)")
        }
        try expectReproduced(command, extra: "--out s2 -q",
                             in: folder, trained: "s1/runs", retrained: "s2/runs", logs: 4)
    }

    /// `--templates` naming no folder of templates is a usage error at once:
    /// nothing trained, nothing created.
    @Test func templatesThatAreNotThereFailAtOnce() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for (templates, problem) in [("/nonexistent", "no such folder"), (empty.path, "holds no report.mustache")] {
            let start = Date()
            let result = try Tool.run(["report", "--templates", templates, "--out", "out"], in: folder)
            #expect(Date().timeIntervalSince(start) < 1)
            #expect(result.status == 2 && result.stderr.contains(problem), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
    }

    /// A string table with a string that does not parse fails before any
    /// training (a whole article report would take many seconds).
    @Test func brokenStringTableFailsBeforeTraining() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: source, to: templates)
        let table = templates.appendingPathComponent("strings/en.json")
        var strings = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: table))
        strings["ideaTitle"] = "The idea {{#x}} never closed"
        try JSONEncoder().encode(strings).write(to: table)
        let start = Date()
        let result = try Tool.run(["report", "--templates", templates.path, "--out", "out"], in: folder)
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(result.status == 1 && result.stderr.contains("'ideaTitle'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// A destination that cannot be written fails before training.
    @Test func unwritableDestinationFailsBeforeTraining() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
        let start = Date()
        let result = try Tool.run(["report", "--out", "file/reports"], in: folder)
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(result.status == 1 && result.stderr.contains("is not a folder"), "\(result.stderr)")
    }

    /// tinygan found through PATH (a link to the built binary), run from
    /// another folder, finds the templates beside its real file.
    @Test func binaryOnPathFindsItsTemplates() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bin = folder.appendingPathComponent("bin"), work = folder.appendingPathComponent("work")
        for url in [bin, work] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("tinygan"), withDestinationURL: Tool.executable)
        var environment = Tool.plainEnvironment
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let result = try Tool.shell("tinygan report --epochs 20 --runs 1 -q", in: work, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("reports/article/index.html").path))
    }
}
