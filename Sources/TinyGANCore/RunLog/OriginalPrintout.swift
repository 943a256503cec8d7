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
public enum OriginalPrintout {
    static let epochLine = try! NSRegularExpression(pattern:
        #"Epoch\s+(\d+):\s*D\s*\(\s*(\S+)\s+real_err,\s*(\S+)\s+fake_err\)\s*G\s*\(\s*(\S+)\s+err\);\s*Real Dist\s*\(\[(.*?)\]\),\s*Fake Dist\s*\(\[(.*?)\]\)"#)

    /// The header's `tool` of a log read from a printout.
    public static let toolName = "original PyTorch script (printed output)"

    /// Whether `text` looks like the original's output.
    public static func recognizes(_ text: String) -> Bool {
        text.contains("real_err") && text.contains("Fake Dist")
    }

    public static func parse(_ text: String, file: String) throws -> RunLog {
        var epochs: [EpochRecord] = []
        var values: [Float]?
        // A Character is a grapheme cluster, so "\r\n" is one, and a newline.
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(rawLine)
            func fail(_ reason: String) -> TinyGANError { TinyGANError.file(file, line: index + 1, reason) }
            if line.contains("real_err") {
                let ns = line as NSString
                guard let m = epochLine.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else {
                    throw fail("is not a complete epoch line of the original's output")
                }
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
                epochs.append(EpochRecord(epoch: epoch + 1, dRealLoss: Float(dReal), dFakeLoss: Float(dFake),
                                          gLoss: Float(g), realMean: Float(real[0]), realStd: Float(real[1]),
                                          fakeMean: Float(fake[0]), fakeStd: Float(fake[1])))
            } else if let start = line.range(of: "Values:") {
                let list = line[start.upperBound...].trimmingCharacters(in: .whitespaces)
                guard list.hasPrefix("["), list.hasSuffix("]"), let parsed = numbers(String(list.dropFirst().dropLast())),
                      !parsed.isEmpty else {
                    throw fail("has a Values list that cannot be read (cut short?)")
                }
                values = parsed.map(Float.init)
            }
        }
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
        guard let values else { return RunLog(header: header, epochs: epochs, snapshots: [], final: nil) }
        let target = config.target
        let histogram = Histogram.forTarget(target, holding: values)
        let diverged = !values.allSatisfy(\.isFinite)
        let final = FinalRecord(
            epochsCompleted: config.epochs, diverged: diverged,
            divergence: diverged ? "non-finite values in the printed output" : nil, lastBatch: values,
            evaluation: SampleStatistics(samples: values, target: target), samples: values, histogram: histogram,
            generator: nil, discriminator: nil, wallSeconds: 0)
        return RunLog(header: header, epochs: epochs, snapshots: [], final: final)
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
        if try startsWithBrace(url) { return try read(from: url, maxEpochRecords: maxEpochRecords) }
        let data = try contents(of: url)
        guard let first = data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) else {
            throw TinyGANError.file(url.path, line: nil, "is empty")
        }
        if first == UInt8(ascii: "{") { return try decode(data, file: url.path) }
        let text = String(decoding: data, as: UTF8.self)
        guard OriginalPrintout.recognizes(text) else {
            throw TinyGANError.file(url.path, "is neither a tinygan run log nor the printed output of the original script")
        }
        var log = try OriginalPrintout.parse(text, file: url.path)
        if let maxEpochRecords { log.epochs = EpochThinning.thin(log.epochs, to: maxEpochRecords) }
        return log
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
