import Foundation
import Testing
import TinyGANTestSupport
import TinyGANCore

/// The fast reader (chunks, `EpochLineParser`) against the reference
/// (`JSONDecoder` for every line): the same records, bit for bit.
@Suite struct EpochLineParserTests {
    /// Every field of every epoch record, floats as bit patterns (so NaN
    /// compares, and -0 differs from 0).
    func bits(_ log: RunLog) -> [[UInt64]] {
        log.epochs.map { r in
            [UInt64(bitPattern: Int64(r.epoch)), r.dPenalty.map { UInt64($0.bitPattern) } ?? UInt64.max]
                + [r.dRealLoss, r.dFakeLoss, r.gLoss, r.realMean, r.realStd, r.fakeMean, r.fakeStd]
                    .map { UInt64($0.bitPattern) }
        }
    }

    /// Writes `log`, reads it back the fast way (from the file, in chunks,
    /// and from memory) and the reference way, and expects them equal; also
    /// that the parser, not the fallback, read every epoch line.
    func expectAgreement(_ log: RunLog, _ comment: Comment) throws {
        let data = try RunLogCoding.encode(log)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-parse-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        let reference = try RunLogCoding.decodeWithFoundation(data, file: "x")
        for fast in [try RunLogCoding.read(from: url), try RunLogCoding.decode(data, file: "x")] {
            #expect(bits(fast) == bits(reference), comment)
            #expect(fast.epochs.count == log.epochs.count, comment)
            #expect(try RunLogCoding.encode(fast) == RunLogCoding.encode(reference), comment)
        }
        var parsed = 0
        let text = String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") where line.contains(#""type":"epoch""#) {
            var bytes = Array(line.utf8)
            if bytes.withUnsafeMutableBytes({ EpochLineParser.parse(UnsafeRawBufferPointer($0)) }) != nil { parsed += 1 }
        }
        #expect(parsed == log.epochs.count, comment)
    }

    @Test func syntheticLogs() throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            try expectAgreement(syntheticLog(seed: seed, epochs: 300), "synthetic seed \(seed)")
        }
        try expectAgreement(syntheticLog(diverged: true), "synthetic, diverged")
    }

    @Test func trainedLogsOfEveryLossAndPenalty() throws {
        for loss in [GANLoss.bce, .minimax, .leastSquares, .hinge, .wasserstein, .wassersteinGP] {
            var config = quickConfig(epochs: 40)
            config.loss = loss
            config.logInterval = 1
            var trainer = try Trainer(config: config, seed: 5)
            let log = trainer.run()
            #expect((loss == .wassersteinGP) == (log.epochs.first?.dPenalty != nil))
            try expectAgreement(log, "loss \(loss.rawValue)")
        }
        var penalized = quickConfig(epochs: 40)
        penalized.gradientPenalty = 1
        penalized.r2Penalty = 0.5
        var trainer = try Trainer(config: penalized, seed: 2)
        let log = trainer.run()
        #expect(log.epochs.allSatisfy { $0.dPenalty != nil })
        try expectAgreement(log, "R1 and R2")
        try expectAgreement(try trainedMixtureLog(loss: .hinge), "mixture target, hinge")
    }

    /// NaN, infinities, zeros of both signs, the extremes of Float (subnormal
    /// too) and 20,000 random bit patterns: every float the encoder can write.
    @Test func everyKindOfFloat() throws {
        var log = syntheticLog(epochs: 2600)
        let special: [Float] = [.nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude,
                                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, 1e-5, 123456792, 0.1]
        var rng = Xoshiro256StarStar(seed: 11)
        for i in log.epochs.indices {
            func value(_ k: Int) -> Float {
                let n = i * 8 + k
                if n < special.count { return special[n] }
                return Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()))
            }
            log.epochs[i].dRealLoss = value(0)
            log.epochs[i].dFakeLoss = value(1)
            log.epochs[i].dPenalty = i % 3 == 0 ? nil : value(2)
            log.epochs[i].gLoss = value(3)
            log.epochs[i].realMean = value(4)
            log.epochs[i].realStd = value(5)
            log.epochs[i].fakeMean = value(6)
            log.epochs[i].fakeStd = value(7)
        }
        try expectAgreement(log, "special and random floats")
    }

    /// Numbers the encoder does not write but JSON allows: 17-digit
    /// decimals of random Doubles (which a Double-then-Float parse could
    /// round twice) and the exact midpoints between neighbouring Floats
    /// (ties, to even), each read as the decoder reads it.
    @Test func decimalsBetweenFloats() throws {
        let text = String(decoding: try RunLogCoding.encode(syntheticLog(epochs: 4000)), as: UTF8.self)
        var rng = Xoshiro256StarStar(seed: 5)
        var lines = text.split(separator: "\n").map(String.init)
        for i in lines.indices where lines[i].contains(#""type":"epoch""#) {
            let value: Double
            if i % 2 == 0 {
                value = Double(bitPattern: rng.next() & 0x3FFF_FFFF_FFFF_FFFF | 0x3800_0000_0000_0000)  // in [2^-127, 1)
            } else {
                let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()) & 0x7F7F_FFFF)
                value = (Double(f) + Double(f.nextUp)) / 2
            }
            lines[i] = lines[i].replacingOccurrences(of: #""gLoss":0.7,"#, with: "\"gLoss\":\(value),")
        }
        let data = Data(lines.joined(separator: "\n").utf8)
        let fast = try RunLogCoding.decode(data, file: "x")
        let reference = try RunLogCoding.decodeWithFoundation(data, file: "x")
        #expect(bits(fast) == bits(reference))
        #expect(Set(fast.epochs.map(\.gLoss)).count > 3000)
    }

    /// Lines the parser does not recognize exactly go to the decoder: the
    /// same record when it reads them, the same error when it does not.
    @Test func unexpectedLinesFallBackToTheDecoder() throws {
        let text = String(decoding: try RunLogCoding.encode(syntheticLog(epochs: 3)), as: UTF8.self)
        var lines = text.split(separator: "\n").map(String.init)
        let epoch = lines[1]
        let variants = [
            epoch.replacingOccurrences(of: #"{"dFakeLoss""#, with: #"{"extra":[1,2],"dFakeLoss""#),
            epoch.replacingOccurrences(of: ":", with: ": "),
            " " + epoch + " ",
            epoch + "\r",
            epoch.replacingOccurrences(of: #","type":"epoch"}"#, with: #","type":"epoch","dPenalty":null}"#),
            epoch.replacingOccurrences(of: #""epoch":1,"#, with: #""epoch":1.0,"#),
            epoch.replacingOccurrences(of: #""gLoss":0.7,"#, with: #""gLoss":7E-1,"#),
            epoch.replacingOccurrences(of: #""gLoss":0.7,"#, with: #""gLoss":0.000,"#),
        ]
        for variant in variants {
            var bytes = Array(variant.utf8)
            let parsed = bytes.withUnsafeMutableBytes { EpochLineParser.parse(UnsafeRawBufferPointer($0)) }
            lines[1] = variant
            let data = Data(lines.joined(separator: "\n").utf8)
            let fast = try RunLogCoding.decode(data, file: "x")
            let reference = try RunLogCoding.decodeWithFoundation(data, file: "x")
            #expect(bits(fast) == bits(reference), "\(variant)")
            // Exponent and zero forms are JSON the parser reads itself; the others it leaves.
            #expect((parsed != nil) == (variant.contains("7E-1") || variant.contains("0.000,")), "\(variant)")
        }
        let failing = [
            epoch.replacingOccurrences(of: #""gLoss":0.7,"#, with: #""gLoss":1e39,"#),   // beyond Float
            epoch.replacingOccurrences(of: #""gLoss":0.7,"#, with: #""gLoss":1e-50,"#),  // rounds to zero
            epoch.replacingOccurrences(of: #""gLoss":0.7,"#, with: #""gLoss":"NaN","#),  // not the encoder's string
            epoch.replacingOccurrences(of: #""gLoss":0.7,"#, with: #""gLoss":07,"#),     // leading zero
            epoch.replacingOccurrences(of: #""gLoss":0.7,"#, with: #""gLoss":-0.0e5,"#), // a zero the decoder refuses
            epoch.replacingOccurrences(of: #""epoch":1,"#, with: #""epoch":99999999999999999999,"#),
            String(epoch.dropLast()),
        ]
        for variant in failing {
            var bytes = Array(variant.utf8)
            #expect(bytes.withUnsafeMutableBytes { EpochLineParser.parse(UnsafeRawBufferPointer($0)) } == nil)
            lines[1] = variant
            let data = Data(lines.joined(separator: "\n").utf8)
            func message(_ read: () throws -> RunLog) -> String? {
                do { _ = try read(); return nil } catch { return "\(error)" }
            }
            let fast = message { try RunLogCoding.decode(data, file: "x") }
            let reference = message { try RunLogCoding.decodeWithFoundation(data, file: "x") }
            #expect(fast != nil && fast == reference, "\(variant)")
        }
    }

    /// A log of several MiB crosses the reader's chunks: the same log as
    /// from memory, and an error's line number counted across chunks.
    @Test func chunkBoundariesAndLineNumbers() throws {
        let log = syntheticLog(epochs: 30_000)
        var data = try RunLogCoding.encode(log)
        #expect(data.count > 3 << 20)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-chunks-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        #expect(try RunLogCoding.read(from: url) == log)
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        lines[25_000] = "{\"type\":\"epoch\"}"
        data = Data(lines.joined(separator: "\n").utf8)
        try data.write(to: url)
        #expect { try RunLogCoding.read(from: url) } throws: { error in
            (error as? TinyGANError)?.line == 25_001 && "\(error)".contains("malformed epoch record")
        }
        // Without a final record (and no newline at the end), the last line is named.
        lines.removeLast(lines.count - 20_000)
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        #expect { try RunLogCoding.read(from: url) } throws: { error in
            (error as? TinyGANError)?.line == 20_000 && "\(error)".contains("truncated")
        }
    }
}
