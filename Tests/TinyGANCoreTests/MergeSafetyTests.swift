import Foundation
import Testing
import TinyGANCore

/// Case 4 of the trust issue: `merge` copies only regular files and builds
/// its folder beside the destination.
@Suite struct MergeSafetyTests {
    /// Two trained shards of a one-point, four-seed sweep.
    func shards(in folder: URL) throws -> [URL] {
        let plan = try SweepPlan(preset: "article", axes: [], seeds: [1, 2, 3, 4],
                                 base: ["epochs": "4", "batch-size": "40", "g-steps": "2", "log-interval": "2"])
        return try (1...2).map { index in
            let url = folder.appendingPathComponent("shard-\(index)")
            try SweepFolder.prepare(at: url, plan: plan, shard: (index, 2), resume: false).trainPending(threads: 1)
            return url
        }
    }

    func firstLog(of shard: URL) throws -> URL {
        let folder = try SweepFolder.open(shard)
        return shard.appendingPathComponent(try folder.runs()[0].logPath)
    }

    @Test func aLogThatIsALinkIsRefusedByName() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parts = try shards(in: folder)
        let secret = folder.appendingPathComponent("shadow")
        try Data("root:secret".utf8).write(to: secret)
        let log = try firstLog(of: parts[0])
        try FileManager.default.removeItem(at: log)
        try FileManager.default.createSymbolicLink(at: log, withDestinationURL: secret)
        let merged = folder.appendingPathComponent("merged")
        #expect { try SweepFolder.merge(parts, into: merged) } throws: {
            "\($0)".contains(log.path) && "\($0)".contains("symbolic link")
        }
        #expect(try names(in: folder) == ["shadow", "shard-1", "shard-2"])
    }

    /// A merge that stops half-way (here: a log that is a folder) leaves
    /// nothing at the destination, so the next merge, once the shard is
    /// fixed, goes through; the staging folder of a killed merge is removed.
    @Test func aMergeStoppedHalfWayDoesNotBlockTheNext() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parts = try shards(in: folder)
        let log = try firstLog(of: parts[1])
        let saved = try Data(contentsOf: log)
        try FileManager.default.removeItem(at: log)
        try FileManager.default.createDirectory(at: log, withIntermediateDirectories: false)
        let merged = folder.appendingPathComponent("merged")
        #expect(throws: TinyGANError.self) { try SweepFolder.merge(parts, into: merged) }
        #expect(try names(in: folder) == ["shard-1", "shard-2"])
        try FileManager.default.removeItem(at: log)
        try saved.write(to: log)
        // What a merge killed with SIGKILL leaves: its marked staging folder.
        let killed = folder.appendingPathComponent(".merged.building-\(try deadPID())-00c0ffee")
        try FileManager.default.copyItem(at: parts[0], to: killed)
        let summary = try #require(try SweepFolder.merge(parts, into: merged).line)
        #expect(summary.rows.count == 4 && summary.missing == 0)
        #expect(try names(in: folder) == ["merged", "shard-1", "shard-2"])
    }
}
