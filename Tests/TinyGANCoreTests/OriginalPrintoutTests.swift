import Foundation
import Testing
import TinyGANCore
import TinyGANTestSupport

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

    /// A last line cut mid-line is read as far as it is whole and named;
    /// the same damage before the end is an error naming its line.
    @Test func truncatedOutputIsNamed() throws {
        let full = Self.printout(newNumpy: false)
        let halfValues = String(full.dropLast(8))
        let reading = try OriginalPrintout.read(halfValues, file: "half.txt")
        #expect(reading.log.final == nil && reading.log.epochs.count == 3)
        #expect(reading.notes == ["last line cut: the Values list ends after 2 whole value(s) without its closing ']'; "
            + "the run is read without final values"])
        #expect { try OriginalPrintout.parse(halfValues + "\nmore\n", file: "mid.txt") } throws: { "\($0)".contains("mid.txt: line 5") }
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
        let halfValues = String(converted.dropLast(8))  // "\r\n" is one Character
        let cut = try OriginalPrintout.read(halfValues, file: "half.txt")
        #expect(cut.log.epochs == expected.epochs && cut.log.final == nil)
        #expect(cut.notes.count == 1 && cut.notes[0].hasPrefix("last line cut: the Values list ends after 2 whole"))
        let middle = converted.replacingOccurrences(of: "Plotting", with: "warning\(ending)Plotting")
        #expect(try OriginalPrintout.read(middle, file: "w.txt").notes == ["line 4: not a line of the original's output, skipped: 'warning'"])
    }
}

/// Printouts as they come from real runs: warnings and progress bars
/// between the epoch lines, a last line cut mid-line, Windows line ends.
/// The printouts are written from REFERENCE.md's form (`OriginalPrintoutText`).
@Suite struct DamagedPrintoutTests {
    static let clean = OriginalPrintoutText(lastMean: 4.1, lastStd: 1.2,
                                            values: OriginalPrintoutText.normalValues(mean: 4, std: 1.25))

    /// Python's warnings (two lines each) and a tqdm bar between epoch
    /// lines are skipped, each named with its line number, up to three;
    /// the rest are counted. What is read equals the clean printout.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func interleavedLinesAreSkippedAndNamed(_ ending: String) throws {
        var lines = Self.clean.lines
        let warning = ["/usr/lib/python3/site-packages/torch/nn/modules/loss.py:535: UserWarning: Using a target size "
                       + "(torch.Size([1])) that is different to the input size (torch.Size([]))",
                       "  return F.binary_cross_entropy(input, target, weight=self.weight, reduction=self.reduction)"]
        lines.insert(contentsOf: warning, at: 4)  // after "Epoch 200"
        lines.insert(contentsOf: warning, at: 10)
        lines.insert(" 42%|████▏     | 2100/5000 [01:20<01:51, 26.1it/s]", at: 30)
        let text = lines.map { $0 + ending }.joined()
        let reading = try OriginalPrintout.read(text, file: "warned.txt")
        let expected = try OriginalPrintout.read(Self.clean.text(), file: "clean.txt")
        #expect(expected.notes.isEmpty)
        #expect(reading.log == expected.log)
        #expect(reading.notes.count == 4)
        #expect(reading.notes[0].hasPrefix("line 5: not a line of the original's output, skipped: '/usr/lib/python3"))
        #expect(reading.notes[1].hasPrefix("line 6: not a line"))
        #expect(reading.notes[2].hasPrefix("line 11: not a line"))
        #expect(reading.notes[3] == "2 more line(s) not of the original's output, from line 12 to line 31, skipped")
    }

    /// An epoch line broken by another program's output in the middle of
    /// the printout is skipped, named; its neighbours are read.
    @Test func brokenEpochLineIsSkipped() throws {
        var lines = Self.clean.lines
        let broken = lines[5]
        lines[5] = String(broken.prefix(60)) + "UserWarning: something"  // lines[5] is "Epoch 400"
        let reading = try OriginalPrintout.read(lines.map { $0 + "\n" }.joined(), file: "broken.txt")
        let clean = try OriginalPrintout.parse(Self.clean.text(), file: "clean.txt")
        #expect(reading.log.epochs == clean.epochs.enumerated().filter { $0.offset != 4 }.map(\.element))
        #expect(reading.notes == ["line 6: an epoch line that is not whole, skipped: \(TinyGANError.quote(lines[5], limit: 60))"])
    }

    /// Cut mid-line at every place of the last epoch line of a printout
    /// without values: the whole lines are read, the cut one named (unless
    /// the cut falls after its last bracket, where the line is whole).
    @Test func cutLastEpochLine() throws {
        var printout = Self.clean
        printout.values = nil
        let text = printout.text()
        let lastLine = printout.lines.last!
        let before = String(text.dropLast(lastLine.count + 1))
        let whole = try OriginalPrintout.parse(text, file: "whole.txt")
        for length in stride(from: 1, to: lastLine.count, by: 7) {
            let cut = before + lastLine.prefix(length)
            let reading = try OriginalPrintout.read(cut, file: "cut.txt")
            let isWhole = lastLine.prefix(length).contains("Fake Dist") && lastLine.prefix(length).hasSuffix("])")
            #expect(reading.log.epochs == (isWhole ? whole.epochs : Array(whole.epochs.dropLast())))
            #expect(reading.notes == (isWhole ? [] : ["last line cut: \(TinyGANError.quote(lastLine.prefix(length), limit: 60)), skipped"]))
        }
    }

    /// A Values list cut short: the epochs are read, the run has no final
    /// values, and the note counts the whole values before the cut.
    @Test func cutValues() throws {
        let text = Self.clean.text(ending: "\r\n")
        let valuesLine = Self.clean.lines.last!
        let commas = valuesLine.indices.filter { valuesLine[$0] == "," }
        let cutAt = commas[99]  // after the 100th value
        // "\r\n" is one Character.
        let cut = String(text.dropLast(valuesLine.count + 1)) + valuesLine[..<valuesLine.index(cutAt, offsetBy: 3)]
        let reading = try OriginalPrintout.read(cut, file: "cut.txt")
        #expect(reading.log.final == nil && reading.log.epochs.count == Self.clean.epochCount)
        #expect(reading.notes == ["last line cut: the Values list ends after 100 whole value(s) without its closing ']'; "
            + "the run is read without final values"])
    }
}
