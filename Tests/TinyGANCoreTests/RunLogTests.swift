import Foundation
import Testing
import TinyGANCore

@Suite struct RunLogTests {
    func shortLog() throws -> RunLog {
        var trainer = try Trainer(config: quickConfig(epochs: 12), seed: 9)
        return trainer.run()
    }

    @Test func roundTrip() throws {
        let log = try shortLog()
        let decoded = try RunLogCoding.decode(try RunLogCoding.encode(log), file: "x")
        #expect(decoded == log)
    }

    @Test func nonFiniteValuesRoundTrip() throws {
        var log = try shortLog()
        log.epochs[0].gLoss = .nan
        log.epochs[1].fakeMean = .infinity
        log.final?.evaluation.ks = -.infinity
        let text = String(decoding: try RunLogCoding.encode(log), as: UTF8.self)
        #expect(text.contains("\"gLoss\":\"nan\""))
        let decoded = try RunLogCoding.decode(Data(text.utf8), file: "x")
        #expect(decoded.epochs[0].gLoss.isNaN)
        #expect(decoded.epochs[1].fakeMean == .infinity)
        #expect(decoded.final?.evaluation.ks == -.infinity)
    }

    @Test func writeIsAtomicAndCreatesFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("deep/run.jsonl")
        let log = try shortLog()
        try RunLogCoding.write(log, to: url)
        #expect(try RunLogCoding.read(from: url) == log)
        let left = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(left == ["run.jsonl"])
    }

    func lines() throws -> [String] {
        String(decoding: try RunLogCoding.encode(try shortLog()), as: UTF8.self)
            .split(separator: "\n").map(String.init)
    }

    func error(_ text: String) -> TinyGANError? {
        do {
            _ = try RunLogCoding.decode(Data(text.utf8), file: "run.jsonl")
            return nil
        } catch let error as TinyGANError {
            return error
        } catch {
            return nil
        }
    }

    @Test func truncatedLogNamesTheFile() throws {
        let all = try lines()
        let cut = all.dropLast().joined(separator: "\n")
        let e = try #require(error(cut))
        #expect(e.description.hasPrefix("run.jsonl"))
        #expect(e.reason.contains("truncated"))
        // A line cut in the middle, as a killed writer would leave it.
        let half = all[0...3].joined(separator: "\n") + "\n" + all[4].prefix(20)
        let e2 = try #require(error(half))
        #expect(e2.line == 5)
        #expect(e2.description.hasPrefix("run.jsonl: line 5"))
    }

    @Test func badLineIsNamed() throws {
        var all = try lines()
        all[7] = #"{"type":"epoch","epoch":"seven"}"#
        let e = try #require(error(all.joined(separator: "\n")))
        #expect(e.line == 8)
        #expect(e.reason.contains("malformed epoch record"))
        all[7] = "not json at all"
        #expect(error(all.joined(separator: "\n"))?.line == 8)
        all[7] = #"{"type":"mystery"}"#
        #expect(error(all.joined(separator: "\n"))?.reason.contains("unknown record type 'mystery'") == true)
    }

    @Test func unknownFormatVersionIsRefused() throws {
        var all = try lines()
        all[0] = all[0].replacingOccurrences(of: "\"format\":2", with: "\"format\":99")
        let e = try #require(error(all.joined(separator: "\n")))
        #expect(e.line == 1)
        #expect(e.reason.contains("format 99"))
    }

    @Test func emptyAndMissingFiles() throws {
        #expect(error("")?.reason.contains("no run-log header") == true)
        #expect(throws: TinyGANError.self) { try RunLogCoding.read(from: URL(fileURLWithPath: "/nonexistent/run.jsonl")) }
    }
}
