import TinyGANCore

/// One language's figure texts: `strings(.momentsTitle, ["run": ...])` is the
/// table's text with each `{NAME}` replaced by its value. Figures take every
/// text in words from here, so that a figure in Chinese shows no English.
public struct FigureStrings: Sendable {
    public let language: Language
    let table: [FigureText: String]

    public init(_ language: Language) {
        self.language = language
        table = Self.table(language)
    }

    /// The language's table: every `FigureText` and its text.
    public static func table(_ language: Language) -> [FigureText: String] {
        switch language {
        case .en: english
        case .zh: chinese
        }
    }

    /// The text of `key` with each `{NAME}` replaced by `values[NAME]`, in
    /// one pass (a value that holds braces stays as it is); a key missing
    /// from the table (which a test forbids) falls back to English.
    public func callAsFunction(_ key: FigureText, _ values: [String: String] = [:]) -> String {
        let text = table[key] ?? Self.english[key] ?? key.rawValue
        return text.replacing(Self.placeholder) { match in values[String(match.output.1)] ?? String(match.output.0) }
    }

    /// `{NAME}`, NAME in letters.
    static var placeholder: Regex<(Substring, Substring)> { #/\{([A-Za-z]+)\}/# }

    /// The names `NAME` of the `{NAME}` placeholders in `text`.
    public static func placeholders(in text: String) -> Set<String> {
        Set(text.matches(of: placeholder).map { String($0.output.1) })
    }

    /// The word for a verdict.
    public func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .success: self(.verdictSuccess)
        case .collapsed: self(.verdictCollapsed)
        case .shifted: self(.verdictShifted)
        case .wrongShape: self(.verdictWrongShape)
        case .diverged: self(.verdictDiverged)
        case .missingModes: self(.verdictMissingModes)
        }
    }
}
