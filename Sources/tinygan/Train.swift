import ArgumentParser
import Foundation
import TinyGANCore

extension TinyGAN {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train one run and write its log (JSON Lines).",
            discussion: """
                With no flags, trains the article's experiment (preset 'article', seed 1) and \
                writes runs/article-seed1.jsonl. See `tinygan presets` for the presets' values.

                \(ConfigOptions.settingsHelp)
                """)

        @OptionGroup var options: ConfigOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("Run log to write, '-' for standard output (the summary then goes to standard error). (default: runs/PRESET-seedSEED.jsonl)", valueName: "file"))
        var out: String?

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func run() throws {
            let (config, seed) = try options.resolve()
            let toStandardOutput = out == "-"
            let url = URL(fileURLWithPath: out ?? "runs/\(config.preset)-seed\(seed).jsonl")
            if !toStandardOutput { try OutputCheck.ensureWritable(url) }
            if config.target.plane != nil { return try trainPlane(config, seed, url, toStandardOutput) }
            var trainer = try TinyGANCore.Trainer(config: config, seed: seed)
            let progress = quiet ? nil : ProgressLine(label: "training", total: config.epochs)
            let log = trainer.run(progress: progress.map { line in { line.update($0) } })
            progress?.finish()
            if toStandardOutput {
                FileHandle.standardOutput.write(try RunLogCoding.encode(log))
                if !quiet { FileHandle.standardError.write(Data((Summary.line(for: log, path: "-") + "\n").utf8)) }
                return
            }
            try RunLogCoding.write(log, to: url)
            if !quiet { print(Summary.line(for: log, path: url.path)) }
        }
    }
}

extension TinyGAN.Train {
    /// A run on a 2-D target (`PlaneTrainer`), written as a plane run log.
    func trainPlane(_ config: TrainingConfig, _ seed: UInt64, _ url: URL, _ toStandardOutput: Bool) throws {
        var trainer = try PlaneTrainer(config: config, seed: seed)
        let progress = quiet ? nil : ProgressLine(label: "training", total: config.epochs)
        let log = trainer.run(progress: progress.map { line in { line.update($0) } })
        progress?.finish()
        let path = toStandardOutput ? "-" : url.path
        if toStandardOutput {
            FileHandle.standardOutput.write(try PlaneRunLogCoding.encode(log))
        } else {
            try PlaneRunLogCoding.write(log, to: url)
        }
        guard !quiet else { return }
        let summary = Summary.line(for: log, path: path)
        if toStandardOutput { FileHandle.standardError.write(Data((summary + "\n").utf8)) } else { print(summary) }
    }
}

/// One-line summaries of finished runs.
enum Summary {
    static func line(for log: PlaneRunLog, path: String) -> String {
        guard let final = log.final else { return "\(path): unfinished run" }
        let outcome = final.diverged ? "DIVERGED at \(final.divergence ?? "?")" : "\(final.epochsCompleted) epochs"
        return String(format: "%@ seed %llu: %@ in %.2f s; %@ -> %@", log.config.preset, log.header.seed, outcome,
                      final.wallSeconds, metrics(final.evaluation), path)
    }

    /// "modes 3 of 8, HQ 97.9%, reverse KL 1.035; grid KL 3.165, JS 0.323"
    /// (the modes for targets that have them).
    static func metrics(_ e: PlaneEvaluation) -> String {
        let grid = String(format: "grid KL %.3f, JS %.3f", e.grid.kl, e.grid.js)
        guard let modes = e.modes else { return grid }
        return String(format: "modes %d of %d, HQ %.1f%%, reverse KL %.3f; ", modes.modesCovered, modes.modes.count,
                      100 * modes.hqShare, modes.reverseKL) + grid
    }

    static func line(for log: RunLog, path: String) -> String {
        guard let final = log.final else { return "\(path): unfinished run" }
        let e = final.evaluation
        let outcome = final.diverged ? "DIVERGED at \(final.divergence ?? "?")" : "\(final.epochsCompleted) epochs"
        return String(format: "%@ seed %llu: %@ in %.2f s; mean %.3f, std %.3f, skew %.3f, kurt %.3f, KS %.4f, W1 %.4f -> %@",
                      log.header.config.preset, log.header.seed, outcome, final.wallSeconds,
                      e.mean, e.std, e.skewness, e.excessKurtosis, e.ks, e.wasserstein1, path)
    }
}

/// Fails early, before any work, when an output cannot be written.
enum OutputCheck {
    static func ensureWritable(_ url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileKind.ensureReplaceableFile(url)  // not a folder, link, FIFO or device
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw TinyGANError.failure("cannot write \(url.path): cannot create folder \(folder.path)")
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw TinyGANError.failure("cannot write \(url.path): folder \(folder.path) is not writable")
        }
    }
}
