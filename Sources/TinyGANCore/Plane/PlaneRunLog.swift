import Foundation

/// The log of one run on a 2-D target (the 2-D lab): JSON Lines as the 1-D
/// run log (`RunLogCoding`: a "type" on every line, NaN and infinities as
/// strings), with the plane's records: "header" (`RunHeader`, the same
/// settings table), "plane-epoch", "plane-snapshot" and "plane-final".
/// Points are planar and coordinate-major: n points are x_0 ... x_(n-1)
/// then y_0 ... y_(n-1).
public struct PlaneRunLog: Equatable, Sendable {
    public var header: RunHeader
    public var epochs: [PlaneEpochRecord] = []
    public var snapshots: [PlaneSnapshotRecord] = []
    public var final: PlaneFinalRecord?

    public init(header: RunHeader) { self.header = header }

    public var config: TrainingConfig { header.config }
    public var target: PlaneTarget { header.config.target.plane! }
}

/// One logged epoch: the last D step's losses (and its penalties' sum,
/// nil without one) and the last G step's loss.
public struct PlaneEpochRecord: Codable, Equatable, Sendable {
    public var epoch: Int
    public var dRealLoss: Float
    public var dFakeLoss: Float
    public var dPenalty: Float?
    public var gLoss: Float
}

/// How a generator did at one epoch, on `PlaneTrainer.evaluationSampleCount`
/// fresh points (the papers' 2,500): the mode statistics (targets with
/// modes) and KL and JS on the 30 x 30 grid (every target).
public struct PlaneEvaluation: Codable, Equatable, Sendable {
    public var modes: PlaneModeStatistics?
    public var grid: GridDivergence

    /// With `referenceShares`, the target's reference already binned
    /// (`GridDivergence.referenceShares`); without, binned here.
    public init(points: [Float], target: PlaneTarget, referenceShares: [Double]? = nil) {
        modes = PlaneModeStatistics(planar: points, target: target)
        grid = GridDivergence(generated: points,
                              realShares: referenceShares ?? GridDivergence.referenceShares(of: target),
                              bounds: target.bounds)
    }
}

/// G and D at one epoch (0: before training), with G's points and their
/// evaluation: the frames of the evolution figures and the page's slider.
public struct PlaneSnapshotRecord: Codable, Equatable, Sendable {
    public var epoch: Int
    public var generator: NetworkWeights
    public var discriminator: NetworkWeights
    /// Planar, `PlaneTrainer.evaluationSampleCount` points.
    public var points: [Float]
    public var evaluation: PlaneEvaluation
}

/// The end of a run: like a snapshot at the last completed epoch, with
/// how the run ended and its wall time.
public struct PlaneFinalRecord: Codable, Equatable, Sendable {
    public var epochsCompleted: Int
    public var diverged: Bool
    public var divergence: String?
    public var generator: NetworkWeights
    public var discriminator: NetworkWeights
    public var points: [Float]
    public var evaluation: PlaneEvaluation
    public var wallSeconds: Double
}

/// Writes and reads plane run logs.
public enum PlaneRunLogCoding {
    public static func encode(_ log: PlaneRunLog) throws -> Data {
        let encoder = RunLogCoding.makeEncoder()
        var data = Data()
        func append<R: Codable>(_ type: String, _ record: R) throws {
            data.append(try encoder.encode(RunLogCoding.Line(type: type, record: record)))
            data.append(0x0A)
        }
        try append("header", log.header)
        for record in log.epochs { try append("plane-epoch", record) }
        for record in log.snapshots { try append("plane-snapshot", record) }
        if let final = log.final { try append("plane-final", final) }
        return data
    }

    /// Writes the log atomically (`AtomicFile`).
    public static func write(_ log: PlaneRunLog, to url: URL) throws {
        try AtomicFile.write(try encode(log), to: url)
    }

    /// Reads a plane log; a 1-D log, a damaged line or a header whose
    /// target is not in the plane is a failure naming the file and line.
    public static func decode(_ data: Data, file: String) throws -> PlaneRunLog {
        let decoder = RunLogCoding.makeDecoder()
        var log: PlaneRunLog?
        var number = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) else { continue }
            func fail(_ reason: String) -> TinyGANError { .failure("\(file), line \(number): \(reason)") }
            do {
                let type = try decoder.decode(RunLogCoding.TypeTag.self, from: line).type
                switch (type, log) {
                case ("header", nil):
                    let header = try decoder.decode(RunLogCoding.Line<RunHeader>.self, from: line).record
                    guard header.config.target.plane != nil else {
                        throw fail("a log of the 1-D target \(header.config.target.spec), not of a 2-D one")
                    }
                    log = PlaneRunLog(header: header)
                case ("plane-epoch", _?):
                    log!.epochs.append(try decoder.decode(RunLogCoding.Line<PlaneEpochRecord>.self, from: line).record)
                case ("plane-snapshot", _?):
                    log!.snapshots.append(try decoder.decode(RunLogCoding.Line<PlaneSnapshotRecord>.self, from: line).record)
                case ("plane-final", _?):
                    log!.final = try decoder.decode(RunLogCoding.Line<PlaneFinalRecord>.self, from: line).record
                case (_, nil): throw fail("the first record must be the header (got '\(type)')")
                default: throw fail("unexpected record '\(type)' in a 2-D run log")
                }
            } catch let error as TinyGANError {
                throw error
            } catch {
                throw fail(RunLogCoding.describe(error))
            }
        }
        guard let log else { throw TinyGANError.failure("\(file): empty run log") }
        return log
    }

    public static func read(from url: URL) throws -> PlaneRunLog {
        try decode(try RunLogCoding.contents(of: url), file: url.path)
    }
}

extension PlaneRunLogCoding {
    /// Whether the file's first line is the header of a 2-D run (read from
    /// its first 1 MB only); false for anything else, which the 1-D reader
    /// then names.
    public static func startsPlaneLog(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1 << 20), let line = head.split(separator: 0x0A).first,
              let header = try? RunLogCoding.makeDecoder().decode(RunLogCoding.Line<RunHeader>.self, from: line),
              header.type == "header" else { return false }
        return header.record.config.target.plane != nil
    }
}
