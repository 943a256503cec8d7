import Foundation

/// A type a setting can hold. Every value has two spellings that round-trip:
/// its text, as a flag or a `--grid` value gives it (lists separated by ','
/// or ':'), and its JSON, as a config file or a log header holds it.
/// Parsing fails with the problem alone ("not an integer"); the setting's
/// name is added by the caller.
public protocol SettingValue: Equatable, Sendable {
    init(settingText text: String) throws(SettingProblem)
    init(settingJSON json: JSONValue) throws(SettingProblem)
    var settingText: String { get }
    var settingJSON: JSONValue { get }
    /// How the value is named in `--help`: "n", "x", "sizes", "name".
    static var placeholder: String { get }
}

/// What is wrong with one value, without naming its setting. A failure
/// (`isFailure`) is the world's doing, not the input's: a data file that
/// changed since the run that named it.
public struct SettingProblem: Error, Equatable, Sendable {
    public var reason: String
    public var isFailure: Bool
    public init(_ reason: String, isFailure: Bool = false) {
        self.reason = reason
        self.isFailure = isFailure
    }
}

extension Int: SettingValue {
    public init(settingText text: String) throws(SettingProblem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int(trimmed) else {
            let digits = trimmed.drop { $0 == "-" || $0 == "+" }
            let tooLarge = !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
            throw SettingProblem(tooLarge ? "is too large (got \(TinyGANError.quote(trimmed)))"
                                          : "must be a whole number (got \(TinyGANError.quote(trimmed)))")
        }
        self = value
    }

    public init(settingJSON json: JSONValue) throws(SettingProblem) {
        guard case .number(let literal) = json else { throw SettingProblem("must be a whole number (got \(json.kindName))") }
        try self.init(settingText: literal)
    }

    public var settingText: String { String(self) }
    public var settingJSON: JSONValue { .number(String(self)) }
    public static var placeholder: String { "n" }
}

extension Double: SettingValue {
    public init(settingText text: String) throws(SettingProblem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed) else { throw SettingProblem("must be a number (got \(TinyGANError.quote(trimmed)))") }
        self = value
    }

    public init(settingJSON json: JSONValue) throws(SettingProblem) {
        guard case .number(let literal) = json else { throw SettingProblem("must be a number (got \(json.kindName))") }
        try self.init(settingText: literal)
        guard isFinite else { throw SettingProblem("must be a finite number (got \(literal))") }
    }

    /// The shortest text that reads back as the same Double.
    public var settingText: String { "\(self)" }
    public var settingJSON: JSONValue { .number("\(self)") }
    public static var placeholder: String { "x" }
}

/// Named choices (activations, optimizers, D inputs, losses) read by their raw names.
public protocol NamedChoice: SettingValue, RawRepresentable, CaseIterable where RawValue == String {}

extension NamedChoice {
    public init(settingText text: String) throws(SettingProblem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Self(rawValue: trimmed) else {
            throw SettingProblem("unknown value \(TinyGANError.quote(trimmed)) (known: \(Self.knownNames))")
        }
        self = value
    }

    public init(settingJSON json: JSONValue) throws(SettingProblem) {
        guard case .string(let name) = json else { throw SettingProblem("must be a name in quotes (got \(json.kindName))") }
        try self.init(settingText: name)
    }

    public var settingText: String { rawValue }
    public var settingJSON: JSONValue { .string(rawValue) }
    public static var placeholder: String { "name" }
    public static var knownNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension Activation: NamedChoice {}
extension OptimizerConfig.Kind: NamedChoice {}
extension DiscriminatorInputMode: NamedChoice {}
extension GANLoss: NamedChoice {}
extension PenaltySides: NamedChoice {}
extension DataUnits: NamedChoice {}
extension NoiseKind: NamedChoice {}

/// A list, one value per hidden layer: "5,5" or "5:5" as text, [5, 5] in
/// JSON. A single value is a list of one (a config may say "tanh" for
/// ["tanh"]).
extension Array: SettingValue where Element: SettingValue {
    public init(settingText text: String) throws(SettingProblem) {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == ":" })
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw SettingProblem("must not be empty") }
        var values: [Element] = []
        for part in parts { values.append(try Element(settingText: String(part))) }
        self = values
    }

    public init(settingJSON json: JSONValue) throws(SettingProblem) {
        guard case .array(let items) = json else {
            self = [try Element(settingJSON: json)]
            return
        }
        guard !items.isEmpty else { throw SettingProblem("must not be an empty list") }
        var values: [Element] = []
        for item in items { values.append(try Element(settingJSON: item)) }
        self = values
    }

    public var settingText: String { map(\.settingText).joined(separator: ",") }
    public var settingJSON: JSONValue { .array(map(\.settingJSON)) }
    public static var placeholder: String { Element.self == Int.self ? "sizes" : Element.placeholder + "s" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
