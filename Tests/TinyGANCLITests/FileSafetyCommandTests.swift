import Foundation
import Testing
import TinyGANCore

/// Every entry under `folder` with its bytes (files), its target (links)
/// or nothing (folders): equal snapshots mean the folder was left alone.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in FolderManifest.entries(of: folder, excluding: "") {
        let url = folder.appendingPathComponent(name)
        switch FileKind.of(url.path) {
        case .regular: result[name] = try Data(contentsOf: url)
        case .symbolicLink: result[name] = Data(try FileManager.default.destinationOfSymbolicLink(atPath: url.path).utf8)
        default: result[name] = Data()
        }
    }
    return result
}

/// The trust issue's cases, run as a user would.
@Suite struct FileSafetyCommandTests {
    let quick = ["--epochs", "3", "--batch-size", "50", "--d-steps", "2", "--g-steps", "2"]

    /// Case 1: `report --from` a folder of the user's reads it and writes
    /// the report elsewhere; --force never replaces it.
    @Test func reportFromAFolderOfLogsLeavesItAlone() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Tool.run(["train", "-q", "--epochs", "50", "--out", "p/r.jsonl"], in: folder).status == 0)
        let p = folder.appendingPathComponent("p")
        try Data("notes\n".utf8).write(to: p.appendingPathComponent("NOTES.md"))
        try FileManager.default.createDirectory(at: p.appendingPathComponent("data"), withIntermediateDirectories: false)
        let before = try snapshot(p)
        let report = try Tool.run(["report", "--from", "p"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("reports/p/index.html"))
        #expect(try snapshot(p) == before)
        let written = folder.appendingPathComponent("reports/p")
        #expect(FileManager.default.fileExists(atPath: written.appendingPathComponent(".tinygan-report.json").path))
        for arguments in [["report", "--from", "p", "--out", ".", "--name", "p", "--force"],
                          ["report", "--from", "p", "--out", "p"],
                          ["report", "--force", "--out", ".", "--name", "p", "--runs", "1"] + quick.prefix(2)] {
            let refused = try Tool.run(arguments, in: folder)
            #expect(refused.status != 0 && refused.stderr.contains("p"), "\(arguments)")
            #expect(try snapshot(p) == before, "\(arguments)")
        }
        // A report of tinygan's with a file added is not tinygan's alone any more.
        try Data("mine".utf8).write(to: written.appendingPathComponent("NOTES.md"))
        let mixed = try snapshot(written)
        let force = try Tool.run(["report", "--from", "reports/p", "--force"], in: folder)
        #expect(force.status == 1 && force.stderr.contains("NOTES.md"))
        #expect(try snapshot(written) == mixed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["p", "reports"])
    }

    /// Case 2: an output that is a FIFO or a link is refused and left as it
    /// is, in every command; `train --out -` writes the log to stdout.
    @Test func outputsThatAreNotRegularFilesAreRefused() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim")
        try Data("precious".utf8).write(to: victim)
        let fifo = folder.appendingPathComponent("fifo.jsonl")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let link = folder.appendingPathComponent("link.jsonl")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        for out in [fifo, link] {
            let result = try Tool.run(["train", "-q", "--out", out.path] + quick)
            #expect(result.status == 1 && result.stderr.contains("not a regular file"), "\(result.stderr)")
        }
        let figures = folder.appendingPathComponent("figures")
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(at: figures.appendingPathComponent("moments.svg"), withDestinationURL: victim)
        #expect(try Tool.run(["train", "-q", "--out", "log.jsonl"] + quick, in: folder).status == 0)
        let plot = try Tool.run(["plot", "log.jsonl", "--format", "svg", "--figures", "moments", "--out", "figures"], in: folder)
        #expect(plot.status == 1 && plot.stderr.contains("moments.svg"))
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(at: reports.appendingPathComponent("n"), withDestinationURL: figures)
        let linked = try Tool.run(["report", "--force", "--runs", "1", "--out", "reports", "--name", "n"] + quick.prefix(2), in: folder)
        #expect(linked.status == 1 && linked.stderr.contains("symbolic link"), "\(linked.stderr)")
        #expect(FileKind.of(fifo.path) == .fifo && FileKind.of(link.path) == .symbolicLink)
        #expect(FileKind.of(figures.appendingPathComponent("moments.svg").path) == .symbolicLink)
        #expect(FileKind.of(reports.appendingPathComponent("n").path) == .symbolicLink)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        // Standard output: the log there, the summary on stderr.
        let stdout = try Tool.run(["train", "--out", "-"] + quick, in: folder)
        #expect(stdout.status == 0 && stdout.stderr.contains("article seed 1: 3 epochs"))
        let file = folder.appendingPathComponent("stdout.jsonl")
        try Data(stdout.stdout.utf8).write(to: file)
        #expect(try RunLogCoding.read(from: file).epochs.count == 3)
    }

    /// Case 5: `report --force` killed at random moments: the report is
    /// there and whole after every kill, and the next build clears what the
    /// killed ones left.
    @Test func killedForcedRebuildsNeverLoseTheReport() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Tool.run(["report", "-q", "--epochs", "100", "--runs", "3", "--out", "R", "--name", "c"], in: folder).status == 0)
        let report = folder.appendingPathComponent("R/c")
        let expected = FolderManifest.read(".tinygan-report.json", in: report, kind: "report")?.entries
        #expect(expected?.contains("index.html") == true)
        for delay in stride(from: 0.05, through: 0.6, by: 0.05) {
            let process = Process()
            process.executableURL = Tool.executable
            process.arguments = ["report", "-q", "--from", "R/c", "--force"]
            process.currentDirectoryURL = folder
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let entries = FolderManifest.read(".tinygan-report.json", in: report, kind: "report")?.entries
            #expect(entries == expected && entries.map { FolderManifest.entries(of: report, excluding: ".tinygan-report.json") == $0 } == true,
                    "after a kill at \(delay) s")
        }
        #expect(try Tool.run(["report", "-q", "--from", "R/c", "--force"], in: folder).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("R").path) == ["c"])
    }
}
