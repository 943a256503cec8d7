/// One setting of an experiment: its name (the same string as flag, config
/// key, `--grid` key and log-header key), its help, its bounds, and how to
/// read and write it in a `TrainingConfig`. `Settings.all` is the table.
///
/// An alias (`optimizer`, `momentum`, `beta1`, `beta2`) sets several
/// settings at once and is never written to a log; within one layer of
/// settings, aliases apply before the settings they stand for, so
/// `{"optimizer": "adam", "g-optimizer": "sgd"}` means D adam, G sgd.
public struct Setting: Sendable {
    public let name: String
    public let help: String
    /// The value's name in `--help`: "n", "x", "sizes", "name".
    public let placeholder: String
    /// The valid range, as `--help` states it ("1 to 100000"), if any.
    public let bounds: String?
    /// For an alias: the names of the settings it sets; empty otherwise.
    public let aliasOf: [String]

    let readText: @Sendable (inout TrainingConfig, String) throws -> Void
    let readJSON: @Sendable (inout TrainingConfig, JSONValue) throws -> Void
    let writeText: @Sendable (TrainingConfig) -> String
    let writeJSON: @Sendable (TrainingConfig) -> JSONValue
    /// What is wrong with the value in a config, or nil.
    let problem: @Sendable (TrainingConfig) -> String?
    /// The settings this one overrides (`target` overrides `target-mean` and
    /// `target-std`): within one layer it applies before them, and a later
    /// layer that sets it drops what earlier layers said of them.
    public internal(set) var overrides: [String] = []

    public var isAlias: Bool { !aliasOf.isEmpty }

    /// Sets the value from a flag's or a grid's text; the error names the setting.
    public func apply(text: String, to config: inout TrainingConfig) throws {
        do { try readText(&config, text) } catch let problem as SettingProblem { throw error(problem) }
    }

    /// Sets the value from a config file's JSON; the error names the setting.
    public func apply(json: JSONValue, to config: inout TrainingConfig) throws {
        do { try readJSON(&config, json) } catch let problem as SettingProblem { throw error(problem) }
    }

    func error(_ problem: SettingProblem) -> TinyGANError {
        TinyGANError(problem.isFailure ? .failure : .usage, "\(name) \(problem.reason)")
    }

    /// The value as a flag takes it (`--NAME TEXT`).
    public func text(of config: TrainingConfig) -> String { writeText(config) }

    /// The value as a config file and a log header hold it.
    public func json(of config: TrainingConfig) -> JSONValue { writeJSON(config) }

    /// "NAME must be ... (got VALUE)", or nil when the value is in range.
    public func validationError(in config: TrainingConfig) -> String? {
        problem(config).map { "\(name) \($0) (got \(TinyGANError.quote(writeText(config), limit: 60)))" }
    }
}

extension Setting {
    /// The same setting, overriding `names`.
    func overriding(_ names: [String]) -> Setting {
        var copy = self
        copy.overrides = names
        return copy
    }

    /// A setting stored at `path`; `check` says what is wrong with a value.
    static func value<V: SettingValue>(
        _ name: String, _ path: WritableKeyPath<TrainingConfig, V> & Sendable, bounds: String? = nil,
        help: String, check: @escaping @Sendable (V) -> String? = { _ in nil }
    ) -> Setting {
        Setting(
            name: name, help: help, placeholder: V.placeholder, bounds: bounds, aliasOf: [],
            readText: { config, text in config[keyPath: path] = try V(settingText: text) },
            readJSON: { config, json in config[keyPath: path] = try V(settingJSON: json) },
            writeText: { $0[keyPath: path].settingText },
            writeJSON: { $0[keyPath: path].settingJSON },
            problem: { check($0[keyPath: path]) })
    }

    /// A name that sets each of `targets` (settings of one value type) at once.
    static func alias<V: SettingValue>(
        _ name: String, of targets: [WritableKeyPath<TrainingConfig, V> & Sendable], names: [String], help: String
    ) -> Setting {
        Setting(
            name: name, help: help, placeholder: V.placeholder, bounds: nil, aliasOf: names,
            readText: { config, text in
                let value = try V(settingText: text)
                for path in targets { config[keyPath: path] = value }
            },
            readJSON: { config, json in
                let value = try V(settingJSON: json)
                for path in targets { config[keyPath: path] = value }
            },
            writeText: { $0[keyPath: targets[0]].settingText },
            writeJSON: { $0[keyPath: targets[0]].settingJSON },
            problem: { _ in nil })
    }
}

/// Checks that return the problem with a value, or nil.
enum Bounds {
    static func integer(_ range: ClosedRange<Int>) -> @Sendable (Int) -> String? {
        { range.contains($0) ? nil : "must be from \(range.lowerBound) to \(range.upperBound)" }
    }

    static func sizes(_ range: ClosedRange<Int>, layers: ClosedRange<Int>) -> @Sendable ([Int]) -> String? {
        {
            if !layers.contains($0.count) { return "must list \(layers.lowerBound) to \(layers.upperBound) layers" }
            return $0.allSatisfy(range.contains) ? nil : "must be sizes from \(range.lowerBound) to \(range.upperBound)"
        }
    }

    static func positive(atMost limit: Double) -> @Sendable (Double) -> String? {
        { $0.isFinite && $0 > 0 && $0 <= limit ? nil : "must be finite, > 0 and at most \(limit)" }
    }

    static let positive: @Sendable (Double) -> String? = { $0.isFinite && $0 > 0 ? nil : "must be finite and > 0" }

    static func nonNegative(atMost limit: Double) -> @Sendable (Double) -> String? {
        { $0.isFinite && $0 >= 0 && $0 <= limit ? nil : "must be finite, >= 0 and at most \(limit)" }
    }

    static func magnitude(atMost limit: Double) -> @Sendable (Double) -> String? {
        { $0.isFinite && abs($0) <= limit ? nil : "must be finite and within +-\(limit)" }
    }

    /// [0, 1): a decay rate or a momentum.
    static let unitInterval: @Sendable (Double) -> String? = { (0..<1).contains($0) ? nil : "must be in [0, 1)" }
}
