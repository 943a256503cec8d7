import ArgumentParser
import Foundation
import TinyGANCairo
import TinyGANCore
import TinyGANPlot

extension TinyGAN {
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train many seeds of a preset, optionally over a grid of settings, and summarize them.",
            discussion: """
                Writes OUT/sweep.json, OUT/runs/POINT/seedK.jsonl (one log per run, each written \
                atomically as soon as the run ends), OUT/summary.csv and OUT/summary.json (final \
                moments, KS, W1, verdict and wall time per run; success rate with a 95% Wilson \
                interval per grid point; for a 2-D target, modes covered, high-quality share and \
                reverse KL per run, their mean ± standard error per grid point) and OUT/figures/. An interrupted sweep keeps its finished runs: run the same \
                command with --resume to finish it. --shard I/N runs every N-th run only, for array \
                jobs on a cluster; `tinygan merge` joins the shards. Each run logs every 50th epoch and \
                no snapshots but epoch 0 unless --log-interval or --snapshot-interval say otherwise.

                \(ConfigOptions.settingsHelp)
                """)

        @OptionGroup var options: ConfigOptions

        @Option(help: "Seeds per grid point; the runs use seeds S ... S+runs-1, S from --seed.")
        var runs = 100

        @Option(name: .customLong("grid"), help: ArgumentHelp(
            "A setting to vary, as KEY=V1,V2,... with KEY a flag of `tinygan train` (lr-g, d-steps, optimizer, "
                + "d-input, ...); repeat for more axes. Per-layer values use ':' (g-hidden=8:8).",
            valueName: "key=values"))
        var grid: [String] = []

        @Option(help: "Runs trained at once. (default: all cores)")
        var jobs: Int?

        @Option(name: .shortAndLong, help: ArgumentHelp("Sweep folder. (default: sweeps/PRESET)", valueName: "folder"))
        var out: String?

        @Flag(help: "Continue the sweep in --out, skipping its finished runs.")
        var resume = false

        @Option(help: ArgumentHelp("Run only shard I of N (every N-th run, from the I-th).", valueName: "I/N"))
        var shard: String?

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            guard (1...1_000_000).contains(runs) else { throw ValidationError("--runs must be from 1 to 1000000 (got \(runs))") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
            _ = try shardNumbers()
        }

        func shardNumbers() throws -> (index: Int, count: Int)? {
            guard let shard else { return nil }
            let parts = shard.split(separator: "/").map { Int($0) }
            guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (1...count).contains(index) else {
                throw ValidationError("--shard must be I/N with 1 <= I <= N (got '\(shard)')")
            }
            return (index, count)
        }

        func run() throws {
            let start = Date()
            var defaults = SettingLayer(source: "")
            for (key, value) in SweepPlan.defaults.sorted(by: { $0.key < $1.key }) { try defaults.set(key, .text(value)) }
            let layer = try options.mergedLayer(over: defaults)
            let preset = layer.preset ?? TinyGANCore.Presets.article.preset
            let seed = layer.seed ?? ConfigOptions.defaultSeed
            guard seed <= UInt64.max - UInt64(runs - 1) else {
                throw TinyGANError.usage("--seed \(seed) leaves no room for \(runs) seeds (at most \(UInt64.max - UInt64(runs - 1)))")
            }
            let plan = try SweepPlan(preset: preset, axes: try grid.map(SweepPlan.axis),
                                     seeds: (0..<UInt64(runs)).map { seed + $0 },
                                     base: Dictionary(try layer.texts().map { ($0.name, $0.text) }, uniquingKeysWith: { $1 }))
            let url = URL(fileURLWithPath: out ?? "sweeps/\(preset)")
            let folder = try SweepFolder.prepare(at: url, plan: plan, shard: try shardNumbers(), resume: resume)
            let all = try folder.runs()
            let pending = try folder.pendingRuns()
            let threads = jobs ?? ParallelRuns.availableCores
            if !quiet {
                FileHandle.standardError.write(Data(("sweep of '\(preset)': \(plan.pointCount) point(s) x \(runs) seed(s); "
                    + "\(all.count) run(s) here, \(all.count - pending.count) already done, \(pending.count) to train "
                    + "on \(threads) thread(s)\n").utf8))
            }
            let progress = quiet ? nil : ProgressLine(label: "runs", total: pending.count)
            try folder.trainPending(threads: threads) { done, _ in progress?.update(done) }
            progress?.finish()
            let outcome = try folder.summarizeEither()
            let files = FigureFiles(renderer: try CairoRenderer(), formats: [.png, .svg])
            let figures = switch outcome {
            case .line(let summary): try files.writeSweep(folder, summary: summary)
            case .plane: try files.writePlaneSweep(folder)
            }
            if !quiet {
                for line in outcome.rateLines { print(line) }
                print("drew \(figures.count) figure files in \(url.path)/figures")
                print(String(format: "wrote %@/summary.csv in %.1f s", url.path, Date().timeIntervalSince(start)))
            }
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Join the shard folders of one sweep into one folder and summary.")

        @Argument(help: ArgumentHelp("Shard folders written by `tinygan sweep --shard I/N`.", valueName: "shard"))
        var shards: [String]

        @Option(name: .shortAndLong, help: ArgumentHelp("The merged sweep folder (must not exist).", valueName: "folder"))
        var out: String

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func run() throws {
            let summary = try SweepFolder.merge(shards.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: out))
            if !quiet {
                for line in summary.rateLines { print(line) }
                if summary.missing > 0 { print("\(summary.missing) run(s) of the sweep are not finished in these shards") }
                print("wrote \(out)/summary.csv")
            }
        }
    }
}
