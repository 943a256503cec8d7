import Foundation
import Testing
import TinyGANCore

/// A fresh folder under the temporary folder.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-files-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The PID of a process that has ended.
func deadPID() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

func names(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
}

/// Case 2 and 3 of the trust issue: whole-file writes replace only regular
/// files, and their temporary files are new files of their own.
@Suite struct AtomicFileTests {
    @Test func refusesLinksFIFOsAndFoldersAndLeavesThemAlone() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim")
        try Data("precious".utf8).write(to: victim)
        let link = folder.appendingPathComponent("link.jsonl")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        let fifo = folder.appendingPathComponent("fifo.jsonl")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        for (url, kind) in [(link, "a symbolic link"), (fifo, "a FIFO"), (sub, "a folder")] {
            #expect { try AtomicFile.write(Data("new".utf8), to: url) } throws: {
                ($0 as? TinyGANError)?.kind == .failure && "\($0)".contains(url.path) && "\($0)".contains(kind)
            }
        }
        #expect(FileKind.of(link.path) == .symbolicLink && FileKind.of(fifo.path) == .fifo && FileKind.of(sub.path) == .folder)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(try names(in: folder) == ["fifo.jsonl", "link.jsonl", "sub", "victim"])
    }

    /// Links planted under every name the old writer would have used
    /// (`.NAME.PID.partial`) redirect nothing: the temporary file is created
    /// exclusively, under a random name, without following links.
    @Test func plantedTemporaryNamesRedirectNothing() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appendingPathComponent("victim")
        try Data("precious".utf8).write(to: victim)
        let planted = folder.appendingPathComponent(".out.jsonl.\(getpid()).partial")
        try FileManager.default.createSymbolicLink(at: planted, withDestinationURL: victim)
        let url = folder.appendingPathComponent("out.jsonl")
        let data = Data(repeating: 0x41, count: 3_000_000)
        try AtomicFile.write(data, to: url)
        #expect(try Data(contentsOf: url) == data)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(try names(in: folder) == [planted.lastPathComponent, "out.jsonl", "victim"])
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 & ~0o022 } == 0o644 & ~0o022)
        // Replacing a regular file works, and leaves nothing beside it.
        try AtomicFile.write(Data("second".utf8), to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second")
        #expect(try names(in: folder).count == 3)
    }

    @Test func readingRefusesLinks() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret")
        try Data("shadow".utf8).write(to: secret)
        let link = folder.appendingPathComponent("seed1.jsonl")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: secret)
        #expect { try RegularFile.read(link) } throws: { "\($0)".contains("seed1.jsonl: it is a symbolic link") }
        #expect(try RegularFile.read(secret) == Data("shadow".utf8))
    }
}

/// Files the user names for input (configs, data files) are read only if
/// what their path finally names is a regular file.
@Suite struct FileKindTests {
    @Test func inputProblems() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("c.json"), link = folder.appendingPathComponent("link.json")
        let fifo = folder.appendingPathComponent("fifo"), fifoLink = folder.appendingPathComponent("fifo-link")
        try Data("{}".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(mkfifo(fifo.path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(at: fifoLink, withDestinationURL: fifo)
        #expect(FileKind.inputProblem(file.path) == nil && FileKind.inputProblem(link.path) == nil)
        #expect(FileKind.inputProblem(fifo.path) == "is a FIFO (named pipe), not a regular file")
        #expect(FileKind.inputProblem(fifoLink.path) == "is a FIFO (named pipe), not a regular file")
        #expect(FileKind.inputProblem(folder.path) == "is a folder, not a regular file")
        #expect(FileKind.inputProblem("/dev/null") == "is a device, not a regular file")
        #expect(FileKind.inputProblem(folder.appendingPathComponent("none").path) == "does not exist")
    }
}
