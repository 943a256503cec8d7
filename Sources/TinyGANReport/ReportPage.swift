import Foundation
import Mustache
import TinyGANCairo
import TinyGANCore
import TinyGANPlot

/// The languages of the page; their words live in `templates/strings/LANG.json`.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case en, zh
}

/// How to build a report.
public struct ReportSettings: Sendable {
    public var title: String?
    public var language: ReportLanguage
    public var selfContained: Bool
    /// The folder holding `report.mustache`, `style.mustache` and `strings/`.
    public var templates: URL

    public init(title: String? = nil, language: ReportLanguage = .en, selfContained: Bool = false, templates: URL) {
        self.title = title
        self.language = language
        self.selfContained = selfContained
        self.templates = templates
    }
}

public enum ReportBuilder {
    /// The single-run figures of the main run, in the page's order.
    static let mainFigures: [FigureKind] = [.moments, .distribution, .losses, .mapping, .qq, .evolution, .density]

    /// Throws, naming it, when `destination` exists and may not be replaced:
    /// call it before training, to fail before the work.
    public static func checkDestination(_ destination: URL, replacing: Bool) throws {
        try ReportFolder.checkDestination(destination, replacing: replacing)
    }

    /// Writes `destination` (a folder): `index.html`, `figures/` (SVG),
    /// `runs/` with every log and the manifest `.tinygan-report.json`, built
    /// beside and put into place in one step (`ReportFolder`). An existing
    /// destination is replaced only with `replacing`, and only if it is a
    /// report tinygan wrote.
    public static func build(_ runs: ReportRuns, settings: ReportSettings, destination: URL,
                             replacing: Bool) throws {
        let templates = try ReportTemplates(folder: settings.templates, language: settings.language)
        try ReportFolder.build(at: destination, replacing: replacing) { staging in
            try runs.write(to: staging.appendingPathComponent("runs"))
            let figures = staging.appendingPathComponent("figures")
            let files = FigureFiles(renderer: try CairoRenderer(), formats: [.svg])
            var outcome = try files.write(mainFigures, logs: [(source: "main", log: runs.main)], to: figures)
            let grid = try files.write([.runs], logs: runs.grid.map { (source: "run", log: $0) }, to: figures)
            outcome.written += grid.written
            outcome.skipped += grid.skipped
            let sources = try figureSources(outcome.written, selfContained: settings.selfContained)
            let context = ReportContext.make(runs, settings: settings, figures: sources, skipped: outcome.skipped)
            let page = try templates.render(context)
            try AtomicFile.write(Data(page.utf8), to: staging.appendingPathComponent("index.html"))
        }
    }
}

extension ReportBuilder {
    /// Figure name -> what an <img> shows: `figures/NAME.svg` beside the
    /// page, or the SVG itself as a data URI for a self-contained page.
    static func figureSources(_ files: [URL], selfContained: Bool) throws -> [String: String] {
        var sources: [String: String] = [:]
        for url in files {
            sources[url.deletingPathExtension().lastPathComponent] = selfContained
                ? "data:image/svg+xml;base64," + (try Data(contentsOf: url)).base64EncodedString()
                : "figures/\(url.lastPathComponent)"
        }
        return sources
    }

    /// Writes `index.html` into a sweep folder: its success rates with their
    /// intervals, its figures (drawn again from its logs), the verdict rule
    /// and the command that reproduces it. The page is written atomically.
    public static func buildSweep(_ folder: SweepFolder, settings: ReportSettings) throws {
        let templates = try ReportTemplates(folder: settings.templates, language: settings.language)
        let summary = try folder.summarize()
        let written = try FigureFiles(renderer: try CairoRenderer(), formats: [.svg]).writeSweep(folder, summary: summary)
        let sources = try figureSources(written, selfContained: settings.selfContained)
        let context = ReportContext.sweep(summary, settings: settings, figures: sources)
        let page = try templates.render(context, template: "sweep")
        try AtomicFile.write(Data(page.utf8), to: folder.url.appendingPathComponent("index.html"))
    }
}

/// The page's template, its style partial and its language's string table.
struct ReportTemplates {
    let library: MustacheLibrary
    let strings: [String: String]

    init(folder: URL, language: ReportLanguage) throws {
        var library = MustacheLibrary()
        for name in ["report", "sweep", "style"] {
            let url = folder.appendingPathComponent("\(name).mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw TinyGANError.failure("cannot read the template \(url.path) (see --templates)")
            }
            do { try library.register(text, named: name) } catch {
                throw TinyGANError.failure("the template \(url.path) does not parse: \(error)")
            }
        }
        self.library = library
        let table = folder.appendingPathComponent("strings/\(language.rawValue).json")
        guard let data = try? Data(contentsOf: table),
              let strings = try? JSONDecoder().decode([String: String].self, from: data) else {
            throw TinyGANError.failure("cannot read the string table \(table.path)")
        }
        self.strings = strings
    }

    /// Renders each string of the table as a template over `context` (so the
    /// prose can cite this run's numbers), then the page with them as `t`.
    func render(_ context: [String: Any], template: String = "report") throws -> String {
        var translated: [String: String] = [:]
        for (key, text) in strings {
            do {
                translated[key] = try MustacheTemplate(string: text).render(context, library: library)
            } catch {
                throw TinyGANError.failure("the string '\(key)' does not parse as a template: \(error)")
            }
        }
        var full = context
        full["t"] = translated
        guard let page = library.render(full, withTemplate: template) else {
            throw TinyGANError.failure("the template '\(template)' is missing")
        }
        return page
    }

    /// Where the templates are: `explicit`, else $TINYGAN_TEMPLATES, else
    /// `templates/` in the working folder, else the repository's
    /// `templates/` next to the build folder of this executable.
    static func locate(explicit: String?) throws -> URL {
        var candidates: [URL] = []
        if let explicit { candidates.append(URL(fileURLWithPath: explicit)) }
        if let variable = ProcessInfo.processInfo.environment["TINYGAN_TEMPLATES"] {
            candidates.append(URL(fileURLWithPath: variable))
        }
        candidates.append(URL(fileURLWithPath: "templates"))
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(folder.appendingPathComponent("templates"))
            folder.deleteLastPathComponent()
        }
        if let found = candidates.first(where: {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("report.mustache").path)
        }) {
            return found
        }
        throw TinyGANError.failure("cannot find the report templates (report.mustache); pass --templates DIR")
    }
}

extension ReportSettings {
    /// The templates folder found as `ReportTemplates.locate` describes.
    public static func templatesFolder(explicit: String?) throws -> URL {
        try ReportTemplates.locate(explicit: explicit)
    }
}
