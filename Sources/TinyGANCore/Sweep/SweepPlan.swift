import Foundation

/// A sweep: a preset, optional grid axes over its settings, and seeds. Its
/// runs are every grid point times every seed, in a fixed order (points in
/// the order the axes vary, the last axis fastest; then seeds), so that a
/// plan always lists the same runs and shards split it the same way.
public struct SweepPlan: Codable, Equatable, Sendable {
    /// One axis: a setting (a flag name of `tinygan train`, e.g. "lr-g") and its values.
    public struct Axis: Codable, Equatable, Sendable {
        public var key: String
        public var values: [String]
    }

    public var preset: String
    public var axes: [Axis]
    public var seeds: [UInt64]
    /// Settings applied to every run before the grid (e.g. the log interval).
    public var base: [String: String]

    /// One run of the sweep.
    public struct Run: Equatable, Sendable {
        public var index: Int
        public var point: Int
        public var parameters: [(key: String, value: String)]
        public var seed: UInt64
        public var config: TrainingConfig

        public static func == (a: Run, b: Run) -> Bool {
            a.index == b.index && a.seed == b.seed && a.config == b.config
        }

        /// "lr-g=0.001,d-steps=5" or "base" for a sweep without a grid.
        public var pointLabel: String {
            parameters.isEmpty ? "base" : parameters.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        }

        /// The run's log inside the sweep folder.
        public var logPath: String {
            let folder = pointLabel.map { $0.isLetter || $0.isNumber || "=.,-".contains($0) ? $0 : "_" }
            return "runs/\(String(folder))/seed\(seed).jsonl"
        }
    }

    /// Parses `--grid KEY=V1,V2` texts.
    public static func axis(_ text: String) throws -> Axis {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty else {
            throw TinyGANError.usage("--grid takes KEY=V1,V2,... (got '\(text)')")
        }
        let values = parts[1].split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !values.isEmpty, values.allSatisfy({ !$0.isEmpty }) else {
            throw TinyGANError.usage("--grid \(parts[0]) has an empty value (got '\(text)')")
        }
        return Axis(key: parts[0], values: values)
    }

    public init(preset: String, axes: [Axis], seeds: [UInt64], base: [String: String] = [:]) throws {
        self.preset = preset
        self.axes = axes
        self.seeds = seeds
        self.base = base
        guard !seeds.isEmpty else { throw TinyGANError.usage("a sweep needs at least one run") }
        let keys = axes.map(\.key)
        if Set(keys).count != keys.count { throw TinyGANError.usage("--grid names a setting twice") }
        for key in keys where key != "seed" && key != "preset" { _ = try Settings.named(key) }
        if keys.contains("seed") || keys.contains("preset") {
            throw TinyGANError.usage("--grid cannot vary 'seed' or 'preset' (use --runs and one sweep per preset)")
        }
        let runs = try runs()  // every point must resolve to a valid configuration
        if Set(runs.map { $0.config.target.plane != nil }).count > 1 {
            throw TinyGANError.usage("a sweep's runs must all be on 1-D targets or all on 2-D targets "
                + "(--grid target mixes them)")
        }
    }

    /// Whether the runs are on a 2-D target (all or none are).
    public var isPlane: Bool { baseConfig.target.plane != nil }

    /// What a sweep's runs log unless told otherwise: every 50th epoch and
    /// no snapshot but epoch 0's, which keeps a thousand logs small.
    public static let defaults: [String: String] = ["log-interval": "50", "snapshot-interval": "1000000000"]

    /// `tinygan sweep` with the preset, seeds, axes and every base setting
    /// that is not a sweep default.
    public var command: [String] {
        var words = ["tinygan", "sweep", "--preset", preset, "--runs", String(seeds.count), "--seed", String(seeds.first ?? 1)]
        for axis in axes { words += ["--grid", "\(axis.key)=\(axis.values.joined(separator: ","))"] }
        for (key, value) in base.sorted(by: { $0.key < $1.key }) where Self.defaults[key] != value {
            words += ["--\(key)", value]
        }
        return words
    }

    public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The configuration of the first grid point (target and sizes are
    /// shared by all points unless the grid varies them).
    public var baseConfig: TrainingConfig {
        (try? Self.resolve(preset: preset, base: base, parameters: parameters(ofPoint: 0))) ?? Presets.article
    }

    /// How summaries name a grid point from its values: "lr-g=0.001
    /// d-steps=5", or the preset's name for a sweep without axes.
    public func label(ofValues values: [String]) -> String {
        values.isEmpty ? preset : zip(axes.map(\.key), values).map { "\($0)=\($1)" }.joined(separator: " ")
    }

    /// The parameters of point `p`.
    public func parameters(ofPoint p: Int) -> [(key: String, value: String)] {
        var rest = p
        var result: [(key: String, value: String)] = []
        for axis in axes.reversed() {
            result.append((axis.key, axis.values[rest % axis.values.count]))
            rest /= axis.values.count
        }
        return result.reversed()
    }

    /// Every run, in plan order.
    public func runs() throws -> [Run] {
        var result: [Run] = []
        for point in 0..<pointCount {
            let parameters = parameters(ofPoint: point)
            let config = try Self.resolve(preset: preset, base: base, parameters: parameters)
            for seed in seeds {
                result.append(Run(index: result.count, point: point, parameters: parameters, seed: seed, config: config))
            }
        }
        return result
    }

    /// The preset with `base` then `parameters` applied, as two layers of
    /// settings (so keys are the names of `tinygan train`'s flags).
    static func resolve(preset: String, base: [String: String], parameters: [(key: String, value: String)]) throws
        -> TrainingConfig {
        var baseLayer = SettingLayer(source: "")
        baseLayer.preset = preset
        for (key, value) in base.sorted(by: { $0.key < $1.key }) { try baseLayer.set(key, .text(value)) }
        let point = parameters.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        var pointLayer = SettingLayer(source: point.isEmpty ? "" : "grid point \(point)")
        for (key, value) in parameters { try pointLayer.set(key, .text(value)) }
        do {
            return try TrainingConfig.resolve([baseLayer, pointLayer])
        } catch let error as TinyGANError where !point.isEmpty && !error.reason.hasPrefix("grid point") {
            throw error.prefixed("grid point \(point): ")
        }
    }

    /// The runs of shard `index` (1-based) of `count`: every count-th run.
    public func shard(_ index: Int, of count: Int) throws -> [Run] {
        guard count >= 1, (1...count).contains(index) else {
            throw TinyGANError.usage("--shard must be I/N with 1 <= I <= N (got \(index)/\(count))")
        }
        return try runs().filter { $0.index % count == index - 1 }
    }
}
