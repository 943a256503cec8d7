import Foundation
import Testing
import TinyGANCore

/// `points:PATH`: the user's own 2-D data, read, refused, drawn, its
/// kernel density and its SHA-256 check.
@Suite struct PlanePointsTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-points-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func problem(_ spec: String) -> SettingProblem? {
        do { _ = try PlaneTarget(spec: spec); return nil } catch { return error }
    }

    @Test func badFilesAreUsageErrorsNamingTheProblem() throws {
        let dir = try folder()
        let cases: [(String, String)] = [
            ("\(dir.path)/absent.csv", "does not exist"),
            (dir.path, "is a folder, not a regular file"),
            (try write("", "empty.csv", in: dir), "holds no points"),
            (try write("x,y\n\n", "header.csv", in: dir), "holds no points"),
            (try write("1,2\n3,4\nfive,6\n", "garbage.csv", in: dir), "line 3 is not two numbers x,y (got 'five,6')"),
            (try write("1,2,3\n4,5,6\n", "three.csv", in: dir), "line 1 is not two numbers"),
            (try write("x,1\n2,3\n", "half.csv", in: dir), "line 1 is not two numbers"),
            (try write("1,2\n3,4\n1,nan\n", "nan.csv", in: dir), "line 3 has a value that is not finite"),
            (try write("1,2\ninf,4\n", "inf.csv", in: dir), "line 2 has a value that is not finite"),
            (try write("1,2\n", "one.csv", in: dir), "needs at least two points"),
            (try write("1,2\n1,3\n1,5\n", "flat.csv", in: dir), "spread along both axes (every x is 1.0)"),
        ]
        for (path, expected) in cases {
            let found = try #require(problem("points:\(path)"), "\(path) was accepted")
            #expect(found.reason.contains(expected) && !found.isFailure, "\(found.reason)")
        }
    }

    /// A header, quotes, CRLF and blank lines are read; the spec holds the
    /// absolute path; the JSON form pins the SHA-256, and a changed or
    /// vanished file is then a failure.
    @Test func readsTheFileAndPinsItsBytes() throws {
        let dir = try folder()
        let text = "\"x\",\"y\"\r\n0,0\r\n\r\n2,\"1\"\n-1,3\n"
        let path = try write(text, "p.csv", in: dir)
        let target = try PlaneTarget(spec: "points:\(path)")
        #expect(target.spec == "points:\(path)")
        let points = try #require(target.distribution as? PlanePoints)
        #expect(points.count == 3 && points.sha256 == SHA256.hex(Data(text.utf8)))
        #expect(target.json == .object([("points", .string(path)), ("sha256", .string(points.sha256))]))
        let encoded = try JSONEncoder().encode(target)
        #expect(try JSONDecoder().decode(PlaneTarget.self, from: encoded) == target)
        try Data("0,0\n9,9\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try PlaneTarget(json: target.json) } throws: { ($0 as? SettingProblem)?.isFailure == true }
        #expect { try JSONDecoder().decode(PlaneTarget.self, from: encoded) } throws: { ($0 as? TinyGANError)?.kind == .failure }
        try FileManager.default.removeItem(atPath: path)
        #expect { try PlaneTarget(json: target.json) } throws: {
            let problem = $0 as? SettingProblem
            return problem?.isFailure == true && problem?.reason.contains("does not exist") == true
        }
    }

    /// 40,000 draws of four points: each drawn within 5 binomial std of
    /// n/4 times, as an exact (x, y) pair of the file.
    @Test func drawsThePointsWithReplacement() throws {
        let path = try write("0,0\n1,2\n3,-1\n0.5,7\n", "four.csv", in: try folder())
        let target = try PlaneTarget(spec: "points:\(path)")
        let n = 40_000
        var batch = [Float](repeating: 0, count: 2 * n)
        var rng = Xoshiro256StarStar(seed: 5)
        target.fill(&batch, count: n, using: &rng)
        var counts: [String: Int] = [:]
        for i in 0..<n { counts["\(batch[i]),\(batch[n + i])", default: 0] += 1 }
        #expect(Set(counts.keys) == ["0.0,0.0", "1.0,2.0", "3.0,-1.0", "0.5,7.0"])
        let tolerance = 5 * (Double(n) * 0.25 * 0.75).squareRoot()
        #expect(counts.values.allSatisfy { abs(Double($0) - Double(n) / 4) < tolerance }, "\(counts)")
    }

    /// The kernel density is Scott's rule written out by hand: h_c = s_c
    /// m^(-1/6) with the population std s_c, a product of two normal
    /// kernels; it integrates to 1 over the bounds (margin 4 bandwidths:
    /// at most 2 Phi(-4) = 6.3e-5 of any point's kernel falls outside, so
    /// within 1.3e-4 with the rule's error).
    @Test func kernelDensityIsScottsRule() throws {
        let xs = [0.0, 1, 3, 0.5, 2], ys = [0.0, 2, -1, 7, 1]
        let path = try write(zip(xs, ys).map { "\($0),\($1)" }.joined(separator: "\n"), "five.csv", in: try folder())
        let target = try PlaneTarget(spec: "points:\(path)")
        func std(_ v: [Double]) -> Double {
            let m = v.reduce(0, +) / 5
            return (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 5).squareRoot()
        }
        let hx = std(xs) * pow(5, -1.0 / 6), hy = std(ys) * pow(5, -1.0 / 6)
        for (px, py) in [(0.0, 0.0), (1.7, 3.1), (-2.0, 5.0)] {
            var expected = 0.0
            for i in 0..<5 {
                let u = (px - xs[i]) / hx, v = (py - ys[i]) / hy
                expected += exp(-0.5 * (u * u + v * v)) / (2 * Double.pi * hx * hy) / 5
            }
            #expect(abs(target.density(x: px, y: py) - expected) <= 1e-12 * max(expected, 1e-300) + 1e-300)
        }
        let box = target.bounds
        #expect(box.xMin <= -4 * max(hx, hy) && box.yMax >= 7 + 4 * max(hx, hy))
        let mass = PlaneTargetTests.integral(of: target.density, over: box, step: min(hx, hy) / 2)
        #expect(abs(mass - 1) < 1.3e-4, "\(mass)")
    }
}
