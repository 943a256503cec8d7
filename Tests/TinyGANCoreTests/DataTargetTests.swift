import Foundation
import Testing
import TinyGANCore

/// `file:PATH` targets: reading, refusals, the two-sample statistics, and
/// logs that refuse data files that changed.
@Suite struct DataTargetTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// FIPS 180-2's examples.
    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// One number a line (blank lines and CRLF allowed) and a CSV column
    /// give the same values; the empirical F and F^-1 and the moments are
    /// those of the values.
    @Test func readsLinesAndCSVColumns() throws {
        let dir = try folder()
        let lines = try write("3\r\n1\n\n2\n4\n", "v.txt", in: dir)
        let csv = try write("id,\"x\"\na,3\nb,1\nc,2\nd,4\n", "t.csv", in: dir)
        let a = try Target(spec: "file:\(lines)"), b = try Target(spec: "file:\(csv)#x")
        for t in [a, b] {
            #expect(t.mean == 2.5 && abs(t.std - 1.25.squareRoot()) < 1e-15)
            #expect(t.cdf(2) == 0.5 && t.cdf(0.5) == 0 && t.cdf(4) == 1)
            #expect(t.quantile(0.5) == 2 && t.quantile(0.51) == 3 && t.quantile(0.01) == 1 && t.quantile(0.99) == 4)
        }
        #expect(b.spec == "file:\(csv)#x")
        guard case .object(let members) = a.settingJSON else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["file", "sha256"])
    }

    @Test func badFilesAreUsageErrorsNamingTheProblem() throws {
        let dir = try folder()
        let cases: [(String, String)] = [
            ("file:\(dir.path)/absent.txt", "does not exist"),
            ("file:\(try write("1\n2\nthree\n", "bad.txt", in: dir))", "line 3 is not a finite number (got 'three')"),
            ("file:\(try write("", "empty.txt", in: dir))", "holds no numbers"),
            ("file:\(try write("a,b\n1,2\n", "c.csv", in: dir))#z", "has no column 'z'"),
            ("file:\(try write("a,b\n1\n", "short.csv", in: dir))#b", "line 2 has no column 'b'"),
            ("file:\(try write("7\n7\n", "flat.txt", in: dir))", "at least two different values"),
            ("file:\(dir.path)", "is a folder, not a regular file"),
        ]
        for (spec, expected) in cases {
            do { _ = try Target(spec: spec); Issue.record("\(spec) was accepted") } catch {
                #expect(error.reason.contains(expected) && !error.isFailure, "\(error.reason)")
            }
        }
    }

    /// Two-sample KS and W1 against the definitions, on a grid fine enough
    /// to see every step: KS = max |F_m - G_n|, W1 = integral |F_m - G_n|.
    @Test func twoSampleStatisticsMatchTheirDefinitions() throws {
        let dir = try folder()
        let data = [0.5, 1, 1, 2.5, 4, 7]
        let target = try Target(spec: "file:\(try write(data.map { "\($0)" }.joined(separator: "\n"), "d.txt", in: dir))")
        let sample = [0.0, 1, 2, 2, 3.25, 5]
        let stats = SampleStatistics(samples: sample, target: target)
        func f(_ x: [Double], _ t: Double) -> Double { Double(x.filter { $0 <= t }.count) / Double(x.count) }
        var ks = 0.0, w1 = 0.0
        let h = 1e-4
        for k in 0..<80_000 {
            let t = -0.5 + (Double(k) + 0.5) * h
            ks = max(ks, abs(f(sample, t) - f(data, t)))
            w1 += abs(f(sample, t) - f(data, t)) * h
        }
        #expect(abs(stats.ks - ks) < 1e-12 && abs(stats.wasserstein1 - w1) < 1e-9, "\(stats.ks) \(stats.wasserstein1)")
    }

    /// Draws are values of the file, each about equally often.
    @Test func drawsResampleTheValues() throws {
        let dir = try folder()
        let target = try Target(spec: "file:\(try write("1\n2\n3\n4\n", "d.txt", in: dir))")
        var rng = Xoshiro256StarStar(seed: 4)
        var batch = [Float](repeating: 0, count: 40_000)
        target.fill(&batch, using: &rng)
        for value in [1, 2, 3, 4] as [Float] {
            // Binomial(40000, 1/4): std 86.6; 5 of them.
            #expect(abs(batch.filter { $0 == value }.count - 10_000) < 433)
        }
        #expect(batch.allSatisfy { [1, 2, 3, 4].contains($0) })
    }

    /// The header records the path and SHA-256; a log whose data file
    /// changed or vanished is refused when read, a failure (exit 1).
    /// Data targets are read once per process, but a file rewritten in
    /// place, even to the same size, is read again.
    @Test func aRewrittenFileIsReadAgain() throws {
        let dir = try folder()
        let path = try write("1\n2\n3\n", "same.txt", in: dir)
        let first = try Target(spec: "file:\(path)"), again = try Target(spec: "file:\(path)")
        #expect(first.mean == 2 && again.mean == 2)
        try Data("4\n5\n6\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try Target(spec: "file:\(path)").mean == 5)
    }

    @Test func logsRefuseDataFilesThatChanged() throws {
        let dir = try folder()
        let path = try write((1...50).map { "\(Double($0) / 7)" }.joined(separator: "\n"), "d.txt", in: dir)
        var config = Presets.article
        config.epochs = 2
        config.batchSize = 20
        config.target = try Target(spec: "file:\(path)")
        var trainer = try Trainer(config: config, seed: 3)
        let log = trainer.run()
        let url = dir.appendingPathComponent("run.jsonl")
        try RunLogCoding.write(log, to: url)
        let header = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")[0]
        #expect(header.contains("\"sha256\":\"\(SHA256.hex(try Data(contentsOf: URL(fileURLWithPath: path))))\""))
        #expect(try RunLogCoding.read(from: url) == log)
        try Data("1\n2\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try RunLogCoding.read(from: url) } throws: {
            let e = $0 as? TinyGANError
            return e?.kind == .failure && e?.description.contains("line 1 cannot be used: target data file") == true
                && e?.description.contains("changed since the run") == true
        }
        try FileManager.default.removeItem(atPath: path)
        #expect { try RunLogCoding.read(from: url) } throws: {
            ($0 as? TinyGANError)?.kind == .failure && "\($0)".contains("does not exist")
        }
    }
}
