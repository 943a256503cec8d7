import ArgumentParser
import Foundation
import TinyGANCairo
import TinyGANCore
import TinyGANPlot

extension TinyGAN {
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw figures from run logs, without training.",
            discussion: """
                Reads tinygan run logs, or the printed output of the original PyTorch script \
                (detected automatically). With several logs, each single-run figure is drawn per log \
                as STEM-FIGURE.EXT, STEM the \
                shortest tail of the log's path that no other log's path ends with (d1/run.jsonl and \
                d2/run.jsonl: d1-run, d2-run), and 'runs' shows them all side by side.
                """)

        @Argument(help: ArgumentHelp("Run logs (.jsonl) or printed outputs of the original script.", valueName: "log"))
        var logs: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder for the figures.", valueName: "folder"))
        var out: String = "figures"

        @Option(help: "Image files per figure.")
        var format: FormatChoice = .both

        @Option(help: "Language of the figures' texts.")
        var lang = Language.en

        @Option(help: "PNG pixels per figure pixel (2 for sharp images on HiDPI screens).")
        var scale: Double = 1

        @Option(help: ArgumentHelp("Comma-separated figures to draw: \(FigureList.known). (default: all)",
                                   valueName: "list"),
                transform: FigureList.parse)
        var figures: FigureList?

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        /// Figures draw at most this many epoch records of a log, evenly
        /// spread (`EpochThinning`): far more than a figure has pixels across,
        /// and a log of millions of epochs is read in little memory.
        static let epochRecordsForFigures = 10_000

        func validate() throws {
            guard !logs.isEmpty else { throw ValidationError("give at least one log") }
            guard scale.isFinite, scale >= 0.25, scale <= 8 else {
                throw ValidationError("--scale must be between 0.25 and 8 (got \(scale))")
            }
        }

        func run() throws {
            let start = Date()
            let planeLogs = logs.filter { PlaneRunLogCoding.startsPlaneLog(URL(fileURLWithPath: $0)) }
            if let plane = planeLogs.first {
                guard logs.count == 1 else {
                    throw TinyGANError.usage("\(plane) is a 2-D run's log: plot it alone (2-D and 1-D logs do not share figures)")
                }
                return try plotPlane(start: start)
            }
            let readings = try logs.map { path in
                (path, try RunLogCoding.loadNoting(from: URL(fileURLWithPath: path),
                                                   maxEpochRecords: Self.epochRecordsForFigures))
            }
            for (path, reading) in readings {
                for note in reading.notes { FileHandle.standardError.write(Data("tinygan: \(path): \(note)\n".utf8)) }
            }
            let loaded = readings.map { (source: $0.0, log: $0.1.log) }
            let folder = URL(fileURLWithPath: out)
            try OutputCheck.ensureWritable(folder.appendingPathComponent("figure.png"))
            if !quiet { try FontCheck.warnIfMissing(lang) }
            let files = FigureFiles(renderer: try CairoRenderer(), formats: format.formats, scale: scale,
                                    language: lang)
            let outcome = try files.write(figures?.kinds ?? FigureKind.allCases, logs: loaded, to: folder)
            for note in outcome.skipped { FileHandle.standardError.write(Data("tinygan: skipped \(note)\n".utf8)) }
            guard !outcome.written.isEmpty else {
                throw TinyGANError.failure("no figure could be drawn from \(logs.joined(separator: ", "))")
            }
            if !quiet {
                print(String(format: "wrote %d files to %@ in %.2f s", Set(outcome.written).count, folder.path,
                             Date().timeIntervalSince(start)))
            }
        }
    }
}

extension TinyGAN.Plot {
    /// The 2-D lab's figures of one plane run log (`PlaneFigureKind`: all of
    /// them; `--figures` names the 1-D figures).
    func plotPlane(start: Date) throws {
        if figures != nil {
            FileHandle.standardError.write(Data("tinygan: --figures names 1-D figures; a 2-D log gets all of its own (\(PlaneFigureKind.allCases.map(\.rawValue).joined(separator: ", ")))\n".utf8))
        }
        let log = try PlaneRunLogCoding.read(from: URL(fileURLWithPath: logs[0]))
        let folder = URL(fileURLWithPath: out)
        try OutputCheck.ensureWritable(folder.appendingPathComponent("figure.png"))
        if !quiet { try FontCheck.warnIfMissing(lang) }
        let files = FigureFiles(renderer: try CairoRenderer(), formats: format.formats, scale: scale, language: lang)
        let outcome = try files.writePlane(log: log, source: logs[0], to: folder)
        for note in outcome.skipped { FileHandle.standardError.write(Data("tinygan: skipped \(note)\n".utf8)) }
        guard !outcome.written.isEmpty else { throw TinyGANError.failure("no figure could be drawn from \(logs[0])") }
        if !quiet {
            print(String(format: "wrote %d files to %@ in %.2f s", outcome.written.count, folder.path,
                         Date().timeIntervalSince(start)))
        }
    }
}
