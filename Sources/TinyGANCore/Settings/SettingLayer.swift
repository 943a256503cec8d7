import Foundation

/// Some settings given together, by one source: a config file, the flags,
/// a sweep's base, one grid point, a log header. A configuration is the
/// preset named by the last layer that names one (default `article`) with
/// every layer applied over it in order, later layers winning
/// (`TrainingConfig.resolve`). Within a layer, aliases apply first.
public struct SettingLayer: Sendable, Equatable {
    /// A value as its source spelled it: flag or grid text, or config JSON.
    public enum Value: Sendable, Equatable {
        case text(String)
        case json(JSONValue)
    }

    /// Where the layer comes from, for messages ("flags", "my.json").
    public var source: String
    public var preset: String?
    public var seed: UInt64?
    public private(set) var values: [(name: String, value: Value)] = []

    public init(source: String) { self.source = source }

    public static func == (a: SettingLayer, b: SettingLayer) -> Bool {
        a.source == b.source && a.preset == b.preset && a.seed == b.seed
            && a.values.map(\.name) == b.values.map(\.name) && a.values.map(\.value) == b.values.map(\.value)
    }

    public var isEmpty: Bool { preset == nil && seed == nil && values.isEmpty }

    /// Sets `name` (a setting of the table, or `preset` or `seed`) to `value`,
    /// replacing an earlier value of the same name in this layer.
    public mutating func set(_ name: String, _ value: Value) throws {
        switch name {
        case "preset":
            switch value {
            case .text(let text), .json(.string(let text)): preset = text
            case .json(let json): throw problem("preset must be a name in quotes (got \(json.kindName))")
            }
        case "seed":
            let text: String
            switch value {
            case .text(let t), .json(.number(let t)): text = t
            case .json(let json): throw problem("seed must be a whole number (got \(json.kindName))")
            }
            guard let parsed = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
                throw problem("seed must be a whole number from 0 to \(UInt64.max) (got \(TinyGANError.quote(text)))")
            }
            seed = parsed
        default:
            do { _ = try Settings.named(name) } catch let error as TinyGANError { throw error.prefixed(prefix) }
            values.removeAll { $0.name == name }
            values.append((name, value))
        }
    }

    /// Applies this layer's settings to `config`: aliases and the settings
    /// that override others (`target`), then the rest.
    public func apply(to config: inout TrainingConfig) throws {
        func first(_ name: String) -> Bool { Settings.byName[name]!.isAlias || !Settings.byName[name]!.overrides.isEmpty }
        let ordered = values.filter { first($0.name) } + values.filter { !first($0.name) }
        for (name, value) in ordered {
            let setting = Settings.byName[name]!
            do {
                switch value {
                case .text(let text): try setting.apply(text: text, to: &config)
                case .json(let json): try setting.apply(json: json, to: &config)
                }
            } catch let error as TinyGANError {
                throw error.prefixed(prefix)
            }
        }
    }

    var prefix: String { source.isEmpty ? "" : "\(source): " }

    func problem(_ reason: String) -> TinyGANError { .usage(prefix + reason) }
}

extension SettingLayer {
    /// The settings of a JSON object: a config file or a log header.
    public static func json(_ json: JSONValue, source: String) throws -> SettingLayer {
        var layer = SettingLayer(source: source)
        guard case .object(let members) = json else {
            throw layer.problem("a config must be a JSON object of settings, e.g. {\"epochs\": 300}")
        }
        for (key, value) in members { try layer.set(key, .json(value)) }
        return layer
    }

    /// Config files larger than this are refused unread: a config is a few
    /// hundred bytes, and a large file named by mistake should not be
    /// read whole.
    public static let largestConfigFile = 1 << 20

    /// The settings of a config file, as `--config FILE` reads it.
    public static func file(_ path: String) throws -> SettingLayer {
        let quoted = TinyGANError.quote(path, limit: 200)
        if let problem = FileKind.inputProblem(path) {
            throw TinyGANError.usage("cannot read config file \(quoted): it \(problem)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TinyGANError.usage("cannot read config file \(quoted)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: largestConfigFile + 1)) ?? nil
        guard let data else { throw TinyGANError.usage("cannot read config file \(quoted)") }
        guard data.count <= largestConfigFile else {
            throw TinyGANError.usage("the config file \(quoted) is larger than 1 MB; a config is a small JSON object")
        }
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch let error as TinyGANError { throw error.prefixed("\(path): ") }
        return try Self.json(json, source: path)
    }

    /// The settings given as flags: `--NAME VALUE` or `--NAME=VALUE`, in
    /// order (the last of a name wins). Everything must be a known setting.
    public static func flags(_ arguments: [String]) throws -> SettingLayer {
        var layer = SettingLayer(source: "")
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw TinyGANError.usage("unexpected argument \(TinyGANError.quote(argument))")
            }
            var name = String(argument.dropFirst(2))
            let value: String
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            } else {
                guard index + 1 < arguments.count else {
                    throw TinyGANError.usage("--\(name.prefix(80)) needs a value")
                }
                index += 1
                value = arguments[index]
            }
            do { try layer.set(name, .text(value)) } catch let error as TinyGANError {
                throw error.kind == .usage && error.reason.hasPrefix("unknown setting")
                    ? TinyGANError.usage("unknown option --\(TinyGANError.quote(name).dropFirst().dropLast()) "
                        + "(see --help for the settings)")
                    : error
            }
            index += 1
        }
        return layer
    }
}

extension TrainingConfig {
    /// The preset named by the last layer that names one (default
    /// `article`), with every layer applied in order, then checked
    /// (`validate`). With `knownPresetOnly` false, an unknown preset name
    /// is kept as a label over the article's values (a log header from a
    /// tool whose presets differ still reads: it sets every value).
    public static func resolve(_ layers: [SettingLayer], knownPresetOnly: Bool = true) throws -> TrainingConfig {
        let name = layers.compactMap(\.preset).last ?? Presets.article.preset
        var config: TrainingConfig
        do { config = try Presets.named(name) } catch {
            guard !knownPresetOnly else { throw error }
            config = Presets.article
            config.preset = name
        }
        for layer in layers { try layer.apply(to: &config) }
        config.broadcastActivations()
        try config.validate()
        return config
    }

    /// A network's activations given as one name, or left from a preset
    /// with another depth, apply to every hidden layer when they are all
    /// the same; a mixed list must name one per layer (`validate`).
    mutating func broadcastActivations() {
        for path in [\TrainingConfig.generator, \TrainingConfig.discriminator] {
            let network = self[keyPath: path]
            if network.activations.count != network.hiddenSizes.count, let first = network.activations.first,
               network.activations.allSatisfy({ $0 == first }) {
                self[keyPath: path].activations = Array(repeating: first, count: network.hiddenSizes.count)
            }
        }
    }

    /// The configuration as a config file and a log header hold it:
    /// `preset`, then every stored setting in table order.
    public var settingsJSON: JSONValue {
        .object([("preset", .string(preset))] + Settings.stored.map { ($0.name, $0.json(of: self)) })
    }
}

extension SettingLayer {
    /// One layer that means what `self` then `later` mean: `later`'s values
    /// win, and an alias in `later` also overrides what `self` said of the
    /// settings it stands for.
    public func merged(with later: SettingLayer) -> SettingLayer {
        var result = self
        result.source = [source, later.source].filter { !$0.isEmpty }.joined(separator: " and ")
        result.preset = later.preset ?? preset
        result.seed = later.seed ?? seed
        for (name, value) in later.values {
            let covered = Set([name] + (Settings.byName[name].map { $0.aliasOf + $0.overrides } ?? []))
            result.values.removeAll { covered.contains($0.name) }
            result.values.append((name, value))
        }
        return result
    }

    /// The values as flag texts (a config file's JSON turned into the text
    /// that a flag would give), for a sweep's manifest and for commands.
    public func texts() throws -> [(name: String, text: String)] {
        try values.map { name, value in
            switch value {
            case .text(let text): return (name, text)
            case .json(let json):
                let setting = try Settings.named(name)
                var scratch = Presets.article
                do { try setting.apply(json: json, to: &scratch) } catch let error as TinyGANError {
                    throw error.prefixed(prefix)
                }
                return (name, setting.text(of: scratch))
            }
        }
    }
}
