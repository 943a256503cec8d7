import Foundation
import TinyGANPlot

/// The languages of the page (and of its figures); the page's words live in
/// `templates/strings/LANG.json`, the figures' in `FigureStrings`.
public typealias ReportLanguage = Language

/// How to build a report, its templates loaded and checked.
public struct ReportSettings: Sendable {
    public var title: String?
    public let language: ReportLanguage
    public var selfContained: Bool
    /// The templates and the language's strings, parsed.
    public let templates: ReportTemplates

    /// Loads the templates of `folder` (which holds `report.mustache`,
    /// `sweep.mustache`, `plane.mustache`, `style.mustache` and `strings/`) for `language`:
    /// throws if any is missing or does not parse (`ReportTemplates`).
    public init(title: String? = nil, language: ReportLanguage = .en, selfContained: Bool = false,
                templates folder: URL) throws {
        self.title = title
        self.language = language
        self.selfContained = selfContained
        self.templates = try ReportTemplates(folder: folder, language: language)
    }
}
