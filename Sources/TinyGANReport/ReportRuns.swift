import Foundation
import TinyGANCore

/// The runs a report is about: one main run, told in detail, and the runs
/// of the fragility experiment (the article's ten).
public struct ReportRuns: Sendable {
    public var main: RunLog
    public var grid: [RunLog]
    /// The Dirac-GAN experiment of the section "Why GANs orbit"
    /// (`runs/dirac.json`); nil when the logs came without one, and the
    /// report then computes it (`DiracTraining.experiment`, milliseconds).
    public var dirac: DiracLog?
    /// What the reader noticed in the printouts read ("FILE: line 12: not
    /// a line of the original's output, skipped: ..."; `OriginalPrintout.read`).
    public var notes: [String]
    /// The names of printouts of the original, which all have seed 0: the
    /// file name without its extension and a "main-" prefix, in the
    /// characters of a safe file name (`printoutName`); nil for other logs.
    var names: (main: String?, grid: [String?]) = (nil, [])

    public init(main: RunLog, grid: [RunLog], dirac: DiracLog? = nil, notes: [String] = []) {
        self.main = main
        self.grid = grid
        self.dirac = dirac
        self.notes = notes
    }

    public var all: [RunLog] { [main] + grid }

    /// The runs of a new report: the main run on `seed`, the experiment on
    /// the next `gridCount` seeds. The experiment's runs log every 10th
    /// epoch and snapshot every 500th (their figures need only the end);
    /// that changes what is written, never what is trained.
    public static func plan(_ config: TrainingConfig, seed: UInt64, gridCount: Int) -> [ParallelRuns.Job] {
        var gridConfig = config
        gridConfig.logInterval = max(config.logInterval, 10)
        gridConfig.snapshotInterval = max(config.snapshotInterval, 500)
        return [ParallelRuns.Job(config: config, seed: seed)]
            + (1...max(gridCount, 1)).map { ParallelRuns.Job(config: gridConfig, seed: seed + UInt64($0)) }
    }

    /// File names in a report's `runs/` folder.
    public static let mainPrefix = "main-"

    /// Reads the logs of a report folder (its `runs/`) or of any folder of
    /// run logs. The main run is the one whose file name starts with
    /// "main-", else the one with the lowest seed; the others form the
    /// experiment (with a single log, it is both); `dirac.json` beside them
    /// is the Dirac-GAN log (`DiracLog`), if there is one. Printouts of the
    /// original (`.txt`) are read too, with or without their final values
    /// (the original prints them only with matplotlib); without, the run is
    /// shown but not judged, and the main run is then the first that has
    /// them, unless a file is named "main-". A tinygan log without its final
    /// record is a run still training or cut off: its reader refuses it,
    /// naming it (`RunLogCoding.decode`). All must share one
    /// configuration (up to how often they log): a report is about one
    /// experiment, so mixed folders are refused, naming the files.
    public static func read(folder: URL) throws -> ReportRuns {
        let runs = folder.appendingPathComponent("runs")
        var isFolder: ObjCBool = false
        let source = FileManager.default.fileExists(atPath: runs.path, isDirectory: &isFolder) && isFolder.boolValue
            ? runs : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: source.path) else {
            throw TinyGANError.failure("\(folder.path) is not a readable folder")
        }
        let logFiles = names.filter { $0.hasSuffix(".jsonl") || $0.hasSuffix(".txt") }.sorted()
        guard !logFiles.isEmpty else { throw TinyGANError.failure("\(source.path) holds no run logs (*.jsonl)") }
        let readings = try logFiles.map { (name: $0, reading: try RunLogCoding.loadNoting(from: source.appendingPathComponent($0))) }
        var logs = readings.map { (name: $0.name, log: $0.reading.log) }
        let notes = readings.flatMap { entry in entry.reading.notes.map { "\(entry.name): \($0)" } }
        // The configuration most logs share is the experiment; the others are named.
        let configs = logs.map { comparable($0.log.header.config) }
        let reference = configs.max { a, b in configs.filter { $0 == a }.count < configs.filter { $0 == b }.count }!
        let strangers = zip(logs, configs).filter { $0.1 != reference }.map(\.0.name)
        if !strangers.isEmpty {
            let kept = zip(logs, configs).first { $0.1 == reference }!.0.name
            throw TinyGANError.failure("\(source.path) mixes experiments: \(strangers.joined(separator: ", ")) "
                + "\(strangers.count == 1 ? "differs" : "differ") in configuration from \(kept) and the others; "
                + "a report is about one experiment")
        }
        logs.sort { $0.log.header.seed < $1.log.header.seed }
        let mainIndex = logs.firstIndex { $0.name.hasPrefix(mainPrefix) } ?? logs.firstIndex { $0.log.final != nil } ?? 0
        let main = logs.remove(at: mainIndex)
        let diracFile = source.appendingPathComponent(DiracLog.fileName)
        let dirac = FileManager.default.fileExists(atPath: diracFile.path) ? try DiracLog.read(from: diracFile) : nil
        var result = ReportRuns(main: main.log, grid: logs.isEmpty ? [main.log] : logs.map(\.log), dirac: dirac, notes: notes)
        result.names = (printoutName(main), (logs.isEmpty ? [main] : logs).map(printoutName))
        return result
    }

    /// A printout's name for its run: its file name without extension and
    /// "main-", every character but letters, digits, ".", "_" and "-" as
    /// "_" (the name goes into file names and links); nil for a tinygan log.
    static func printoutName(_ entry: (name: String, log: RunLog)) -> String? {
        guard entry.log.isOriginalPrintout else { return nil }
        var stem = (entry.name as NSString).deletingPathExtension
        if stem.hasPrefix(mainPrefix) { stem.removeFirst(mainPrefix.count) }
        let safe = String(stem.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        return safe.isEmpty || safe.hasPrefix(".") ? "printout" + safe : safe
    }

    /// The configuration without its logging intervals.
    static func comparable(_ config: TrainingConfig) -> TrainingConfig {
        var c = config
        c.logInterval = 1
        c.snapshotInterval = 1
        return c
    }

    /// The names, without extension, of the runs' files in a report's
    /// `runs/`: `main-seedS` for the main run, `seedK` for each run of the
    /// experiment (`seedK-2`, ... for a seed that repeats); a printout of
    /// the original is named by its file (`names`) instead of its seed, 0
    /// for all. A report of a single log names its one run, main and
    /// experiment alike, `main-seedS`.
    var fileStems: (main: String, grid: [String]) {
        let main = Self.mainPrefix + (names.main ?? "seed\(self.main.header.seed)")
        var used: Set<String> = []
        let single = grid.count == 1
        let stems = grid.enumerated().map { k, log -> String in
            if single && log == self.main { return main }
            let base = (k < names.grid.count ? names.grid[k] : nil) ?? "seed\(log.header.seed)"
            var name = base, j = 1
            while used.contains(name) { j += 1; name = "\(base)-\(j)" }
            used.insert(name)
            return name
        }
        return (main, stems)
    }

    /// Writes each run into `folder` as its log, `STEM.jsonl`, and the
    /// table of its epochs, `STEM.csv` (`RunLogTables`), STEM from
    /// `fileStems`.
    func write(to folder: URL) throws {
        try dirac?.write(to: folder.appendingPathComponent(DiracLog.fileName))
        let stems = fileStems
        var written: Set<String> = []
        for (log, stem) in zip([main] + grid, [stems.main] + stems.grid) where written.insert(stem).inserted {
            let name = "\(stem).jsonl"
            try RunLogCoding.write(log, to: folder.appendingPathComponent(name))
            let table = RunLogTables.table(.epochs, logs: [(run: name, log: log)])
            try AtomicFile.write(Data(table.text.utf8), to: folder.appendingPathComponent("\(stem).csv"))
        }
    }
}
