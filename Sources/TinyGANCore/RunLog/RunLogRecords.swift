/// The records of a run log, one JSON object per line (see docs/run-log.md).

/// The first line: what produced the run and how to reproduce it.
public struct RunHeader: Codable, Equatable, Sendable {
    /// The run-log format; readers refuse versions they do not know.
    public var format: Int
    /// "tinygan VERSION".
    public var tool: String
    public var config: TrainingConfig
    public var seed: UInt64

    /// Format 2 keys the config by setting names (format 1 nested it under
    /// Swift property names; it still reads) and evaluates each snapshot
    /// and the final record on a stream of its own.
    public static let currentFormat = 2
    public static let readableFormats = 1...2

    public init(config: TrainingConfig, seed: UInt64, tool: String = "tinygan \(TinyGANVersion.current)") {
        format = Self.currentFormat
        self.tool = tool
        self.config = config
        self.seed = seed
    }
}

/// One logged epoch, as the original prints it every 100 epochs: the last
/// D step's real and fake losses, the last G step's loss, and the mean and
/// population std of the last D step's real and generated minibatches.
/// The losses are those of the run's `GANLoss` (scores, for a critic).
/// With a penalty on (R1, R2, WGAN-GP's), D's loss in that step was
/// dRealLoss + dFakeLoss + dPenalty; `dPenalty` is absent without one.
public struct EpochRecord: Codable, Equatable, Sendable {
    /// Epochs completed, from 1 (the original prints 0-based indices).
    public var epoch: Int
    public var dRealLoss: Float
    public var dFakeLoss: Float
    /// The sum of D's penalties in the last D step: R1 and R2,
    /// (gamma/2) |d logit / d features|^2 at the real and the generated
    /// minibatch, and WGAN-GP's; nil when there is none.
    public var dPenalty: Float?
    public var gLoss: Float
    public var realMean: Float
    public var realStd: Float
    public var fakeMean: Float
    public var fakeStd: Float

    public init(epoch: Int, dRealLoss: Float, dFakeLoss: Float, dPenalty: Float? = nil, gLoss: Float,
                realMean: Float, realStd: Float, fakeMean: Float, fakeStd: Float) {
        self.epoch = epoch
        self.dRealLoss = dRealLoss
        self.dFakeLoss = dFakeLoss
        self.dPenalty = dPenalty
        self.gLoss = gLoss
        self.realMean = realMean
        self.realStd = realStd
        self.fakeMean = fakeMean
        self.fakeStd = fakeStd
    }
}

/// A network's shape and flat parameters (W_0, b_0, W_1, b_1, ..., each W
/// row-major of shape (out, in)), enough to evaluate it again.
public struct NetworkWeights: Codable, Equatable, Sendable {
    public var sizes: [Int]
    public var activations: [Activation]
    public var parameters: [Float]

    public init(sizes: [Int], activations: [Activation], parameters: [Float]) {
        self.sizes = sizes
        self.activations = activations
        self.parameters = parameters
    }
}

/// The generator at one epoch (0: before training).
public struct SnapshotRecord: Codable, Equatable, Sendable {
    public var epoch: Int
    public var generator: NetworkWeights
    /// G(z) at z = k / 100, k = 0 ... 100: the learned map from noise to data.
    public var mapping: [Float]
    /// 10,000 fresh generated samples on the fixed bins of `Histogram.forTarget`.
    public var histogram: Histogram
    /// D at this epoch, when it judges samples (`d-input sample`), so that
    /// its opinion D(x) can be drawn over the histograms; absent otherwise.
    public var discriminator: NetworkWeights?
    /// How the histogram's samples spread over a mixture target's modes;
    /// absent for every other target.
    public var modes: ModeStatistics?

    public init(epoch: Int, generator: NetworkWeights, mapping: [Float], histogram: Histogram,
                discriminator: NetworkWeights? = nil, modes: ModeStatistics? = nil) {
        self.epoch = epoch
        self.generator = generator
        self.mapping = mapping
        self.histogram = histogram
        self.discriminator = discriminator
        self.modes = modes
    }
}

/// How the run ended and what it learned.
public struct FinalRecord: Codable, Equatable, Sendable {
    public var epochsCompleted: Int
    /// A NaN or infinity in a loss or a parameter stopped the run.
    public var diverged: Bool
    /// Where it diverged ("epoch 812, generator step 3"), nil if it did not.
    public var divergence: String?
    /// The last generator step's minibatch, the values the original plots.
    public var lastBatch: [Float]
    /// Statistics of `samples` against the target.
    public var evaluation: SampleStatistics
    /// 10,000 fresh samples of the final generator, drawn from the run's
    /// evaluation stream (not the training stream).
    public var samples: [Float]
    public var histogram: Histogram
    /// How `samples` spread over a mixture target's modes; absent for
    /// every other target (so their logs are as before).
    public var modes: ModeStatistics?
    /// The final weights; absent in a log imported from the original
    /// script's printed output, which does not print them.
    public var generator: NetworkWeights?
    public var discriminator: NetworkWeights?
    /// Seconds of wall time for the whole run; the only field that differs
    /// between two runs of the same seed and configuration.
    public var wallSeconds: Double

    public init(epochsCompleted: Int, diverged: Bool, divergence: String?, lastBatch: [Float],
                evaluation: SampleStatistics, samples: [Float], histogram: Histogram, generator: NetworkWeights?,
                discriminator: NetworkWeights?, wallSeconds: Double, modes: ModeStatistics? = nil) {
        self.epochsCompleted = epochsCompleted
        self.diverged = diverged
        self.divergence = divergence
        self.lastBatch = lastBatch
        self.evaluation = evaluation
        self.samples = samples
        self.histogram = histogram
        self.modes = modes
        self.generator = generator
        self.discriminator = discriminator
        self.wallSeconds = wallSeconds
    }
}

/// A whole run, as written and as read back.
public struct RunLog: Equatable, Sendable {
    public var header: RunHeader
    public var epochs: [EpochRecord]
    public var snapshots: [SnapshotRecord]
    /// Nil for a log that is still being written, and for a printout of
    /// the original without its final values.
    public var final: FinalRecord?

    public init(header: RunHeader, epochs: [EpochRecord] = [], snapshots: [SnapshotRecord] = [],
                final: FinalRecord? = nil) {
        self.header = header
        self.epochs = epochs
        self.snapshots = snapshots
        self.final = final
    }

    /// Whether the log was read from the original script's printout.
    public var isOriginalPrintout: Bool { header.tool == OriginalPrintout.toolName }

    public var target: Target { header.config.target }
}

public enum TinyGANVersion {
    public static let current = "0.2.0"
}
