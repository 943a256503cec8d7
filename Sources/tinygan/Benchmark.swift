import ArgumentParser
import Foundation
import TinyGANCore
import TinyGANReport

extension TinyGAN {
    struct Benchmark: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a published benchmark and write its page beside the papers' tables.",
            subcommands: [ModeCollapse.self])
    }
}

extension TinyGAN.Benchmark {
    struct ModeCollapse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mode-collapse",
            abstract: "Train GAN, PacGAN2-4, WGAN-GP and R1 on PacGAN's ring and grid; tabulate them beside PacGAN's and VEEGAN's Table 1.",
            discussion: """
                Each method is a set of settings on the `ring` and `grid` presets (see `tinygan presets`): \
                gan (as is), pacgan2/3/4 (--pack M; PacGAN3 on batches of 99), wgan-gp (--loss \
                wasserstein-gp --gp-weight 10 --d-steps 5 --beta2 0.9) and r1 (--gradient-penalty 1). \
                Writes OUT/benchmark.json, one sweep folder per target and method \
                (OUT/TARGET/METHOD/: runs/, summary.csv, summary.json; each log written as its run \
                ends, so --resume finishes an interrupted benchmark), and the page OUT/index.html: \
                modes covered, high-quality share and reverse KL as mean ± standard error over the \
                seeds, beside the papers' rows, with the differences of protocol stated under it. \
                `tinygan report --from OUT` draws the page again from the logs.
                """)

        @Option(help: "Seeds per target and method: S ... S+runs-1.")
        var runs = 10

        @Option(help: "The first seed.")
        var seed: UInt64 = 1

        @Option(help: ArgumentHelp("Methods to run, comma-separated. (default: all: \(ModeCollapseMethod.all.map(\.key).joined(separator: ",")))",
                                   valueName: "names"))
        var methods: String?

        @Option(help: ArgumentHelp("Targets, comma-separated. (default: ring,grid)", valueName: "names"))
        var targets: String?

        @Option(help: "Epochs of every run instead of the presets' (for a quick look; the page says so).")
        var epochs: Int?

        @Option(help: "Runs trained at once. (default: all cores)")
        var jobs: Int?

        @Option(name: .shortAndLong, help: ArgumentHelp("Benchmark folder. (default: benchmarks/mode-collapse)", valueName: "folder"))
        var out = "benchmarks/mode-collapse"

        @Flag(help: "Continue the benchmark in --out, skipping its finished runs.")
        var resume = false

        @Option(help: "Language of the page and its figures. (default: en)")
        var lang: ReportLanguage = .en

        @Flag(help: "Embed the figures in index.html, so the single file can be mailed.")
        var selfContained = false

        @Option(help: ArgumentHelp("Folder of the templates. (default: as for `tinygan report`)", valueName: "folder"))
        var templates: String?

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            guard (1...1000).contains(runs) else { throw ValidationError("--runs must be from 1 to 1000 (got \(runs))") }
            guard seed <= UInt64.max - UInt64(runs - 1) else { throw ValidationError("--seed \(seed) leaves no room for \(runs) seeds") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
            if let epochs, !(1...1_000_000_000).contains(epochs) {
                throw ValidationError("--epochs must be from 1 to 1e9 (got \(epochs))")
            }
        }

        static func names(_ text: String?) -> [String]? {
            text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        }

        func run() throws {
            let start = Date()
            let settings = try ReportSettings(language: lang, selfContained: selfContained,
                                              templates: try TemplatesFolder.locate(explicit: templates))
            let benchmark = try ModeCollapseBenchmark(
                targets: Self.names(targets) ?? ModeCollapseBenchmark.targets,
                methods: try Self.names(methods).map(ModeCollapseMethod.named) ?? ModeCollapseMethod.all,
                seeds: (0..<UInt64(runs)).map { seed + $0 },
                epochs: epochs)
            let root = URL(fileURLWithPath: out)
            let folders = try benchmark.prepare(at: root, resume: resume)
            let toTrain = try SweepFolder.pendingRuns(of: folders)
            let pending = toTrain.count
            let threads = jobs ?? ParallelRuns.availableCores
            if !quiet {
                FileHandle.standardError.write(Data(("mode-collapse benchmark: \(benchmark.targets.count) target(s) x "
                    + "\(benchmark.methods.count) method(s) x \(runs) seed(s); \(pending) run(s) to train on "
                    + "\(threads) thread(s)\n").utf8))
            }
            let progress = quiet ? nil : ProgressLine(label: "runs", total: pending)
            try SweepFolder.train(toTrain, threads: threads) { done, _ in progress?.update(done) }
            progress?.finish()
            let results = try ReportBuilder.buildBenchmark(at: root, settings: settings)
            if !quiet {
                for result in results {
                    for line in result.summary.rateLines { print("\(result.method.name) on \(line)") }
                }
                print(String(format: "wrote %@/index.html in %.1f s", root.path, Date().timeIntervalSince(start)))
            }
        }
    }
}
