import Foundation

/// Reads what the original PyTorch script prints, so the article's figures
/// can be drawn from a run of the original (REFERENCE.md, "What the original
/// prints"):
///
///     Epoch 100: D (0.657 real_err, 0.616 fake_err) G (0.747 err); Real Dist ([3.997, 1.266]),  Fake Dist ([4.504, 0.160])
///     ...
///     Plotting the generated distribution...
///      Values: [v1, v2, ...]
///
/// Numbers may be bare or wrapped as `np.float64(...)` / `np.float32(...)`
/// (newer numpy). The printed epoch is 0-based; the log's is the number of
/// epochs completed, so `Epoch 100` becomes epoch 101. The result is a run
/// log of the article's configuration with one epoch record per printed
/// line, no snapshots, and a final record whose samples are the printed
/// values; it has no weights (the original does not print them). The
/// original prints the values only when matplotlib is installed; without
/// them the log has no final record (`RunLog.isOriginalPrintout` tells such
/// a log apart from one still being written). Lines may
/// end in LF, CRLF (Windows) or CR alone (old Mac OS): each is one line end.
/// Lines of other programs between them and a last line cut short are
/// skipped, each with a note (`read`).
public enum OriginalPrintout {
    static let epochLine = try! NSRegularExpression(pattern:
        #"Epoch\s+(\d+):\s*D\s*\(\s*(\S+)\s+real_err,\s*(\S+)\s+fake_err\)\s*G\s*\(\s*(\S+)\s+err\);\s*Real Dist\s*\(\[(.*?)\]\),\s*Fake Dist\s*\(\[(.*?)\]\)"#)

    /// The header's `tool` of a log read from a printout.
    public static let toolName = "original PyTorch script (printed output)"

    /// Whether `text` looks like the original's output.
    public static func recognizes(_ text: String) -> Bool {
        text.contains("real_err") && text.contains("Fake Dist")
    }

    /// A log read from a file, with what the reader noticed on the way:
    /// lines it skipped and a last line cut short, each as one sentence
    /// ("line 812: not a line of the original's output, skipped: '...'").
    /// A tinygan run log has no notes.
    public struct Reading: Sendable {
        public var log: RunLog
        public var notes: [String]
    }

    /// The lines the original prints besides its epochs and values
    /// (REFERENCE.md): read and passed over without a note.
    static let knownLines = ["Using data", "Plotting the generated distribution", "Will skip plotting"]

    /// At most this many skipped lines are named one by one; the rest are
    /// counted in one note.
    static let namedSkips = 3

    public static func parse(_ text: String, file: String) throws -> RunLog { try read(text, file: file).log }

    /// Reads what is whole and says what is not. Lines that are neither an
    /// epoch line, the values nor another line of the original (a Python
    /// warning, a progress bar between the epochs) are skipped with a note,
    /// and so is an epoch line that is not whole. The last line, when the
    /// text does not end in a line end, may be cut mid-line (the run was
    /// stopped, the copy was short): if it is not whole it is skipped with the
    /// note "last line cut"; a `Values` list cut short there leaves the run
    /// without final values (a prefix of them would be a smaller sample,
    /// not the printed one). An epoch line whose numbers cannot be read, or a
    /// `Values` list that is not whole before the end, is an error naming
    /// its line: that is a different program's output, not a cut one.
    public static func read(_ text: String, file: String) throws -> Reading {
        var epochs: [EpochRecord] = []
        var values: [Float]?
        var notes: [String] = []
        var skipped: [Int] = []
        // A Character is a grapheme cluster, so "\r\n" is one, and a newline.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, rawLine) in lines.enumerated() {
            let line = String(rawLine)
            let number = index + 1
            // Without a line end after it, the last line may be cut.
            let mayBeCut = index == lines.count - 1
            func fail(_ reason: String) -> TinyGANError { TinyGANError.file(file, line: number, reason) }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.contains("real_err") {
                guard let record = try epochRecord(line, fail: fail) else {
                    if mayBeCut { notes.append("last line cut: \(TinyGANError.quote(line, limit: 60)), skipped") }
                    else { notes.append("line \(number): an epoch line that is not whole, skipped: \(TinyGANError.quote(line, limit: 60))") }
                    continue
                }
                epochs.append(record)
            } else if let start = line.range(of: "Values:") {
                let list = line[start.upperBound...].trimmingCharacters(in: .whitespaces)
                guard list.hasPrefix("["), list.hasSuffix("]"), let parsed = numbers(String(list.dropFirst().dropLast())),
                      !parsed.isEmpty else {
                    guard mayBeCut else { throw fail("has a Values list that cannot be read (cut short?)") }
                    let whole = max(0, list.dropFirst().split(separator: ",").count - 1)
                    notes.append("last line cut: the Values list ends after \(whole) whole value(s) without its "
                        + "closing ']'; the run is read without final values")
                    continue
                }
                values = parsed.map(Float.init)
            } else if !knownLines.contains(where: { line.trimmingCharacters(in: .whitespaces).hasPrefix($0) }) {
                if mayBeCut { notes.append("last line cut: \(TinyGANError.quote(line, limit: 60)), skipped") }
                else { skipped.append(number) }
            }
        }
        notes.insert(contentsOf: skippedNotes(skipped, lines: lines), at: 0)
        guard !epochs.isEmpty else {
            throw TinyGANError.file(file, line: nil, "holds no epoch lines of the original's output")
        }
        var config = Presets.article
        config.logInterval = max(1, epochs.count > 1 ? epochs[1].epoch - epochs[0].epoch : 1)
        config.epochs = max(config.epochs, epochs.last!.epoch)
        let header = RunHeader(config: config, seed: 0, tool: toolName)
        // Without matplotlib the original prints no final values: the log
        // then holds the epochs alone, and figures that need the final
        // samples say so.
        guard let values else { return Reading(log: RunLog(header: header, epochs: epochs, snapshots: [], final: nil), notes: notes) }
        let target = config.target
        let histogram = Histogram.forTarget(target, holding: values)
        let diverged = !values.allSatisfy(\.isFinite)
        let final = FinalRecord(
            epochsCompleted: config.epochs, diverged: diverged,
            divergence: diverged ? "non-finite values in the printed output" : nil, lastBatch: values,
            evaluation: SampleStatistics(samples: values, target: target), samples: values, histogram: histogram,
            generator: nil, discriminator: nil, wallSeconds: 0)
        return Reading(log: RunLog(header: header, epochs: epochs, snapshots: [], final: final), notes: notes)
    }

    /// One epoch line as a record, or nil when the line is not a whole
    /// epoch line; an error when it is one but a number cannot be read.
    static func epochRecord(_ line: String, fail: (String) -> TinyGANError) throws -> EpochRecord? {
        let ns = line as NSString
        guard let m = epochLine.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func group(_ k: Int) -> String { ns.substring(with: m.range(at: k)) }
        guard let epoch = Int(group(1)), let dReal = number(group(2)), let dFake = number(group(3)),
              let g = number(group(4)) else { throw fail("has a number that cannot be read") }
        guard (0..<Settings.maxEpochs).contains(epoch) else {
            throw fail("has epoch \(TinyGANError.quote(group(1), limit: 30)), beyond the \(Settings.maxEpochs) epochs a run may have")
        }
        let real = numbers(group(5)), fake = numbers(group(6))
        guard let real, let fake, real.count == 2, fake.count == 2 else {
            throw fail("has a distribution that is not [mean, std]")
        }
        return EpochRecord(epoch: epoch + 1, dRealLoss: Float(dReal), dFakeLoss: Float(dFake),
                           gLoss: Float(g), realMean: Float(real[0]), realStd: Float(real[1]),
                           fakeMean: Float(fake[0]), fakeStd: Float(fake[1]))
    }

    /// The notes for skipped lines (1-based numbers): the first
    /// `namedSkips` one by one with their text, the rest counted.
    static func skippedNotes(_ skipped: [Int], lines: [Substring]) -> [String] {
        var notes = skipped.prefix(namedSkips).map { number in
            "line \(number): not a line of the original's output, skipped: \(TinyGANError.quote(lines[number - 1], limit: 60))"
        }
        let rest = skipped.dropFirst(namedSkips)
        if let first = rest.first, let last = rest.last {
            notes.append("\(rest.count) more line(s) not of the original's output, from line \(first) to line \(last), skipped")
        }
        return notes
    }

    /// "0.5", "np.float64(0.5)", "nan" -> Double.
    static func number(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        if let open = t.firstIndex(of: "("), t.hasSuffix(")") { t = String(t[t.index(after: open)..<t.index(before: t.endIndex)]) }
        switch t.lowercased() {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default: return Double(t)
        }
    }

    static func numbers(_ list: String) -> [Double]? {
        let parts = list.split(separator: ",").map { String($0) }
        let parsed = parts.compactMap(number)
        return parsed.count == parts.count ? parsed : nil
    }
}

extension RunLogCoding {
    /// Reads either a tinygan run log or the original script's printed
    /// output, whichever the file holds; anything else is an error naming it.
    /// A run log is read in chunks (`read(from:maxEpochRecords:)`); with
    /// `maxEpochRecords`, either kind keeps at most that many epoch records,
    /// evenly spread (`EpochThinning`): enough for figures, not for tables.
    public static func load(from url: URL, maxEpochRecords: Int? = nil) throws -> RunLog {
        try loadNoting(from: url, maxEpochRecords: maxEpochRecords).log
    }

    /// Like `load`, with what the reader noticed in a printout
    /// (`OriginalPrintout.Reading`); a tinygan run log has no notes.
    public static func loadNoting(from url: URL, maxEpochRecords: Int? = nil) throws -> OriginalPrintout.Reading {
        if try startsWithBrace(url) {
            return OriginalPrintout.Reading(log: try read(from: url, maxEpochRecords: maxEpochRecords), notes: [])
        }
        let data = try contents(of: url)
        guard let first = data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            throw TinyGANError.file(url.path, line: nil, "is empty")
        }
        if first == UInt8(ascii: "{") { return OriginalPrintout.Reading(log: try decode(data, file: url.path), notes: []) }
        let text = String(decoding: data, as: UTF8.self)
        guard OriginalPrintout.recognizes(text) else {
            throw TinyGANError.file(url.path, "is neither a tinygan run log nor the printed output of the original script")
        }
        var reading = try OriginalPrintout.read(text, file: url.path)
        if let maxEpochRecords { reading.log.epochs = EpochThinning.thin(reading.log.epochs, to: maxEpochRecords) }
        return reading
    }

    /// Whether the first of the first 64 KiB of `url` that is not white space is "{".
    static func startsWithBrace(_ url: URL) throws -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw unreadable(url) }
        defer { try? handle.close() }
        let head: Data?  // nil for an empty file
        do { head = try handle.read(upToCount: 1 << 16) } catch { throw unreadable(url) }
        return (head ?? Data()).first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "{")
    }
}
