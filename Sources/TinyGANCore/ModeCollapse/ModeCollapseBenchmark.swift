import Foundation

/// One method of the mode-collapse benchmark: the settings it changes on
/// a target's preset (`ring` or `grid`), as `tinygan train` flags.
public struct ModeCollapseMethod: Codable, Equatable, Sendable {
    /// The name in the tables: "GAN", "PacGAN2", ...
    public var name: String
    /// The name on the command line and of its folder: "gan", "pacgan2", ...
    public var key: String
    public var settings: [String: String]

    /// The methods of issue 11 and PacGAN's Table 1, on the presets' model
    /// (`Presets.ring`): the classic GAN; PacGAN M, D judging packs of M
    /// points (`pack`; PacGAN3 on batches of 99, since a pack must divide
    /// the batch); WGAN-GP with gan_toy.py's five critic steps and Adam's
    /// beta2 0.9, lambda 10 (the WGAN-GP paper's; gan_toy.py uses 0.1);
    /// and the GAN with D's R1 penalty, gamma 1 (Mescheder et al. 2018).
    public static let all: [ModeCollapseMethod] = [
        ModeCollapseMethod(name: "GAN", key: "gan", settings: [:]),
        ModeCollapseMethod(name: "PacGAN2", key: "pacgan2", settings: ["pack": "2"]),
        ModeCollapseMethod(name: "PacGAN3", key: "pacgan3", settings: ["pack": "3", "batch-size": "99"]),
        ModeCollapseMethod(name: "PacGAN4", key: "pacgan4", settings: ["pack": "4"]),
        ModeCollapseMethod(name: "WGAN-GP", key: "wgan-gp",
                           settings: ["loss": "wasserstein-gp", "gp-weight": "10", "d-steps": "5", "beta2": "0.9"]),
        ModeCollapseMethod(name: "R1", key: "r1", settings: ["gradient-penalty": "1"]),
    ]

    /// The methods named by `keys` ("gan,pacgan2"), in the order of `all`.
    public static func named(_ keys: [String]) throws -> [ModeCollapseMethod] {
        for key in keys where !all.contains(where: { $0.key == key }) {
            throw TinyGANError.usage("unknown method '\(key)'; the methods are \(all.map(\.key).joined(separator: ", "))")
        }
        return all.filter { keys.contains($0.key) }
    }
}

/// The mode-collapse benchmark (issue 11): each method on PacGAN's ring
/// and grid over the same seeds, as one sweep folder per target and
/// method, `ROOT/TARGET/METHOD/` (`SweepFolder`: each log written as its
/// run ends, so `--resume` continues an interrupted benchmark), and the
/// benchmark's own manifest `ROOT/benchmark.json`.
public struct ModeCollapseBenchmark: Codable, Equatable, Sendable {
    public static let targets = ["ring", "grid"]
    public static let manifestFile = "benchmark.json"

    public var format = 1
    public var targets: [String]
    public var methods: [ModeCollapseMethod]
    public var seeds: [UInt64]
    /// Epochs of every run instead of the presets' (a quick look); nil
    /// for the benchmark proper.
    public var epochs: Int?

    public init(targets: [String] = Self.targets, methods: [ModeCollapseMethod] = ModeCollapseMethod.all,
                seeds: [UInt64], epochs: Int? = nil) throws {
        for target in targets where !Self.targets.contains(target) {
            throw TinyGANError.usage("unknown target '\(target)'; the benchmark's targets are "
                + Self.targets.joined(separator: ", "))
        }
        guard !targets.isEmpty, !methods.isEmpty else {
            throw TinyGANError.usage("the benchmark needs at least one target and one method")
        }
        self.targets = targets
        self.methods = methods
        self.seeds = seeds
        self.epochs = epochs
        for target in targets { for method in methods { _ = try plan(target: target, method: method) } }
    }

    /// One target and method's sweep: the target's preset with the method's
    /// settings (and `epochs`), over the seeds.
    public func plan(target: String, method: ModeCollapseMethod) throws -> SweepPlan {
        var base = SweepPlan.defaults
        base.merge(method.settings) { $1 }
        if let epochs { base["epochs"] = String(epochs) }
        do {
            return try SweepPlan(preset: target, axes: [], seeds: seeds, base: base)
        } catch let error as TinyGANError {
            throw error.prefixed("\(method.name) on \(target): ")
        }
    }

    public static func folder(_ root: URL, target: String, method: ModeCollapseMethod) -> URL {
        root.appendingPathComponent(target).appendingPathComponent(method.key)
    }

    /// The benchmark's folders, target by target, method by method:
    /// created, or with `resume` the same benchmark's, which must match
    /// this one (its manifest and every sweep's).
    public func prepare(at root: URL, resume: Bool) throws -> [SweepFolder] {
        let manifest = root.appendingPathComponent(Self.manifestFile)
        switch FileKind.of(root.path) {
        case .missing:
            break
        case .folder where resume:
            guard try Self.open(root) == self else {
                throw TinyGANError.usage("\(root.path) holds a different benchmark (other targets, methods, seeds "
                    + "or settings); --resume continues only the same one")
            }
        case .folder:
            throw TinyGANError.usage("\(root.path) already exists; add --resume to continue that benchmark, "
                + "or choose another --out")
        case let kind:
            throw TinyGANError.usage("\(root.path) is \(kind.described), not a benchmark folder")
        }
        if FileKind.of(manifest.path) == .missing {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try AtomicFile.write(try encoder.encode(self), to: manifest)
        }
        return try targets.flatMap { target in
            try methods.map { method in
                try SweepFolder.prepare(at: Self.folder(root, target: target, method: method),
                                        plan: plan(target: target, method: method), shard: nil, resume: resume)
            }
        }
    }

    /// The benchmark of an existing folder, from its manifest.
    public static func open(_ root: URL) throws -> ModeCollapseBenchmark {
        let file = root.appendingPathComponent(manifestFile)
        guard let data = try? RegularFile.read(file) else {
            throw TinyGANError.file(file.path, line: nil, "cannot be read: \(root.path) is not a benchmark folder")
        }
        do {
            return try JSONDecoder().decode(ModeCollapseBenchmark.self, from: data)
        } catch {
            throw TinyGANError.file(file.path, line: nil, "is not a benchmark manifest (\(RunLogCoding.describe(error)))")
        }
    }

    /// Every target and method's summary (`PlaneSweepSummary`), written
    /// into its folder, target by target, method by method.
    public func summarize(at root: URL) throws -> [ModeCollapseResult] {
        try targets.flatMap { target in
            try methods.map { method in
                let folder = try SweepFolder.open(Self.folder(root, target: target, method: method))
                return ModeCollapseResult(target: target, method: method, summary: try folder.summarizePlane())
            }
        }
    }
}

/// One method on one target: its runs' summary.
public struct ModeCollapseResult: Equatable, Sendable {
    public var target: String
    public var method: ModeCollapseMethod
    public var summary: PlaneSweepSummary

    /// The only grid point's metrics (the benchmark's sweeps have no axes).
    public var metrics: PlaneSweepPoint? { summary.points.first }
}
