import Foundation
import TinyGANCore
import TinyGANReport

extension TinyGAN.Report {
    /// Trains one run on a 2-D target (`PlaneTrainer`, seed `seed`) and
    /// writes its page (`ReportBuilder.buildPlane`) to REPORTS/NAME
    /// (default: reports/PRESET). A 2-D page tells one run: `--runs` is refused.
    func trainPlane(_ config: TrainingConfig, seed: UInt64, _ settings: ReportSettings, start: Date) throws {
        if let runs {
            throw TinyGANError.usage("--runs \(runs): the report of the 2-D target \(config.target.spec) tells one run; "
                + "--runs is the 1-D fragility experiment's")
        }
        let destination = URL(fileURLWithPath: out ?? "reports").appendingPathComponent(name ?? config.preset)
        try ReportBuilder.checkDestination(destination, replacing: force)  // before the work, not after
        if !quiet { note("training '\(config.preset)' on \(config.target.spec), seed \(seed), \(config.epochs) epochs") }
        var trainer = try PlaneTrainer(config: config, seed: seed)
        let progress = quiet ? nil : ProgressLine(label: "training", total: config.epochs)
        let log = trainer.run(progress: progress.map { line in { line.update($0) } })
        progress?.finish()
        try ReportBuilder.buildPlane(log, source: "the run of seed \(seed)", settings: settings,
                                     destination: destination, replacing: force)
        printWritten(log, destination, start: start)
    }

    /// Rebuilds the page of the 2-D run whose log is `log` (found in
    /// `from` by `PlaneReportSource`), without training: in place for a
    /// tinygan report, else to REPORTS/NAME, as `rebuild` does.
    func rebuildPlane(from: String, log url: URL, _ settings: ReportSettings, start: Date) throws {
        if let runs {
            throw TinyGANError.usage("--runs \(runs): \(url.path) is a 2-D run's log, whose report tells one run")
        }
        let (_, destination, inPlace) = try rebuildDestination(from: from)
        let log = try PlaneRunLogCoding.read(from: url)
        try ReportBuilder.buildPlane(log, source: url.path, settings: settings, destination: destination,
                                     replacing: force || inPlace)
        printWritten(log, destination, start: start)
    }

    func printWritten(_ log: PlaneRunLog, _ destination: URL, start: Date) {
        guard !quiet, let final = log.final else { return }
        print(String(format: "wrote %@/index.html in %.1f s: ", destination.path, Date().timeIntervalSince(start))
              + Summary.metrics(final.evaluation))
    }
}
