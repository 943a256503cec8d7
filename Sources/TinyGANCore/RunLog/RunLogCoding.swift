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

    /// Reads a run log in chunks, as `RunLogReader` does; with
    /// `maxEpochRecords`, keeps at most that many epoch records, evenly
    /// spread (`EpochThinning`), in memory independent of the log's length.
    public static func read(from url: URL, maxEpochRecords: Int? = nil) throws -> RunLog {
        try RunLogReader.read(url, maxEpochRecords: maxEpochRecords)
    }

    /// The bytes of `url`, or an error naming it.
    static func contents(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw unreadable(url)
        }
    }

    static func unreadable(_ url: URL) -> TinyGANError {
        TinyGANError.file(url.path, line: nil, "cannot be read (no such file, or not readable)")
    }

    /// Parses JSON Lines text; `file` names the source in errors.
    public static func decode(_ data: Data, file: String) throws -> RunLog {
        try decode(data, file: file, byteParsers: true)
    }

    /// Parses JSON Lines text with `JSONDecoder` for every line and every
    /// array: the reference that the byte-level readers (`EpochLineParser`,
    /// `RecordArraySplicer`) are tested and timed against.
    public static func decodeWithFoundation(_ data: Data, file: String) throws -> RunLog {
        try decode(data, file: file, byteParsers: false)
    }

    static func decode(_ data: Data, file: String, byteParsers: Bool) throws -> RunLog {
        var assembler = RunLogAssembler(file: file, byteParsers: byteParsers)
        let lineCount = try data.withUnsafeBytes { bytes in
            try RunLogReader.forEachLine(in: bytes, firstNumber: 1, final: true) { line, number in
                try assembler.add(line, number: number)
            }.lines
        }
        return try assembler.finish(lineCount: lineCount)
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

    struct TypeTag: Decodable { var type: String }

    /// A record with its "type" key, flattened into one JSON object.
    struct Line<Record: Codable>: Codable {
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
