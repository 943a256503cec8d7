import Foundation
import TinyGANCore

/// The values of a 2-D run's page (`templates/plane.mustache`): the target,
/// the model as the run's settings give it, the final metrics, the figures
/// and one frame per snapshot for the epoch slider.
struct PlaneReportView: PageView {
    /// A number as the page shows it (`shown`) and in full (`exact`, for
    /// `data-value`, as Swift prints the logged Double).
    struct Metric {
        let shown: String
        let exact: String

        init(_ value: Double, shown: String) {
            self.shown = shown
            exact = "\(value)"
        }

        /// Three decimals ("0.012").
        static func decimal(_ value: Double) -> Metric { Metric(value, shown: PageFormat.fixed(value, 3)) }

        /// A share as a percentage with one decimal ("97.1%").
        static func share(_ value: Double) -> Metric {
            Metric(value, shown: value.isFinite ? String(format: "%.1f%%", 100 * value) : "\(value)")
        }
    }

    /// The mode statistics of one evaluation (`PlaneModeStatistics`), for a
    /// target with modes.
    struct ModesMetrics {
        let covered: Int
        let count: Int
        let hqShare, reverseKL, pacganJSD: Metric
        /// The reverse KL of a collapse onto one mode of equal weight, ln K.
        let collapseKL: String
        /// A perfect sampler's HQ share in two dimensions, 1 - e^(-9/2).
        let perfectHQ = String(format: "%.1f%%", 100 * (1 - exp(-4.5)))

        init(_ m: PlaneModeStatistics) {
            covered = m.modesCovered
            count = m.modes.count
            hqShare = .share(m.hqShare)
            reverseKL = .decimal(m.reverseKL)
            pacganJSD = .decimal(m.pacganJSD)
            collapseKL = PageFormat.fixed(log(Double(m.modes.count)), 3)
        }
    }

    /// One evaluation (a snapshot's or the final one): its modes (nil for
    /// a target without) and KL and JS on the grid (`GridDivergence`).
    struct EvaluationView {
        let modes: ModesMetrics?
        let gridKL, gridJS: Metric

        init(_ e: PlaneEvaluation) {
            modes = e.modes.map(ModesMetrics.init)
            gridKL = .decimal(e.grid.kl)
            gridJS = .decimal(e.grid.js)
        }
    }

    /// One snapshot's frame of the slider: its image, epoch and metrics.
    struct Frame {
        let index: Int
        let epoch: Int
        let src: String
        let metrics: EvaluationView
        /// The last frame, which the slider shows first.
        let isLast: Bool
    }

    /// The target as the page tells it.
    struct TargetView {
        let spec, label: String
        let isRing, isGrid, isSwissRoll, isPoints: Bool
        let hasModes: Bool
        let modeCount: Int
        /// The modes' std (one for all modes of ring and grid).
        let modeStd: String
        /// A points target's file name and size.
        let pointsFile: String
        let pointsCount: String

        init(_ target: PlaneTarget) {
            spec = target.spec
            label = target.label
            isRing = target == .ring
            isGrid = target == .grid
            isSwissRoll = target == .swissRoll
            let points = target.distribution as? PlanePoints
            isPoints = points != nil
            hasModes = target.modes != nil
            modeCount = target.modes?.count ?? 0
            modeStd = target.modes?.first.map { "\($0.std)" } ?? ""
            pointsFile = points.map { URL(fileURLWithPath: $0.path).lastPathComponent } ?? ""
            pointsCount = PageFormat.grouped(points?.count ?? 0)
        }
    }

    /// G, D and their training as the run's settings give them.
    struct ModelView {
        let gNetwork, dNetwork, gActivations, dActivations: String
        let zDim: Int
        let isGaussianNoise: Bool
        let lossName: String
        let isProbability, isCritic: Bool
        let gOptimizer, dOptimizer: String
        let batch, epochs, dSteps, gSteps: Int
        let isPacked: Bool
        let pack, packs: Int
        let hasPenalty: Bool, penalty: String
        let hasR2: Bool, r2Penalty: String
        let isWassersteinGP: Bool, gpWeight: String
        /// WGAN's clipping (`wasserstein`), on when c > 0.
        let clipOn: Bool, clip: String
        /// D judges single points, so the frames and the decision figure show D over the plane.
        let judgesPoints: Bool
        let snapshotInterval: Int
        /// Points per evaluation, grouped ("2,500").
        let evaluationCount: String

        init(_ c: TrainingConfig) {
            gNetwork = ConfigView.network(c.generatorSizes)
            dNetwork = ConfigView.network(c.discriminatorSizes)
            gActivations = c.generator.activations.map(\.rawValue).joined(separator: ", ")
            dActivations = c.discriminator.activations.map(\.rawValue).joined(separator: ", ")
            zDim = c.zDim
            isGaussianNoise = c.noise == .gaussian
            lossName = c.loss.rawValue
            isProbability = c.loss.outputsProbability
            isCritic = !c.loss.outputsProbability
            gOptimizer = ConfigView.optimizer(c.generatorOptimizer)
            dOptimizer = ConfigView.optimizer(c.discriminatorOptimizer)
            batch = c.batchSize
            epochs = c.epochs
            dSteps = c.discriminatorSteps
            gSteps = c.generatorSteps
            isPacked = c.pack > 1
            pack = c.pack
            packs = c.discriminatorBatch
            hasPenalty = c.gradientPenalty > 0
            penalty = "\(c.gradientPenalty)"
            hasR2 = c.r2Penalty > 0
            r2Penalty = "\(c.r2Penalty)"
            isWassersteinGP = c.loss == .wassersteinGP
            gpWeight = "\(c.gpWeight)"
            clipOn = c.loss == .wasserstein && c.clip > 0
            clip = "\(c.clip)"
            judgesPoints = c.pack == 1
            snapshotInterval = c.snapshotInterval
            evaluationCount = PageFormat.grouped(PlaneTrainer.evaluationSampleCount)
        }
    }

    let lang: String
    /// The page's own title (`--title`), or empty for the language's.
    let title: String
    let hasTitle: Bool
    let built = PageFormat.now()
    let tool: String
    let preset: String
    let seed: String
    /// The shell line that trains the same run again (`ReportCommandLine`).
    let command: String
    let target: TargetView
    let model: ModelView
    let epochsCompleted: Int
    let diverged: Bool
    let divergence: String
    let wall: String
    /// The final evaluation.
    let final: EvaluationView
    let frames: [Frame]
    let frameCount: Int
    let lastFrame: Int
    /// Figure name -> the image source (`ReportBuilder.figureSources`).
    let figures: [String: String]
    /// Figures that could not be drawn, with why.
    let skipped: [String]
    let hasSkipped: Bool
    /// The run's log in the report's `runs/`, relative to the page.
    let logHref: String
    var t: [String: String] = [:]

    /// `final` is the log's final record; `frames` the image source of
    /// each snapshot's frame, in snapshot order; `logStem` names the log in
    /// `runs/`.
    init(_ log: PlaneRunLog, final record: PlaneFinalRecord, settings: ReportSettings, figures: [String: String],
         frames sources: [String], skipped: [String], logStem: String) {
        lang = settings.language.rawValue
        title = settings.title ?? ""
        hasTitle = settings.title != nil
        tool = log.header.tool
        preset = log.config.preset
        seed = "\(log.header.seed)"
        command = ReproduceCommand.shellLine(
            ReportCommandLine.words(main: log.header, runs: ArticleFacts.runs, language: settings.language))
        target = TargetView(log.target)
        model = ModelView(log.config)
        epochsCompleted = record.epochsCompleted
        diverged = record.diverged
        divergence = record.divergence ?? ""
        wall = PageFormat.fixed(record.wallSeconds, 2)
        final = EvaluationView(record.evaluation)
        frames = zip(log.snapshots.indices, sources).map { index, src in
            Frame(index: index, epoch: log.snapshots[index].epoch, src: src,
                  metrics: EvaluationView(log.snapshots[index].evaluation), isLast: index == sources.count - 1)
        }
        frameCount = frames.count
        lastFrame = max(0, frames.count - 1)
        self.figures = figures
        self.skipped = skipped
        hasSkipped = !skipped.isEmpty
        logHref = "runs/\(logStem).jsonl"
    }
}
