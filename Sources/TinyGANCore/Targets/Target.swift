/// The real distribution R of an experiment, one of the kinds in `kinds`,
/// written as its spec: `gaussian:4.0,1.25`, `uniform:0,1`, `file:data.csv#x`;
/// or a distribution in the plane (the 2-D lab: `ring`, `grid`,
/// `swiss-roll`, `points:PATH`, a `PlaneTarget`).
/// It is the value of the setting `target`; two targets are equal when
/// they are written the same (a data target: the same file, column and
/// SHA-256).
///
/// The 1-D members below (`distribution`, mean, std, density, CDF,
/// quantile, fill) are the line's: a 2-D experiment takes the `plane`
/// target instead, and calling them on it is a programming error that
/// stops the program (`TrainingConfig.validate` keeps 2-D configurations
/// away from the 1-D trainer).
public struct Target: Sendable, CustomStringConvertible {
    enum Storage: Sendable {
        case line(any TargetDistribution)
        case plane(PlaneTarget)
    }

    let storage: Storage

    public init(_ distribution: any TargetDistribution) { storage = .line(distribution) }
    public init(_ plane: PlaneTarget) { storage = .plane(plane) }

    /// The 1-D distribution (a 1-D target only).
    public var distribution: any TargetDistribution {
        guard case .line(let distribution) = storage else {
            preconditionFailure("the 2-D target \(spec) has no 1-D distribution")
        }
        return distribution
    }

    /// The distribution in the plane, for a 2-D target.
    public var plane: PlaneTarget? {
        if case .plane(let plane) = storage { return plane }
        return nil
    }

    /// 1 for a target on the line, 2 for one in the plane: the values per sample.
    public var dimension: Int { plane == nil ? 1 : 2 }

    /// The article's target, N(4, 1.25^2).
    public static let article = Target(GaussianTarget(mean: 4, std: 1.25))

    /// One kind of target: its name (the spec's prefix), its syntax for
    /// messages and help, and the reader of what follows `NAME:`.
    struct Kind: Sendable {
        let name: String
        let syntax: String
        let parse: @Sendable (String) throws(SettingProblem) -> any TargetDistribution
    }

    static let kinds: [Kind] = [
        Kind(name: "gaussian", syntax: "gaussian:MEAN,STD") { text throws(SettingProblem) in try GaussianTarget.parse(text) },
        Kind(name: "mixture", syntax: MixtureTarget.syntax) { text throws(SettingProblem) in try MixtureTarget.parse(text) },
        Kind(name: "uniform", syntax: "uniform:A,B") { text throws(SettingProblem) in try UniformTarget.parse(text) },
        Kind(name: "laplace", syntax: "laplace:LOC,SCALE") { text throws(SettingProblem) in try LaplaceTarget.parse(text) },
        Kind(name: "lognormal", syntax: "lognormal:MU,SIGMA") { text throws(SettingProblem) in try LognormalTarget.parse(text) },
        Kind(name: "student-t", syntax: "student-t:NU,LOC,SCALE") { text throws(SettingProblem) in try StudentTTarget.parse(text) },
        Kind(name: "file", syntax: "file:PATH or file:PATH#COLUMN") { text throws(SettingProblem) in try DataTarget.parse(text) },
    ]

    /// "gaussian:MEAN,STD, mixture:..., ..., ring, ...": every kind's syntax, the line's then the plane's.
    public static var syntaxes: String { (kinds.map(\.syntax) + [PlaneTarget.syntaxes]).joined(separator: ", ") }

    /// Reads a spec `KIND:PARAMETERS`; the problem names the kind's syntax.
    public init(spec: String) throws(SettingProblem) {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        if PlaneTarget.names(trimmed) {
            storage = .plane(try PlaneTarget(spec: trimmed))
            return
        }
        guard let colon = trimmed.firstIndex(of: ":"),
              let kind = Self.kinds.first(where: { $0.name == trimmed[..<colon] }) else {
            throw SettingProblem("must be one of \(Self.syntaxes) (got \(TinyGANError.quote(trimmed)))")
        }
        do {
            storage = .line(try kind.parse(String(trimmed[trimmed.index(after: colon)...])))
        } catch {
            throw SettingProblem(error.reason.hasPrefix(kind.name) ? error.reason : "\(kind.name): \(error.reason)",
                                 isFailure: error.isFailure)
        }
    }

    public var spec: String {
        switch storage {
        case .line(let distribution): distribution.spec
        case .plane(let plane): plane.spec
        }
    }

    public var label: String {
        switch storage {
        case .line(let distribution): distribution.label
        case .plane(let plane): plane.label
        }
    }

    /// The form a log's header and a config file hold.
    public var json: JSONValue {
        switch storage {
        case .line(let distribution): distribution.json
        case .plane(let plane): plane.json
        }
    }

    public var description: String { spec }
    /// The Gaussian, if the target is one.
    public var gaussian: GaussianTarget? { plane == nil ? distribution as? GaussianTarget : nil }

    public var mean: Double { distribution.mean }
    public var std: Double { distribution.std }
    public var excessKurtosis: Double { distribution.excessKurtosis }
    public func density(_ x: Double) -> Double { distribution.density(x) }
    public func cdf(_ x: Double) -> Double { distribution.cdf(x) }
    public func quantile(_ p: Double) -> Double { distribution.quantile(p) }
    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) { distribution.fill(&batch, using: &rng) }
}

extension Target: Equatable {
    public static func == (a: Target, b: Target) -> Bool { a.json == b.json }
}

extension Target: SettingValue {
    public init(settingText text: String) throws(SettingProblem) { try self.init(spec: text) }

    /// A spec string, a data target's object `{"file", "column", "sha256"}`
    /// or a points target's `{"points", "sha256"}`.
    public init(settingJSON json: JSONValue) throws(SettingProblem) {
        switch json {
        case .string(let text): try self.init(spec: text)
        case .object(let members) where members.contains(where: { $0.key == "points" }):
            self.init(try PlaneTarget(json: json))
        case .object: self.init(try DataTarget(json: json))
        default: throw SettingProblem("must be a target spec in quotes, e.g. \"uniform:0,1\" (got \(json.kindName))")
        }
    }

    public var settingText: String { spec }
    public var settingJSON: JSONValue { json }
    public static var placeholder: String { "spec" }
}

extension Target: Codable {
    public init(from decoder: Decoder) throws {
        do { try self.init(settingJSON: try JSONValue(from: decoder)) } catch let problem as SettingProblem {
            throw TinyGANError(problem.isFailure ? .failure : .usage, "target \(problem.reason)")
        }
    }

    public func encode(to encoder: Encoder) throws { try settingJSON.encode(to: encoder) }
}
