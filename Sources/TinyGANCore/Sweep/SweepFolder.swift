import Foundation

/// What a sweep folder is: `sweep.json` (the plan, and the shard it holds),
/// `runs/POINT/seedK.jsonl` (one log per finished run, each written
/// atomically), `summary.json` and `summary.csv`. A folder never holds a
/// half-written log, so an interrupted sweep keeps every finished run and
/// `--resume` continues it.
public struct SweepFolder: Sendable {
    public struct Manifest: Codable, Equatable, Sendable {
        public var format: Int
        public var plan: SweepPlan
        /// Shard I of N (1-based), or nil for the whole plan.
        public var shardIndex: Int?
        public var shardCount: Int?

        public static let currentFormat = 1
    }

    public let url: URL
    public let manifest: Manifest

    /// The runs this folder is to hold: its shard of the plan.
    public func runs() throws -> [SweepPlan.Run] {
        if let index = manifest.shardIndex, let count = manifest.shardCount {
            return try manifest.plan.shard(index, of: count)
        }
        return try manifest.plan.runs()
    }

    /// A new sweep folder, or with `resume` the same sweep's existing one.
    public static func prepare(at url: URL, plan: SweepPlan, shard: (index: Int, count: Int)?, resume: Bool) throws
        -> SweepFolder {
        let manifest = Manifest(format: Manifest.currentFormat, plan: plan, shardIndex: shard?.index,
                                shardCount: shard?.count)
        let file = url.appendingPathComponent("sweep.json")
        if FileManager.default.fileExists(atPath: url.path) {
            guard resume else {
                throw TinyGANError.usage("\(url.path) already exists; add --resume to continue that sweep, or choose another --out")
            }
            let existing = try open(url)
            guard existing.manifest == manifest else {
                throw TinyGANError.usage("\(url.path) holds a different sweep (another preset, grid, seeds or shard); "
                    + "--resume continues only the same sweep")
            }
            return existing
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(manifest), to: file)
        return SweepFolder(url: url, manifest: manifest)
    }

    /// An existing sweep folder.
    public static func open(_ url: URL) throws -> SweepFolder {
        let file = url.appendingPathComponent("sweep.json")
        guard let data = try? RegularFile.read(file) else {
            throw TinyGANError.file(file.path, line: nil, "cannot be read: \(url.path) is not a sweep folder")
        }
        do {
            let manifest = try JSONDecoder().decode(Manifest.self, from: data)
            guard manifest.format == Manifest.currentFormat else {
                throw TinyGANError.file(file.path, line: nil, "has sweep format \(manifest.format)")
            }
            return SweepFolder(url: url, manifest: manifest)
        } catch let error as TinyGANError {
            throw error
        } catch {
            throw TinyGANError.file(file.path, line: nil, "is not a valid sweep manifest (\(RunLogCoding.describe(error)))")
        }
    }

    /// The finished log of `run`, or nil if it is missing or incomplete.
    public func finishedLog(_ run: SweepPlan.Run) -> RunLog? {
        guard let log = try? RunLogCoding.read(from: url.appendingPathComponent(run.logPath)),
              log.header.seed == run.seed, log.header.config == run.config else { return nil }
        return log
    }

    /// The finished log of the 2-D run `run`, or nil if it is missing or incomplete.
    public func finishedPlaneLog(_ run: SweepPlan.Run) -> PlaneRunLog? {
        guard let log = try? PlaneRunLogCoding.read(from: url.appendingPathComponent(run.logPath)),
              log.header.seed == run.seed, log.header.config == run.config, log.final != nil else { return nil }
        return log
    }

    /// Whether the sweep's runs are on a 2-D target (all or none are: `SweepPlan`).
    public var isPlane: Bool { manifest.plan.isPlane }

    /// The runs of this folder that have no finished log yet.
    public func pendingRuns() throws -> [SweepPlan.Run] {
        try runs().filter { $0.config.target.plane != nil ? finishedPlaneLog($0) == nil : finishedLog($0) == nil }
    }

    /// Trains the pending runs on `threads` threads, writing each log as soon
    /// as it is done; `finished(done, total)` follows the progress.
    public func trainPending(threads: Int, finished: (@Sendable (Int, Int) -> Void)? = nil) throws {
        try Self.train(try pendingRuns().map { (self, $0) }, threads: threads, finished: finished)
    }

    /// The pending runs of several sweep folders, folder by folder, each
    /// with its folder: what `train` takes.
    public static func pendingRuns(of folders: [SweepFolder]) throws -> [(SweepFolder, SweepPlan.Run)] {
        try folders.flatMap { folder in try folder.pendingRuns().map { (folder, $0) } }
    }

    /// Trains runs of several sweep folders in one pool of `threads`
    /// threads (so that no thread idles at the end of each folder),
    /// writing each log into its folder as soon as its run ends.
    public static func train(_ pending: [(SweepFolder, SweepPlan.Run)], threads: Int,
                             finished: (@Sendable (Int, Int) -> Void)? = nil) throws {
        try ParallelRuns.validate(pending.map(\.1.config))
        let total = pending.count
        var progress: (@Sendable (Int) -> Void)?
        if let finished { progress = { done in finished(done, total) } }
        try ParallelRuns.perform(total, threads: threads, finished: progress) { index in
            let (folder, run) = pending[index]
            let file = folder.url.appendingPathComponent(run.logPath)
            if run.config.target.plane != nil {
                var trainer = try PlaneTrainer(config: run.config, seed: run.seed)
                try PlaneRunLogCoding.write(trainer.run(), to: file)
            } else {
                var trainer = try Trainer(config: run.config, seed: run.seed)
                try RunLogCoding.write(trainer.run(), to: file)
            }
        }
    }

    /// Reads every finished run of a 1-D sweep and writes `summary.json`
    /// and `summary.csv`.
    @discardableResult
    public func summarize() throws -> SweepSummary {
        guard !isPlane else {
            throw TinyGANError.usage("\(url.path) is a sweep of a 2-D target: its summary is a plane summary")
        }
        let runs = try runs()
        var rows: [SweepRow] = []
        for run in runs {
            if let log = finishedLog(run) { rows.append(SweepRow(run: run, log: log)) }
        }
        let summary = SweepSummary(plan: manifest.plan, rows: rows, missing: runs.count - rows.count)
        try Self.writeSummary(summary, csv: summary.csv, to: url)
        return summary
    }

    /// Reads every finished run of a 2-D sweep and writes `summary.json`
    /// and `summary.csv`.
    @discardableResult
    public func summarizePlane() throws -> PlaneSweepSummary {
        let runs = try runs()
        let rows = runs.compactMap { run in finishedPlaneLog(run).map { PlaneSweepRow(run: run, log: $0) } }
        let summary = PlaneSweepSummary(plan: manifest.plan, rows: rows, missing: runs.count - rows.count)
        try Self.writeSummary(summary, csv: summary.csv, to: url)
        return summary
    }

    /// The summary of the sweep, 1-D or 2-D, written as `summarize` and
    /// `summarizePlane` write it.
    @discardableResult
    public func summarizeEither() throws -> SweepOutcome {
        isPlane ? .plane(try summarizePlane()) : .line(try summarize())
    }

    static func writeSummary<Summary: Encodable>(_ summary: Summary, csv: String, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try AtomicFile.write(try encoder.encode(summary), to: url.appendingPathComponent("summary.json"))
        try AtomicFile.write(Data(csv.utf8), to: url.appendingPathComponent("summary.csv"))
    }

    /// Joins the shard folders of one sweep into `destination` (which must
    /// not exist): copies their logs and writes the whole sweep's summary.
    /// Only regular files are copied (a log that is a link is refused, by
    /// name), and the folder is built beside `destination` and renamed into
    /// place (`StagedFolder`), so a merge killed half-way leaves no folder
    /// in the way of the next one.
    /// Shards of different sweeps, or a set with a shard missing or twice,
    /// are refused before anything is written.
    public static func merge(_ shards: [URL], into destination: URL) throws -> SweepOutcome {
        let folders = try shards.map(open)
        guard let first = folders.first else { throw TinyGANError.usage("merge needs at least one shard folder") }
        for folder in folders where folder.manifest.plan != first.manifest.plan {
            throw TinyGANError.usage("\(folder.url.path) is a shard of a different sweep than \(first.url.path)")
        }
        let count = first.manifest.shardCount ?? 1
        let indices = folders.map { $0.manifest.shardIndex ?? 1 }
        guard folders.allSatisfy({ ($0.manifest.shardCount ?? 1) == count }), Set(indices).count == indices.count,
              Set(indices) == Set(1...count) else {
            throw TinyGANError.usage("merge needs shards 1 to \(count) of one sweep, each once (got \(indices.sorted().map(String.init).joined(separator: ", ")))")
        }
        if FileKind.of(destination.path) != .missing {
            throw TinyGANError.usage("\(destination.path) already exists; merge writes a new folder")
        }
        let manifest = Manifest(format: Manifest.currentFormat, plan: first.manifest.plan, shardIndex: nil, shardCount: nil)
        var summary: SweepOutcome?
        try StagedFolder.build(at: destination, replacing: false, proof: proof(manifest)) { staging in
            for folder in folders {
                for run in try folder.runs() {
                    let source = folder.url.appendingPathComponent(run.logPath)
                    guard FileKind.of(source.path) != .missing else { continue }
                    try AtomicFile.write(try RegularFile.read(source), to: staging.appendingPathComponent(run.logPath))
                }
            }
            summary = try SweepFolder(url: staging, manifest: manifest).summarizeEither()
        }
        return summary!
    }

    /// A sweep folder's proof of being tinygan's: its `sweep.json`.
    static func proof(_ manifest: Manifest) -> FolderProof {
        FolderProof(
            what: "a tinygan sweep", file: "sweep.json",
            mark: { folder in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try AtomicFile.write(try encoder.encode(manifest), to: folder.appendingPathComponent("sweep.json"))
            },
            isMarked: { (try? SweepFolder.open($0)) != nil },
            refusal: { _ in "merge writes a new folder" })
    }
}
