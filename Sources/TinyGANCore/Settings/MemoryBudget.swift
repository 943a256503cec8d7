import Foundation

/// The memory a run needs, estimated from its configuration before anything
/// is allocated, so that a size that cannot fit is refused with a reason
/// instead of crashing the process or taking the machine's memory.
///
/// Bytes, with n the batch size, 4 bytes a Float, P a network's parameter
/// count and S the sum of its layer sizes:
/// - G: 4 n S_G x 4 (outputs, gradients and two scratch rows per layer),
///   and 4 P_G x 5 (parameters, gradients, two optimizer moments, a copy);
/// - D: 4 P_D x 6 (the same, and the penalty's scratch), 4 S_D x B_D x 8
///   for its B_D samples per minibatch (1, or n / M when it judges samples);
/// - minibatches and D's input: 4 n x 16;
/// - the evaluation probe: 4 x 10,000 x S_G x 2;
/// - the log: 300 bytes per epoch record (36 in memory, about 200 as a
///   JSON line when written) and 4 x (320 x 8 + 101 x 4 + 4 P_G) per
///   snapshot (the record and its JSON), plus 4 x 4 P_D where snapshots
///   hold D (`d-input sample`).
/// The estimate errs high by up to about 2x; it exists to refuse sizes
/// that are off by orders of magnitude.
public enum MemoryBudget {
    /// The most one run may take: a sweep trains one run per core, and the
    /// project's machines have 2 cores and 24 GiB.
    public static let limit = 4e9

    public struct Estimate: Sendable {
        public var networks: Double
        public var log: Double
        public var total: Double { networks + log }
    }

    public static func estimate(_ c: TrainingConfig) -> Estimate {
        func parameters(_ sizes: [Int]) -> Double {
            zip(sizes, sizes.dropFirst()).reduce(0) { $0 + Double($1.0) * Double($1.1) + Double($1.1) }
        }
        let n = Double(c.batchSize)
        let generatorSizes = c.generatorSizes.reduce(0.0) { $0 + Double($1) }
        let discriminatorSizes = c.discriminatorSizes.reduce(0.0) { $0 + Double($1) }
        let pG = parameters(c.generatorSizes), pD = parameters(c.discriminatorSizes)
        let networks = 4 * n * generatorSizes * 4 + 4 * pG * 5 + 4 * pD * 6 + 4 * discriminatorSizes * Double(c.discriminatorBatch) * 8
            + 4 * n * 16 + 4 * 10_000 * generatorSizes * 2
        let epochRecords = Double(c.epochs) / Double(c.logInterval)
        let snapshots = Double(c.epochs) / Double(c.snapshotInterval) + 1
        let snapshotD = c.discriminatorInput.judgesSamples ? 4 * pD : 0
        let log = epochRecords * 300 + snapshots * 4 * (320 * 8 + 101 * 4 + 4 * pG + snapshotD)
        return Estimate(networks: networks, log: log)
    }

    /// Throws a usage error when `config` needs more than `limit`, naming
    /// the part that is too large and what to change.
    public static func check(_ config: TrainingConfig) throws {
        let e = estimate(config)
        guard e.total > limit else { return }
        let gigabytes = { (bytes: Double) in bytes >= 1e15 ? String(format: "%.1e", bytes / 1e9) : String(format: "%.1f", bytes / 1e9) }
        let records = Int(min(Double(config.epochs) / Double(config.logInterval), 9e18))
        let snapshots = Int(min(Double(config.epochs) / Double(config.snapshotInterval), 9e18)) + 1
        let shapes = "batch \(config.batchSize), G \(config.generatorSizes.map(String.init).joined(separator: "-")), "
            + "D \(config.discriminatorSizes.map(String.init).joined(separator: "-"))"
        let hint = e.log > e.networks
            ? "its log (\(records) epoch records, \(snapshots) snapshots of G's weights); raise --log-interval "
                + "or --snapshot-interval\(e.networks > limit / 4 ? ", and lower the sizes (\(shapes))" : "")"
            : "its networks and minibatches (\(shapes)); lower --batch-size or the hidden sizes"
        throw TinyGANError.usage("this configuration needs about \(gigabytes(e.total)) GB, more than the "
            + "\(gigabytes(limit)) GB one run may use; most of it for \(hint)")
    }
}
