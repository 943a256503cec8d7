import Foundation

/// Builds a `RunLog` from its lines in order: a header, epoch records,
/// snapshots and a final record, each line checked as `RunLogCoding.decode`
/// documents, with errors naming the file and line. Epoch lines go through
/// `EpochLineParser` when `fastEpochs` is on, and through `JSONDecoder` when
/// it is off or the parser does not recognize the line; every other record
/// goes through `JSONDecoder`.
struct RunLogAssembler {
    let file: String
    let fastEpochs: Bool
    private let decoder = RunLogCoding.makeDecoder()
    private var log: RunLog?
    private var sawFinal = false
    private var thinning: EpochThinning?

    /// With `maxEpochRecords`, keeps at most that many epoch records (`EpochThinning`).
    init(file: String, fastEpochs: Bool = true, maxEpochRecords: Int? = nil) {
        self.file = file
        self.fastEpochs = fastEpochs
        thinning = maxEpochRecords.map { EpochThinning(capacity: $0) }
    }

    /// Reads one line (without its LF); `number` counts lines from 1.
    mutating func add(_ line: UnsafeRawBufferPointer, number: Int) throws {
        func fail(_ reason: String) -> TinyGANError { TinyGANError.file(file, line: number, reason) }
        if fastEpochs, let record = EpochLineParser.parse(line) {
            if sawFinal { throw fail("follows the final record") }
            guard log != nil else { throw fail("comes before the header") }
            append(record)
            return
        }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { return }
        let data = Data(line)
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
                guard log == nil else { throw fail("repeats the header") }
                let header: RunHeader
                do {
                    header = try decoder.decode(RunLogCoding.Line<RunHeader>.self, from: data).record
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
                append(try decoder.decode(RunLogCoding.Line<EpochRecord>.self, from: data).record)
            case "snapshot":
                guard log != nil else { throw fail("comes before the header") }
                log!.snapshots.append(try decoder.decode(RunLogCoding.Line<SnapshotRecord>.self, from: data).record)
            case "final":
                guard log != nil else { throw fail("comes before the header") }
                log!.final = try decoder.decode(RunLogCoding.Line<FinalRecord>.self, from: data).record
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
