import Foundation
import TinyGANCore

/// The values of the mode-collapse benchmark's page
/// (`templates/benchmark.mustache`): one table with a row per method of
/// ours (mean ± standard error over the seeds) and per published row
/// (`ModeCollapseLiterature`), a column group per target, the protocol
/// that differs, and the command that runs it again.
struct BenchmarkView: PageView {
    struct Target {
        let name: String
        let modeCount: Int
    }

    /// One target's numbers in a row; "–" where there are none.
    struct Cell {
        let modes, hq, reverseKL: String
        /// "3 of 10" runs meeting `PlaneBar`; empty for a paper's row.
        let bar: String
        /// PacGAN's code's JS form (ours only).
        let pacganJSD: String
        let meetsBar: Bool
    }

    struct Row {
        let source: String
        let method: String
        let isOurs: Bool
        let cells: [Cell]
        /// Mean wall time of a run, over both targets ("11.2 s"); empty for a paper's row.
        let wall: String
    }

    /// One network, and how the papers' differ.
    struct Setup {
        let generator, discriminator, optimizer, noise: String
        let batch, epochs: Int
        let steps: String
    }

    struct Figure {
        let target, method, source: String
    }

    let lang: String
    let title: String
    let hasTitle: Bool
    let built = PageFormat.now()
    let tool = "tinygan \(TinyGANVersion.current)"
    let targets: [Target]
    let rows: [Row]
    let seedCount: Int
    let firstSeed, lastSeed: UInt64
    let runCount: Int
    /// Sum of the runs' wall times, in minutes.
    let runMinutes: String
    /// The epochs were cut short (`--epochs`): the numbers are a quick look.
    let isShortened: Bool
    let setup: Setup
    let barHQ = PageFormat.percent(PlaneBar.hqShare)
    let barKL = PageFormat.fixed(PlaneBar.reverseKL, 2)
    let figures: [Figure]
    let hasFigures: Bool
    let command: String
    var t: [String: String] = [:]

    init(_ benchmark: ModeCollapseBenchmark, results: [ModeCollapseResult], settings: ReportSettings,
         figures: [String: String]) {
        lang = settings.language.rawValue
        title = settings.title ?? ""
        hasTitle = settings.title != nil
        targets = benchmark.targets.map { name in
            Target(name: name, modeCount: results.first { $0.target == name }?.metrics?.modeCount ?? 0)
        }
        func result(_ target: String, _ method: ModeCollapseMethod) -> ModeCollapseResult? {
            results.first { $0.target == target && $0.method == method }
        }
        let ours = benchmark.methods.map { method in
            let mine = benchmark.targets.map { result($0, method) }
            let walls = mine.compactMap { $0?.summary.rows.map(\.wallSeconds) }.flatMap { $0 }
            return Row(source: "tinygan", method: method.name, isOurs: true,
                       cells: mine.map { Self.cell($0?.metrics) },
                       wall: walls.isEmpty ? "–" : PageFormat.fixed(walls.reduce(0, +) / Double(walls.count), 1) + " s")
        }
        let papers = ModeCollapseLiterature.rows.map { row in
            Row(source: row.source, method: row.method, isOurs: false,
                cells: benchmark.targets.map { Self.cell(row.results[$0]) }, wall: "")
        }
        rows = ours + papers
        seedCount = benchmark.seeds.count
        firstSeed = benchmark.seeds.first ?? 0
        lastSeed = benchmark.seeds.last ?? 0
        runCount = results.reduce(0) { $0 + $1.summary.rows.count }
        runMinutes = PageFormat.fixed(results.flatMap(\.summary.rows).reduce(0) { $0 + $1.wallSeconds } / 60, 1)
        isShortened = benchmark.epochs != nil
        let config = results.first?.summary.plan.baseConfig ?? Presets.ring
        setup = Self.setup(of: config, methods: benchmark.methods)
        self.figures = benchmark.targets.flatMap { target in
            benchmark.methods.compactMap { method in
                figures[ReportBuilder.benchmarkFigureName(target: target, method: method)].map {
                    Figure(target: target, method: method.name, source: $0)
                }
            }
        }
        hasFigures = !self.figures.isEmpty
        var words = ["tinygan", "benchmark", "mode-collapse", "--runs", "\(seedCount)", "--seed", "\(firstSeed)"]
        if benchmark.methods != ModeCollapseMethod.all { words += ["--methods", benchmark.methods.map(\.key).joined(separator: ",")] }
        if benchmark.targets != ModeCollapseBenchmark.targets { words += ["--targets", benchmark.targets.joined(separator: ",")] }
        if let epochs = benchmark.epochs { words += ["--epochs", "\(epochs)"] }
        if settings.language != .en { words += ["--lang", settings.language.rawValue] }
        command = ReproduceCommand.shellLine(words)
    }

    static func cell(_ p: PlaneSweepPoint?) -> Cell {
        guard let p, let covered = p.modesCovered, let hq = p.hqShare, let kl = p.reverseKL else {
            return Cell(modes: "–", hq: "–", reverseKL: "–", bar: "–", pacganJSD: "–", meetsBar: false)
        }
        return Cell(modes: covered.formatted(digits: 1), hq: hq.formatted(digits: 1, scale: 100),
                    reverseKL: kl.formatted(digits: 2), bar: "\(p.runsMeetingBar ?? 0) / \(p.runs)",
                    pacganJSD: p.pacganJSD?.formatted(digits: 2) ?? "–", meetsBar: p.runsMeetingBar == p.runs)
    }

    static func cell(_ r: LiteratureResult?) -> Cell {
        guard let r else { return Cell(modes: "–", hq: "–", reverseKL: "–", bar: "", pacganJSD: "", meetsBar: false) }
        // With its standard error, to the table's digits (PacGAN); without
        // one, as the paper prints it (VEEGAN: 1, 99.3, 0.13).
        func text(_ value: Double, _ error: Double?, _ digits: Int) -> String {
            guard let error else { return String(format: "%g", value) }
            return String(format: "%.\(digits)f", value) + " ± " + String(format: "%.\(digits)f", error)
        }
        return Cell(modes: text(r.modes, r.modesError, 1), hq: text(r.hqPercent, r.hqError, 1),
                    reverseKL: r.reverseKL.map { text($0, r.reverseKLError, 2) } ?? "–", bar: "", pacganJSD: "",
                    meetsBar: false)
    }

    static func setup(of c: TrainingConfig, methods: [ModeCollapseMethod]) -> Setup {
        func network(_ sizes: [Int], _ activations: [Activation]) -> String {
            sizes.map(String.init).joined(separator: " \u{2192} ") + " ("
                + Set(activations.dropLast().map(\.rawValue)).sorted().joined(separator: ", ") + ")"
        }
        let o = c.generatorOptimizer
        let optimizer = o.kind == .adam
            ? "Adam, lr \(o.learningRate), betas (\(o.beta1), \(o.beta2))"
            : "SGD, lr \(o.learningRate), momentum \(o.momentum)"
        return Setup(generator: network(c.generatorSizes, c.generatorActivations),
                        discriminator: network(c.discriminatorSizes, c.discriminatorActivations),
                        optimizer: optimizer, noise: "\(c.zDim)-D \(c.noise.rawValue)",
                        batch: c.batchSize, epochs: c.epochs,
                        steps: "\(c.discriminatorSteps) D + \(c.generatorSteps) G")
    }
}
