import Foundation
import Testing
import TinyGANCore

/// Case 5: folders replaced in one step, one winner for a new name, and the
/// leftovers of killed builders cleaned, and only those.
@Suite struct StagedFolderTests {
    let proof = FolderProof.manifest(".test-manifest.json", kind: "test", what: "a test folder")

    @Test func renamesSwapAndRefuseToReplace() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        for (url, text) in [(a, "A"), (b, "B")] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            try Data(text.utf8).write(to: url.appendingPathComponent("x"))
        }
        #expect(FolderRename.exchange(a, b) == .done)
        #expect(try String(contentsOf: a.appendingPathComponent("x"), encoding: .utf8) == "B")
        #expect(FolderRename.moveNew(a, to: b) == .conflict)
        #expect(try String(contentsOf: b.appendingPathComponent("x"), encoding: .utf8) == "A")
        #expect(FolderRename.moveNew(a, to: folder.appendingPathComponent("c")) == .done)
    }

    /// Two builders of one new name at once: exactly one wins, the other
    /// fails with a message, and no staging folder is left.
    @Test func concurrentBuildsOfANewNameHaveOneWinner() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("c")
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            do {
                try StagedFolder.build(at: destination, replacing: false, proof: proof) { staging in
                    try AtomicFile.write(Data("builder \(i)".utf8), to: staging.appendingPathComponent("page"))
                    Thread.sleep(forTimeInterval: 0.2)
                }
                results.add(nil)
            } catch {
                results.add("\(error)")
            }
        }
        let errors = results.all.compactMap { $0 }
        #expect(results.all.count == 2 && errors.count == 1)
        #expect(errors.first?.contains(destination.path) == true)
        #expect(try names(in: folder) == ["c"])
    }

    /// A destination that appears while the folder is built (someone
    /// else's) is left as it is.
    @Test func destinationAppearingDuringTheBuildIsKept() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("c")
        #expect(throws: TinyGANError.self) {
            try StagedFolder.build(at: destination, replacing: true, proof: proof) { _ in
                try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: false)
                try Data("mine".utf8).write(to: destination.appendingPathComponent("NOTES.md"))
            }
        }
        #expect(try names(in: destination) == ["NOTES.md"])
        #expect(try names(in: folder) == ["c"])
    }

    @Test func replacesOnlyItsOwnWholeFolders() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("c")
        try StagedFolder.build(at: destination, replacing: false, proof: proof) { staging in
            try AtomicFile.write(Data("one".utf8), to: staging.appendingPathComponent("sub/page"))
        }
        let manifest = FolderManifest.read(".test-manifest.json", in: destination, kind: "test")
        #expect(manifest?.entries == ["sub", "sub/page"])
        try StagedFolder.build(at: destination, replacing: true, proof: proof) { staging in
            try AtomicFile.write(Data("two".utf8), to: staging.appendingPathComponent("sub/page"))
        }
        #expect(try String(contentsOf: destination.appendingPathComponent("sub/page"), encoding: .utf8) == "two")
        #expect(try names(in: folder) == ["c"])
        // Someone adds a file: the folder is no longer tinygan's alone.
        try Data("notes".utf8).write(to: destination.appendingPathComponent("sub/NOTES.md"))
        #expect { try StagedFolder.build(at: destination, replacing: true, proof: proof) { _ in } } throws: {
            "\($0)".contains("sub/NOTES.md") && "\($0)".contains("will not replace")
        }
        #expect(try names(in: destination.appendingPathComponent("sub")) == ["NOTES.md", "page"])
        #expect(try names(in: folder) == ["c"])
    }

    @Test func staleStagingOfDeadBuildersOnly() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try deadPID()
        let stale = folder.appendingPathComponent(".c.building-\(dead)-0badf00d")
        let live = folder.appendingPathComponent(".c.building-\(getppid())-0badf00d")
        let unmarked = folder.appendingPathComponent(".c.building-\(dead)-12345678")
        let unlike = folder.appendingPathComponent(".c.building-\(dead)")
        for url in [stale, live, unmarked, unlike] {
            try FileManager.default.createDirectory(at: url.appendingPathComponent("runs"), withIntermediateDirectories: true)
        }
        for url in [stale, live, unlike] { try FolderManifest(kind: "test").write(".test-manifest.json", in: url) }
        try StagedFolder.build(at: folder.appendingPathComponent("other"), replacing: false, proof: proof) { _ in }
        #expect(FileKind.of(stale.path) == .missing)
        #expect(try names(in: folder) == [live, unlike, unmarked].map(\.lastPathComponent).sorted() + ["other"])
    }

    /// A builder killed between making its staging folder and writing the
    /// proof leaves an empty folder, or one holding only the proof's
    /// temporary file: the next build removes those too, and nothing that
    /// holds anything else (the kill-9 test once left such a folder behind).
    @Test func staleStagingKilledBeforeItsProof() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try deadPID()
        let empty = folder.appendingPathComponent(".c.building-\(dead)-00000001")
        let partial = folder.appendingPathComponent(".c.building-\(dead)-00000002")
        let foreign = folder.appendingPathComponent(".c.building-\(dead)-00000003")
        let linked = folder.appendingPathComponent(".c.building-\(dead)-00000004")
        for url in [empty, partial, foreign, linked] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) }
        try Data("{".utf8).write(to: partial.appendingPathComponent("..test-manifest.json.9f3a.partial"))
        try Data("{".utf8).write(to: foreign.appendingPathComponent("..test-manifest.json.9f3a.partial"))
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        try FileManager.default.createSymbolicLink(atPath: linked.appendingPathComponent("..test-manifest.json.ab.partial").path,
                                                   withDestinationPath: "/etc/passwd")
        try StagedFolder.build(at: folder.appendingPathComponent("other"), replacing: false, proof: proof) { _ in }
        let left = try names(in: folder)
        #expect(left == [foreign, linked].map(\.lastPathComponent).sorted() + ["other"], "\(left)")
    }
}

/// Outcomes gathered across threads.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String?] = []
    func add(_ value: String?) { lock.withLock { values.append(value) } }
    var all: [String?] { lock.withLock { values } }
}
