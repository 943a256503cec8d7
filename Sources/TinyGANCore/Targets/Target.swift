/// The real distribution R of an experiment, one of the kinds in `kinds`,
/// written as its spec: `gaussian:4.0,1.25`, `uniform:0,1`, `file:data.csv#x`.
/// It is the value of the setting `target`; two targets are equal when
/// they are written the same (a data target: the same file, column and
/// SHA-256).
public struct Target: Sendable, CustomStringConvertible {
    public let distribution: any TargetDistribution

    public init(_ distribution: any TargetDistribution) { self.distribution = distribution }

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

    /// "gaussian:MEAN,STD, mixture:..., ...": every kind's syntax.
    public static var syntaxes: String { kinds.map(\.syntax).joined(separator: ", ") }

    /// Reads a spec `KIND:PARAMETERS`; the problem names the kind's syntax.
    public init(spec: String) throws(SettingProblem) {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":"),
              let kind = Self.kinds.first(where: { $0.name == trimmed[..<colon] }) else {
            throw SettingProblem("must be one of \(Self.syntaxes) (got \(TinyGANError.quote(trimmed)))")
        }
        do {
            distribution = try kind.parse(String(trimmed[trimmed.index(after: colon)...]))
        } catch {
            throw SettingProblem(error.reason.hasPrefix(kind.name) ? error.reason : "\(kind.name): \(error.reason)",
                                 isFailure: error.isFailure)
        }
    }

    public var spec: String { distribution.spec }
    public var label: String { distribution.label }
    public var description: String { spec }
    /// The Gaussian, if the target is one.
    public var gaussian: GaussianTarget? { distribution as? GaussianTarget }

    public var mean: Double { distribution.mean }
    public var std: Double { distribution.std }
    public var excessKurtosis: Double { distribution.excessKurtosis }
    public func density(_ x: Double) -> Double { distribution.density(x) }
    public func cdf(_ x: Double) -> Double { distribution.cdf(x) }
    public func quantile(_ p: Double) -> Double { distribution.quantile(p) }
    public func fill(_ batch: inout [Float], using rng: inout Xoshiro256StarStar) { distribution.fill(&batch, using: &rng) }
}

extension Target: Equatable {
    public static func == (a: Target, b: Target) -> Bool { a.distribution.json == b.distribution.json }
}

extension Target: SettingValue {
    public init(settingText text: String) throws(SettingProblem) { try self.init(spec: text) }

    /// A spec string, or a data target's object `{"file", "column", "sha256"}`.
    public init(settingJSON json: JSONValue) throws(SettingProblem) {
        switch json {
        case .string(let text): try self.init(spec: text)
        case .object: self.init(try DataTarget(json: json))
        default: throw SettingProblem("must be a target spec in quotes, e.g. \"uniform:0,1\" (got \(json.kindName))")
        }
    }

    public var settingText: String { spec }
    public var settingJSON: JSONValue { distribution.json }
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
