import Foundation
import Testing
import TinyGANCore

@Suite struct DiracLogTests {
    func smallExperiment(steps: Int = 40) -> DiracLog {
        var s = DiracSettings()
        s.steps = steps
        s.noiseSamples = 16
        return DiracTraining.experiment(s)
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dirac-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func roundTripsWithItsHeader() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = smallExperiment()
        let url = dir.appendingPathComponent(DiracLog.fileName)
        try log.write(to: url)
        let read = try DiracLog.read(from: url)
        #expect(read == log)
        #expect(read.header.kind == "dirac-gan" && read.header.settings.steps == 40)
        #expect(read.header.methods == DiracMethod.standard)
        #expect(read.runs.allSatisfy { $0.theta.count == 41 && $0.field.dTheta.count == 121 })
    }

    /// A run that overflows stops at its first non-finite value, is judged
    /// diverged, and its log keeps the value ("inf" or "nan" in JSON).
    /// Least squares at h = 50: D's step multiplies psi by 1 - 50 theta^2,
    /// G's moves theta by 50 psi (1 - psi theta): within a few steps both
    /// pass any finite bound.
    @Test func aDivergedRunIsKeptAndJudged() throws {
        var s = DiracSettings()
        s.optimizer = .sgd(learningRate: 50, momentum: 0)
        s.steps = 1000
        let run = DiracTraining.run(DiracMethod(loss: .leastSquares, update: .simultaneous), settings: s)
        #expect(run.theta.count < 1001 && !(run.theta.last!.isFinite && run.psi.last!.isFinite))
        #expect(run.theta.dropLast().allSatisfy { $0.isFinite })
        #expect(run.verdict == .diverges)
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent(DiracLog.fileName)
        try DiracLog(settings: s, runs: [run]).write(to: url)
        let back = try DiracLog.read(from: url).runs[0]
        #expect(back.theta.count == run.theta.count && back.verdict == .diverges)
    }

    @Test func notADiracLogIsRefusedByName() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("other.json")
        try Data(#"{"header": {"kind": "report"}}"#.utf8).write(to: url)
        #expect { try DiracLog.read(from: url) } throws: { "\($0)".contains("other.json is not a Dirac-GAN log") }
        var log = smallExperiment(steps: 5)
        log.runs[0].theta.append(1)
        log.runs[0].psi.append(1)
        log.runs[0].theta += [1, 2, 3]  // longer than steps + 1, and theta and psi unequal
        try log.encoded().write(to: url)
        #expect { try DiracLog.read(from: url) } throws: { "\($0)".contains("damaged Dirac-GAN log") }
    }

    /// The verdict rule on hand-made paths.
    @Test func verdictRule() {
        let turns = (0...400).map { Double($0) * 0.1 }
        #expect(DiracVerdict(theta: turns.map { cos($0) }, psi: turns.map { sin($0) }) == .orbits)
        #expect(DiracVerdict(theta: turns.map { exp(-$0) * cos($0) }, psi: turns.map { exp(-$0) * sin($0) }) == .converges)
        #expect(DiracVerdict(theta: turns.map { exp($0 / 40) * cos($0) }, psi: turns.map { exp($0 / 40) * sin($0) }) == .diverges)
        #expect(DiracVerdict(theta: [1, 0.5, 0.5, 0.5], psi: [1, 0.2, 0, 0]) == .stalls)
        #expect(DiracVerdict(theta: [1, .nan], psi: [1, 2]) == .diverges)
    }
}
