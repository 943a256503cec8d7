import Foundation
import TinyGANCore

/// The values of a report's page (`templates/report.mustache`) and of the
/// strings its prose is made of: the main run told in detail, the
/// experiment's runs, figures, and how to reproduce them.
struct ReportView: PageView {
    let lang: String
    /// The page's own title (`--title`), or empty for the language's.
    let title: String
    let hasTitle: Bool
    let built = PageFormat.now()
    let tool: String
    let preset: String
    /// The shell line that trains the same runs again (`ReportCommandLine`).
    let command: String
    let config: ConfigView
    let main: RunRowView
    let mainEpochs: Int
    let mainDiverged: Bool
    /// Whether the main run has final samples; without (a printout of the
    /// original without matplotlib) the page tells its last printed line,
    /// epoch `mainLastPrinted` as the original numbers it.
    let mainJudged: Bool
    let mainLastPrinted: Int
    /// Whether the main run is a printout of the original, whose final
    /// samples are the `sampleCount` values it printed (tinygan's: 10,000
    /// fresh ones), "10,000" grouped as the page writes it.
    let mainIsPrintout: Bool
    let sampleCount: String
    /// The main run's modes, for a mixture target.
    let mainModes: ModesView?
    let runs: [RunRowView]
    let runCount: Int
    let successes: Int
    /// Runs with final samples, which alone are judged, and the others.
    let judgedCount: Int
    let unjudgedCount: Int
    let hasUnjudged: Bool
    let noneJudged: Bool
    /// Successes among the judged runs.
    let successRate: String
    let gridSeeds, firstGridSeed, lastGridSeed: String
    /// Seconds of training over all runs, one decimal.
    let totalWall: String
    /// Figure name -> the image source (`ReportBuilder.figureSources`).
    let figures: [String: String]
    /// Figures that could not be drawn, with why.
    let skipped: [String]
    let hasSkipped: Bool
    /// What the reader noticed in the printouts (`ReportRuns.notes`).
    let readNotes: [String]
    let hasReadNotes: Bool
    let rule: VerdictRuleView
    let modeShareLimit = PageFormat.fixed(Verdict.modeShareLimit, 1)
    let article = ArticleView()
    /// The section "Why GANs orbit".
    let dirac: DiracView
    var t: [String: String] = [:]

    init(_ runs: ReportRuns, dirac: DiracLog, settings: ReportSettings, figures: [String: String], skipped: [String]) {
        self.dirac = DiracView(dirac)
        let main = runs.main
        let successes = runs.grid.filter { $0.verdict == .success }.count
        lang = settings.language.rawValue
        title = settings.title ?? ""
        hasTitle = settings.title != nil
        tool = main.header.tool
        preset = main.header.config.preset
        command = ReproduceCommand.shellLine(
            ReportCommandLine.words(main: main.header, runs: runs.grid.count, language: settings.language))
        config = ConfigView(main.header.config)
        rule = VerdictRuleView(target: main.header.config.target)
        let stems = runs.fileStems
        self.main = RunRowView(main, stem: stems.main, language: settings.language)
        mainEpochs = main.final?.epochsCompleted ?? 0
        mainDiverged = main.final?.diverged ?? false
        mainJudged = main.final != nil
        mainLastPrinted = max(0, (main.epochs.last?.epoch ?? 1) - 1)
        mainIsPrintout = main.isOriginalPrintout
        sampleCount = PageFormat.grouped(main.final?.samples.count ?? 0)
        mainModes = ModesView(main)
        self.runs = zip(runs.grid, stems.grid).map { RunRowView($0, stem: $1, language: settings.language) }
        runCount = runs.grid.count
        self.successes = successes
        judgedCount = runs.grid.filter { $0.final != nil }.count
        unjudgedCount = runs.grid.count - judgedCount
        hasUnjudged = unjudgedCount > 0
        noneJudged = judgedCount == 0
        successRate = PageFormat.percent(Double(successes) / Double(max(judgedCount, 1)))
        // The table's names: seeds, or a printout's file name (all seed 0).
        let gridSeeds = self.runs.map(\.seed)
        self.gridSeeds = gridSeeds.joined(separator: ", ")
        firstGridSeed = gridSeeds.first ?? ""
        lastGridSeed = gridSeeds.last ?? ""
        totalWall = String(format: "%.1f", runs.all.compactMap { $0.final?.wallSeconds }.reduce(0, +))
        self.figures = figures
        self.skipped = skipped
        hasSkipped = !skipped.isEmpty
        readNotes = runs.notes
        hasReadNotes = !runs.notes.isEmpty
    }
}
