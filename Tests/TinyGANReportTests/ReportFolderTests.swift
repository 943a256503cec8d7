import Foundation
import Testing
import TinyGANCore
import TinyGANReport

/// Cases 1 and 5 of the trust issue, for the report builder: it replaces
/// only reports it wrote, and clears only its own dead builds.
@Suite struct ReportFolderTests {
    /// --force on a folder of the user's: refused, nothing touched.
    @Test func neverReplacesAFolderTinyganDidNotWrite() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = try shortRuns(count: 1)
        let mine = folder.appendingPathComponent("p")
        try RunLogCoding.write(runs.main, to: mine.appendingPathComponent("r.jsonl"))
        try Data("notes".utf8).write(to: mine.appendingPathComponent("NOTES.md"))
        try FileManager.default.createDirectory(at: mine.appendingPathComponent("data"), withIntermediateDirectories: false)
        let settings = try ReportSettings(templates: templates)
        #expect { try ReportBuilder.build(runs, settings: settings, destination: mine, replacing: true) } throws: {
            "\($0)".contains("will not replace \(mine.path)") && "\($0)".contains(".tinygan-report.json")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: mine.path).sorted() == ["NOTES.md", "data", "r.jsonl"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["p"])
        // A report of its own carries the manifest and is replaced.
        let report = folder.appendingPathComponent("r")
        try ReportBuilder.build(runs, settings: settings, destination: report, replacing: false)
        #expect(ReportFolder.refusal(report) == nil)
        try ReportBuilder.build(runs, settings: settings, destination: report, replacing: true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["p", "r"])
    }

    @Test func clearsStaleBuildsOfDeadProcessesOnly() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = process.processIdentifier
        let stale = folder.appendingPathComponent(".r.building-\(dead)-0badf00d")
        let live = folder.appendingPathComponent(".r.building-\(getppid())-0badf00d")
        let unmarked = folder.appendingPathComponent(".r.building-\(dead)-12345678")
        for url in [stale, live, unmarked] {
            try FileManager.default.createDirectory(at: url.appendingPathComponent("runs"), withIntermediateDirectories: true)
        }
        for url in [stale, live] { try FolderManifest(kind: "report").write(ReportFolder.manifestFile, in: url) }
        try ReportBuilder.build(try shortRuns(count: 1), settings: ReportSettings(templates: templates),
                                destination: folder.appendingPathComponent("r"), replacing: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == [live.lastPathComponent, unmarked.lastPathComponent, "r"].sorted())
    }
}
