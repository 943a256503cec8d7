import Foundation
import Testing
import TinyGANTestSupport
import TinyGANCore

/// The byte-level reading of snapshots' and final records' arrays
/// (`RecordArraySplicer`) against `JSONDecoder` on every whole line: the
/// same records bit for bit, or the same error.
@Suite struct RecordArraySplicerTests {
    /// Every float of the snapshots and the final record as bit patterns
    /// (NaN compares, -0 differs from 0), with the histograms' counts.
    func bits(_ log: RunLog) -> [[UInt64]] {
        func floats(_ values: [Float]?) -> [UInt64] { (values ?? []).map { UInt64($0.bitPattern) } + [UInt64.max] }
        func ints(_ values: [Int]) -> [UInt64] { values.map { UInt64(bitPattern: Int64($0)) } + [UInt64.max] }
        var rows = log.snapshots.map { s in
            floats(s.mapping) + floats(s.generator.parameters) + floats(s.discriminator?.parameters)
                + ints(s.histogram.counts)
        }
        if let f = log.final {
            rows.append(floats(f.samples) + floats(f.lastBatch) + floats(f.generator?.parameters)
                + floats(f.discriminator?.parameters) + ints(f.histogram.counts))
        }
        return rows
    }

    /// Reads `data` both ways (and from a file, in chunks) and expects the
    /// same log bit for bit; returns it.
    @discardableResult
    func expectAgreement(_ data: Data, _ comment: Comment) throws -> RunLog {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tinygan-splice-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try data.write(to: url)
        let reference = try RunLogCoding.decodeWithFoundation(data, file: "x")
        for fast in [try RunLogCoding.read(from: url), try RunLogCoding.decode(data, file: "x")] {
            #expect(bits(fast) == bits(reference), comment)
            #expect(try RunLogCoding.encode(fast) == RunLogCoding.encode(reference), comment)
        }
        return reference
    }

    /// How many arrays the splicer reads itself in each snapshot and final line.
    func splicedArrays(_ data: Data) -> [Int] {
        String(decoding: data, as: UTF8.self).split(separator: "\n")
            .filter { $0.contains(#""type":"snapshot""#) || $0.contains(#""type":"final""#) }
            .map { line in
                var bytes = Array(line.utf8)
                return bytes.withUnsafeMutableBytes { RecordArraySplicer.splicedArrayCount(UnsafeRawBufferPointer($0)) }
            }
    }

    @Test func syntheticAndTrainedLogs() throws {
        let synthetic = try RunLogCoding.encode(syntheticLog(seed: 2, epochs: 300))
        try expectAgreement(synthetic, "synthetic")
        // Snapshots: mapping, G's parameters, counts; the final record: samples, last batch, counts, G's and D's parameters.
        let counts = splicedArrays(synthetic)
        #expect(counts.count >= 2 && counts.dropLast().allSatisfy { $0 == 3 }, "\(counts)")
        var config = quickConfig(epochs: 40)
        config.logInterval = 1
        var trainer = try Trainer(config: config, seed: 5)
        let trained = try RunLogCoding.encode(trainer.run())
        try expectAgreement(trained, "trained")
        #expect(splicedArrays(trained).last == 5)
        // D judging samples: its weights in every snapshot too.
        let mixture = try RunLogCoding.encode(try trainedMixtureLog(loss: .hinge))
        let log = try expectAgreement(mixture, "mixture, D on samples")
        #expect(log.snapshots.allSatisfy { $0.discriminator != nil })
        #expect(splicedArrays(mixture).dropLast().allSatisfy { $0 == 4 })
        try expectAgreement(try RunLogCoding.encode(syntheticLog(diverged: true)), "diverged")
    }

    /// NaN, infinities, zeros of both signs, the extremes of Float (subnormal
    /// too) and random bit patterns in every array of floats.
    @Test func everyKindOfFloat() throws {
        var log = syntheticLog(epochs: 200)
        let special: [Float] = [.nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude,
                                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, 1e-5, 123456792, 0.1]
        var rng = Xoshiro256StarStar(seed: 17)
        func values(_ count: Int) -> [Float] {
            special + (0..<count).map { _ in Float(bitPattern: UInt32(truncatingIfNeeded: rng.next())) }
        }
        log.final!.samples = values(20_000)
        log.final!.lastBatch = values(500)
        log.final!.generator!.parameters = values(40)
        for i in log.snapshots.indices {
            log.snapshots[i].mapping = values(101)
            log.snapshots[i].generator.parameters = values(10)
        }
        let read = try expectAgreement(try RunLogCoding.encode(log), "special and random floats")
        #expect(read.final!.samples.count == 20_013)
    }

    /// Numbers the encoder does not write but JSON allows, in the samples:
    /// 17-digit decimals of random Doubles, midpoints between neighbouring
    /// Floats (ties, to even), exponent forms and zeros written long (a zero
    /// with an exponent the splicer leaves to the decoder, which reads "0e0"
    /// and refuses "0e5").
    @Test func decimalsBetweenFloats() throws {
        var log = syntheticLog(epochs: 100)
        log.final!.samples = [0.5]
        let text = String(decoding: try RunLogCoding.encode(log), as: UTF8.self)
        var rng = Xoshiro256StarStar(seed: 6)
        var numbers: [String] = ["7E-1", "0.000", "-0.000", "0e0", "0E+1", "1e-45", "3.4028235e38", "1.0E+2", "10e-1"]
        for k in 0..<5000 {
            if k % 2 == 0 {
                numbers.append("\(Double(bitPattern: rng.next() & 0x3FFF_FFFF_FFFF_FFFF | 0x3800_0000_0000_0000))")
            } else {
                let f = Float(bitPattern: UInt32(truncatingIfNeeded: rng.next()) & 0x7F7F_FFFF)
                numbers.append("\((Double(f) + Double(f.nextUp)) / 2)")
            }
        }
        let replaced = text.replacingOccurrences(of: #""samples":[0.5]"#,
                                                 with: "\"samples\":[\(numbers.joined(separator: ","))]")
        #expect(replaced != text)
        let data = Data(replaced.utf8)
        let read = try expectAgreement(data, "decimals")
        #expect(read.final!.samples.count == numbers.count)
        // The samples go to the decoder with the zeros with exponents, to the splicer without them.
        let withoutZeroExponents = Data(replaced.replacingOccurrences(of: ",0e0,0E+1,", with: ",").utf8)
        try expectAgreement(withoutZeroExponents, "decimals without zeros with exponents")
        #expect(splicedArrays(withoutZeroExponents).last! == splicedArrays(data).last! + 1)
    }

    /// Arrays and lines it does not recognize exactly go to the decoder:
    /// the same record when it reads them, the same error when it does not.
    @Test func unexpectedArraysFallBackToTheDecoder() throws {
        var log = syntheticLog(epochs: 3)
        log.final!.samples = [1.5, -2, 0.25]
        log.final!.divergence = "x"
        let text = String(decoding: try RunLogCoding.encode(log), as: UTF8.self)
        var lines = text.split(separator: "\n").map(String.init)
        let finalIndex = lines.lastIndex { $0.contains(#""type":"final""#) }!
        let final = lines[finalIndex]
        #expect(final.contains(#""samples":[1.5,-2,0.25]"#) && final.contains(#""divergence":"x""#))
        func variant(_ old: String, _ new: String) -> String {
            let changed = final.replacingOccurrences(of: old, with: new)
            #expect(changed != final, "\(old)")
            return changed
        }
        let readable = [
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5, -2, 0.25]"#),        // white space
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,"nan",0.25]"#),      // the encoder's NaN
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[]"#),                     // empty
            variant(#""divergence":"x""#, #""divergence":"\"samples\":[9]""#),          // a key inside a string
            variant(#""divergence":"x""#, #""divergence":"[{]}\\""#),                  // brackets in a string
            variant(#""divergence":"x""#, #""extra":[[1],{"samples":[2]}],"divergence":"x""#), // nested arrays
            variant(#""samples":"#, #""samp\u006ces":[7],"samples":"#),                  // an escaped key
            variant(#""counts":["#, #""counts":[-0,"#),                                   // -0 as an integer
            variant(#""counts":["#, #""counts":[1.0,"#),                                  // 1.0 as an integer
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,-2,0.25],"samples":[3]"#), // a key twice
        ]
        for line in readable {
            lines[finalIndex] = line
            try expectAgreement(Data(lines.joined(separator: "\n").utf8), "\(line.prefix(200))")
        }
        let failing = [
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,1e39,0.25]"#),     // beyond Float
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,null,0.25]"#),
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,-2,0.25"#),         // unclosed
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,-2,0.25]]"#),       // one bracket too many
            variant(#""counts":["#, #""counts":[1e400,"#),
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,0e5,0.25]"#),        // zeros the decoder refuses
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,-0.0e5,0.25]"#),
            variant(#""samples":[1.5,-2,0.25]"#, #""samples":[1.5,7.006492321624085e-46,0.25]"#), // rounds to 0
            variant(#""divergence":"x""#, #""divergence":"x"#),                        // unterminated string
        ]
        for line in failing {
            lines[finalIndex] = line
            let data = Data(lines.joined(separator: "\n").utf8)
            func message(_ read: () throws -> RunLog) -> String? {
                do { _ = try read(); return nil } catch { return "\(error)" }
            }
            let fast = message { try RunLogCoding.decode(data, file: "x") }
            let reference = message { try RunLogCoding.decodeWithFoundation(data, file: "x") }
            #expect(fast != nil && fast == reference, "\(line.prefix(200)): \(fast ?? "read") vs \(reference ?? "read")")
        }
    }
}
