import Foundation

/// Writes and reads run logs: JSON Lines, one record per line, each with a
/// "type" of "header", "epoch", "snapshot" or "final", in that order.
/// NaN and infinities, which JSON lacks, are the strings "nan", "inf", "-inf".
public enum RunLogCoding {
    static let nonConforming = (positive: "inf", negative: "-inf", nan: "nan")

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonConforming.positive, negativeInfinity: nonConforming.negative,
            nan: nonConforming.nan)
        return encoder
    }

    static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonConforming.positive, negativeInfinity: nonConforming.negative,
            nan: nonConforming.nan)
        return decoder
    }

    /// The log as JSON Lines text, ending with a newline.
    public static func encode(_ log: RunLog) throws -> Data {
        let encoder = makeEncoder()
        var data = Data()
        func append<R: Codable>(_ type: String, _ record: R) throws {
            data.append(try encoder.encode(Line(type: type, record: record)))
            data.append(0x0A)
        }
        try append("header", log.header)
        for record in log.epochs { try append("epoch", record) }
        for record in log.snapshots { try append("snapshot", record) }
        if let final = log.final { try append("final", final) }
        return data
    }

    /// Writes the log atomically: to a temporary file beside `url`, then a
    /// rename, so a reader never sees half a log. Creates missing folders.
    public static func write(_ log: RunLog, to url: URL) throws {
        try AtomicFile.write(try encode(log), to: url)
    }

    public static func read(from url: URL) throws -> RunLog {
        try decode(try contents(of: url), file: url.path)
    }

    /// The bytes of `url`, or an error naming it.
    static func contents(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw TinyGANError.file(url.path, line: nil, "cannot be read (no such file, or not readable)")
        }
    }

    /// Parses JSON Lines text; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> RunLog {
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        let decoder = makeDecoder()
        var log: RunLog?
        var sawFinal = false
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            func fail(_ reason: String) -> TinyGANError { TinyGANError.file(file, line: number, reason) }
            let type: String
            do {
                type = try decoder.decode(TypeTag.self, from: Data(line)).type
            } catch {
                throw fail("is not a run-log record (\(Self.describe(error)))")
            }
            if sawFinal { throw fail("follows the final record") }
            do {
                switch type {
                case "header":
                    guard log == nil else { throw fail("repeats the header") }
                    let header: RunHeader
                    do {
                        header = try decoder.decode(Line<RunHeader>.self, from: Data(line)).record
                    } catch let error as TinyGANError where error.file == nil {
                        // The config decoded but is not one tinygan can run (validated like any config),
                        // or names a data file that changed since the run.
                        throw fail(error.kind == .failure ? "cannot be used: \(error.reason)"
                                                          : "has a configuration out of bounds: \(error.reason)")
                    }
                    guard RunHeader.readableFormats.contains(header.format) else {
                        throw fail("has run-log format \(header.format); this tinygan reads formats "
                            + "\(RunHeader.readableFormats.lowerBound) to \(RunHeader.readableFormats.upperBound)")
                    }
                    log = RunLog(header: header)
                case "epoch":
                    guard log != nil else { throw fail("comes before the header") }
                    log!.epochs.append(try decoder.decode(Line<EpochRecord>.self, from: Data(line)).record)
                case "snapshot":
                    guard log != nil else { throw fail("comes before the header") }
                    log!.snapshots.append(try decoder.decode(Line<SnapshotRecord>.self, from: Data(line)).record)
                case "final":
                    guard log != nil else { throw fail("comes before the header") }
                    log!.final = try decoder.decode(Line<FinalRecord>.self, from: Data(line)).record
                    sawFinal = true
                default:
                    throw fail("has an unknown record type '\(type)'")
                }
            } catch let error as TinyGANError {
                throw error
            } catch {
                throw fail("is a malformed \(type) record (\(Self.describe(error)))")
            }
        }
        guard let log else { throw TinyGANError.file(file, line: nil, "holds no run-log header (empty or not a run log)") }
        // A printout of the original without its final values, written
        // as a run log (a report's `runs/`), ends after its epochs.
        guard sawFinal || log.isOriginalPrintout else {
            throw TinyGANError.file(file, line: lines.count, "is truncated: no final record")
        }
        return log
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let context):
            context.codingPath.isEmpty ? "invalid JSON"
                : "bad value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "\(error)"
        }
    }

    private struct TypeTag: Decodable { var type: String }


    /// A record with its "type" key, flattened into one JSON object.
    private struct Line<Record: Codable>: Codable {
        var type: String
        var record: Record

        init(type: String, record: Record) {
            self.type = type
            self.record = record
        }

        enum CodingKeys: String, CodingKey { case type }

        init(from decoder: Decoder) throws {
            type = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .type)
            record = try Record(from: decoder)
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(type, forKey: .type)
            try record.encode(to: encoder)
        }
    }
}
