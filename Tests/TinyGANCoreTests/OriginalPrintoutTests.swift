import Foundation
import Testing
import TinyGANCore

/// The original script's printed output, written here from its documented
/// form (REFERENCE.md) in both numpy number formats.
@Suite struct OriginalPrintoutTests {
    static func printout(newNumpy: Bool, epochs: [Int] = [0, 100, 200], values: [Double] = [3.5, 4.25, 5.0, 4.0]) -> String {
        func n(_ x: Double) -> String { newNumpy ? "np.float64(\(x))" : "\(x)" }
        var lines = epochs.map { e in
            let m = 4.5 - Double(e) / 1000
            return "Epoch \(e): D (0.6573215723037720 real_err, 0.616 fake_err) G (0.747 err); "
                + "Real Dist ([\(n(3.997)), \(n(1.266))]),  Fake Dist ([\(n(m)), \(n(0.16))]) "
        }
        lines.append("Plotting the generated distribution...")
        lines.append(" Values: [\(values.map { "\($0)" }.joined(separator: ", "))]")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [false, true])
    func parsesEpochsAndValues(_ newNumpy: Bool) throws {
        let log = try OriginalPrintout.parse(Self.printout(newNumpy: newNumpy), file: "out.txt")
        #expect(log.epochs.map(\.epoch) == [1, 101, 201])
        #expect(log.epochs[0].dRealLoss == 0.657321572303772)
        #expect(log.epochs[1].fakeMean == 4.4 && log.epochs[1].fakeStd == 0.16)
        #expect(log.epochs[2].realMean == 3.997 && log.epochs[2].realStd == 1.266)
        #expect(log.final?.samples == [3.5, 4.25, 5.0, 4.0])
        #expect(log.final?.lastBatch == [3.5, 4.25, 5.0, 4.0])
        #expect(abs((log.final?.evaluation.mean ?? 0) - 4.1875) < 1e-12)
        #expect(log.final?.generator == nil && log.header.config.logInterval == 100)
        #expect(log.final?.histogram.total == 4)
    }

    @Test func loadDetectsTheFormat() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-orig-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let printed = folder.appendingPathComponent("printed.txt")
        try Data(Self.printout(newNumpy: true).utf8).write(to: printed)
        #expect(try RunLogCoding.load(from: printed).epochs.count == 3)
        var trainer = try Trainer(config: quickConfig(epochs: 3), seed: 1)
        let jsonl = folder.appendingPathComponent("run.jsonl")
        try RunLogCoding.write(trainer.run(), to: jsonl)
        #expect(try RunLogCoding.load(from: jsonl).header.seed == 1)
        let other = folder.appendingPathComponent("notes.txt")
        try Data("just some notes\n".utf8).write(to: other)
        #expect { try RunLogCoding.load(from: other) } throws: {
            "\($0)".contains("notes.txt") && "\($0)".contains("neither a tinygan run log nor")
        }
        let empty = folder.appendingPathComponent("empty.jsonl")
        try Data().write(to: empty)
        #expect { try RunLogCoding.load(from: empty) } throws: { "\($0)".contains("empty.jsonl is empty") }
    }

    /// Without matplotlib the original prints no final values: the
    /// printout ends after its epochs and reads as a log of epochs alone.
    @Test func printoutWithoutFinalValues() throws {
        let full = Self.printout(newNumpy: false)
        let cut = String(full.prefix(upTo: full.range(of: "Plotting")!.lowerBound))
        let log = try OriginalPrintout.parse(cut, file: "cut.txt")
        #expect(log.final == nil && log.isOriginalPrintout)
        #expect(log.epochs == (try OriginalPrintout.parse(full, file: "full.txt")).epochs)
    }

    @Test func truncatedOutputIsNamed() {
        let full = Self.printout(newNumpy: false)
        let halfValues = String(full.dropLast(8))
        #expect { try OriginalPrintout.parse(halfValues, file: "half.txt") } throws: { "\($0)".contains("line 5") }
        let badEpoch = full.replacingOccurrences(of: "G (0.747 err)", with: "G (oops err)")
        #expect { try OriginalPrintout.parse(badEpoch, file: "bad.txt") } throws: { "\($0)".contains("bad.txt: line 1") }
    }

    /// Case 16: a printout saved on Windows (CRLF) or old Mac OS (CR alone)
    /// reads as the same run log as with LF, by text and through a file, and
    /// its errors name the same lines.
    @Test(arguments: [(false, "\r\n"), (true, "\r\n"), (false, "\r"), (true, "\r")])
    func lineEndingsDoNotMatter(_ newNumpy: Bool, _ ending: String) throws {
        let text = Self.printout(newNumpy: newNumpy)
        let converted = text.replacingOccurrences(of: "\n", with: ending)
        #expect(converted != text)
        let expected = try OriginalPrintout.parse(text, file: "lf.txt")
        #expect(try OriginalPrintout.parse(converted, file: "other.txt") == expected)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-eol-\(UUID()).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(converted.utf8).write(to: file)
        #expect(try RunLogCoding.load(from: file) == expected)
        let halfValues = String(converted.dropLast(8))
        #expect { try OriginalPrintout.parse(halfValues, file: "half.txt") } throws: { "\($0)".contains("line 5") }
    }
}
