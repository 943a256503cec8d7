import ArgumentParser
import Foundation
import TinyGANCore
import TinyGANReport

extension TinyGAN {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the article's experiment and write it up as an HTML report (the default command).",
            discussion: """
                Trains the main run (seed S) and the fragility experiment (seeds S+1 ... S+N) of a \
                preset, in parallel, then writes REPORTS/NAME/: index.html, figures/ and runs/ with \
                every log. With --from FOLDER, rebuilds the figures and the page from the logs in \
                FOLDER (a report folder or any folder of run logs of one experiment) without training: \
                a tinygan report is rebuilt in place, any other folder is only read and its report \
                written to reports/NAME (NAME: FOLDER's name; see --out, --name). tinygan replaces only reports it wrote (each holds a \
                manifest, .tinygan-report.json, listing its files), even with --force. On a sweep folder (written by `tinygan \
                sweep`), it writes the sweep's page, FOLDER/index.html; on a benchmark folder (`tinygan \
                benchmark`), the benchmark's page.

                On a 2-D target (--preset ring, --preset grid, --target swiss-roll or points:FILE), trains \
                one run (seed S) and writes its page: the target, the model, the final metrics, the plane \
                figures and an epoch slider with one frame per snapshot; --from a folder holding one 2-D \
                run's log rebuilds it.

                \(ConfigOptions.settingsHelp)
                """)

        @OptionGroup var options: ConfigOptions

        @Option(help: "Independent runs in the fragility experiment; not for a 2-D target, whose page tells one run. (default: \(ArticleFacts.runs), the article's)")
        var runs: Int?

        @Option(help: "Runs trained at once. (default: all cores)")
        var jobs: Int?

        @Option(help: ArgumentHelp("Rebuild from the run logs in this folder, without training.", valueName: "folder"))
        var from: String?

        @Option(help: "Report folder name. (default: the preset, or the --from folder's name)")
        var name: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Folder that holds the reports. (default: reports, or the parent of a --from report)", valueName: "folder"))
        var out: String?

        @Option(help: "Language of the page and its figures. (default: en; with --from, the language of the page it rebuilds)")
        var lang: ReportLanguage?

        @Option(help: "Title of the page. (default: the language's own)")
        var title: String?

        @Flag(help: "Embed the figures in index.html, so the single file can be mailed.")
        var selfContained = false

        @Flag(help: "Replace an existing report of the same name.")
        var force = false

        @Option(help: ArgumentHelp("Folder of the templates; it must hold report.mustache. (default: $TINYGAN_TEMPLATES, "
                                   + "./templates, or the one beside the tinygan executable)", valueName: "folder"))
        var templates: String?

        @Flag(name: .shortAndLong, help: "Print nothing but errors.")
        var quiet = false

        func validate() throws {
            if let runs, runs < 1 || runs > 1000 { throw ValidationError("--runs must be between 1 and 1000 (got \(runs))") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
            if let name, name.isEmpty || name.contains("/") || name.hasPrefix(".") {
                throw ValidationError("--name must be a plain folder name (got '\(name)')")
            }
        }

        func run() throws {
            let start = Date()
            // The templates are found, read and parsed before any work.
            let language = lang ?? from.flatMap { PageLanguage.of(folder: URL(fileURLWithPath: $0)) } ?? .en
            let settings = try ReportSettings(title: title, language: language,
                                              selfContained: selfContained,
                                              templates: try TemplatesFolder.locate(explicit: templates))
            if !quiet { try FontCheck.warnIfMissing(language) }
            if from != nil, !(try options.mergedLayer().isEmpty) {
                throw TinyGANError.usage("--from rebuilds from the logs as they were trained; it takes no settings "
                    + "(--preset, --seed, --config, --NAME VALUE)")
            }
            if let from, FileManager.default.fileExists(atPath: from + "/sweep.json") {
                try ReportBuilder.buildSweep(try SweepFolder.open(URL(fileURLWithPath: from)), settings: settings)
                if !quiet { print("wrote \(from)/index.html") }
                return
            }
            if let from, FileManager.default.fileExists(atPath: from + "/" + ModeCollapseBenchmark.manifestFile) {
                try ReportBuilder.buildBenchmark(at: URL(fileURLWithPath: from), settings: settings)
                if !quiet { print("wrote \(from)/index.html") }
                return
            }
            let (runs, destination): (ReportRuns, URL)
            if let from {
                if let plane = try PlaneReportSource.log(in: URL(fileURLWithPath: from)) {
                    return try rebuildPlane(from: from, log: plane, settings, start: start)
                }
                (runs, destination) = try rebuild(from: from, settings)
            } else {
                let (config, seed) = try options.resolve()
                if config.target.plane != nil { return try trainPlane(config, seed: seed, settings, start: start) }
                (runs, destination) = try train(config, seed: seed, settings)
            }
            for note in runs.notes { FileHandle.standardError.write(Data("tinygan: \(note)\n".utf8)) }
            if !quiet {
                let successes = runs.grid.filter { $0.verdict == .success }.count
                let judged = runs.grid.filter { $0.final != nil }.count
                // Printouts without final values are not judged (`ReportRuns.read`).
                let tally = judged == runs.grid.count ? "\(successes) of \(judged) runs succeeded"
                    : "\(successes) of \(judged) judged runs succeeded "
                        + "(\(runs.grid.count - judged) of \(runs.grid.count) not judged: no final samples)"
                print(String(format: "wrote %@/index.html in %.1f s: ", destination.path, Date().timeIntervalSince(start))
                      + tally)
            }
        }

        /// The report of the logs in `from`. A tinygan report (one that
        /// `ReportFolder` may replace) is rebuilt in place by default; any
        /// other folder is only read, and its report goes to REPORTS/NAME
        /// (default: reports/FOLDER), never into or over it.
        func rebuild(from: String, _ settings: ReportSettings) throws -> (ReportRuns, URL) {
            let (source, destination, inPlace) = try rebuildDestination(from: from)
            let runs = try ReportRuns.read(folder: source)
            try ReportBuilder.build(runs, settings: settings, destination: destination, replacing: force || inPlace)
            return (runs, destination)
        }

        /// Where the report of the logs in `from` goes, and whether that is
        /// `from` itself (`rebuild`).
        func rebuildDestination(from: String) throws -> (source: URL, destination: URL, inPlace: Bool) {
            let source = URL(fileURLWithPath: from).standardizedFileURL
            let refusal = ReportFolder.refusal(source)
            let parent = out ?? (refusal == nil ? source.deletingLastPathComponent().path : "reports")
            let destination = URL(fileURLWithPath: parent).appendingPathComponent(name ?? source.lastPathComponent)
                .standardizedFileURL
            let inPlace = destination.path == source.path
            if let refusal, inPlace || destination.path.hasPrefix(source.path + "/") {
                throw TinyGANError.failure("will not write the report to \(destination.path): the --from folder "
                    + "\(from) is only read, since \(refusal); choose another --out or --name")
            }
            if refusal == nil && destination.path.hasPrefix(source.path + "/") {
                throw TinyGANError.usage("will not write the report \(destination.path) inside the report it is built from")
            }
            return (source, destination, inPlace)
        }

        /// Trains the preset's runs in parallel, then writes their report.
        func train(_ config: TrainingConfig, seed: UInt64, _ settings: ReportSettings) throws -> (ReportRuns, URL) {
            let runs = runs ?? ArticleFacts.runs
            guard seed <= UInt64.max - UInt64(runs) else {
                throw TinyGANError.usage("--seed \(seed) leaves no room for \(runs) more seeds (at most \(UInt64.max - UInt64(runs)))")
            }
            let destination = URL(fileURLWithPath: out ?? "reports").appendingPathComponent(name ?? config.preset)
            try ReportBuilder.checkDestination(destination, replacing: force)  // before the work, not after
            let plan = ReportRuns.plan(config, seed: seed, gridCount: runs)
            let threads = jobs ?? ParallelRuns.availableCores
            if !quiet {
                note("training \(plan.count) runs of '\(config.preset)' on \(threads) thread(s): main seed \(seed), "
                     + "experiment seeds \(seed + 1)...\(seed + UInt64(runs))")
            }
            let progress = quiet ? nil : ProgressLine(label: "runs", total: plan.count)
            let logs = try ParallelRuns.train(plan, threads: threads) { done in progress?.update(done) }
            progress?.finish()
            let reportRuns = ReportRuns(main: logs[0], grid: Array(logs.dropFirst()))
            try ReportBuilder.build(reportRuns, settings: settings, destination: destination, replacing: force)
            return (reportRuns, destination)
        }

        func note(_ text: String) {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
        }
    }
}
