import Foundation

/// The real distribution of a 2-D experiment, written as its spec:
/// `ring`, `grid`, `swiss-roll` or `points:PATH` (`PlaneMixture`,
/// `SwissRoll`, `PlanePoints`). Two targets are equal when their log forms
/// are (for points: the same absolute path and SHA-256).
public struct PlaneTarget: Sendable, CustomStringConvertible {
    public let distribution: any PlaneDistribution

    public init(_ distribution: any PlaneDistribution) { self.distribution = distribution }

    public static let ring = PlaneTarget(PlaneMixture.ring)
    public static let grid = PlaneTarget(PlaneMixture.grid)
    public static let swissRoll = PlaneTarget(SwissRoll.standard)

    /// Every spec's syntax, for messages and help.
    public static let syntaxes = "ring, grid, swiss-roll, points:PATH"

    /// The kinds' names, the part of a spec before any ":".
    public static let kindNames: Set<Substring> = ["ring", "grid", "swiss-roll", "points"]

    /// Whether `spec` names one of the plane's kinds (valid or not).
    public static func names(_ spec: String) -> Bool { kindNames.contains(spec.prefix { $0 != ":" }) }

    /// Reads a spec; an unknown name or a bad points file is a problem
    /// that says what is wrong.
    public init(spec: String) throws(SettingProblem) {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        let name = trimmed.prefix { $0 != ":" }
        let rest = trimmed.dropFirst(name.count)
        switch name {
        case "ring", "grid", "swiss-roll":
            guard rest.isEmpty else { throw SettingProblem("\(name) takes no parameters (got \(TinyGANError.quote(trimmed)))") }
            self = name == "ring" ? .ring : name == "grid" ? .grid : .swissRoll
        case "points":
            self.init(try PlanePoints(path: String(rest.dropFirst())))
        default:
            throw SettingProblem("must be one of \(Self.syntaxes) (got \(TinyGANError.quote(trimmed)))")
        }
    }

    /// A spec string, or a points target's `{"points": PATH, "sha256": HEX}`,
    /// whose file must still have that SHA-256 (else a failure).
    public init(json: JSONValue) throws(SettingProblem) {
        switch json {
        case .string(let text): try self.init(spec: text)
        case .object(let members):
            var path: String?, sha: String?
            for (key, value) in members {
                guard case .string(let text) = value else { throw SettingProblem("'\(key)' must be a string in quotes") }
                switch key {
                case "points": path = text
                case "sha256": sha = text
                default: throw SettingProblem("a points target has only 'points' and 'sha256' (got \(TinyGANError.quote(key)))")
                }
            }
            guard let path else { throw SettingProblem("a points target object needs 'points'") }
            self.init(try PlanePoints(path: path, expectedSHA256: sha))
        default:
            throw SettingProblem("must be one of \(Self.syntaxes) in quotes (got \(json.kindName))")
        }
    }

    public var spec: String { distribution.spec }
    public var label: String { distribution.label }
    public var description: String { spec }
    public var json: JSONValue { distribution.json }
    public var modes: [PlaneMode]? { distribution.modes }
    public var bounds: PlaneBox { distribution.bounds }
    public func density(x: Double, y: Double) -> Double { distribution.density(x: x, y: y) }

    /// n draws into `batch[0 ..< 2n]`: x_0 ... x_(n-1), then y_0 ... y_(n-1).
    public func fill(_ batch: inout [Float], count n: Int, using rng: inout Xoshiro256StarStar) {
        distribution.fill(&batch, count: n, using: &rng)
    }
}

extension PlaneTarget: Equatable {
    public static func == (a: PlaneTarget, b: PlaneTarget) -> Bool { a.json == b.json }
}

extension PlaneTarget: SettingValue {
    public init(settingText text: String) throws(SettingProblem) { try self.init(spec: text) }
    public init(settingJSON json: JSONValue) throws(SettingProblem) { try self.init(json: json) }
    public var settingText: String { spec }
    public var settingJSON: JSONValue { json }
    public static var placeholder: String { "spec" }
}

extension PlaneTarget: Codable {
    public init(from decoder: Decoder) throws {
        do { try self.init(json: try JSONValue(from: decoder)) } catch let problem as SettingProblem {
            throw TinyGANError(problem.isFailure ? .failure : .usage, "target \(problem.reason)")
        }
    }

    public func encode(to encoder: Encoder) throws { try json.encode(to: encoder) }
}
