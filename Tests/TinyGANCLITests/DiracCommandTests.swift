import Foundation
import Testing
import TinyGANCairo
import TinyGANCore

@Suite struct DiracCommandTests {
    @Test func writesTheLogAndTheFigureFromIt() throws {
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Tool.run(["dirac", "--out", "d", "--steps", "60"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.appendingPathComponent("d")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["dirac.json", "dirac.png", "dirac.svg"])
        let log = try DiracLog.read(from: out.appendingPathComponent("dirac.json"))
        #expect(log.header.settings.steps == 60 && log.runs.count == DiracMethod.standard.count)
        // One line per method, with the verdict the log's path gives.
        for run in log.runs {
            #expect(result.stdout.split(separator: "\n").contains {
                $0.hasPrefix(run.method.name) && $0.contains(" \(run.verdict.rawValue) ")
            }, "\(run.method.name)")
        }
        #expect(try PNGImage(data: Data(contentsOf: out.appendingPathComponent("dirac.png"))).width == 1000)
    }

    @Test func helpAndBadInput() throws {
        let help = try Tool.run(["dirac", "--help"])
        #expect(help.status == 0)
        for flag in ["--out", "--steps", "--lr", "--optimizer", "--seed", "--format", "--scale", "--quiet"] {
            #expect(help.stdout.contains(flag), "dirac --help lacks \(flag)")
        }
        let folder = try Tool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let steps = try Tool.run(["dirac", "--out", "d", "--steps", "0"], in: folder)
        #expect(steps.status == 2 && steps.stderr.contains("steps must be between 1"))
        let lr = try Tool.run(["dirac", "--out", "d", "--lr", "-1"], in: folder)
        #expect(lr.status == 2 && lr.stderr.contains("learning rate"))
        // An --out that is a file: refused before any work, the file left as it was.
        try Data("mine".utf8).write(to: folder.appendingPathComponent("taken"))
        let taken = try Tool.run(["dirac", "--out", "taken"], in: folder)
        #expect(taken.status == 1 && taken.stderr.contains("taken"))
        #expect(try String(contentsOf: folder.appendingPathComponent("taken"), encoding: .utf8) == "mine")
        // A folder where the log would go: refused, left alone.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("x/dirac.json"), withIntermediateDirectories: true)
        let folderInTheWay = try Tool.run(["dirac", "--out", "x"], in: folder)
        #expect(folderInTheWay.status == 1 && folderInTheWay.stderr.contains("dirac.json"))
    }
}
