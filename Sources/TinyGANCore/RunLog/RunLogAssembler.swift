import Foundation

/// Builds a `RunLog` from its lines in order: a header, epoch records,
/// snapshots and a final record, each line checked as `RunLogCoding.decode`
/// documents, with errors naming the file and line. With `byteParsers` on,
/// epoch lines go through `EpochLineParser` and the long number arrays of
/// snapshots and final records through `RecordArraySplicer`, and whatever
/// they do not recognize through `JSONDecoder`; with it off, every line goes
/// through `JSONDecoder` (the reference they are tested against).
struct RunLogAssembler {
    let file: String
    let byteParsers: Bool
    private let decoder = RunLogCoding.makeDecoder()
    private var log: RunLog?
    /// `log != nil`, without comparing (which copies the log, a retain of
    /// each of its arrays, at every line).
    private var hasHeader = false
    private var sawFinal = false
    private var thinning: EpochThinning?

    /// With `maxEpochRecords`, keeps at most that many epoch records (`EpochThinning`).
    init(file: String, byteParsers: Bool = true, maxEpochRecords: Int? = nil) {
        self.file = file
        self.byteParsers = byteParsers
        thinning = maxEpochRecords.map { EpochThinning(capacity: $0) }
    }

    /// Reads one line (without its LF); `number` counts lines from 1.
    mutating func add(_ line: UnsafeRawBufferPointer, number: Int) throws {
        func fail(_ reason: String) -> TinyGANError { TinyGANError.file(file, line: number, reason) }
        if byteParsers, let record = EpochLineParser.parse(line) {
            if sawFinal { throw fail("follows the final record") }
            guard hasHeader else { throw fail("comes before the header") }
            append(record)
            return
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return }
        // The line without its long arrays for snapshots and final records,
        // the whole line for every other record.
        let spliced = byteParsers ? RecordArraySplicer.splice(line) : nil
        let data = spliced?.remainder ?? Data(line)
        func whole() -> Data { spliced == nil ? data : Data(line) }
        let type: String
        do {
            type = try decoder.decode(RunLogCoding.TypeTag.self, from: data).type
        } catch {
            throw fail("is not a run-log record (\(RunLogCoding.describe(error)))")
        }
        if sawFinal { throw fail("follows the final record") }
        do {
            switch type {
            case "header":
                guard !hasHeader else { throw fail("repeats the header") }
                let header: RunHeader
                do {
                    header = try decoder.decode(RunLogCoding.Line<RunHeader>.self, from: whole()).record
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
                hasHeader = true
            case "epoch":
                guard hasHeader else { throw fail("comes before the header") }
                append(try decoder.decode(RunLogCoding.Line<EpochRecord>.self, from: whole()).record)
            case "snapshot":
                guard hasHeader else { throw fail("comes before the header") }
                var snapshot = try decoder.decode(RunLogCoding.Line<SnapshotRecord>.self, from: data).record
                spliced?.restore(into: &snapshot)
                log!.snapshots.append(snapshot)
            case "final":
                guard hasHeader else { throw fail("comes before the header") }
                var final = try decoder.decode(RunLogCoding.Line<FinalRecord>.self, from: data).record
                spliced?.restore(into: &final)
                log!.final = final
                sawFinal = true
            case _ where type.hasPrefix("plane-"):
                throw fail("is a record of a 2-D run ('\(type)'): tinygan plot draws such a log; export, report "
                    + "and sweeps take 1-D logs, for now")
            default:
                throw fail("has an unknown record type '\(type)'")
            }
        } catch let error as TinyGANError {
            throw error
        } catch {
            throw fail("is a malformed \(type) record (\(RunLogCoding.describe(error)))")
        }
    }

    private mutating func append(_ record: EpochRecord) {
        if thinning != nil { thinning!.add(record) } else { log!.epochs.append(record) }
    }

    /// The log, once every line is in; `lineCount` is the number of the last line.
    func finish(lineCount: Int) throws -> RunLog {
        guard var log else { throw TinyGANError.file(file, line: nil, "holds no run-log header (empty or not a run log)") }
        // A printout of the original without its final values, written
        // as a run log (a report's `runs/`), ends after its epochs.
        guard sawFinal || log.isOriginalPrintout else {
            throw TinyGANError.file(file, line: lineCount, "is truncated: no final record")
        }
        if let thinning { log.epochs = thinning.records }
        return log
    }
}
